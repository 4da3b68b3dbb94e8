// Stories of the 12345 city platform: a pushed order registered once however often it is pushed
// (story 9), and a ticket the platform sends back three times, each reopen led one level higher:
// the hotline service centre, the deputy leader, the principal leader (story 3).
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { verify12345Signature, type Push12345 } from '../../tickets/index.ts';
import { actions, HOTLINE_SECRET, shanghaiDay, startStory, statusTrail, type Story } from '../support/stories.ts';
import { FORMS } from '../support/processes.ts';
import { ID_CARD } from '../tickets/samples.ts';

const LI_SI = { name: '李四', phone: '13905310001', idNumber: ID_CARD('37010219850505432') };
const WANG_WU = { name: '王五', phone: '13905310002', idNumber: ID_CARD('37010219900909876') };

function order(orderNo: string, receivedAt: string, caller: Record<string, unknown> = LI_SI): Push12345 {
  return {
    event: 'dispatch',
    orderNo,
    orderType: '投诉',
    receivedAt,
    caller,
    respondent: { name: '济南某某教育培训学校', address: '济南市历下区经十路88号', regionCode: '370102' },
    facts: { description: '预交学费12800元后培训学校停课，要求退还剩余学费。', amount: 12800, goodsOrService: '英语培训课程' },
    requests: ['refund'],
    category: '预付卡消费',
  };
}

