// Story 6: reports (举报核查). An anonymous report verified with an approved extension (+15
// working days) and no notice to anyone; a real-name report filed as a case, the reporter told
// the same day (举报处理结果告知书), well within the 5 working days.
import { expect } from 'chai';
import { actions, deadlinesOf, FormRefused, jinanReport, shanghaiDay, startStory, statusTrail, type Story } from '../support/stories.ts';

describe('story: reports are verified, decided and the reporter told (举报核查)', function () {
  this.timeout(60_000);
  let s: Story;
  before(async () => {
    s = await startStory({ clock: '2026-05-06T10:05:00+08:00' });
  });
  after(async () => {
    if (process.env.SHOW_WORKER_LOGS) console.log(s?.logs.join('\n'));
    await s?.stop();
  });

  it('anonymous: verification extended by 15 working days with the deputy leader\'s approval, not filed, no notice sent', async () => {
    const ticket = await s.register(jinanReport({ receivedAt: '2026-05-06T10:00:00+08:00' }));
    const { ticketNo } = ticket;
    expect(ticketNo).to.match(/^JB20260506\d{6}$/);
    expect(ticket).to.include({ kind: 'report', status: 'dispatched', department: '370115-ZFDD' });
    expect(ticket.complainant.anonymous).to.equal(true);

    // 15 working days from Wednesday 05-06, counting Saturday 05-09 (调休上班): Tuesday 05-26.
    const verify = await s.task(ticketNo, 'Task_Verify');
    expect(verify).to.deep.include({ name: '核查线索', processDefinitionId: 'clue_verification', candidateGroups: ['dept:370115-ZFDD'], dueDate: '2026-05-26T16:00:00.000Z' });
    const form = await s.taskVariables(verify);
    expect(form.deadline).to.include({ step: 'report.verify', dueDate: '2026-05-26', extended: false, extendedDueAt: '2026-06-17T00:00:00+08:00' });

    // 05-20: the handler cannot finish in time and asks for more.
    await s.at('2026-05-20T16:00:00+08:00');
    await s.complete(verify, { extensionRequested: true, extensionReason: '需调取网络平台交易数据，协查函尚未回复' });
    const approval = await s.task(ticketNo, 'Task_ExtensionApproval');
    expect(approval).to.deep.include({ name: '延期审批', candidateGroups: ['dept:370115:role:deputy-leader'], dueDate: '2026-05-26T16:00:00.000Z' });
    expect(await s.taskVariables(approval)).to.deep.include({ extensionReason: '需调取网络平台交易数据，协查函尚未回复' });
    await s.complete(approval, { extensionDecision: 'approved', approvalOpinion: '同意延长十五个工作日' });

    // +15 working days counted on from 05-26: Tuesday 06-16.
    const again = await s.task(ticketNo, 'Task_Verify');
    expect(again.dueDate).to.equal('2026-06-16T16:00:00.000Z');
    const extended = (await s.taskVariables(again)).deadline;
    expect(extended).to.include({ dueDate: '2026-06-16', extended: true, dueAt: '2026-06-17T00:00:00+08:00' });
    // An extended step cannot be extended again: the form no longer shows the box.
    let refused: unknown;
    await s.complete(again, { extensionRequested: true, extensionReason: '再次延期' }).catch((err) => (refused = err));
    expect(refused).to.be.instanceOf(FormRefused);

    // Past the first limit, within the extended one: no reminder, no 催办.
    await s.at('2026-05-27T10:00:00+08:00');
    expect(s.wecomOf(ticketNo)).to.deep.equal([]);
    await s.at('2026-06-10T10:00:00+08:00');
    await s.complete(again, { verificationFindings: '现场检查未发现所称宣传单，经营者提供的宣传材料未见违法内容', recommendation: 'not-file', recommendationReason: '证据不足' });
    await s.completeTask(ticketNo, 'Task_FilingApproval', { filingDecision: 'not-file', filingOpinion: '同意不予立案' });

    const closed = await s.ticket(ticketNo);
    expect(closed.status).to.equal('closed');
    expect(shanghaiDay(closed.closedAt!)).to.equal('2026-06-10');
    expect(await s.notices(ticketNo)).to.deep.equal([]);
    expect(s.deliveries.filter((d) => d.channel === 'sms')).to.deep.equal([]);
    expect(await s.platform(ticketNo)).to.deep.equal([]);
    const [deadline] = await deadlinesOf(s.db.pool, ticket.id);
    expect(deadline).to.include({ step: 'report.verify', dueDate: '2026-06-16', extendedDueAt: null });
    expect(actions(await s.audit(ticketNo)).filter((a) => a.startsWith('worker:deadline'))).to.deep.equal(['worker:deadline.compute deadline.computed', 'worker:deadline.extend deadline.extended']);
    expect(statusTrail(await s.audit(ticketNo))).to.deep.equal(['dispatched', 'closed']);
    expect(await s.casesOf(ticketNo)).to.deep.equal([]);
  });

  it('real name: filed as a case, the reporter told on the day of the decision (within 5 working days: by 06-23)', async () => {
    await s.at('2026-06-11T09:00:00+08:00');
    const ticket = await s.register(jinanReport({
      receivedAt: '2026-06-11T08:30:00+08:00',
      complainant: { name: '孙六', phone: '13705310066', anonymous: false },
      respondent: { name: '济南某某大药房', address: '济南市历下区和平路6号', regionCode: '370102' },
      facts: { description: '药房将普通食品宣传为可治疗糖尿病的药品销售。' },
    }));
    const { ticketNo } = ticket;
    expect(ticket).to.include({ department: '370102-ZFDD' });
    expect(ticket.complainant).to.include({ anonymous: false, name: '孙六' });

    await s.at('2026-06-12T15:00:00+08:00');
    await s.completeTask(ticketNo, 'Task_Verify', { verificationFindings: '现场查见宣传海报称“降糖神药”', evidenceList: '现场照片3张、询问笔录1份', recommendation: 'file', recommendationReason: '涉嫌违反《广告法》第十七条' });
    await s.at('2026-06-15T10:00:00+08:00');
    await s.completeTask(ticketNo, 'Task_FilingApproval', { filingDecision: 'file', filingOpinion: '同意立案' });

    const notices = await s.notices(ticketNo);
    expect(notices.map((n) => n.title)).to.deep.equal(['举报处理结果告知书']);
    const told = notices[0]!;
    // Decided on Monday 06-15, told the same day; 5 working days would end on Tuesday 06-23 (06-19 is 端午).
    expect(shanghaiDay(told.issuedAt)).to.equal('2026-06-15');
    expect(told.noticeNo).to.match(/^举告〔2026〕\d{6}号$/);
    expect(told.html)
      .to.contain('孙六：')
      .and.contain('你于2026年6月11日通过全国12315平台举报济南某某大药房涉嫌违法一事')
      .and.contain('本局已决定立案调查')
      .and.contain('《市场监督管理投诉举报处理办法》有关规定')
      .and.contain('2026年6月15日');

    // The report is done; the case lives on: numbered, linked to the ticket, in investigation.
    const closed = await s.ticket(ticketNo);
    expect(closed.status).to.equal('closed');
    const [found, ...more] = await s.casesOf(ticketNo);
    expect(more).to.deep.equal([]);
    expect(found!.caseNo).to.match(/^AJ2026\d{6}$/);
    expect(shanghaiDay(found!.createdAt)).to.equal('2026-06-15');
    expect((await s.links(ticketNo)).map((l) => [l.kind, l.toCaseId])).to.deep.equal([['converted', found!.id]]);
    // 90 days from the filing (06-15): Sunday 09-13 → Monday 09-14.
    const investigate = await s.task(ticketNo, 'Task_Investigate');
    expect(investigate).to.deep.include({ name: '调查取证', processDefinitionId: 'case_procedure', candidateGroups: ['dept:370102-ZFDD'], dueDate: '2026-09-14T16:00:00.000Z' });
    expect(statusTrail(await s.audit(ticketNo))).to.deep.equal(['dispatched', 'closed']);
    expect(actions(await s.audit(ticketNo))).to.include.members(['worker:notice.issue notice.issued', 'worker:case.create case.created']);
    // The 5 working days are a watched limit like every other, met the day it started; the
    // reporter also gets an SMS (an anonymous one gets nothing: see above).
    const notify = (await deadlinesOf(s.db.pool, ticket.id)).find((d) => d.step === 'report.notifyReporter')!;
    expect(notify).to.include({ dueDate: '2026-06-23', regulation: 'SAMR Order No. 121' });
    expect([notify.startedAt.toISOString(), notify.completedAt?.toISOString()]).to.deep.equal(['2026-06-15T02:00:00.000Z', '2026-06-15T02:00:00.000Z']);
    const sms = s.deliveries.filter((d) => d.channel === 'sms');
    expect(sms.map((d) => [d.day, d.body.phone])).to.deep.equal([['2026-06-15', '13705310066']]);
    expect(sms[0]!.body.text).to.contain(ticketNo).and.contain('决定立案调查');
  });

  it('a case filed by 立案审批 is in investigation, with its filing date', async () => {
    const [found] = await s.casesOf((await s.db.pool.query<{ ticket_no: string }>("SELECT ticket_no FROM tickets WHERE complainant_name = '孙六'")).rows[0]!.ticket_no);
    expect(found!.stage).to.equal('investigation');
    expect(shanghaiDay(found!.filedAt!)).to.equal('2026-06-15');
  });

  it('a real-name reporter told "not filed" is told why', async () => {
    await s.at('2026-06-16T09:30:00+08:00');
    const ticket = await s.register(jinanReport({
      receivedAt: '2026-06-16T09:00:00+08:00', complainant: { name: '郑十', phone: '13705310010', anonymous: false },
      respondent: { name: '济南某某眼镜店', address: '济南市历下区山大路1号', regionCode: '370102' }, facts: { description: '眼镜店虚构原价促销。' },
    }));
    await s.completeTask(ticket.ticketNo, 'Task_Verify', { verificationFindings: '原价有成交记录', recommendation: 'not-file', recommendationReason: '经核查原价真实，不构成虚构原价' });
    await s.completeTask(ticket.ticketNo, 'Task_FilingApproval', { filingDecision: 'not-file', filingOpinion: '经核查原价有真实成交记录，不予立案' });
    const [told] = await s.notices(ticket.ticketNo);
    expect(told!.html).to.contain('决定不予立案，理由是：');
  });
});
