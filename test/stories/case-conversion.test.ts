// Story 7: a complaint converted to a case (诉转案). Mediation settles the consumer's dispute but
// turns up a violation (expired food on the shelf); the 诉转案 rule sends every food-safety clue
// to verification; the clue is verified within 15 working days, filed with the deputy leader's
// approval and becomes a numbered case linked to the complaint, which goes on to its reply,
// visit and closing while the case lives on.
import { expect } from 'chai';
import { actions, deadlinesOf, jinanComplaint, shanghaiDay, startStory, statusTrail, type Story } from '../support/stories.ts';
import { USCC } from '../tickets/samples.ts';

describe('story: a complaint becomes a case (诉转案)', function () {
  this.timeout(60_000);
  let s: Story;
  before(async () => {
    s = await startStory({ clock: '2026-06-01T09:10:00+08:00' });
  });
  after(async () => {
    if (process.env.SHOW_WORKER_LOGS) console.log(s?.logs.join('\n'));
    await s?.stop();
  });

  it('a violation found in mediation is verified, filed and becomes a case; the complaint is closed, the case goes on', async () => {
    const ticket = await s.register(jinanComplaint({
      receivedAt: '2026-06-01T09:00:00+08:00',
      category: '食品药品安全',
      respondent: { name: '济阳某某超市有限公司', uscc: USCC('91370125MA3D6E7F8'), address: '济南市济阳区纬二路8号', regionCode: '370115' },
      facts: { occurredAt: '2026-05-30', place: '超市', goodsOrService: '预包装牛奶', amount: 58, description: '购买的牛奶已过保质期，饮用后腹泻。' },
      requests: ['refund', 'compensation'],
    }));
    const { ticketNo } = ticket;
    expect(ticket.department).to.equal('370115-JY');

    await s.at('2026-06-02T10:00:00+08:00');
    await s.completeTask(ticketNo, 'Task_AcceptReview', { acceptDecision: 'accept', amountInvolved: 58, acceptOpinion: '符合受理条件' });
    await s.completeTask(ticketNo, 'Task_MediationPlan', { mediationMethod: 'on-site', mediationScheduledAt: '2026-06-04T09:30:00+08:00' });
    await s.at('2026-06-04T11:00:00+08:00');
    await s.completeTask(ticketNo, 'Task_Mediate', {
      mediationResult: 'agreement', amountRecovered: 580, agreementSummary: '经营者退还货款58元并赔偿522元，共计580元',
      mediationMinutes: '现场调解，经营者承认销售过期牛奶', violationFound: true, clueDescription: '货架上另有3盒超过保质期的预包装牛奶在售',
    });

    // The case.open worker handed the clue to 诉转案: a verification task beside the complaint's reply.
    expect((await s.tasks(ticketNo)).map((t) => [t.processDefinitionId, t.elementId])).to.deep.equal([
      ['complaint_handling', 'Task_Reply'], ['clue_verification', 'Task_Verify'],
    ]);
    const conversion = await s.instances(ticketNo, 'case_conversion');
    expect(conversion.map((i) => i.state)).to.deep.equal(['ACTIVE']);
    const verify = await s.task(ticketNo, 'Task_Verify');
    // 15 working days from the discovery (06-04), over 端午 (06-19): Friday 06-26.
    expect(verify).to.deep.include({ candidateGroups: ['dept:370115-JY'], dueDate: '2026-06-26T16:00:00.000Z' });
    const seen = await s.taskVariables(verify);
    expect(seen).to.deep.include({ clue: '货架上另有3盒超过保质期的预包装牛奶在售', kind: 'complaint' });
    expect(seen.deadline).to.include({ step: 'complaint.verifyClue', startedAt: '2026-06-04T11:00:00+08:00', dueDate: '2026-06-26' });
    const clueFound = (await s.audit(ticketNo)).find((a) => a.action === 'case.clueFound')!;
    expect(clueFound.after).to.deep.equal({ clue: '货架上另有3盒超过保质期的预包装牛奶在售', discoveredAt: '2026-06-04T11:00:00+08:00' });
    expect(shanghaiDay(clueFound.at)).to.equal('2026-06-04');

    // The complaint is answered, visited and closed meanwhile.
    await s.completeTask(ticketNo, 'Task_Reply', { replyMethod: 'phone', replyContent: '经调解，经营者退还货款并赔偿共计580元；发现的违法线索已转立案核查。' });
    await s.at('2026-06-05T10:00:00+08:00');
    await s.completeTask(ticketNo, 'Task_Visit', { visitReached: 'reached', satisfaction: 'very-satisfied', processSatisfaction: 'satisfied', resultSatisfaction: 'satisfied' });
    expect((await s.instances(ticketNo, 'complaint_handling')).map((i) => i.state)).to.deep.equal(['COMPLETED']);

    await s.at('2026-06-10T15:00:00+08:00');
    await s.complete(verify, { verificationFindings: '现场检查发现3盒过期牛奶在售', evidenceList: '现场照片、商品实物', recommendation: 'file', recommendationReason: '涉嫌违反《食品安全法》第三十四条' });
    const approval = await s.task(ticketNo, 'Task_FilingApproval');
    expect(approval).to.deep.include({ name: '立案审批', candidateGroups: ['dept:370115:role:deputy-leader'], dueDate: '2026-06-26T16:00:00.000Z' });
    expect(await s.taskVariables(approval)).to.deep.include({ recommendation: 'file', recommendationReason: '涉嫌违反《食品安全法》第三十四条' });
    await s.at('2026-06-11T09:30:00+08:00');
    await s.complete(approval, { filingDecision: 'file', filingOpinion: '同意立案' });

    // A numbered case linked to the complaint; the penalty procedure runs with its 90-day limit.
    const [found, ...more] = await s.casesOf(ticketNo);
    expect(more).to.deep.equal([]);
    expect(found).to.deep.include({ processId: 'case_conversion', processInstanceKey: conversion[0]!.processInstanceKey, decision: null, closedAt: null });
    expect(found!.caseNo).to.match(/^AJ2026\d{6}$/);
    expect(shanghaiDay(found!.createdAt)).to.equal('2026-06-04');
    expect((await s.links(ticketNo)).map((l) => [l.kind, l.toCaseId])).to.deep.equal([['converted', found!.id]]);
    // 90 days from 06-11: Wednesday 09-09.
    const investigate = await s.task(ticketNo, 'Task_Investigate');
    expect(investigate).to.deep.include({ processDefinitionId: 'case_procedure', candidateGroups: ['dept:370115-JY'], dueDate: '2026-09-09T16:00:00.000Z' });
    expect(await s.taskVariables(investigate)).to.deep.include({ caseId: found!.id, caseNo: found!.caseNo });

    const ticketNow = await s.ticket(ticketNo);
    expect(ticketNow).to.include({ amountRecovered: 580, satisfaction: '非常满意' });
    expect((await s.notices(ticketNo)).map((n) => n.title)).to.deep.equal(['投诉受理决定书', '投诉调解通知书', '调解书']);
    expect(actions(await s.audit(ticketNo))).to.include.members(['worker:case.open case.clueFound', 'worker:case.create case.created']);
    const steps = (await deadlinesOf(s.db.pool, ticket.id)).map((d) => [d.step, d.dueDate]);
    expect(steps).to.deep.include.members([['complaint.verifyClue', '2026-06-26'], ['case.decide', '2026-09-09']]);
    // What the status column showed over time: each step of the complaint, the clue handed over
    // to 诉转案 after the agreement, then the reply and the closing.
    expect(statusTrail(await s.audit(ticketNo))).to.deep.equal(['dispatched', 'accepted', 'mediating', 'agreed', 'case-clue', 'replied', 'closed']);
    expect(ticketNow.status).to.equal('closed');
  });
});
