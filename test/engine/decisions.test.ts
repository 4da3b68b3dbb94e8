// DMN through the engine: EvaluateDecision for every hit policy, business rule tasks with
// binding 'latest' (a redeployed table applies to the next evaluation, running instances too).

import { expect } from 'chai';
import { bpmn, chain, end, ruleTask, serviceTask, start } from '../support/bpmn.ts';
import { fixture, startTestEngine, type TestEngine } from '../support/engine.ts';

describe('decisions (DMN over gRPC)', () => {
  let t: TestEngine;
  before(async () => {
    t = await startTestEngine();
    await t.deploy('dmn/hit-policies.dmn');
    await t.deploy('dmn/routing-zh.dmn');
  });
  after(async () => {
    await t?.stop();
  });

  const evaluate = async (decisionId: string, variables: Record<string, unknown>) => {
    const response = await t.zeebe.evaluateDecision({ decisionId, variables: variables as never });
    return { ...response, output: response.decisionOutput ? JSON.parse(response.decisionOutput) : undefined };
  };

  const cases: Array<[string, number, unknown]> = [
    ['unique_level', 60, 'medium'],
    ['first_level', 96, 'critical'],
    ['priority_level', 85, 'high'],
    ['any_level', 85, 'high'],
    ['collect_tags', 85, ['review', 'escalate']],
    ['collect_sum', 96, 17.5],
    ['collect_min', 96, 2.5],
    ['collect_max', 96, 10],
    ['collect_count', 96, 3],
    ['rule_order_actions', 85, [{ action: 'escalate', team: 'supervision' }, { action: 'notify', team: null }]],
  ];
  for (const [decisionId, score, expected] of cases) {
    it(`${decisionId} for score ${score}`, async () => {
      const result = await evaluate(decisionId, { score });
      expect(result.failureMessage).to.equal('');
      expect(result.output).to.deep.equal(expected);
    });
  }

  it('OUTPUT ORDER sorts by the output values', async () => {
    const result = await evaluate('output_order_levels', { score: 96 });
    expect(result.output).to.be.an('array');
    expect(result.failureMessage).to.equal('');
  });

  it('a UNIQUE table with several matches fails, naming the decision and the rules', async () => {
    const result = await evaluate('unique_level', { score: 96 });
    expect(result.failedDecisionId).to.equal('unique_level');
    expect(result.failureMessage).to.contain('unique_high').and.contain('unique_critical');
  });

  it('reports the matched rules and evaluated inputs of the decision', async () => {
    const result = await evaluate('complaint_routing', { category: '价格收费', regionCode: '310104', amount: 300 });
    expect(result.output).to.deep.equal({ department: '区市场监督管理局价格监督检查科', deadlineDays: 10 });
    const [decision] = result.evaluatedDecisions;
    expect(decision.matchedRules.map((r) => r.ruleId)).to.deep.equal(['rule_price']);
    expect(decision.evaluatedInputs.map((i) => JSON.parse(i.inputValue))).to.deep.equal(['价格收费', '310104', 300]);
  });

  it('refuses an unknown decision with NOT_FOUND', async () => {
    const err = await t.zeebe.evaluateDecision({ decisionId: 'no_such_decision', variables: {} }).then(() => undefined, (e: Error & { code: number }) => e);
    expect(err?.code).to.equal(5);
  });

  it('a business rule task routes with the latest table; a changed table applies to the next evaluation without restarting', async () => {
    await t.zeebe.deployResource({
      process: bpmn('route', start(), serviceTask('before', 'route-wait'), ruleTask('decide', 'complaint_routing', 'routing'), end(), chain('start', 'before', 'decide', 'end')),
      name: 'route.bpmn',
    });
    const ticket = { category: '价格收费', regionCode: '310104', amount: 300 };
    await t.zeebe.createProcessInstance({ bpmnProcessId: 'route', variables: ticket });

    // The administrator changes the table: price tickets now go to the 综合执法大队 within 5 days.
    const original = (await fixture('dmn/routing-zh.dmn')).toString('utf8');
    const changed = original.replace('"区市场监督管理局价格监督检查科"</text></outputEntry>\n        <outputEntry id="r3_t"><text>10</text>', '"区市场监督管理局综合执法大队"</text></outputEntry>\n        <outputEntry id="r3_t"><text>5</text>');
    expect(changed).to.not.equal(original);
    const redeployed = await t.zeebe.deployResource({ decision: Buffer.from(changed), name: 'routing-zh.dmn' });
    expect(redeployed.deployments.find((d) => d.decision?.dmnDecisionId === 'complaint_routing')!.decision!.version).to.equal(2);

    // The instance that was already running evaluates the new version when it gets there.
    const [job] = await t.zeebe.activateJobs({ type: 'route-wait', worker: 't', maxJobsToActivate: 1, timeout: 10_000, requestTimeout: 5000 });
    await t.zeebe.completeJob({ jobKey: job.key, variables: {} });
    const evaluated = await t.records({ valueType: 'DECISION_EVALUATION', processInstanceKey: job.processInstanceKey });
    expect(evaluated).to.have.length(1);
    expect(evaluated[0].value.decisionVersion).to.equal(2);
    expect(JSON.parse(evaluated[0].value.decisionOutput)).to.deep.equal({ department: '区市场监督管理局综合执法大队', deadlineDays: 5 });
  });

  it('a decision that fails in a business rule task raises an incident', async () => {
    await t.zeebe.deployResource({ process: bpmn('route-fails', start(), ruleTask('decide', 'unique_level', 'level'), end(), chain('start', 'decide', 'end')), name: 'route-fails.bpmn' });
    const instance = await t.zeebe.createProcessInstance({ bpmnProcessId: 'route-fails', variables: { score: 99 } });
    const [incident] = await t.records({ valueType: 'INCIDENT', intent: 'CREATED', processInstanceKey: instance.processInstanceKey });
    expect(incident.value.errorType).to.equal('DECISION_EVALUATION_ERROR');
    expect(incident.value.elementId).to.equal('decide');
  });
});
