// Rules checked before they go live: 试算 evaluates the editor's draft in the server (engine/dmn)
// beside the deployed version (through the engine), and the deployment check dry-runs every
// decision on the sample tickets of processes/samples/decision-samples.json — refusing a rule
// that fails one, and listing what the change does to each sample against the running version.
import type { Camunda8 } from '@camunda8/sdk';
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TestEngine } from '../support/engine.ts';
import { files, PROCESSES } from '../support/processes.ts';
import { signedIn, type Client, type TestServer } from './support.ts';
import { startEngineServer, type EngineServer } from './ticket-env.ts';

const read = (name: string) => readFileSync(path.join(PROCESSES, name), 'utf8');
const ROUTING = read('routing.dmn');
const TIME_LIMITS = read('time-limits.dmn');
const SAMPLES = JSON.parse(read('samples/decision-samples.json'));
const FOOD = SAMPLES.routing.samples.find((s: any) => s.name === '济南历下区食品投诉');

/** routing.dmn with rule 5 (历下区 offline complaints → 甸柳所) sending them to 姚家所. */
const TO_YAOJIA = ROUTING.replace('&quot;370102-DL&quot;', '&quot;370102-YJ&quot;').replace('&quot;甸柳市场监管所&quot;', '&quot;姚家市场监管所&quot;');
/** Rule 5's department cell with a FEEL error (no such function): the engine evaluates it to null. */
const FEEL_ERROR = ROUTING.replace('&quot;370102-DL&quot;', 'upper(department)');
/** time_limits with rule 6 (受理审查 from 2026-04-15) twice: UNIQUE finds two rules. */
const TWO_UNIQUE = TIME_LIMITS.replace(/<rule id="Rule_6">[\s\S]*?<\/rule>/, (rule) => `${rule}\n      ${rule.replace(/id="([^"]+)"/g, 'id="$1_copy"')}`);

