// Gateways, sub-processes, terminate end events and call activities, through the SDK.

import { expect } from 'chai';
import { bpmn, callActivity, chain, end, flow, gateway, scriptTask, serviceTask, start, subProcess, terminateEnd, manualTask, task } from '../support/bpmn.ts';
import { startTestEngine, type TestEngine } from '../support/engine.ts';

describe('flows (gateways, scopes, call activities)', () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine();
  });
  after(async () => {
    await t?.stop();
  });

  async function deployAndRun(id: string, elements: string[], variables: Record<string, any>) {
    await t.zeebe.deployResource({ process: bpmn(id, ...elements), name: `${id}.bpmn` });
    const result = await t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: id, variables, requestTimeout: 10_000 });
    return { key: result.processInstanceKey, variables: result.variables as Record<string, unknown> };
  }

  async function path(processInstanceKey: string): Promise<string[]> {
    const rows = await t.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', processInstanceKey });
    return rows.map((r) => r.value.elementId);
  }

  describe('exclusive gateway', () => {
    const model = [
      start(),
      gateway('exclusive', 'route', 'to_other'),
      scriptTask('food', '="食品药品安全科"', 'department'),
      scriptTask('price', '="价格监督检查科"', 'department'),
      scriptTask('other', '="综合执法大队"', 'department'),
      end('e1'),
      flow('f0', 'start', 'route'),
      flow('to_food', 'route', 'food', '=category = "食品药品安全"'),
      flow('to_price', 'route', 'price', '=category = "价格违法"'),
      flow('to_other', 'route', 'other'),
      chain('food', 'e1'),
      flow('f_price', 'price', 'e1'),
      flow('f_other', 'other', 'e1'),
    ];

    it('takes the first flow whose condition is true', async () => {
      const { variables } = await deployAndRun('xor', model, { category: '价格违法' });
      expect(variables.department).to.equal('价格监督检查科');
    });

    it('takes the default flow when no condition is true', async () => {
      const { variables } = await deployAndRun('xor', model, { category: '预付卡消费' });
      expect(variables.department).to.equal('综合执法大队');
    });

    it('raises an incident when no condition is true and there is no default, and carries on once fixed', async () => {
      const id = 'xor-no-default';
      await t.zeebe.deployResource({
        process: bpmn(id, start(), gateway('exclusive', 'g'), end('yes'), end('no'), flow('f0', 'start', 'g'), flow('fy', 'g', 'yes', '=amount > 100'), flow('fn', 'g', 'no', '=amount <= 100')),
        name: `${id}.bpmn`,
      });
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: id, variables: {} });
      const [incident] = await t.records({ valueType: 'INCIDENT', intent: 'CREATED', processInstanceKey: instance.processInstanceKey });
      expect(incident.value.errorType).to.equal('CONDITION_ERROR');
      expect(incident.value.elementId).to.equal('g');
      expect(incident.value.errorMessage).to.contain('Expected at least one condition to evaluate to true');
      await t.zeebe.setVariables({ elementInstanceKey: instance.processInstanceKey, variables: { amount: 500 }, local: false });
      await t.zeebe.resolveIncident({ incidentKey: incident.key });
      expect(await path(instance.processInstanceKey)).to.deep.equal(['start', 'g', 'yes', id]);
    });

    it('raises an incident when a condition is not boolean', async () => {
      const id = 'xor-not-boolean';
      await t.zeebe.deployResource({ process: bpmn(id, start(), gateway('exclusive', 'g', 'fd'), end('a'), end('b'), flow('f0', 'start', 'g'), flow('fa', 'g', 'a', '=amount'), flow('fd', 'g', 'b')), name: `${id}.bpmn` });
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: id, variables: { amount: 5 } });
      const [incident] = await t.records({ valueType: 'INCIDENT', intent: 'CREATED', processInstanceKey: instance.processInstanceKey });
      expect(incident.value.errorMessage).to.equal("Expected result of the expression 'amount' to be 'BOOLEAN', but was 'NUMBER'.");
    });
  });

  describe('parallel and inclusive gateways', () => {
    it('a parallel gateway runs every branch and joins them all', async () => {
      const { key, variables } = await deployAndRun(
        'and',
        [
          start(), gateway('parallel', 'fork'), scriptTask('a', '=1', 'a'), scriptTask('b', '=2', 'b'), scriptTask('c', '=3', 'c'), gateway('parallel', 'join'), scriptTask('sum', '=a + b + c', 'sum'), end(),
          flow('f0', 'start', 'fork'), flow('fa', 'fork', 'a'), flow('fb', 'fork', 'b'), flow('fc', 'fork', 'c'), flow('ja', 'a', 'join'), flow('jb', 'b', 'join'), flow('jc', 'c', 'join'), chain('join', 'sum', 'end'),
        ],
        {},
      );
      expect(variables.sum).to.equal(6);
      expect((await path(key)).filter((id) => id === 'join')).to.have.length(1);
    });

    const inclusive = [
      start(), gateway('inclusive', 'fork', 'f_none'), scriptTask('phone', '="电话"', 'phone'), scriptTask('sms', '="短信"', 'sms'), scriptTask('none', '="无"', 'none'),
      gateway('inclusive', 'join'), scriptTask('done', '=true', 'joined'), end(),
      flow('f0', 'start', 'fork'), flow('f_phone', 'fork', 'phone', '=notifyPhone'), flow('f_sms', 'fork', 'sms', '=notifySms'), flow('f_none', 'fork', 'none'),
      flow('j1', 'phone', 'join'), flow('j2', 'sms', 'join'), flow('j3', 'none', 'join'), chain('join', 'done', 'end'),
    ];

    it('an inclusive gateway takes every true branch and its join waits for exactly those', async () => {
      const { key, variables } = await deployAndRun('or', inclusive, { notifyPhone: true, notifySms: true });
      expect(variables).to.include({ phone: '电话', sms: '短信', joined: true });
      expect(variables).not.to.have.property('none');
      expect((await path(key)).filter((id) => id === 'join')).to.have.length(1);
    });

    it('an inclusive join fires for a single branch, and the default flow is taken when none is true', async () => {
      const one = await deployAndRun('or', inclusive, { notifyPhone: false, notifySms: true });
      expect(one.variables).to.include({ sms: '短信', joined: true });
      const none = await deployAndRun('or', inclusive, { notifyPhone: false, notifySms: false });
      expect(none.variables).to.include({ none: '无', joined: true });
    });

    it('an inclusive join waits for a branch that is still running', async () => {
      const id = 'or-wait';
      await t.zeebe.deployResource({
        process: bpmn(id, start(), gateway('inclusive', 'fork'), serviceTask('slow', 'or-wait-slow'), manualTask('fast'), gateway('inclusive', 'join'), end(),
          flow('f0', 'start', 'fork'), flow('fs', 'fork', 'slow', '=true'), flow('ff', 'fork', 'fast', '=true'), flow('j1', 'slow', 'join'), flow('j2', 'fast', 'join'), chain('join', 'end')),
        name: `${id}.bpmn`,
      });
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: id, variables: {} });
      const [job] = await t.zeebe.activateJobs({ type: 'or-wait-slow', worker: 't', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 5000 });
      expect(await path(instance.processInstanceKey)).to.not.include('join');
      await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
      const completed = await path(instance.processInstanceKey);
      expect(completed.filter((e) => e === 'join')).to.have.length(1);
      expect(completed.at(-1)).to.equal(id);
    });
  });

  it('a terminate end event ends every other path of its scope', async () => {
    const id = 'terminate';
    await t.zeebe.deployResource({
      process: bpmn(id, start(), gateway('parallel', 'fork'), serviceTask('waiting', 'never-done'), terminateEnd('stop'), flow('f0', 'start', 'fork'), flow('f1', 'fork', 'waiting'), flow('f2', 'fork', 'stop')),
      name: `${id}.bpmn`,
    });
    const result = await t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: id, variables: {}, requestTimeout: 10_000 });
    const terminated = await t.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED', processInstanceKey: result.processInstanceKey });
    expect(terminated.map((r) => r.value.elementId)).to.deep.equal(['waiting']);
    const canceled = await t.records({ valueType: 'JOB', intent: 'CANCELED', processInstanceKey: result.processInstanceKey });
    expect(canceled).to.have.length(1);
  });

  it('undefined and manual tasks pass straight through', async () => {
    const { key } = await deployAndRun('pass', [start(), task('t1'), manualTask('m1'), end(), chain('start', 't1', 'm1', 'end')], {});
    expect(await path(key)).to.deep.equal(['start', 't1', 'm1', 'end', 'pass']);
  });

  describe('call activities', () => {
    before(async () => {
      await t.zeebe.deployResource({
        process: bpmn('child', start(), scriptTask('work', '=input * 10', 'childResult'), scriptTask('extra', '="internal"', 'childInternal'), end(), chain('start', 'work', 'extra', 'end')),
        name: 'child.bpmn',
      });
    });

    it('passes all parent variables in and all child variables out by default', async () => {
      const { variables } = await deployAndRun('parent-all', [start(), callActivity('call', 'child'), end(), chain('start', 'call', 'end')], { input: 4 });
      expect(variables).to.deep.equal({ input: 4, childResult: 40, childInternal: 'internal' });
    });

    it('with propagation off, only input mappings go in and only output mappings come out', async () => {
      const { variables } = await deployAndRun(
        'parent-mapped',
        [start(), callActivity('call', 'child', { propagateAllParentVariables: false, propagateAllChildVariables: false, inputs: { input: '=amount' }, outputs: { result: '=childResult' } }), end(), chain('start', 'call', 'end')],
        { amount: 7, unrelated: 'x' },
      );
      expect(variables).to.deep.equal({ amount: 7, unrelated: 'x', result: 70 });
    });

    it('without propagateAllParentVariables the child does not see the parent', async () => {
      const { variables } = await deployAndRun('parent-isolated', [start(), callActivity('call', 'child', { propagateAllParentVariables: false }), end(), chain('start', 'call', 'end')], { input: 3 });
      // input did not reach the child: input * 10 is null there.
      expect(variables).to.deep.equal({ input: 3, childResult: null, childInternal: 'internal' });
    });

    it('cancelling the parent cancels the child; the child cannot be cancelled on its own', async () => {
      await t.zeebe.deployResource({ process: bpmn('child-waits', start(), serviceTask('w', 'child-waits'), end(), chain('start', 'w', 'end')), name: 'child-waits.bpmn' });
      await t.zeebe.deployResource({ process: bpmn('parent-cancel', start(), callActivity('call', 'child-waits'), end(), chain('start', 'call', 'end')), name: 'parent-cancel.bpmn' });
      const parent = await t.zeebe.createProcessInstance({ bpmnProcessId: 'parent-cancel', variables: {} });
      const [job] = await t.zeebe.activateJobs({ type: 'child-waits', worker: 't', maxJobsToActivate: 1, timeout: 60_000, requestTimeout: 5000 });
      const childErr = await t.zeebe.cancelProcessInstance(job.processInstanceKey).then(() => undefined, (e: Error) => e);
      expect(childErr?.message).to.contain(`Cancel the root process instance '${parent.processInstanceKey}' instead`);
      await t.zeebe.cancelProcessInstance(parent.processInstanceKey);
      const terminated = await t.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_TERMINATED', processInstanceKey: job.processInstanceKey });
      expect(terminated.map((r) => r.value.elementId)).to.deep.equal(['w', 'child-waits']);
      const done = await t.zeebe.completeJob({ jobKey: job.key, variables: {} }).then(() => undefined, (e: Error) => e);
      expect(done?.message).to.contain('no such job was found');
    });

    it('raises an incident when the called process is not deployed', async () => {
      const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: (await t.zeebe.deployResource({ process: bpmn('parent-missing', start(), callActivity('call', 'not-deployed'), end(), chain('start', 'call', 'end')), name: 'parent-missing.bpmn' })).deployments[0].process!.bpmnProcessId, variables: {} });
      const [incident] = await t.records({ valueType: 'INCIDENT', intent: 'CREATED', processInstanceKey: instance.processInstanceKey });
      expect(incident.value.errorType).to.equal('CALLED_ELEMENT_ERROR');
      expect(incident.value.errorMessage).to.contain("'not-deployed'");
    });
  });

  it('sub-processes complete when their last path ends', async () => {
    const { key } = await deployAndRun(
      'with-sub',
      [start(), subProcess('sub', {}, start('s0'), gateway('parallel', 'sf'), manualTask('s1'), manualTask('s2'), end('se1'), end('se2'), chain('s0', 'sf'), flow('x1', 'sf', 's1'), flow('x2', 'sf', 's2'), chain('s1', 'se1'), flow('x3', 's2', 'se2')), end(), chain('start', 'sub', 'end')],
      {},
    );
    const completed = await path(key);
    expect(completed.indexOf('sub')).to.be.greaterThan(completed.indexOf('se1'));
    expect(completed.indexOf('sub')).to.be.greaterThan(completed.indexOf('se2'));
    expect(completed.at(-1)).to.equal('with-sub');
  });
});
