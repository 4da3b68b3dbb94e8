// Jobs and incidents: failure with retries and back-off, incidents and their resolution,
// timeouts on the engine's clock, long polling and streaming, BPMN errors and where they
// are caught.

import { expect } from 'chai';
import { bpmn, callActivity, chain, definitions, end, error, errorBoundary, errorEventSubProcess, processXml, serviceTask, start, subProcess, scriptTask } from '../support/bpmn.ts';
import { eventually, startTestEngine, type TestEngine } from '../support/engine.ts';

describe('jobs, incidents and errors', () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine();
  });
  after(async () => {
    await t?.stop();
  });

  const activate = (type: string, timeout = 60_000) => t.zeebe.activateJobs({ type, worker: 'test-worker', maxJobsToActivate: 10, timeout, requestTimeout: 2000 });
  const failure = (p: Promise<unknown>) => p.then(() => expect.fail('expected a rejection'), (e: Error & { code: number }) => e);
  /** The jobs activatable right now (no long polling). */
  const activateNow = (type: string, worker = 'w', timeout = 1000) => t.zeebe.activateJobs({ type, worker, maxJobsToActivate: 1, timeout, requestTimeout: -1 });
  /** The jobs `activation` gives, tried until it gives some. */
  const activatedEventually = <T>(activation: () => Promise<T[]>, what: string) =>
    eventually(async () => {
      const jobs = await activation();
      return jobs.length ? jobs : undefined;
    }, what);

  /** Runs `body` on the engine clock pinned at now; `advance(ms)` moves it to now + ms. */
  async function onPinnedClock(body: (advance: (ms: number) => void) => Promise<void>): Promise<void> {
    const now = Date.now();
    t.engine.clock.pin(now);
    try {
      await body((ms) => {
        t.engine.clock.pin(now + ms);
        t.engine.engine.clockChanged();
      });
    } finally {
      t.engine.clock.reset();
    }
  }

  async function oneTask(id: string, type: string, retries = '3') {
    await t.zeebe.deployResource({ process: bpmn(id, start(), serviceTask('task', type, { retries }), end(), chain('start', 'task', 'end')), name: `${id}.bpmn` });
    return t.zeebe.createProcessInstance({ bpmnProcessId: id, variables: { ticket: 'T-1' } });
  }

  it('a failed job with retries left comes back; with none left it becomes an incident, resolved after retries are updated', async () => {
    const instance = await oneTask('fail-flow', 'fail-flow', '2');
    let [job] = await activate('fail-flow');
    expect(job.retries).to.equal(2);
    await t.zeebe.failJob({ jobKey: job.key, retries: 1, errorMessage: 'SMS gateway down', retryBackOff: 0 });
    [job] = await activate('fail-flow');
    expect(job.retries).to.equal(1);
    await t.zeebe.failJob({ jobKey: job.key, retries: 0, errorMessage: 'SMS gateway still down', retryBackOff: 0 });
    expect(await activateNow('fail-flow')).to.have.length(0);

    const [incident] = await t.records({ valueType: 'INCIDENT', intent: 'CREATED', processInstanceKey: instance.processInstanceKey });
    expect(incident.value).to.include({ errorType: 'JOB_NO_RETRIES', errorMessage: 'SMS gateway still down', elementId: 'task' });
    expect(String(incident.value.jobKey)).to.equal(job.key);

    const early = await failure(t.zeebe.resolveIncident({ incidentKey: incident.key }));
    expect(early.code).to.equal(9); // FAILED_PRECONDITION: no retries left
    expect(early.message).to.contain('Update the job');

    const completeFailed = await failure(t.zeebe.completeJob({ jobKey: job.key, variables: {} }));
    expect(completeFailed.code).to.equal(9);
    expect(completeFailed.message).to.contain('marked as failed');

    await t.zeebe.updateJobRetries({ jobKey: job.key, retries: 1 });
    await t.zeebe.resolveIncident({ incidentKey: incident.key });
    [job] = await activate('fail-flow');
    await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    const done = await t.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', processInstanceKey: instance.processInstanceKey });
    expect(done.at(-1)!.value.bpmnElementType).to.equal('PROCESS');
  });

  it('refuses retries below one', async () => {
    await oneTask('retries-zero', 'retries-zero');
    const [job] = await activate('retries-zero');
    const err = await failure(t.zeebe.updateJobRetries({ jobKey: job.key, retries: 0 }));
    expect(err.code).to.equal(3);
    expect(err.message).to.contain('positive amount of retries');
  });

  it('a failed job waits out its back-off on the engine clock', () =>
    onPinnedClock(async (advance) => {
      await oneTask('backoff', 'backoff');
      const [job] = await activate('backoff');
      await t.zeebe.failJob({ jobKey: job.key, retries: 2, errorMessage: 'busy', retryBackOff: 60_000 });
      expect(await activateNow('backoff')).to.have.length(0);
      advance(61_000);
      const [again] = await activatedEventually(() => activateNow('backoff'), 'the job after its back-off');
      expect(again.key).to.equal(job.key);
      expect(again.retries).to.equal(2);
    }));

  it('a job whose activation timed out is activatable again without using a retry, and the late worker may still complete it', () =>
    onPinnedClock(async (advance) => {
      const instance = await oneTask('timeout', 'timeout');
      const [first] = await activate('timeout', 30_000);
      advance(31_000);
      const [second] = await activatedEventually(() => activateNow('timeout', 'second', 30_000), 'the timed-out job');
      expect(second.key).to.equal(first.key);
      expect(second.retries).to.equal(first.retries);
      expect((await t.records({ valueType: 'JOB', intent: 'TIMED_OUT', processInstanceKey: instance.processInstanceKey })).length).to.equal(1);
      await t.zeebe.completeJob({ jobKey: first.key, variables: {} });
      const late = await failure(t.zeebe.completeJob({ jobKey: second.key, variables: {} }));
      expect(late.code).to.equal(5);
    }));

  it('UpdateJobTimeout moves the deadline of an activated job', () =>
    onPinnedClock(async (advance) => {
      await oneTask('extend', 'extend');
      const [job] = await activate('extend', 10_000);
      await t.zeebe.updateJobTimeout({ jobKey: job.key, timeout: 120_000 });
      advance(60_000);
      expect(await activateNow('extend')).to.have.length(0);
    }));

  it('long polling: the call waits for a job, and ends itself at requestTimeout', async () => {
    const started = Date.now();
    const empty = await t.zeebe.activateJobs({ type: 'nothing-here', worker: 'w', maxJobsToActivate: 1, timeout: 1000, requestTimeout: 300 });
    expect(empty).to.have.length(0);
    expect(Date.now() - started).to.be.at.least(250);

    const waiting = t.zeebe.activateJobs({ type: 'arrives-later', worker: 'w', maxJobsToActivate: 5, timeout: 1000, requestTimeout: 10_000 });
    await new Promise((r) => setTimeout(r, 100));
    await oneTask('arrives-later', 'arrives-later');
    const jobs = await waiting;
    expect(jobs).to.have.length(1);
    expect(jobs[0].variables).to.deep.equal({ ticket: 'T-1' });
  });

  it('job streams push jobs as they are created', async () => {
    const received: string[] = [];
    const stream = await t.zeebe.streamJobs({
      type: 'streamed',
      worker: 'stream-worker',
      tenantIds: ['<default>'],
      timeout: 60_000,
      taskHandler: (job) => {
        received.push(job.elementId);
        return job.complete();
      },
    });
    try {
      await t.zeebe.deployResource({ process: bpmn('streamed', start(), serviceTask('s1', 'streamed'), serviceTask('s2', 'streamed'), end(), chain('start', 's1', 's2', 'end')), name: 'streamed.bpmn' });
      const result = await t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'streamed', variables: {}, requestTimeout: 10_000 });
      expect(result.processInstanceKey).to.be.a('string');
      expect(received).to.deep.equal(['s1', 's2']);
    } finally {
      stream.close();
    }
  });

  describe('BPMN errors', () => {
    before(async () => {
      await t.zeebe.deployResource({
        process: Buffer.from(
          definitions(
            processXml(
              'errors',
              start(),
              serviceTask('verify', 'verify-respondent'),
              errorBoundary('not_found', 'verify', 'Err_NotFound', { outputs: { reason: '=reason' } }),
              errorBoundary('any_error', 'verify'),
              scriptTask('mark_not_found', '="查无此企业"', 'outcome'),
              scriptTask('mark_other', '="其他错误"', 'outcome'),
              scriptTask('mark_ok', '="已核实"', 'outcome'),
              end('e1'), end('e2'), end('e3'),
              chain('start', 'verify', 'mark_ok', 'e1'),
              chain('not_found', 'mark_not_found', 'e2'),
              chain('any_error', 'mark_other', 'e3'),
            ),
            error('Err_NotFound', 'RESPONDENT_NOT_FOUND'),
          ),
        ),
        name: 'errors.bpmn',
      });
    });

    async function throwAndRun(code: string, variables: Record<string, string> = {}) {
      const result = t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'errors', variables: {}, requestTimeout: 10_000 });
      const [job] = await activatedEventually(() => activate('verify-respondent'), 'the verify job');
      await t.zeebe.throwError({ jobKey: job.key, errorCode: code, errorMessage: 'from the worker', variables });
      return (await result).variables as Record<string, unknown>;
    }

    it('an error boundary for the exact code wins over the catch-all, with the error variables mapped', async () => {
      expect(await throwAndRun('RESPONDENT_NOT_FOUND', { reason: '营业执照已注销' })).to.deep.equal({ outcome: '查无此企业', reason: '营业执照已注销' });
    });

    it('the catch-all boundary takes any other code', async () => {
      expect(await throwAndRun('SOMETHING_ELSE')).to.deep.equal({ outcome: '其他错误' });
    });

    it('an error from a called process is caught at the call activity, across the call', async () => {
      await t.zeebe.deployResource({ process: bpmn('err-child', start(), serviceTask('inner', 'err-inner'), end(), chain('start', 'inner', 'end')), name: 'err-child.bpmn' });
      await t.zeebe.deployResource({
        process: Buffer.from(
          definitions(
            processXml('err-parent', start(), callActivity('call', 'err-child'), errorBoundary('caught', 'call', 'E1'), scriptTask('handled', '=true', 'handled'), end(), end('e2'), chain('start', 'call', 'end'), chain('caught', 'handled', 'e2')),
            error('E1', 'CHILD_FAILED'),
          ),
        ),
        name: 'err-parent.bpmn',
      });
      const result = t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'err-parent', variables: {}, requestTimeout: 10_000 });
      const [inner] = await activatedEventually(() => activate('err-inner'), 'the child job');
      await t.zeebe.throwError({ jobKey: inner.key, errorCode: 'CHILD_FAILED', errorMessage: 'x' });
      expect((await result).variables).to.deep.equal({ handled: true });
      const terminated = await t.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED', processInstanceKey: inner.processInstanceKey });
      expect(terminated.map((r) => r.value.elementId)).to.deep.equal(['inner', 'err-child']);
    });

    it('an error event sub-process catches errors from anywhere in its scope', async () => {
      await t.zeebe.deployResource({
        process: bpmn('err-esp', start(), subProcess('work', {}, start('w0'), serviceTask('deep', 'err-deep'), end('w1'), chain('w0', 'deep', 'w1')), end(), chain('start', 'work', 'end'),
          errorEventSubProcess('on_error', 'esp_start', undefined, scriptTask('recover', '="已转人工"', 'outcome'), end('esp_end'), chain('esp_start', 'recover', 'esp_end'))),
        name: 'err-esp.bpmn',
      });
      const result = t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'err-esp', variables: {}, requestTimeout: 10_000 });
      const [job] = await activatedEventually(() => activate('err-deep'), 'the deep job');
      await t.zeebe.throwError({ jobKey: job.key, errorCode: 'ANY', errorMessage: 'x' });
      expect((await result).variables).to.deep.equal({ outcome: '已转人工' });
    });

    it('an uncaught error becomes an incident naming the code', async () => {
      const instance = await oneTask('uncaught', 'uncaught');
      const [job] = await activate('uncaught');
      await t.zeebe.throwError({ jobKey: job.key, errorCode: 'NOBODY_CATCHES', errorMessage: 'x' });
      const [incident] = await t.records({ valueType: 'INCIDENT', intent: 'CREATED', processInstanceKey: instance.processInstanceKey });
      expect(incident.value.errorType).to.equal('UNHANDLED_ERROR_EVENT');
      expect(incident.value.errorMessage).to.contain("'NOBODY_CATCHES'");
    });
  });
});
