// Story 1: a complaint received the day before National Day, on a virtual clock. The holiday
// (10-01..10-07) and the make-up working day (Saturday 10-10) set its acceptance deadline;
// accepted, mediated to an agreement with money recovered, answered, visited (满意), closed.
import { expect } from 'chai';
import { openDeadlinesDueBefore } from '../../tickets/index.ts';
import { actions, deadlinesOf, jinanComplaint, shanghaiDay, startStory, statusTrail, type Story } from '../support/stories.ts';

describe('story: a complaint from receipt to closing (投诉处理全流程)', function () {
  this.timeout(60_000);
  let s: Story;
  before(async () => {
    s = await startStory({ clock: '2026-09-30T09:20:00+08:00' });
  });
  after(async () => {
    if (process.env.SHOW_WORKER_LOGS) console.log(s?.logs.join('\n'));
    await s?.stop();
  });

  let ticketNo: string;

  it('received on 2026-09-30, the day before National Day: routed to 甸柳所, acceptance due 2026-10-15', async () => {
    const ticket = await s.register(jinanComplaint({ receivedAt: '2026-09-30T09:15:00+08:00' }));
    ticketNo = ticket.ticketNo;
    expect(ticketNo).to.match(/^TS20260930\d{6}$/);
    expect(ticket).to.include({ status: 'dispatched', department: '370102-DL', professionalClaimant: false });

    // The handling unit's inbox: the review task, due at the end of 2026-10-15. Seven working
    // days after 09-30 skip 10-01..10-07 and count Saturday 10-10 (调休上班): 10-08, 10-09,
    // 10-10, 10-12, 10-13, 10-14, 10-15. Without the make-up day it would be 10-16.
    const review = await s.task(ticketNo, 'Task_AcceptReview');
    expect(review).to.deep.include({ name: '受理审查', candidateGroups: ['dept:370102-DL'], dueDate: '2026-10-15T16:00:00.000Z' });
    const form = await s.taskVariables(review);
    expect(form.deadline).to.include({
      step: 'complaint.accept', dueDate: '2026-10-15', dueAt: '2026-10-16T00:00:00+08:00',
      remindAt3: '2026-10-12T09:00:00+08:00', remindAt2: '2026-10-13T09:00:00+08:00', dueDayStart: '2026-10-15T09:00:00+08:00',
      regulation: 'SAMR Order No. 121', amount: 7, unit: 'workingDays',
    });
    // Received after 2026-04-15: Order 121's grounds (9, with the three new ones) in the refusal select.
    expect(await s.options(review, 'refusalGround')).to.include.members(['FALSE_MATERIALS', 'IMPERSONATION', 'IDENTITY_REFUSED']).and.have.length(9);
    expect(await s.options(review, 'acceptDecision')).to.deep.equal(['accept', 'reject', 'return']);
    const [deadline] = await deadlinesOf(s.db.pool, ticket.id);
    expect(deadline).to.include({ step: 'complaint.accept', dueDate: '2026-10-15', regulation: 'SAMR Order No. 121', completedAt: null });
  });

  it('accepted on 2026-10-09: 受理决定书 and 调解通知书 dated that day; mediation limited to 60 days (2026-12-08)', async () => {
    await s.at('2026-10-09T10:00:00+08:00');
    await s.completeTask(ticketNo, 'Task_AcceptReview', { acceptDecision: 'accept', acceptOpinion: '符合受理条件，予以受理', amountInvolved: 3999, complainantCount: 1 });

    const ticket = await s.ticket(ticketNo);
    expect(ticket.status).to.equal('mediating');
    // The complainant is told of the acceptance by SMS the same day.
    expect(s.deliveries.filter((d) => d.channel === 'sms').map((d) => [d.day, d.body.phone])).to.deep.equal([['2026-10-09', '13812345678']]);
    const notices = await s.notices(ticketNo);
    expect(notices.map((n) => [n.title, shanghaiDay(n.issuedAt)])).to.deep.equal([['投诉受理决定书', '2026-10-09'], ['投诉调解通知书', '2026-10-09']]);
    const decision = notices[0]!;
    expect(decision.noticeNo).to.match(/^投受〔2026〕\d{6}号$/);
    expect(decision.html)
      .to.contain('济南市历下区市场监督管理局')
      .and.contain('张三：')
      .and.contain('你于2026年9月30日通过全国12315平台提出的对济南某某电器有限公司的投诉')
      .and.contain(`工单编号：${ticketNo}`)
      .and.contain('《市场监督管理投诉举报处理办法》')
      .and.contain('决定予以受理')
      .and.contain('2026年10月9日');

    // Mediation runs from the acceptance: 60 calendar days under Order 121 → Tuesday 2026-12-08.
    const plan = await s.task(ticketNo, 'Task_MediationPlan');
    expect(plan).to.deep.include({ name: '确定调解方式', candidateGroups: ['dept:370102-DL'], dueDate: '2026-12-08T16:00:00.000Z' });
    const form = await s.taskVariables(plan);
    expect(form.deadline).to.include({ step: 'complaint.mediate', startedAt: '2026-10-09T10:00:00+08:00', dueDate: '2026-12-08', amount: 60, unit: 'calendarDays', hardLimit: true });
    expect(form.deadline.citation).to.contain('第二十三条');
  });

  it('mediated by phone on 2026-10-12 to an agreement: 3,999 yuan recovered, 调解书 issued', async () => {
    await s.completeTask(ticketNo, 'Task_MediationPlan', { mediationMethod: 'phone', mediationScheduledAt: '2026-10-12T10:00:00+08:00' });
    await s.at('2026-10-12T11:00:00+08:00');
    await s.completeTask(ticketNo, 'Task_Mediate', {
      mediationResult: 'agreement', amountRecovered: 3999, agreementSummary: '经营者为消费者办理退货并退款3999元',
      mediationMinutes: '电话调解，双方同意退货退款',
    });
    const agreement = (await s.notices(ticketNo)).find((n) => n.template === 'mediation-agreement')!;
    expect(agreement.title).to.equal('调解书');
    expect(shanghaiDay(agreement.issuedAt)).to.equal('2026-10-12');
    expect(agreement.html).to.contain('经营者为消费者办理退货并退款3999元').and.contain('3999.00元').and.contain('2026年10月12日');
    // No clue, not complex: straight to the reply, in the handling unit's inbox.
    const reply = await s.task(ticketNo, 'Task_Reply');
    expect(reply.candidateGroups).to.deep.equal(['dept:370102-DL']);
    expect(await s.tasks(ticketNo)).to.have.length(1);
  });

  it('answered on 10-13, visited on 10-14 (满意) and closed: what the ticket shows', async () => {
    await s.at('2026-10-13T09:30:00+08:00');
    await s.completeTask(ticketNo, 'Task_Reply', { replyMethod: 'phone', replyContent: '经调解，经营者已同意退货并退款3999元，请注意查收。' });
    expect((await s.ticket(ticketNo)).status).to.equal('replied');
    await s.at('2026-10-14T15:00:00+08:00');
    const visit = await s.completeTask(ticketNo, 'Task_Visit', { visitReached: 'reached', satisfaction: 'satisfied', processSatisfaction: 'satisfied', resultSatisfaction: 'satisfied' });
    expect(visit.candidateGroups).to.deep.equal(['dept:370102:role:supervisor']);

    const ticket = await s.ticket(ticketNo);
    expect(ticket).to.include({ status: 'closed', department: '370102-DL', satisfaction: '满意', amountRecovered: 3999, reopenCount: 0, returnCount: 0 });
    expect(ticket.closedAt!.toISOString()).to.equal('2026-10-14T07:00:00.000Z');
    expect((await s.notices(ticketNo)).map((n) => n.title)).to.deep.equal(['投诉受理决定书', '投诉调解通知书', '调解书']);

    const audit = await s.audit(ticketNo);
    expect(statusTrail(audit)).to.deep.equal(['dispatched', 'accepted', 'mediating', 'agreed', 'replied', 'closed']);
    expect(actions(audit)).to.deep.equal([
      'intake:12315 ticket.registered',
      'worker:ticket.enrich ticket.enriched',
      'worker:ticket.status ticket.status',
      'worker:deadline.compute deadline.computed',
      'worker:notice.issue notice.issued',
      'worker:ticket.status ticket.status',
      'worker:notify.send notification.sent',
      'worker:notice.issue notice.issued',
      'worker:deadline.compute deadline.computed',
      'worker:ticket.status ticket.status',
      'worker:notice.issue notice.issued',
      'worker:ticket.status ticket.status',
      'worker:ticket.status ticket.status',
      'worker:ticket.status ticket.status',
    ]);
    // What the workers did is dated on the engine clock.
    expect(audit.filter((a) => a.actor.startsWith('worker:')).map((a) => `${shanghaiDay(a.at)} ${a.action}`)).to.deep.equal([
      '2026-09-30 ticket.enriched',
      '2026-09-30 ticket.status',
      '2026-09-30 deadline.computed',
      '2026-10-09 notice.issued',
      '2026-10-09 ticket.status',
      '2026-10-09 notification.sent',
      '2026-10-09 notice.issued',
      '2026-10-09 deadline.computed',
      '2026-10-09 ticket.status',
      '2026-10-12 notice.issued',
      '2026-10-12 ticket.status',
      '2026-10-13 ticket.status',
      '2026-10-14 ticket.status',
    ]);

    // Every deadline met when its step was done (accepted 10-09 10:00, agreed 10-12 11:00);
    // no reminder was due, none was sent.
    const deadlines = await deadlinesOf(s.db.pool, ticket.id);
    expect(deadlines.map((d) => [d.step, d.dueDate, d.completedAt?.toISOString()])).to.deep.equal([
      ['complaint.accept', '2026-10-15', '2026-10-09T02:00:00.000Z'],
      ['complaint.mediate', '2026-12-08', '2026-10-12T03:00:00.000Z'],
    ]);
    expect(s.wecomOf(ticketNo)).to.deep.equal([]);
    expect(await s.platform(ticketNo)).to.deep.equal([]);

    const instances = await s.instances(ticketNo);
    expect(instances.map((i) => [i.processDefinitionId, i.state])).to.deep.equal([
      ['complaint_handling', 'COMPLETED'], ['deadline_watch', 'TERMINATED'], ['deadline_watch', 'TERMINATED'],
    ]);
    expect(await s.tasks(ticketNo)).to.deep.equal([]);
    expect(await s.incidents()).to.deep.equal([]);
  });

  it('the acceptance deadline is met when the complaint is accepted, not when it is closed', async () => {
    const ticket = await s.register(jinanComplaint({ receivedAt: '2026-10-14T14:00:00+08:00' }));
    await s.completeTask(ticket.ticketNo, 'Task_AcceptReview', { acceptDecision: 'accept', amountInvolved: 100 });
    await s.at('2026-10-30T10:00:00+08:00');
    const accept = (await deadlinesOf(s.db.pool, ticket.id)).find((d) => d.step === 'complaint.accept')!;
    expect(accept.completedAt?.toISOString()).to.equal('2026-10-14T07:00:00.000Z');
    expect((await openDeadlinesDueBefore(s.db.pool, new Date(s.now))).map((d) => d.ticketId)).not.to.include(ticket.id);
  });
});
