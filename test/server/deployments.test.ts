// Deployments without restarting: the real server on its own PostgreSQL database, talking
// to a real engine through the SDK, as a process admin would use it.
import type { Camunda8 } from '@camunda8/sdk';
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROLE_CODES } from '../../server/index.ts';
import type { TestEngine } from '../support/engine.ts';
import { PROCESSES, ROOT } from '../support/processes.ts';
import { LOGIN_OF_ROLE, signedIn, type Client, type TestServer } from './support.ts';
import { startEngineServer, type EngineServer } from './ticket-env.ts';

const ROUTING = readFileSync(path.join(PROCESSES, 'routing.dmn'), 'utf8');
const PROBLEMS = readFileSync(path.join(ROOT, 'test', 'ui', 'fixtures', 'problems.bpmn'), 'utf8');

const bpmn = (jobType: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_hot" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="hot-deploy" name="热部署示例" isExecutable="true">
    <bpmn:startEvent id="Start" name="开始"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="Work" name="处理">
      <bpmn:extensionElements><zeebe:taskDefinition type="${jobType}" /></bpmn:extensionElements>
      <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:endEvent id="End" name="结束"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Work" />
    <bpmn:sequenceFlow id="F2" sourceRef="Work" targetRef="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="hot-deploy">
    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Work_di" bpmnElement="Work"><dc:Bounds x="180" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="330" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="136" y="118" /><di:waypoint x="180" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="280" y="118" /><di:waypoint x="330" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>
`;

const PRICE_REPORT = { kind: 'report', category: '价格违法', regionCode: '370102', online: false };

describe('server: deployments', function () {
  this.timeout(120_000);
  let env: EngineServer;
  let engine: TestEngine;
  let sdk: Camunda8;
  let t: TestServer;
  let admin: Client;

  before(async () => {
    env = await startEngineServer();
    ({ engine, client: sdk, t } = env);
    admin = await signedIn(t, 'liucheng');
  });
  after(async () => { await env?.stop(); });

  it('checks without deploying and names the element of each problem in Chinese', async () => {
    const answer = await admin.post('/api/deployments/check', {
      resources: [
        { name: 'problems.bpmn', content: PROBLEMS },
        { name: 'routing.dmn', content: ROUTING },
        { name: 'broken.dmn', content: '<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"' },
        { name: 'bad.form', content: JSON.stringify({ type: 'default', components: [{ key: 'a' }] }) },
        { name: 'notice.hbs', content: '尊敬的 {{name}：{{#if x}}' },
      ],
    });
    expect(answer.status).to.equal(200);
    expect(answer.body.ok).to.equal(false);
    const problems: any[] = answer.body.problems;
    const service = problems.find((p) => p.file === 'problems.bpmn' && p.elementId === 'Service');
    expect(service, JSON.stringify(problems, null, 1)).to.include({ severity: 'error', rule: 'camunda-compat/implementation' });
    expect(service.message).to.include('无作业类型').and.to.include('任务定义');
    expect(problems.filter((p) => p.file === 'routing.dmn')).to.deep.equal([]);
    expect(problems.find((p) => p.file === 'broken.dmn').message).to.match(/^DMN 文件无法解析/);
    expect(problems.filter((p) => p.file === 'bad.form').map((p) => p.message)).to.include.members(['表单缺少编号 id（用户任务以 formId 引用它）']);
    expect(problems.find((p) => p.file === 'notice.hbs').message).to.match(/^通知模板无法编译/);
    for (const p of problems) expect(p.message, p.message).to.match(/[\u4e00-\u9fff]/);

    const clean = await admin.post('/api/deployments/check', { resources: [{ name: 'hot.bpmn', content: bpmn('hot-v1') }, { name: 'routing.dmn', content: ROUTING }] });
    expect(clean.body).to.deep.include({ ok: true, problems: [] });
    expect((await admin.get('/api/deployments')).body.total).to.equal(0);
  });

  it('refuses to deploy what fails the check, and deploys nothing of it', async () => {
    const answer = await admin.post('/api/deployments', { resources: [{ name: 'hot.bpmn', content: bpmn('hot-v1') }, { name: 'problems.bpmn', content: PROBLEMS }] });
    expect(answer.status).to.equal(400);
    expect(answer.body.error.code).to.equal('CHECK_FAILED');
    expect(answer.body.error.problems.some((p: any) => p.elementId === 'Service')).to.equal(true);
    expect((await admin.get('/api/deployments')).body.total).to.equal(0);
  });

  it('deploys version 1, then version 2 only when the content changed', async () => {
    const first = await admin.post('/api/deployments', { resources: [{ name: 'hot.bpmn', content: bpmn('hot-v1') }, { name: 'routing.dmn', content: ROUTING }] });
    expect(first.status, JSON.stringify(first.body)).to.equal(201);
    const v1 = first.body.resources.map((r: any) => [r.name, r.kind, r.resourceId, r.version, r.changed]);
    expect(v1).to.deep.equal([['hot.bpmn', 'process', 'hot-deploy', 1, true], ['routing.dmn', 'decision', 'Definitions_routing', 1, true]]);
    expect(first.body.resources[1].decisionIds).to.deep.equal(['routing']);

    const same = await admin.post('/api/deployments', { resources: [{ name: 'hot.bpmn', content: bpmn('hot-v1') }] });
    expect(same.status).to.equal(201);
    expect(same.body.resources[0]).to.include({ version: 1, changed: false, id: first.body.resources[0].id });

    const changed = await admin.post('/api/deployments', { resources: [{ name: 'hot.bpmn', content: bpmn('hot-v2') }] });
    expect(changed.body.resources[0]).to.include({ version: 2, changed: true });

    const history = await admin.get('/api/deployments?resourceId=hot-deploy');
    expect(history.body.items.map((i: any) => i.version)).to.deep.equal([2, 1]);
    expect(history.body.items[0]).to.deep.include({ kind: 'process', resourceName: 'hot.bpmn', deployedBy: { login: 'liucheng', displayName: history.body.items[0].deployedBy.displayName } });
    expect(history.body.items[0]).not.to.have.property('content');
    expect((await admin.get('/api/deployments?resourceId=routing')).body.items.map((i: any) => i.resourceName)).to.deep.equal(['routing.dmn']);

    const old = await admin.get(`/api/deployments/${first.body.resources[0].id}`);
    expect(old.status).to.equal(200);
    expect(old.body.content).to.include('type="hot-v1"');
    expect(old.body.running.deployment.version).to.equal(2);
    expect(old.body.running.content).to.include('type="hot-v2"');

    const { rows } = await t.pool.query('SELECT version, checksum, length(content) > 0 AS has_content FROM deployments WHERE resource_id = $1 ORDER BY version', ['hot-deploy']);
    expect(rows.map((r) => r.version)).to.deep.equal([1, 2]);
    expect(rows[0].checksum).to.match(/^[0-9a-f]{64}$/);
  });

  it('makes a changed routing.dmn take effect for the next evaluation, without a restart', async () => {
    const before = await admin.post('/api/decisions/evaluate', { decisionId: 'routing', variables: PRICE_REPORT });
    expect(before.status, JSON.stringify(before.body)).to.equal(200);
    expect(before.body).to.deep.include({ decisionId: 'routing', decisionVersion: 1 });
    expect(before.body.output).to.deep.include({ department: '370100-JGC' });
    const evaluated = before.body.evaluatedDecisions[0];
    expect(evaluated.matchedRules[0]).to.deep.include({ ruleId: 'Rule_1', ruleIndex: 1 });
    expect(evaluated.matchedRules[0].evaluatedOutputs.find((o: any) => o.outputName === 'department').outputValue).to.equal('370100-JGC');

    const changed = ROUTING.replace('&quot;370100-JGC&quot;', '&quot;370100-XBC&quot;');
    expect(changed).not.to.equal(ROUTING);
    const deployed = await admin.post('/api/deployments', { resources: [{ name: 'routing.dmn', content: changed }] });
    expect(deployed.body.resources[0]).to.include({ version: 2, changed: true });

    const after = await admin.post('/api/decisions/evaluate', { decisionId: 'routing', variables: PRICE_REPORT });
    expect(after.body).to.deep.include({ decisionVersion: 2 });
    expect(after.body.output).to.deep.include({ department: '370100-XBC' });
    const direct = await engine.zeebe.evaluateDecision({ decisionId: 'routing', variables: PRICE_REPORT });
    expect(JSON.parse(direct.decisionOutput)).to.deep.include({ department: '370100-XBC' });

    const missing = await admin.post('/api/decisions/evaluate', { decisionId: 'no-such-decision', variables: {} });
    expect(missing.status).to.equal(404);
    expect(missing.body.error.message).to.match(/^试算决策 no-such-decision /);
  });

  it('rolls back by deploying an earlier content as a new version', async () => {
    const history = (await admin.get('/api/deployments?resourceId=Definitions_routing')).body.items;
    const v1 = history.find((i: any) => i.version === 1);
    const answer = await admin.post(`/api/deployments/${v1.id}/rollback`);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    expect(answer.body.resources[0]).to.include({ version: 3, changed: true, resourceId: 'Definitions_routing' });
    const after = await admin.post('/api/decisions/evaluate', { decisionId: 'routing', variables: PRICE_REPORT });
    expect(after.body).to.deep.include({ decisionVersion: 3 });
    expect(after.body.output).to.deep.include({ department: '370100-JGC' });
    const v3 = await admin.get(`/api/deployments/${answer.body.resources[0].id}`);
    expect(v3.body.deployment.rolledBackFrom).to.equal(v1.id);
    expect(v3.body.content).to.equal(ROUTING);
    expect((await admin.post('/api/deployments/00000000-0000-4000-8000-000000000000/rollback')).status).to.equal(404);
  });

  it('shows what runs now: processes from the engine (also those deployed elsewhere), decisions from the history', async () => {
    await engine.zeebe.deployResource({ process: Buffer.from(bpmn('elsewhere').replace(/hot-deploy/g, 'elsewhere')), name: 'elsewhere.bpmn' });
    const processes = await admin.get('/api/deployments/running?kind=process');
    expect(processes.status, JSON.stringify(processes.body)).to.equal(200);
    const hotRow = (await admin.get('/api/deployments?resourceId=hot-deploy')).body.items[0];
    expect(processes.body.items).to.deep.include.members([
      { kind: 'process', resourceId: 'elsewhere', name: '热部署示例', resourceName: 'elsewhere.bpmn', version: 1, deploymentId: null },
      { kind: 'process', resourceId: 'hot-deploy', name: '热部署示例', resourceName: 'hot.bpmn', version: 2, deploymentId: hotRow.id },
    ]);

    const hot = await admin.get('/api/deployments/running/process/hot-deploy');
    expect(hot.body).to.deep.include({ version: 2, deploymentId: hotRow.id });
    expect(hot.body.content).to.include('type="hot-v2"');
    const elsewhere = await admin.get('/api/deployments/running/process/elsewhere');
    expect(elsewhere.body).to.deep.include({ version: 1, deploymentId: null });
    expect(elsewhere.body.content).to.include('type="elsewhere"');

    const routing = await admin.get('/api/deployments/running/decision/Definitions_routing');
    expect(routing.body).to.deep.include({ version: 3, resourceName: 'routing.dmn' });
    expect(routing.body.content).to.equal(ROUTING);
    expect((await admin.get('/api/deployments/running?kind=decision')).body.items.map((i: any) => [i.resourceId, i.version])).to.deep.equal([['Definitions_routing', 3]]);

    expect((await admin.get('/api/deployments/running/process/no-such-process')).status).to.equal(404);
    const wrongKind = await admin.get('/api/deployments/running/rule/x');
    expect(wrongKind.status).to.equal(400);
    expect(wrongKind.body.error.details[0].path).to.match(/kind/);
  });

  it('answers an engine rejection as 400 with the engine\'s message naming the element', async () => {
    // The check lints BPMN but leaves the engine's own limits (ids of at most 255 characters) to
    // its validation at deploy time, the final one.
    const longId = 'Work_' + 'x'.repeat(260);
    const tooLong = bpmn('hot-v3').replace(/"Work"/g, `"${longId}"`).replace('bpmnElement="Work"', `bpmnElement="${longId}"`);
    expect((await admin.post('/api/deployments/check', { resources: [{ name: 'hot.bpmn', content: tooLong }] })).body.ok).to.equal(true);
    const rejected = await admin.post('/api/deployments', { resources: [{ name: 'hot.bpmn', content: tooLong }] });
    expect(rejected.status, JSON.stringify(rejected.body)).to.equal(400);
    expect(rejected.body.error.code).to.equal('ENGINE_REJECTED');
    expect(rejected.body.error.message).to.match(/^部署被引擎拒绝：/).and.to.include('hot.bpmn');
    expect(rejected.body.error.message).to.include(longId).and.not.to.include('Command');
    expect((await admin.get('/api/deployments?resourceId=hot-deploy')).body.items.map((i: any) => i.version)).to.deep.equal([2, 1]);
  });

  it('refuses DMN the engine cannot parse at check time, naming the rule and input', async () => {
    const badFeel = ROUTING.replace('starts with(?, &quot;3701&quot;)', 'starts with(?, &quot;3701&quot;');
    expect(badFeel).not.to.equal(ROUTING);
    const check = await admin.post('/api/deployments/check', { resources: [{ name: 'routing.dmn', content: badFeel }] });
    expect(check.body.ok).to.equal(false);
    expect(check.body.problems[0]).to.deep.include({ file: 'routing.dmn', elementId: 'routing', severity: 'error' });
    expect(check.body.problems[0].message).to.match(/^流程引擎无法解析该 DMN（routing）：/).and.to.include("rule 'Rule_1'").and.to.include("input 'Input_3'");
    const rejected = await admin.post('/api/deployments', { resources: [{ name: 'routing.dmn', content: badFeel }] });
    expect(rejected.status, JSON.stringify(rejected.body)).to.equal(400);
    expect(rejected.body.error.code).to.equal('CHECK_FAILED');
    const history = (await admin.get('/api/deployments?resourceId=Definitions_routing')).body.items;
    expect(history.map((i: any) => i.version)).to.deep.equal([3, 2, 1]);
  });

  it('lets only process admins deploy, and leaders and supervisors only evaluate', async () => {
    for (const role of ROLE_CODES) {
      const client = await signedIn(t, LOGIN_OF_ROLE[role]);
      const deploy = await client.post('/api/deployments', { resources: [{ name: 'hot.bpmn', content: bpmn('hot-v1') }] });
      const check = await client.post('/api/deployments/check', { resources: [{ name: 'hot.bpmn', content: bpmn('hot-v1') }] });
      const history = await client.get('/api/deployments');
      const evaluate = await client.post('/api/decisions/evaluate', { decisionId: 'routing', variables: PRICE_REPORT });
      if (role === 'process-admin') {
        expect([deploy.status, check.status, history.status, evaluate.status], role).to.deep.equal([201, 200, 200, 200]);
      } else {
        expect([deploy.status, check.status, history.status], role).to.deep.equal([403, 403, 403]);
        expect(evaluate.status, role).to.equal(['deputy-leader', 'principal-leader', 'supervisor'].includes(role) ? 200 : 403);
      }
    }
  });
});