describe('server: DMN dry run (试算 on the draft, sample tickets at check time)', function () {
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
    const deployed = await admin.post('/api/deployments', { resources: [{ name: 'routing.dmn', content: ROUTING }, { name: 'time-limits.dmn', content: TIME_LIMITS }] });
    expect(deployed.status, JSON.stringify(deployed.body)).to.equal(201);
  });
  after(async () => { await env?.stop(); });

  const engineDepartment = async () => JSON.parse((await engine.zeebe.evaluateDecision({ decisionId: 'routing', variables: FOOD.variables })).decisionOutput).department;

  it('evaluates a changed routing rule on the draft while the deployed version still routes as before', async () => {
    const draft = await admin.post('/api/decisions/evaluate', { decisionId: 'routing', variables: FOOD.variables, xml: TO_YAOJIA });
    expect(draft.status, JSON.stringify(draft.body)).to.equal(200);
    expect(draft.body).to.deep.include({ source: 'draft', versionLabel: '草稿', decisionId: 'routing', decisionName: '承办单位分派', decisionVersion: null });
    expect(draft.body.output).to.deep.equal({ department: '370102-YJ', bureau: '370102', departmentName: '姚家市场监管所' });
    const rule = draft.body.evaluatedDecisions[0].matchedRules[0];
    expect(rule).to.deep.include({ ruleId: 'Rule_5', ruleIndex: 5 });
    expect(rule.evaluatedOutputs.find((o: any) => o.outputName === 'department').outputValue).to.equal('370102-YJ');

    const deployed = await admin.post('/api/decisions/evaluate', { decisionId: 'routing', variables: FOOD.variables });
    expect(deployed.body).to.deep.include({ source: 'deployed', versionLabel: '已部署第 1 版', decisionVersion: 1 });
    expect(deployed.body.output).to.deep.include({ department: '370102-DL', departmentName: '甸柳市场监管所' });
    expect(deployed.body.evaluatedDecisions[0].matchedRules[0]).to.deep.include({ ruleId: 'Rule_5', ruleIndex: 5 });
    // Trying the draft deployed nothing.
    expect(await engineDepartment()).to.equal('370102-DL');
    expect((await admin.get('/api/deployments?resourceId=Definitions_routing')).body.total).to.equal(1);
  });

  it('answers a draft it cannot parse with 400 naming the element, and a decision the draft lacks with 400 on decisionId', async () => {
    const broken = ROUTING.replace('starts with(?, &quot;3701&quot;)', 'starts with(?, &quot;3701&quot;');
    const parse = await admin.post('/api/decisions/evaluate', { decisionId: 'routing', variables: FOOD.variables, xml: broken });
    expect(parse.status).to.equal(400);
    expect(parse.body.error.code).to.equal('DRAFT_INVALID');
    expect(parse.body.error.message).to.match(/^草稿无法求值：/).and.to.include("rule 'Rule_1'").and.to.include("input 'Input_3'");
    expect(parse.body.error.details[0].path).to.equal('xml');

    const missing = await admin.post('/api/decisions/evaluate', { decisionId: 'complaint_routing', variables: {}, xml: ROUTING });
    expect(missing.status).to.equal(400);
    expect(missing.body.error.details[0]).to.deep.include({ path: 'decisionId' });
    expect(missing.body.error.details[0].message).to.include('草稿中没有编号为 complaint_routing 的决策');
  });

  it('explains a UNIQUE table with two matching rules in Chinese when trying the draft', async () => {
    const answer = await admin.post('/api/decisions/evaluate', { decisionId: 'time_limits', variables: { step: 'complaint.accept', receivedAt: '2026-09-30T09:15:00+08:00' }, xml: TWO_UNIQUE });
    expect(answer.status).to.equal(200);
    expect(answer.body.failureMessage).to.include('UNIQUE');
    expect(answer.body.failureReason).to.equal('命中策略为“唯一”（UNIQUE），却同时命中了多条规则：第 6 条（Rule_6）、第 7 条（Rule_6_copy）');
  });

  it('lists at check time what a changed rule does to each sample ticket against the running version', async () => {
    const answer = await admin.post('/api/deployments/check', { resources: [{ name: 'routing.dmn', content: TO_YAOJIA }] });
    expect(answer.status).to.equal(200);
    expect(answer.body).to.deep.include({ ok: true, problems: [] });
    const samples: any[] = answer.body.samples;
    expect(samples.map((s) => s.sample)).to.deep.equal(SAMPLES.routing.samples.map((s: any) => s.name));
    const food = samples.find((s) => s.sample === '济南历下区食品投诉');
    expect(food).to.deep.include({ file: 'routing.dmn', decisionId: 'routing', decisionName: '承办单位分派', changed: true });
    expect(food.output).to.deep.include({ department: '370102-YJ' });
    expect(food.running).to.deep.include({ version: 1 });
    expect(food.running.output).to.deep.include({ department: '370102-DL' });
    // Only the 历下区 offline complaints hit rule 5.
    expect(samples.filter((s) => s.changed).map((s) => s.sample)).to.deep.equal(['济南历下区食品投诉', '历下区实体店家电投诉']);
    expect(samples.find((s) => s.sample === '外省实体店投诉（人工分派）')).to.deep.include({ changed: false });
  });

  it('refuses a rule whose FEEL error leaves a sample without a department, naming decision and sample; nothing is deployed', async () => {
    const answer = await admin.post('/api/deployments', { resources: [{ name: 'routing.dmn', content: FEEL_ERROR }] });
    expect(answer.status).to.equal(400);
    expect(answer.body.error.code).to.equal('CHECK_FAILED');
    const errors = answer.body.error.problems.filter((p: any) => p.severity === 'error');
    expect(errors.map((p: any) => [p.file, p.elementId])).to.deep.equal([['routing.dmn', 'routing'], ['routing.dmn', 'routing']]);
    expect(errors[0].message).to.equal('决策「承办单位分派」（routing）在样例工单「济南历下区食品投诉」上试算未通过：命中规则第 5 条（Rule_5），但流程需要的 department 为空：请检查该规则的输出单元格（FEEL 表达式出错时结果为空）');
    expect(errors[1].message).to.include('「历下区实体店家电投诉」');
    expect((await admin.get('/api/deployments?resourceId=Definitions_routing')).body.total).to.equal(1);
    expect(await engineDepartment()).to.equal('370102-DL');
  });

  it('refuses two matching rules under UNIQUE at check time, naming decision and sample; nothing is deployed', async () => {
    const check = await admin.post('/api/deployments/check', { resources: [{ name: 'time-limits.dmn', content: TWO_UNIQUE }] });
    expect(check.body.ok).to.equal(false);
    const error = check.body.problems.find((p: any) => p.severity === 'error');
    expect(error).to.deep.include({ file: 'time-limits.dmn', elementId: 'time_limits' });
    expect(error.message).to.equal('决策「办理时限」（time_limits）在样例工单「受理审查（第121号令施行后收到）」上试算未通过：命中策略为“唯一”（UNIQUE），却同时命中了多条规则：第 6 条（Rule_6）、第 7 条（Rule_6_copy）');
    expect(check.body.samples.find((s: any) => s.sample === '受理审查（第121号令施行后收到）').failure).to.include('UNIQUE');

    const deploy = await admin.post('/api/deployments', { resources: [{ name: 'time-limits.dmn', content: TWO_UNIQUE }] });
    expect(deploy.status).to.equal(400);
    expect(deploy.body.error.code).to.equal('CHECK_FAILED');
    expect((await admin.get('/api/deployments?resourceId=Definitions_time_limits')).body.items.map((i: any) => i.version)).to.deep.equal([1]);
  });

  it('passes the product\'s own DMN files on their samples, and has samples for every decision and only for those', async () => {
    const answer = await admin.post('/api/deployments/check', { resources: files(PROCESSES, '.dmn').map((f) => ({ name: f.name, content: f.text })) });
    expect(answer.body.problems, JSON.stringify(answer.body.problems, null, 1)).to.deep.equal([]);
    expect(answer.body.ok).to.equal(true);
    const decisionIds = answer.body.resources.flatMap((r: any) => r.decisionIds);
    const { $comment: _comment, ...sets } = SAMPLES;
    expect(Object.keys(sets).sort()).to.deep.equal([...decisionIds].sort());
    const evaluated = new Set(answer.body.samples.map((s: any) => s.decisionId));
    expect([...evaluated].sort()).to.deep.equal([...decisionIds].sort());
    for (const run of answer.body.samples) expect(run.output, `${run.decisionId} ${run.sample}`).not.to.equal(null);
  });
});
