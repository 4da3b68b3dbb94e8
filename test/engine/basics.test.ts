// The engine core through the official SDK over gRPC: deploy, create, jobs, results.

import { expect } from 'chai';
import { bpmn, chain, end, serviceTask, start } from '../support/bpmn.ts';
import { startTestEngine, type TestEngine } from '../support/engine.ts';

describe('engine basics (SDK over gRPC)', () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine();
  });
  after(async () => {
    await t?.stop();
  });

  it('answers topology like a one-broker Zeebe 8.8 cluster', async () => {
    const topology = await t.zeebe.topology();
    expect(topology.clusterSize).to.equal(1);
    expect(topology.partitionsCount).to.equal(1);
    expect(topology.brokers[0].partitions[0].role).to.equal('LEADER');
    expect(topology.gatewayVersion).to.match(/^8\.8/);
  });

  it('deploys a process, versions it only when it changed, and keys follow Zeebe format', async () => {
    const model = bpmn('versioned', start(), end(), chain('start', 'end'));
    const first = await t.zeebe.deployResource({ process: model, name: 'versioned.bpmn' });
    const again = await t.zeebe.deployResource({ process: model, name: 'versioned.bpmn' });
    const changed = await t.zeebe.deployResource({ process: bpmn('versioned', start('s2'), end(), chain('s2', 'end')), name: 'versioned.bpmn' });
    const v1 = first.deployments[0].process!;
    expect(v1.version).to.equal(1);
    expect(again.deployments[0].process!.version).to.equal(1);
    expect(again.deployments[0].process!.processDefinitionKey).to.equal(v1.processDefinitionKey);
    expect(changed.deployments[0].process!.version).to.equal(2);
    expect(BigInt(v1.processDefinitionKey) >> 51n).to.equal(1n);
  });

  it('runs a service task: the worker sees the variables and its result comes back', async () => {
    await t.zeebe.deployResource({ process: bpmn('one-task', start(), serviceTask('task', 'double'), end(), chain('start', 'task', 'end')), name: 'one-task.bpmn' });
    const worker = t.zeebe.createWorker({
      taskType: 'double',
      pollInterval: 50,
      taskHandler: (job) => job.complete({ doubled: (job.variables as { n: number }).n * 2 }),
    });
    try {
      const result = await t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'one-task', variables: { n: 21 }, requestTimeout: 10_000 });
      expect(result.variables).to.deep.equal({ n: 21, doubled: 42 });
    } finally {
      await worker.close();
    }
  });

  it('starts an instance at a given element with start instructions', async () => {
    await t.zeebe.deployResource({ process: bpmn('skip-ahead', start(), serviceTask('first', 'skip-first'), serviceTask('second', 'skip-second'), end(), chain('start', 'first', 'second', 'end')), name: 'skip-ahead.bpmn' });
    const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'skip-ahead', variables: { resumed: true }, startInstructions: [{ elementId: 'second' }] });
    const [job] = await t.zeebe.activateJobs({ type: 'skip-second', worker: 'w', maxJobsToActivate: 1, timeout: 10_000, requestTimeout: 5000 });
    expect(job.processInstanceKey).to.equal(instance.processInstanceKey);
    expect(await t.zeebe.activateJobs({ type: 'skip-first', worker: 'w', maxJobsToActivate: 1, timeout: 10_000, requestTimeout: -1 })).to.have.length(0);
  });

  it('rejects a create for an unknown process with NOT_FOUND and the id', async () => {
    const err = await t.zeebe.createProcessInstance({ bpmnProcessId: 'no-such-process', variables: {} }).then(() => undefined, (e: Error) => e);
    expect(err?.message).to.contain("Expected to find process definition with process ID 'no-such-process'");
    expect((err as { code?: number }).code).to.equal(5);
  });
});
