// Story 2: mediation that runs past its legal limit ends by law (终止调解, ground 逾期未达成,
// LIMIT_EXPIRED) with a 投诉终止调解决定书, and no 催办通知书 (the limit ends the step, it is not
// overdue). The limit depends on when the complaint was received: Order 20 (before 2026-04-15)
// 45 working days from acceptance, Order 121 (from 2026-04-15) 60 calendar days, moved off a
// holiday. One timeline: Order 20's story in April–June, Order 121's in July–October.
import { expect } from 'chai';
import { deadlinesOf, jinanComplaint, openSupervision, shanghaiDay, startStory, type Story } from '../support/stories.ts';

describe('story: mediation past its limit is terminated (调解期满终止调解)', function () {
  this.timeout(60_000);
  let s: Story;
  before(async () => {
    s = await startStory({ clock: '2026-04-10T10:05:00+08:00' });
  });
  after(async () => {
    if (process.env.SHOW_WORKER_LOGS) console.log(s?.logs.join('\n'));
    await s?.stop();
  });

  /** Registers, accepts on `acceptOn` and plans an on-site mediation that never concludes. */
  async function acceptedComplaint(receivedAt: string, acceptOn: string, goods: string) {
    const ticket = await s.register(jinanComplaint({ receivedAt, facts: { occurredAt: receivedAt.slice(0, 10), place: '门店', goodsOrService: goods, amount: 2600, description: `${goods}质量问题，商家拒绝退换。` } }));
    await s.at(acceptOn);
    await s.completeTask(ticket.ticketNo, 'Task_AcceptReview', { acceptDecision: 'accept', amountInvolved: 2600, acceptOpinion: '符合受理条件' });
    await s.completeTask(ticket.ticketNo, 'Task_MediationPlan', { mediationMethod: 'on-site', mediationScheduledAt: new Date(Date.parse(acceptOn) + 6 * 86_400_000).toISOString() });
    return ticket;
  }

  /** What the supervisors and the handler see as the limit comes near, day by day. */
  async function walkToTheLimit(ticketNo: string, days: { remind3: string; remind2: string; dueDay: string }, meanwhile?: () => Promise<void>) {
    await s.at(`${days.remind3}T09:00:00+08:00`);
    await s.at(`${days.remind2}T09:00:00+08:00`);
    await meanwhile?.();
    await s.at(`${days.dueDay}T09:00:00+08:00`);
    expect(s.wecomOf(ticketNo).map((d) => [d.day, d.url.replace(/^.*key=/, '')])).to.deep.equal([[days.remind3, '370102-DL']]);
    expect(s.wecomOf(ticketNo)[0]!.body.markdown.content).to.contain('调解').and.contain(`期限：${cn(days.dueDay)}`);
    expect((await s.platform(ticketNo)).map((n) => [n.day, n.recipient])).to.deep.equal([[days.remind2, 'dept:370102-DL']]);
    const call = await s.task(ticketNo, 'Task_PhoneReminder');
    expect(call.candidateGroups).to.deep.equal(['dept:370102:role:supervisor']);
    // The last minute of the last day: still mediating.
    await s.at(`${days.dueDay}T23:59:59+08:00`);
    expect((await s.tasks(ticketNo)).map((t) => t.elementId).sort()).to.deep.equal(['Task_Mediate', 'Task_PhoneReminder']);
    return call;
  }

  /** The decision is dated `on` (a working day); the complainant is told from its start. */
  async function expectTerminatedByLaw(ticketNo: string, ticketId: string, on: string) {
    await s.at(`${on}T09:00:00+08:00`);
    // The mediation and its watch are over: the open tasks are gone, the reply is next.
    expect((await s.tasks(ticketNo)).map((t) => t.elementId)).to.deep.equal(['Task_Reply']);
    expect(s.deliveries.filter((d) => d.channel === 'sms' && d.body.text.includes(ticketNo) && d.body.text.includes('调解已终止')).map((d) => d.day)).to.deep.equal([on]);
    const notices = await s.notices(ticketNo);
    expect(notices.map((n) => n.title)).to.deep.equal(['投诉受理决定书', '投诉调解通知书', '投诉终止调解决定书']);
    const termination = notices[2]!;
    expect(shanghaiDay(termination.issuedAt)).to.equal(on);
    expect((termination.data as { vars: { terminationGround: string; mediationResult: string } }).vars).to.include({ terminationGround: 'LIMIT_EXPIRED', mediationResult: 'terminated' });
    expect(termination.html).to.contain('张三、济南某某电器有限公司：').and.contain('本局决定终止调解');
    // Ended by law, not overdue: no 催办通知书, no copy to the deputy leader, not on the 督办 list.
    expect((await s.platform(ticketNo)).map((n) => n.title).filter((t) => t.includes('催办通知书'))).to.deep.equal([]);
    expect((await openSupervision(s.db.pool)).map((e) => e.ticketId)).not.to.include(ticketId);
    expect((await s.ticket(ticketNo)).status).to.equal('terminated');
    expect(await s.incidents()).to.deep.equal([]);
    return termination;
  }

  it('Order 20 (received 2026-04-10): accepted 04-14, 45 working days → ends after 2026-06-18', async () => {
    const ticket = await acceptedComplaint('2026-04-10T10:00:00+08:00', '2026-04-14T10:00:00+08:00', '冰箱');
    const mediate = await s.task(ticket.ticketNo, 'Task_Mediate');
    // 45 working days after 04-14, over 劳动节 (05-01..05-05, with Saturday 05-09 worked): Thursday 06-18.
    expect(mediate.dueDate).to.equal('2026-06-18T16:00:00.000Z');
    const form = await s.taskVariables(mediate);
    expect(form.deadline).to.include({ dueDate: '2026-06-18', amount: 45, unit: 'workingDays', regulation: 'SAMR Order No. 20', hardLimit: true });
    const limitGround = form.terminationGrounds.find((g: { value: string }) => g.value === 'LIMIT_EXPIRED');
    expect(limitGround).to.include({ regulation: 'SAMR Order No. 20' });
    expect(limitGround.label).to.contain('四十五个工作日');
    expect(form.terminationGrounds).to.have.length(7);

    const call = await walkToTheLimit(ticket.ticketNo, { remind3: '2026-06-15', remind2: '2026-06-16', dueDay: '2026-06-18' });
    expect(call.dueDate).to.equal('2026-06-18T16:00:00.000Z');

    // The limit runs out at 24:00 on 06-18; 06-19 is 端午 and 06-20/21 the weekend: the decision
    // is dated Monday 06-22, the first working day, and nobody is told before it.
    await s.at('2026-06-19T00:00:00+08:00');
    expect(s.deliveries.filter((d) => d.channel === 'sms' && d.body.text.includes('调解已终止'))).to.deep.equal([]);
    const termination = await expectTerminatedByLaw(ticket.ticketNo, ticket.id, '2026-06-22');
    expect(termination.html)
      .to.contain('自投诉受理之日起四十五个工作日内双方未能达成调解协议')
      .and.contain('《市场监督管理投诉举报处理暂行办法》')
      .and.contain('第二十一条')
      .and.contain('2026年6月22日');
    const mediation = (await deadlinesOf(s.db.pool, ticket.id)).find((d) => d.step === 'complaint.mediate')!;
    expect(mediation).to.include({ dueDate: '2026-06-18', regulation: 'SAMR Order No. 20' });
    expect(mediation.startedAt.toISOString()).to.equal('2026-04-14T02:00:00.000Z');
  });

  it('Order 121 (received 2026-07-30): accepted 08-03, 60 days end on 10-02 in the National Day holiday → moved to 2026-10-08', async () => {
    const ticket = await acceptedComplaint('2026-07-30T10:00:00+08:00', '2026-08-03T10:00:00+08:00', '洗衣机');
    const mediate = await s.task(ticket.ticketNo, 'Task_Mediate');
    expect(mediate.dueDate).to.equal('2026-10-08T16:00:00.000Z');
    const form = await s.taskVariables(mediate);
    expect(form.deadline).to.include({ dueDate: '2026-10-08', amount: 60, unit: 'calendarDays', regulation: 'SAMR Order No. 121', hardLimit: true });
    const limitGround = form.terminationGrounds.find((g: { value: string }) => g.value === 'LIMIT_EXPIRED');
    expect(limitGround.label).to.contain('六十日');
    expect(form.terminationGrounds.map((g: { value: string }) => g.value)).to.include('PARTY_GONE').and.have.length(8);

    await walkToTheLimit(ticket.ticketNo, { remind3: '2026-09-28', remind2: '2026-09-29', dueDay: '2026-10-08' }, async () => {
      // The 60th day (10-02) is a holiday: mediation goes on through it.
      await s.at('2026-10-02T23:59:59+08:00');
      expect((await s.tasks(ticket.ticketNo)).map((t) => t.elementId)).to.deep.equal(['Task_Mediate']);
    });

    await s.at('2026-10-09T00:00:00+08:00');
    const termination = await expectTerminatedByLaw(ticket.ticketNo, ticket.id, '2026-10-09');
    expect(termination.html)
      .to.contain('自投诉受理之日起六十日内双方未能达成调解协议')
      .and.contain('《市场监督管理投诉举报处理办法》')
      .and.contain('第二十三条')
      .and.contain('2026年10月9日');
    const mediation = (await deadlinesOf(s.db.pool, ticket.id)).find((d) => d.step === 'complaint.mediate')!;
    expect(mediation).to.include({ dueDate: '2026-10-08', regulation: 'SAMR Order No. 121' });
  });
});

function cn(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