describe('story: the 12345 city platform (12345派单与退回重办)', function () {
  this.timeout(60_000);
  let s: Story;
  before(async () => {
    s = await startStory({ clock: '2026-08-03T09:00:00+08:00' });
  });
  after(async () => {
    if (process.env.SHOW_WORKER_LOGS) console.log(s?.logs.join('\n'));
    await s?.stop();
  });

  it('the same order pushed twice, and twice at once, is one ticket with one process; a new order about the same matter is merged', async () => {
    const first = await s.push12345(order('12345-20260803-0001', '2026-08-03T08:40:00+08:00'));
    expect(first.status).to.equal(200);
    expect(first.body).to.deep.include({ ok: true, created: true });
    const [ticket] = first.body.tickets as Array<{ ticketNo: string; kind: string; orderNo: string }>;
    expect(ticket).to.deep.include({ kind: 'complaint', orderNo: '12345-20260803-0001' });
    const ticketNo = ticket!.ticketNo;

    const again = await s.push12345(order('12345-20260803-0001', '2026-08-03T08:40:00+08:00'));
    expect(again.status).to.equal(200);
    expect(again.body).to.deep.equal({ ok: true, created: false, tickets: [{ ticketNo, kind: 'complaint', orderNo: '12345-20260803-0001' }] });
    expect((await s.instances(ticketNo, 'complaint_handling')).map((i) => i.state)).to.deep.equal(['ACTIVE']);
    expect((await s.tasks(ticketNo)).map((t) => t.elementId)).to.deep.equal(['Task_AcceptReview']);
    const registered = await s.ticket(ticketNo);
    expect(registered).to.include({ channel: '12345', externalNo: '12345-20260803-0001', status: 'dispatched', department: '370102-DL' });

    // Two deliveries of another order racing each other.
    const [a, b] = await Promise.all([1, 2].map(() => s.push12345(order('12345-20260803-0002', '2026-08-03T08:50:00+08:00', WANG_WU))));
    expect([a!.body.created, b!.body.created].sort()).to.deep.equal([false, true]);
    const twinNo = (a!.body.tickets as Array<{ ticketNo: string }>)[0]!.ticketNo;
    expect((b!.body.tickets as Array<{ ticketNo: string }>)[0]!.ticketNo).to.equal(twinNo);
    await s.settle();
    expect((await s.instances(twinNo, 'complaint_handling')).map((i) => i.state)).to.deep.equal(['ACTIVE']);
    expect((await s.tasks(twinNo)).map((t) => t.elementId)).to.deep.equal(['Task_AcceptReview']);
    expect(actions(await s.audit(twinNo)).filter((x) => x === 'intake:12345 ticket.registered')).to.have.length(1);

    // 李四 calls the hotline again the next day about the same matter: a new order, a new ticket,
    // flagged as a repeat of the open one; the dispatcher merges it (并案).
    await s.at('2026-08-04T09:10:00+08:00');
    const repeat = await s.push12345(order('12345-20260804-0007', '2026-08-04T09:00:00+08:00'));
    const repeatNo = (repeat.body.tickets as Array<{ ticketNo: string }>)[0]!.ticketNo;
    expect(repeatNo).to.not.equal(ticketNo);
    const review = await s.task(repeatNo, 'Task_DuplicateReview');
    expect(review).to.deep.include({ name: '重复投诉确认', candidateGroups: ['role:dispatcher'] });
    expect(await s.taskVariables(review)).to.deep.include({ duplicateOf: registered.id, duplicateOfNo: ticketNo });
    expect(await s.options(review, 'duplicateDecision')).to.deep.equal(['continue', 'merge', 'not-again']);
    await s.complete(review, { duplicateDecision: 'merge', duplicateNote: `与${ticketNo}为同一诉求人同一事项，并案处理` });
    const merged = await s.ticket(repeatNo);
    expect(merged.status).to.equal('merged');
    // Merged is an ending: dated like a closing, by the engine's clock.
    expect(shanghaiDay(merged.closedAt!)).to.equal(s.today());
    const links = await s.links(repeatNo);
    expect(links.map((l) => [l.kind, l.toTicketId])).to.deep.equal([['duplicate', registered.id]]);
    expect((await s.instances(repeatNo, 'complaint_handling')).map((i) => i.state)).to.deep.equal(['COMPLETED']);
    expect(await s.tasks(repeatNo)).to.deep.equal([]);
    // The original goes on, alone in the handling unit's inbox.
    expect((await s.tasks(ticketNo)).map((t) => t.elementId)).to.deep.equal(['Task_AcceptReview']);
    expect(await s.incidents()).to.deep.equal([]);
  });

  it('sent back three times: the hotline service centre, then the deputy leader, then the principal leader leads', async () => {
    const orderNo = '12345-20260803-0001';
    const ticketNo = await ticketOf(orderNo);

    // First handled and closed: accepted, mediated, answered on the platform, visited.
    await s.completeTask(ticketNo, 'Task_AcceptReview', { acceptDecision: 'accept', amountInvolved: 12800, acceptOpinion: '符合受理条件' });
    await s.completeTask(ticketNo, 'Task_MediationPlan', { mediationMethod: 'phone', mediationScheduledAt: '2026-08-04T10:00:00+08:00' });
    await s.at('2026-08-04T11:00:00+08:00');
    await s.completeTask(ticketNo, 'Task_Mediate', { mediationResult: 'agreement', amountRecovered: 6400, agreementSummary: '培训学校分两期退还剩余学费6400元', mediationMinutes: '电话调解' });
    await s.completeTask(ticketNo, 'Task_Reply', { replyMethod: 'phone', replyContent: '经调解，培训学校同意分两期退还剩余学费6400元。' });
    await s.at('2026-08-05T10:00:00+08:00');
    await s.completeTask(ticketNo, 'Task_Visit', { visitReached: 'reached', satisfaction: 'satisfied', processSatisfaction: 'satisfied', resultSatisfaction: 'average' });
    expect((await s.ticket(ticketNo))).to.include({ status: 'closed', reopenCount: 0 });
    const [firstReply] = s.hotlineRepliesOf(orderNo);
    expect(firstReply!.day).to.equal('2026-08-04');
    expect(firstReply!.url).to.equal('/12345/reply');
    expect(firstReply!.body).to.include({ orderNo, ticketNo, replyContent: '经调解，培训学校同意分两期退还剩余学费6400元。', department: '370102-DL' });
    // Signed as the platform signs its pushes.
    expect(verify12345Signature(firstReply!.request.headers, JSON.stringify(firstReply!.body), { secret: HOTLINE_SECRET })).to.deep.equal({ ok: true });

    const rounds = [
      { returnNo: 'TH-1', on: '2026-08-10T09:30:00+08:00', due: '2026-08-17', role: 'hotline-centre', leader: '执法大队热线服务中心', listed: false, priority: 70 },
      { returnNo: 'TH-2', on: '2026-08-17T09:30:00+08:00', due: '2026-08-24', role: 'deputy-leader', leader: '分管领导', listed: false, priority: 70 },
      { returnNo: 'TH-3', on: '2026-08-24T09:30:00+08:00', due: '2026-08-31', role: 'principal-leader', leader: '主要领导', listed: true, priority: 90 },
    ];
    for (const [i, round] of rounds.entries()) {
      const count = i + 1;
      await s.at(round.on);
      const answer = await s.push12345({ event: 'return', orderNo, returnNo: round.returnNo, reason: `诉求人对处理结果不满意（第${count}次退回）` });
      expect(answer).to.deep.equal({ status: 200, body: { ok: true, reopened: [{ ticketNo }] } });
      if (count === 1) {
        // The platform delivers the same send-back again: nothing more happens.
        const replay = await s.push12345({ event: 'return', orderNo, returnNo: round.returnNo, reason: `诉求人对处理结果不满意（第${count}次退回）` });
        expect(replay.status).to.equal(200);
      }

      const reopened = await s.ticket(ticketNo);
      expect(reopened).to.include({ status: 'reopened', reopenCount: count, closedAt: null });
      const lead = await s.task(ticketNo, 'Task_LeadReopen');
      // Five working days to re-handle and reply, from the send-back.
      expect(lead).to.deep.include({ name: '牵头重办并签发答复', processDefinitionId: 'reopen_escalation', candidateGroups: [`dept:370102:role:${round.role}`], dueDate: `${round.due}T16:00:00.000Z`, priority: round.priority });
      const form = await s.taskVariables(lead);
      expect(form).to.deep.include({ reopenCount: count, reopenLead: { leadRole: round.role, leadName: round.leader, listed: round.listed } });
      expect(form.reopenReason).to.equal(`诉求人对处理结果不满意（第${count}次退回）`);
      const replyContent = `经${round.leader}牵头重办（第${count}次），培训学校已退还剩余学费6400元。`;
      await s.complete(lead, {
        leaderFindings: '学校第二期退款逾期未付', measures: '约谈学校负责人，责令限期退款', replyContent, signed: true,
        ...(round.listed ? { listedForSupervision: true } : {}),
      });
      // The signed reply goes to the platform the same day, then the complainant is visited again.
      const reply = s.hotlineRepliesOf(orderNo).at(-1)!;
      expect([reply.day, reply.body.replyContent]).to.deep.equal([round.on.slice(0, 10), replyContent]);
      const revisit = await s.completeTask(ticketNo, 'Task_Revisit', { visitReached: 'reached', satisfaction: 'satisfied', processSatisfaction: 'satisfied', resultSatisfaction: 'satisfied' });
      expect(revisit.candidateGroups).to.deep.equal(['dept:370102:role:supervisor']);
      expect(await s.ticket(ticketNo)).to.include({ status: 'closed', reopenCount: count, satisfaction: '满意' });
    }

    // One reopen per send-back, each in its own instance of reopen_escalation, each finished.
    const reopens = await s.instances(ticketNo, 'reopen_escalation');
    expect(reopens.map((r) => r.state)).to.deep.equal(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(s.hotlineRepliesOf(orderNo)).to.have.length(4);
    const audit = await s.audit(ticketNo);
    expect(actions(audit).filter((a) => /sentBack|reopened|hotline/.test(a))).to.deep.equal([
      'worker:hotline.reply hotline.replied',
      'intake:12345 ticket.sentBack', 'worker:ticket.reopen ticket.reopened', 'worker:hotline.reply hotline.replied',
      'intake:12345 ticket.sentBack', 'worker:ticket.reopen ticket.reopened', 'worker:hotline.reply hotline.replied',
      'intake:12345 ticket.sentBack', 'worker:ticket.reopen ticket.reopened', 'worker:hotline.reply hotline.replied',
    ]);
    expect(statusTrail(audit)).to.deep.equal(['dispatched', 'accepted', 'mediating', 'agreed', 'replied', 'closed', 'reopened', 'closed', 'reopened', 'closed', 'reopened', 'closed']);
    expect(await s.tasks(ticketNo)).to.deep.equal([]);
    expect(await s.incidents()).to.deep.equal([]);
  });

  it('the duplicate review names the original ticket by its number', async () => {
    const original = await ticketOf('12345-20260803-0002');
    const repeat = await s.push12345(order('12345-20260825-0009', '2026-08-25T09:00:00+08:00', WANG_WU));
    const review = await s.task((repeat.body.tickets as Array<{ ticketNo: string }>)[0]!.ticketNo, 'Task_DuplicateReview');
    const form = JSON.parse(readFileSync(path.join(FORMS, 'duplicate-review.form'), 'utf8'));
    const variables = await s.taskVariables(review);
    const shown = form.components.filter((c: { type: string }) => c.type === 'text').map((c: { text: string }) => c.text.replace(/\{\{(\w+)\}\}/g, (_: string, name: string) => String(variables[name] ?? ''))).join('\n');
    expect(shown).to.contain(`原工单 **${original}**`);
  });

  async function ticketOf(orderNo: string): Promise<string> {
    const rows = await s.db.pool.query<{ ticket_no: string }>(`SELECT ticket_no FROM tickets WHERE channel = '12345' AND external_no = $1`, [orderNo]);
    return rows.rows[0]!.ticket_no;
  }
});
