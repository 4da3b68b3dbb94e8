// Variables exactly as Zeebe 8.8: scopes, propagation on job completion, input and output
// mappings, fetchVariable, local SetVariables. Each case is observed the way a user would:
// through what workers receive and what a completed instance returns.

import { expect } from 'chai';
import { bpmn, chain, end, serviceTask, start, subProcess } from '../support/bpmn.ts';
import { startTestEngine, type TestEngine } from '../support/engine.ts';
import { rawGateway } from '../support/raw-grpc.ts';

describe('variables (scopes, propagation, mappings)', () => {
  let t: TestEngine;
  let n = 0;
  before(async () => {
    t = await startTestEngine();
  });
  after(async () => {
    await t?.stop();
  });

  /** Deploys a process, runs it with one worker per job type, returns the final variables and what each job saw. */
  async function run(elements: string[], variables: Record<string, any>, handlers: Record<string, (vars: Record<string, any>) => Record<string, any>>, fetch?: Record<string, string[]>) {
    const id = `vars-${++n}`;
    await t.zeebe.deployResource({ process: bpmn(id, ...elements), name: `${id}.bpmn` });
    const seen: Record<string, Record<string, unknown>> = {};
    const workers = Object.entries(handlers).map(([type, handler]) =>
      t.zeebe.createWorker({
        taskType: `${id}-${type}`,
        pollInterval: 20,
        fetchVariable: fetch?.[type] as never,
        taskHandler: (job) => {
          seen[type] = job.variables as Record<string, unknown>;
          return job.complete(handler(job.variables as Record<string, any>));
        },
      }),
    );
    try {
      const result = await t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: id, variables, requestTimeout: 10_000 });
      return { result: result.variables as Record<string, unknown>, seen };
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  }
  const task = (id: string, options = {}) => serviceTask(id, `vars-${n + 1}-${id}`, options);

  it('merges job variables into the process instance when there are no output mappings', async () => {
    const { result } = await run([start(), task('a'), end(), chain('start', 'a', 'end')], { x: 1 }, { a: () => ({ y: 2, x: 10 }) });
    expect(result).to.deep.equal({ x: 10, y: 2 });
  });

  it('with output mappings, only the mapped variables leave the task', async () => {
    const { result } = await run(
      [start(), task('a', { outputs: { total: '=amount * 2' } }), end(), chain('start', 'a', 'end')],
      {},
      { a: () => ({ amount: 21, secret: 's' }) },
    );
    expect(result).to.deep.equal({ total: 42 });
  });

  it('input mappings create local variables the job sees, which do not leave the task', async () => {
    const { result, seen } = await run(
      [start(), task('a', { inputs: { customer: '=order.customer', 'meta.source': '="12315"' } }), end(), chain('start', 'a', 'end')],
      { order: { customer: '张三', amount: 5 } },
      { a: () => ({}) },
    );
    expect(seen.a).to.deep.equal({ order: { customer: '张三', amount: 5 }, customer: '张三', meta: { source: '12315' } });
    expect(result).to.deep.equal({ order: { customer: '张三', amount: 5 } });
  });

  it('a job variable named like an input-mapped local updates the local one and is dropped with the task', async () => {
    const { result } = await run(
      [start(), task('a', { inputs: { status: '="local"' } }), end(), chain('start', 'a', 'end')],
      { status: 'global' },
      { a: () => ({ status: 'changed by job' }) },
    );
    expect(result).to.deep.equal({ status: 'global' });
  });

  it('later mappings read earlier ones, as one FEEL context', async () => {
    const { seen } = await run([start(), task('a', { inputs: { a: '=1', b: '=a + 1' } }), end(), chain('start', 'a', 'end')], {}, { a: () => ({}) });
    expect(seen.a).to.include({ a: 1, b: 2 });
  });

  it('a missing variable in a mapping maps to null', async () => {
    const { result } = await run([start(), task('a', { outputs: { copy: '=nothing' } }), end(), chain('start', 'a', 'end')], {}, { a: () => ({}) });
    expect(result).to.deep.equal({ copy: null });
  });

  it('fetchVariable limits what a worker receives', async () => {
    const { seen } = await run([start(), task('a'), end(), chain('start', 'a', 'end')], { a: 1, b: 2, c: 3 }, { a: () => ({}) }, { a: ['a', 'c'] });
    expect(seen.a).to.deep.equal({ a: 1, c: 3 });
  });

  it('sub-process locals shadow outer variables, and job variables propagate to where a variable lives', async () => {
    const { result, seen } = await run(
      [
        start(),
        subProcess('sub', { inputs: { level: '="inner"', counter: '=0' } }, start('s_start'), task('inner'), end('s_end'), chain('s_start', 'inner', 's_end')),
        end(),
        chain('start', 'sub', 'end'),
      ],
      { level: 'outer' },
      { inner: (v) => ({ counter: v.counter + 1, created: true }) },
    );
    expect(seen.inner).to.deep.equal({ level: 'inner', counter: 0 });
    // counter existed in the sub-process scope, so it stayed there; created went to the root.
    expect(result).to.deep.equal({ level: 'outer', created: true });
  });

  it('sub-process output mappings carry its local variables out', async () => {
    const { result } = await run(
      [
        start(),
        subProcess('sub', { inputs: { counter: '=0' }, outputs: { finalCount: '=counter' } }, start('s_start'), task('inner'), end('s_end'), chain('s_start', 'inner', 's_end')),
        end(),
        chain('start', 'sub', 'end'),
      ],
      {},
      { inner: (v) => ({ counter: v.counter + 5 }) },
    );
    expect(result).to.deep.equal({ finalCount: 5 });
  });

  it('SetVariables: local stays on the element, propagate goes where the variable lives', async () => {
    const id = 'set-vars';
    await t.zeebe.deployResource({ process: bpmn(id, start(), serviceTask('wait', 'set-vars-wait'), serviceTask('check', 'set-vars-check'), end(), chain('start', 'wait', 'check', 'end')), name: `${id}.bpmn` });
    const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: id, variables: { x: 1 } });
    const [job] = await t.zeebe.activateJobs({ type: 'set-vars-wait', worker: 'test', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 5000 });
    await t.zeebe.setVariables({ elementInstanceKey: job.elementInstanceKey, variables: { onlyHere: true }, local: true });
    await t.zeebe.setVariables({ elementInstanceKey: job.elementInstanceKey, variables: { x: 2 }, local: false });
    await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    const [check] = await t.zeebe.activateJobs({ type: 'set-vars-check', worker: 'test', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 5000 });
    expect(check.processInstanceKey).to.equal(instance.processInstanceKey);
    expect(check.variables).to.deep.equal({ x: 2 });
  });

  describe('bad input', () => {
    let raw: ReturnType<typeof rawGateway>;
    before(() => {
      raw = rawGateway(t.engine.grpcAddress);
    });
    after(() => raw.close());

    const failure = (p: Promise<unknown>) => p.then(() => expect.fail('expected a rejection'), (e: { code: number; details: string }) => e);

    it('refuses variables that are not valid JSON, or not an object, naming the field', async () => {
      const invalid = await failure(raw.call('CreateProcessInstance', { bpmnProcessId: 'vars-1', variables: '{"a": ' }));
      expect(invalid.code).to.equal(3); // INVALID_ARGUMENT
      expect(invalid.details).to.match(/'variables' is not valid JSON/);
      const array = await failure(raw.call('CreateProcessInstance', { bpmnProcessId: 'vars-1', variables: '[1,2]' }));
      expect(array.code).to.equal(3);
      expect(array.details).to.match(/root level object, but was 'ARRAY'/);
    });

    it('answers unknown keys with NOT_FOUND', async () => {
      for (const [method, request] of [
        ['CompleteJob', { jobKey: '2251799813685999', variables: '{}' }],
        ['CancelProcessInstance', { processInstanceKey: '2251799813685999' }],
        ['ResolveIncident', { incidentKey: '2251799813685999' }],
        ['SetVariables', { elementInstanceKey: '2251799813685999', variables: '{}' }],
        ['UpdateJobRetries', { jobKey: '2251799813685999', retries: 3 }],
      ] as const) {
        const err = await failure(raw.call(method, request));
        expect(err.code, method).to.equal(5);
        expect(err.details, method).to.contain("'2251799813685999'");
      }
    });

    it('refuses a payload over the 4 MB limit with RESOURCE_EXHAUSTED', async () => {
      const big = JSON.stringify({ blob: 'x'.repeat(4 * 1024 * 1024 + 10) });
      const err = await failure(raw.call('CreateProcessInstance', { bpmnProcessId: 'vars-1', variables: big }));
      expect(err.code).to.equal(8);
    });

    it('a rejected command changes nothing', async () => {
      const before = (await t.records({ valueType: 'PROCESS_INSTANCE_CREATION' })).length;
      await failure(raw.call('CreateProcessInstance', { bpmnProcessId: 'vars-1', variables: 'not json' }));
      await failure(raw.call('CreateProcessInstance', { bpmnProcessId: 'missing-process', variables: '{}' }));
      expect((await t.records({ valueType: 'PROCESS_INSTANCE_CREATION' })).length).to.equal(before);
    });
  });
});
