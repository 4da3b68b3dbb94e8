// Story 4: reminders and supervision (催办 / 督办) on the engine clock, for a complaint received
// on 2026-09-30 whose acceptance is due on 2026-10-15: three working days before, the handling
// unit's WeCom group is warned; two before, a reminder lands in the unit's platform inbox; on
// the due day the supervisor gets a phone-call task; once overdue, a 催办通知书 is issued,
// copied to the deputy leader, and the ticket goes on the 督办 list.
import { expect } from 'chai';
import { actions, jinanComplaint, openSupervision, shanghaiDay, startStory, type Story } from '../support/stories.ts';

describe('story: reminders and supervision before and after a deadline (催办督办)', function () {
  this.timeout(60_000);
  let s: Story;
  before(async () => {
    s = await startStory({ clock: '2026-09-30T09:20:00+08:00' });
  });
  after(async () => {
    if (process.env.SHOW_WORKER_LOGS) console.log(s?.logs.join('\n'));
    await s?.stop();
  });

  it('≤3 working days: WeCom group on 10-12; ≤2: platform inbox on 10-13; due day: phone task on 10-15; overdue: 催办通知书 and 督办 on 10-16', async () => {
    const ticket = await s.register(jinanComplaint({ receivedAt: '2026-09-30T09:15:00+08:00' }));
    const { ticketNo } = ticket;
    expect((await s.task(ticketNo, 'Task_AcceptReview')).dueDate).to.equal('2026-10-15T16:00:00.000Z');

    // Through the holiday and the make-up Saturday nothing is due.
    await s.at('2026-10-10T17:00:00+08:00');
    await s.at('2026-10-12T08:59:59+08:00');
    expect(s.wecomOf(ticketNo)).to.deep.equal([]);

    // Monday 10-12, 09:00: three working days left (10-13, 10-14, 10-15) → the unit's WeCom group.
    await s.at('2026-10-12T09:00:00+08:00');
    const [warning, ...moreWarnings] = s.wecomOf(ticketNo);
    expect(moreWarnings).to.deep.equal([]);
    expect(warning!.day).to.equal('2026-10-12');
    expect(warning!.url).to.equal('/cgi-bin/webhook/send?key=370102-DL');
    expect(warning!.body.msgtype).to.equal('markdown');
    expect(warning!.body.markdown.content)
      .to.contain(`【临期预警】投诉工单 ${ticketNo} 剩余不足3个工作日`)
      .and.contain('被投诉人：济南某某电器有限公司')
      .and.contain('期限：2026年10月15日');
    expect(await s.platform(ticketNo)).to.deep.equal([]);

    // Tuesday 10-13, 09:00: two left → the handling unit's inbox on the platform.
    await s.at('2026-10-13T09:00:00+08:00');
    const inbox = await s.platform(ticketNo);
    expect(inbox.map((n) => [n.day, n.recipient, n.title])).to.deep.equal([['2026-10-13', 'dept:370102-DL', `催办：工单 ${ticketNo} 剩余不足2个工作日`]]);
    expect(inbox[0]!.body).to.contain('将于2026年10月15日到期');
    expect(s.wecomOf(ticketNo)).to.have.length(1);

    // Thursday 10-15, the due day, 09:00 → a phone-call task for the district's supervisor.
    await s.at('2026-10-15T08:59:59+08:00');
    expect((await s.tasks(ticketNo)).map((t) => t.elementId)).to.deep.equal(['Task_AcceptReview']);
    await s.at('2026-10-15T09:00:00+08:00');
    const call = await s.task(ticketNo, 'Task_PhoneReminder');
    expect(call).to.deep.include({ name: '电话催办', processDefinitionId: 'deadline_watch', candidateGroups: ['dept:370102:role:supervisor'], dueDate: '2026-10-15T16:00:00.000Z', priority: 80 });
    expect((await s.taskVariables(call)).deadline).to.include({ dueDate: '2026-10-15' });
    await s.complete(call, { calledPerson: '甸柳所王所长', calledPhone: '0531-86012345', callResult: 'needs-help', callNote: '承办人称被投诉人拒接电话，今日内作出受理决定' });
    expect(await s.notices(ticketNo)).to.deep.equal([]);

    // 24:00 on 10-15: overdue.
    await s.at('2026-10-15T23:59:59+08:00');
    expect(await s.notices(ticketNo)).to.deep.equal([]);
    await s.at('2026-10-16T00:00:00+08:00');
    const [urge, ...others] = await s.notices(ticketNo);
    expect(others).to.deep.equal([]);
    expect(urge!.title).to.equal('催办通知书');
    expect(urge!.noticeNo).to.match(/^催办〔2026〕\d{6}号$/);
    expect(shanghaiDay(urge!.issuedAt)).to.equal('2026-10-16');
    expect(urge!.html)
      .to.contain(`你单位承办的投诉工单（工单编号：${ticketNo}，被投诉人：济南某某电器有限公司）`)
      .and.contain('办理期限为2026年10月15日')
      .and.contain('现已超过期限仍未办结')
      .and.contain('2026年10月16日');
    const copies = (await s.platform(ticketNo)).filter((n) => n.recipient === 'dept:370102:role:deputy-leader');
    expect(copies.map((n) => [n.day, n.title])).to.deep.equal([['2026-10-16', `抄送：工单 ${ticketNo} 已超期并发出催办通知书`]]);
    expect(copies[0]!.body).to.contain(urge!.noticeNo).and.contain('已于2026年10月15日到期未办结');
    const listed = (await openSupervision(s.db.pool)).filter((e) => e.ticketId === ticket.id);
    expect(listed.map((e) => ({ reason: e.reason, step: e.step, dueAt: e.dueAt?.toISOString(), listedAt: e.listedAt.toISOString() }))).to.deep.equal([
      { reason: 'overdue', step: 'complaint.accept', dueAt: '2026-10-15T16:00:00.000Z', listedAt: '2026-10-15T16:00:00.000Z' },
    ]);
    // One of each: no reminder twice.
    expect(s.wecomOf(ticketNo)).to.have.length(1);
    expect(await s.platform(ticketNo)).to.have.length(2);

    // The handler decides late, on 10-16: the watch ends; the ticket stays on the 督办 list.
    await s.at('2026-10-16T10:00:00+08:00');
    await s.completeTask(ticketNo, 'Task_AcceptReview', { acceptDecision: 'accept', acceptOpinion: '逾期受理，已作说明', amountInvolved: 3999 });
    expect((await s.ticket(ticketNo)).status).to.equal('mediating');
    expect((await openSupervision(s.db.pool)).map((e) => e.ticketId)).to.include(ticket.id);

    const trail = actions(await s.audit(ticketNo)).filter((a) => /notification|notice|supervision/.test(a));
    expect(trail).to.deep.equal([
      'worker:notify.send notification.sent',
      'worker:notify.send notification.sent',
      'worker:notice.issue notice.issued',
      'worker:notify.send notification.sent',
      'worker:supervision.list supervision.listed',
      // the late acceptance: 受理决定书, the complainant's SMS, 调解通知书
      'worker:notice.issue notice.issued',
      'worker:notify.send notification.sent',
      'worker:notice.issue notice.issued',
    ]);
    // The ticket's history shows each reminder on its day, with its channel.
    const sent = (await s.audit(ticketNo)).filter((a) => a.action === 'notification.sent');
    expect(sent.map((a) => { const x = a.after as { channel: string; template: string; to: string }; return [shanghaiDay(a.at), x.channel, x.template, x.to]; })).to.deep.equal([
      ['2026-10-12', 'wecom', 'deadline-warning', 'webhook'],
      ['2026-10-13', 'platform', 'deadline-reminder', 'dept:370102-DL'],
      ['2026-10-16', 'platform', 'urge-notice-copy', 'dept:370102:role:deputy-leader'],
      ['2026-10-16', 'sms', 'accepted-sms', '138****5678'],
    ]);
    expect(await s.incidents()).to.deep.equal([]);
  });
});
