// Story: the complainant is told, on time and on a working day. An accepted complaint brings an
// SMS (受理), a rejected one an SMS (不予受理) and an ending (closedAt). Mediation that runs out
// at midnight before a weekend is terminated by a 终止调解决定书 dated on the next working day;
// the complainant is told from that day, within the 7 working days the rules give, under the
// same watch as every limit. Platform reminders are dated by the engine's clock.
import { expect } from 'chai';
import { deadlinesOf, jinanComplaint, shanghaiDay, startStory, statusTrail, type Story } from '../support/stories.ts';

describe('story: the complainant is told by SMS, on working days (告知投诉人)', function () {
  this.timeout(60_000);
  let s: Story;
  before(async () => {
    s = await startStory({ clock: '2026-10-12T09:05:00+08:00' });
  });
  after(async () => {
    if (process.env.SHOW_WORKER_LOGS) console.log(s?.logs.join('\n'));
    await s?.stop();
  });

  const smsTo = (phone: string) => s.deliveries.filter((d) => d.channel === 'sms' && d.body.phone === phone).map((d) => [d.day, d.body.text as string]);

  it('rejected: the refusal notice, an SMS the same day, and the ticket ends (closedAt)', async () => {
    const ticket = await s.register(jinanComplaint({ receivedAt: '2026-10-12T09:00:00+08:00', complainant: { name: '李四', phone: '13905310001' } }));
    await s.at('2026-10-12T11:00:00+08:00');
    await s.completeTask(ticket.ticketNo, 'Task_AcceptReview', { acceptDecision: 'reject', refusalGround: 'TIME_BARRED', refusalReason: '已超过三年' });
    const ended = await s.ticket(ticket.ticketNo);
    expect(ended.status).to.equal('rejected');
    expect(ended.closedAt?.toISOString()).to.equal('2026-10-12T03:00:00.000Z');
    const texts = smsTo('13905310001');
    expect(texts.map(([day]) => day)).to.deep.equal(['2026-10-12']);
    expect(texts[0]![1]).to.contain(ticket.ticketNo).and.contain('不予受理').and.contain('济南市历下区市场监督管理局');
  });

  it('mediation runs out at midnight before a Saturday: the decision is dated Monday, and the complainant told from Monday, within 7 working days', async () => {
    const ticket = await s.register(jinanComplaint({ receivedAt: '2026-10-12T09:30:00+08:00' }));
    const { ticketNo } = ticket;
    await s.at('2026-10-12T14:00:00+08:00');
    await s.completeTask(ticketNo, 'Task_AcceptReview', { acceptDecision: 'accept', amountInvolved: 2600, acceptOpinion: '符合受理条件' });
    // Accepted: an SMS at once, mediation under way.
    expect(smsTo('13812345678')).to.deep.equal([['2026-10-12', `您对济南某某电器有限公司的投诉（编号${ticketNo}）已受理，济南市历下区市场监督管理局将组织调解，请保持电话畅通。`]]);
    await s.completeTask(ticketNo, 'Task_MediationPlan', { mediationMethod: 'on-site', mediationScheduledAt: '2026-10-20T09:30:00+08:00' });
    // Order 121: 60 days from Monday 10-12 end on Friday 12-11.
    expect((await s.task(ticketNo, 'Task_Mediate')).dueDate).to.equal('2026-12-11T16:00:00.000Z');

    // Two working days before the end (Wednesday 12-09): the handler's platform reminder,
    // stored with the engine's time, not the machine's.
    await s.at('2026-12-09T09:00:00+08:00');
    const reminders = await s.db.pool.query<{ recipient: string; created_at: Date }>('SELECT recipient, created_at FROM notifications WHERE ticket_id = $1', [ticket.id]);
    expect(reminders.rows.map((r) => [r.recipient, r.created_at.toISOString()])).to.deep.equal([['dept:370102-DL', '2026-12-09T01:00:00.000Z']]);

    // The limit runs out at 24:00 on Friday: the decision is made, but dated Monday 12-14, and
    // nobody is told on the weekend.
    await s.at('2026-12-12T00:00:00+08:00');
    const termination = (await s.notices(ticketNo)).find((n) => n.template === 'termination-decision')!;
    expect(termination.issuedAt.toISOString()).to.equal('2026-12-14T01:00:00.000Z');
    expect(termination.html).to.contain('2026年12月14日');
    expect(smsTo('13812345678')).to.have.length(1);
    expect((await s.ticket(ticketNo)).status).to.equal('mediating');
    // 7 working days from Monday 12-14: Wednesday 12-23, watched like every limit.
    const notify = (await deadlinesOf(s.db.pool, ticket.id)).find((d) => d.step === 'complaint.notifyTermination')!;
    expect(notify).to.include({ dueDate: '2026-12-23', completedAt: null });
    expect(notify.startedAt.toISOString()).to.equal('2026-12-14T01:00:00.000Z');
    expect((await s.instances(ticketNo, 'deadline_watch')).map((i) => i.state)).to.include('ACTIVE');

    await s.at('2026-12-14T09:00:00+08:00');
    const told = smsTo('13812345678');
    expect(told.map(([day]) => day)).to.deep.equal(['2026-10-12', '2026-12-14']);
    expect(told[1]![1]).to.contain(ticketNo).and.contain('调解已终止');
    const done = (await deadlinesOf(s.db.pool, ticket.id)).find((d) => d.step === 'complaint.notifyTermination')!;
    expect(done.completedAt?.toISOString()).to.equal('2026-12-14T01:00:00.000Z');
    expect((await s.instances(ticketNo, 'deadline_watch')).map((i) => i.state)).not.to.include('ACTIVE');
    expect(statusTrail(await s.audit(ticketNo))).to.deep.equal(['dispatched', 'accepted', 'mediating', 'terminated']);
    expect((await s.tasks(ticketNo)).map((t) => t.elementId)).to.deep.equal(['Task_Reply']);
    expect(await s.incidents()).to.deep.equal([]);
  });
});
