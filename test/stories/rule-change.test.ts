// Story 10: a process administrator changes two rules while tickets are being handled, and the
// next ticket follows them without anything being restarted: the routing table now sends
// 历下区 offline complaints to 姚家所 instead of 甸柳所 (a business rule task evaluates it), and
// the WeCom warning comes four working days ahead instead of three (deadline.compute, a worker,
// evaluates it). The ticket registered before the change keeps what it got.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deadlinesOf, jinanComplaint, startStory, type Story } from '../support/stories.ts';
import { PROCESSES } from '../support/processes.ts';
import { ID_CARD, USCC } from '../tickets/samples.ts';

const routing = readFileSync(path.join(PROCESSES, 'routing.dmn'), 'utf8');
const thresholds = readFileSync(path.join(PROCESSES, 'reminder-thresholds.dmn'), 'utf8');

/** The administrator's edits, as the DMN editor saves them: one output cell each. */
function edited(): Array<{ decision: Buffer; name: string }> {
  const rule5 = /<rule id="Rule_5">[\s\S]*?<\/rule>/.exec(routing)![0];
  const newRule5 = rule5.replace('&quot;370102-DL&quot;', '&quot;370102-YJ&quot;').replace('&quot;甸柳市场监管所&quot;', '&quot;姚家市场监管所&quot;');
  const rule2 = /<rule id="Rule_2">[\s\S]*?<\/rule>/.exec(thresholds)![0];
  const newRule2 = rule2.replace('<text>3</text>', '<text>4</text>').replace('剩余3个工作日预警', '剩余4个工作日预警');
  expect(newRule5).to.not.equal(rule5);
  expect(newRule2).to.not.equal(rule2);
  return [
    { decision: Buffer.from(routing.replace(rule5, newRule5)), name: 'routing.dmn' },
    { decision: Buffer.from(thresholds.replace(rule2, newRule2)), name: 'reminder-thresholds.dmn' },
  ];
}

describe('story: a changed rule applies to the next ticket, without a restart (规则调整即时生效)', function () {
  this.timeout(60_000);
  let s: Story;
  before(async () => {
    s = await startStory({ clock: '2026-07-06T09:10:00+08:00' });
  });
  after(async () => {
    if (process.env.SHOW_WORKER_LOGS) console.log(s?.logs.join('\n'));
    await s?.stop();
  });

  it('routing and reminder thresholds redeployed through the SDK: the next ticket goes to 姚家所 and is warned a day earlier', async () => {
    const before = await s.register(jinanComplaint({ receivedAt: '2026-07-06T09:00:00+08:00' }));
    expect(before.department).to.equal('370102-DL');
    // Seven working days from Monday 07-06: Wednesday 07-15; warned three working days before, on 07-10.
    expect((await deadlinesOf(s.db.pool, before.id))[0]).to.include({ dueDate: '2026-07-15' });
    expect((await deadlinesOf(s.db.pool, before.id))[0]!.remindAt3!.toISOString()).to.equal('2026-07-10T01:00:00.000Z');

    await s.at('2026-07-06T11:00:00+08:00');
    const deployment = await s.t.zeebe.deployResources(edited() as never);
    const versions = deployment.deployments.filter((d: any) => d.decision).map((d: any) => [d.decision.dmnDecisionId, d.decision.version]);
    expect(versions).to.deep.equal([['routing', 2], ['reminder_thresholds', 2]]);
    const api = s.t.api as any;
    const routingVersions = await api.searchDecisionDefinitions({ filter: { decisionDefinitionId: 'routing' }, sort: [{ field: 'version' }] }, { consistency: { waitUpToMs: 0 } });
    expect(routingVersions.items.map((d: { version: number }) => d.version)).to.deep.equal([1, 2]);

    const after = await s.register(jinanComplaint({
      receivedAt: '2026-07-06T10:50:00+08:00',
      complainant: { name: '吴九', phone: '13805319999', idType: 'resident_id', idNumber: ID_CARD('37010219700707001'), address: '济南市历下区姚家街道', consentPublish: false, consentMediation: true },
      respondent: { name: '济南某某家电商场', uscc: USCC('91370102MA3K4L5M6'), address: '济南市历下区工业南路50号', regionCode: '370102' },
    }));
    expect(after.department).to.equal('370102-YJ');
    expect((await s.task(after.ticketNo, 'Task_AcceptReview')).candidateGroups).to.deep.equal(['dept:370102-YJ']);
    expect((await deadlinesOf(s.db.pool, after.id))[0]!.remindAt3!.toISOString()).to.equal('2026-07-09T01:00:00.000Z');
    // Same process definition for both: only the rules changed.
    expect((await s.instances(after.ticketNo, 'complaint_handling'))[0]!.processDefinitionVersion).to.equal(1);

    // The earlier ticket keeps its unit, its task and its reminder day.
    expect((await s.ticket(before.ticketNo)).department).to.equal('370102-DL');
    expect((await s.task(before.ticketNo, 'Task_AcceptReview')).candidateGroups).to.deep.equal(['dept:370102-DL']);
    await s.at('2026-07-09T09:00:00+08:00');
    expect(s.wecomOf(after.ticketNo).map((d) => [d.day, d.url.replace(/^.*key=/, '')])).to.deep.equal([['2026-07-09', '370102-YJ']]);
    expect(s.wecomOf(before.ticketNo)).to.deep.equal([]);
    await s.at('2026-07-10T09:00:00+08:00');
    expect(s.wecomOf(before.ticketNo).map((d) => [d.day, d.url.replace(/^.*key=/, '')])).to.deep.equal([['2026-07-10', '370102-DL']]);
    expect(s.wecomOf(after.ticketNo)).to.have.length(1);
    expect(await s.incidents()).to.deep.equal([]);
  });
});
