// Multi-instance activities: parallel and sequential, input and output collections, the
// completion condition, empty collections, and boundary events on the body.

import { expect } from 'chai';
import { bpmn, chain, end, multiInstance, scriptTask, serviceTask, start, subProcess, timerBoundary } from '../support/bpmn.ts';
import { eventually, startTestEngine, type TestEngine } from '../support/engine.ts';

describe('multi-instance', () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine();
  });
  after(async () => {
    await t?.stop();
  });

  const run = async (id: string, elements: string[], variables: Record<string, any>) => {
    await t.zeebe.deployResource({ process: bpmn(id, ...elements), name: `${id}.bpmn` });
    return t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: id, variables, requestTimeout: 10_000 });
  };

  it('parallel: one inner instance per item, results in item order whatever order they finish in', async () => {
    await t.zeebe.deployResource({
      process: bpmn('notify-all', start(), multiInstance(serviceTask('notify', 'notify-dept'), { collection: '=departments', element: 'dept', outputCollection: 'receipts', outputElement: '=receipt' }), end(), chain('start', 'notify', 'end')),
      name: 'notify-all.bpmn',
    });
    const result = t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'notify-all', variables: { departments: ['食品科', '价格科', '质量科'] }, requestTimeout: 10_000 });
    const jobs = await eventually(async () => {
      const found = await t.zeebe.activateJobs({ type: 'notify-dept', worker: 'w', maxJobsToActivate: 10, timeout: 60_000, requestTimeout: -1 });
      return found.length ? found : undefined;
    }, 'three jobs');
    expect(jobs).to.have.length(3);
    expect(jobs.map((j) => (j.variables as any).loopCounter)).to.have.members([1, 2, 3]);
    for (const job of [...jobs].reverse()) await t.zeebe.completeJob({ jobKey: job.key, variables: { receipt: `${(job.variables as any).dept}已签收` } });
    // Without an output mapping each job's receipt also lands at the root, as in Zeebe; the collection keeps them all.
    expect(((await result).variables as { receipts: string[] }).receipts).to.deep.equal(['食品科已签收', '价格科已签收', '质量科已签收']);
  });

  it('sequential: one item at a time, in order', async () => {
    const result = await run('seq', [start(), multiInstance(scriptTask('step', '=append(log, item)', 'log'), { collection: '=items', element: 'item', sequential: true }), end(), chain('start', 'step', 'end')], { items: ['a', 'b', 'c'], log: [] });
    expect((result.variables as any).log).to.deep.equal(['a', 'b', 'c']);
  });

  it('an empty collection completes at once with an empty output collection', async () => {
    const result = await run('empty', [start(), multiInstance(scriptTask('x', '=1', 'r'), { collection: '=[]', outputCollection: 'out', outputElement: '=r' }), end(), chain('start', 'x', 'end')], {});
    expect(result.variables).to.deep.equal({ out: [] });
  });

  it('the completion condition ends the body early and terminates the rest', async () => {
    await t.zeebe.deployResource({
      process: bpmn('first-two', start(), multiInstance(serviceTask('vote', 'vote'), { collection: '=[1,2,3,4]', completionCondition: '=numberOfCompletedInstances >= 2' }), end(), chain('start', 'vote', 'end')),
      name: 'first-two.bpmn',
    });
    const result = t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'first-two', variables: {}, requestTimeout: 10_000 });
    const jobs = await eventually(async () => {
      const found = await t.zeebe.activateJobs({ type: 'vote', worker: 'w', maxJobsToActivate: 10, timeout: 60_000, requestTimeout: -1 });
      return found.length ? found : undefined;
    }, 'four jobs');
    await t.zeebe.completeJob({ jobKey: jobs[0].key, variables: {} });
    await t.zeebe.completeJob({ jobKey: jobs[1].key, variables: {} });
    const done = await result;
    const terminated = await t.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED', processInstanceKey: done.processInstanceKey });
    expect(terminated.map((r) => r.value.elementId)).to.deep.equal(['vote', 'vote']);
  });

  it('a non-collection input raises an incident on the body', async () => {
    await t.zeebe.deployResource({ process: bpmn('bad-collection', start(), multiInstance(scriptTask('x', '=1', 'r'), { collection: '=notAList' }), end(), chain('start', 'x', 'end')), name: 'bad-collection.bpmn' });
    const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'bad-collection', variables: { notAList: 5 } });
    const [incident] = await t.records({ valueType: 'INCIDENT', intent: 'CREATED', processInstanceKey: instance.processInstanceKey });
    expect(incident.value.errorMessage).to.equal("Expected result of the expression 'notAList' to be 'ARRAY', but was 'NUMBER'.");
  });

  it('a multi-instance sub-process gives each item its own scope', async () => {
    const result = await run(
      'mi-sub',
      [start(), multiInstance(subProcess('each', { inputs: { doubled: '=n * 2' } }, start('s0'), scriptTask('calc', '=doubled + 1', 'value'), end('s1'), chain('s0', 'calc', 's1')), { collection: '=numbers', element: 'n', outputCollection: 'values', outputElement: '=value' }), end(), chain('start', 'each', 'end')],
      { numbers: [1, 2, 3] },
    );
    expect((result.variables as any).values).to.deep.equal([3, 5, 7]);
  });

  it('a boundary timer on a multi-instance activity interrupts the whole body', async () => {
    const clock = t.engine.clock;
    const now = Date.now();
    clock.pin(now);
    try {
      await t.zeebe.deployResource({
        process: bpmn('mi-timeout', start(), multiInstance(serviceTask('sign', 'mi-sign'), { collection: '=[1,2]' }), timerBoundary('late', 'sign', 'timeDuration', 'PT1H'), end(), end('e2'), chain('start', 'sign', 'end'), chain('late', 'e2')),
        name: 'mi-timeout.bpmn',
      });
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'mi-timeout', variables: {} });
      clock.pin(now + 3_600_001);
      t.engine.engine.clockChanged();
      const terminated = await eventually(async () => {
        const rows = await t.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED', processInstanceKey: instance.processInstanceKey });
        return rows.length >= 3 ? rows : undefined;
      }, 'the body and both inner instances to terminate');
      expect(terminated.map((r) => r.value.bpmnElementType)).to.deep.equal(['SERVICE_TASK', 'SERVICE_TASK', 'MULTI_INSTANCE_BODY']);
    } finally {
      clock.reset();
    }
  });
});
