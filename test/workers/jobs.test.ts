// Each job type through the real engine, the SDK and the running workers.
import { expect } from 'chai';
import { auditOf, caseStages, casesOfTicket, deadlinesOf, getTicket, linksOf, noticesOf, notificationsFor, openSupervision, updateTicket, verify12345Signature } from '../../tickets/index.ts';
import { commonSuperior } from '../../workers/jobs/org-common-superior.ts';
import { chain, definitions, end, message, messageStart, processXml, serviceTask } from '../support/bpmn.ts';
import { eventually } from '../support/engine.ts';
import { complaint, externalNo, report, USCC } from '../tickets/samples.ts';
import { workerHarness, type Harness } from './harness.ts';

describe('workers: job types', () => {
  let h: Harness;
  before(async () => {
    h = await workerHarness();
  });
  after(async () => {
    if (process.env.SHOW_WORKER_LOGS) console.log(h?.logs.join('\n'));
    await h?.stop();
  });

  const incidentOf = async (processInstanceKey: string) => eventually(async () => {
    const rows = await h.t.records({ valueType: 'INCIDENT', intent: 'CREATED', processInstanceKey });
    return rows[0]?.value as { errorMessage: string; errorType: string } | undefined;
  }, `an incident in ${processInstanceKey}`);

  describe('ticket.validate', () => {
    it('passes a good ticket', async () => {
      const ticket = await h.ticket(complaint());
      const result = await h.runTask('ticket.validate', { variables: { ticketId: ticket.id } });
      expect(result.caughtError).to.equal(undefined);
    });

    it('throws INVALID_TICKET with the field errors for bad stored data', async () => {
      const ticket = await h.ticket(complaint());
      await h.db.pool.query(`UPDATE tickets SET complainant_phone = '110', respondent_name = NULL WHERE id = $1`, [ticket.id]);
      const result = await h.runTask('ticket.validate', { variables: { ticketId: ticket.id } });
      expect(result.caughtError).to.equal(true);
      const paths = (result.validationErrors as { path: string }[]).map((e) => e.path);
      expect(paths).to.have.members(['/respondent/name', '/complainant/phone']);
      expect(result.validationMessage).to.contain(ticket.ticketNo).and.contain('请填写被投诉举报对象名称');
    });

    it('raises an incident for a ticket that does not exist', async () => {
      const key = await h.startTask('ticket.validate', { variables: { ticketId: '00000000-0000-4000-8000-000000000000' } });
      expect((await incidentOf(key)).errorMessage).to.contain('不存在');
    });
  });

  describe('ticket.enrich', () => {
    it('counts the complainant\'s history for the screening rule, flags a professional claimant and names the duplicate', async () => {
      const person = { name: '职业甲', phone: '13911112222' };
      const shops = [USCC('91310104MA1FL5LX1'), USCC('91310104MA1FL5LX2'), USCC('91310104MA1FL5LX4')];
      const dates = ['2026-09-10', '2026-09-15', '2026-09-20', '2026-09-25'];
      const earlier = [];
      for (const [i, date] of dates.entries()) {
        earlier.push(await h.ticket(complaint({ complainant: person, receivedAt: `${date}T10:00:00+08:00`, respondent: { name: `店${i % 3}`, uscc: shops[i % 3] }, facts: { goodsOrService: `商品${i}`, description: '食品过期，要求退一赔十' }, requests: ['compensation'] })));
      }
      const last = await h.ticket(complaint({ complainant: person, receivedAt: '2026-10-08T10:00:00+08:00', respondent: { name: '店0', uscc: shops[0] }, facts: { goodsOrService: '商品0', description: '再次投诉' } }));
      const result = await h.runTask('ticket.enrich', { variables: { ticketId: last.id } });
      expect(result.claimantHistory).to.deep.equal({ tickets30: 5, respondents30: 3, tickets365: 5, respondents365: 3, punitiveClaims365: 4 });
      expect(result).to.include({ professionalClaimant: true, repeatComplainant: true, duplicateOf: earlier[0]!.id, duplicateOfNo: earlier[0]!.ticketNo });
      expect(result.professionalReason).to.be.a('string').and.not.equal('');
      expect(await getTicket(h.db.pool, last.id)).to.include({ professionalClaimant: true, repeatComplainant: true });
      expect((await linksOf(h.db.pool, last.id)).map((l) => [l.kind, l.toTicketId])).to.deep.include(['duplicate', earlier[0]!.id]);
      expect((await auditOf(h.db.pool, last.id)).map((a) => a.action)).to.include('ticket.enriched');
    });

    it('of two tickets of one matter received at the same instant, only the later-numbered one is the duplicate', async () => {
      const matter = { complainant: { name: '同刻甲', phone: '13911113333' }, respondent: { name: '同刻店', uscc: USCC('91310104MA1FL5LX6') }, receivedAt: '2026-09-21T10:00:00+08:00' };
      const first = await h.ticket(complaint(matter));
      const second = await h.ticket(complaint(matter));
      expect(first.ticketNo < second.ticketNo, `${first.ticketNo} before ${second.ticketNo}`).to.equal(true);
      expect(await h.runTask('ticket.enrich', { variables: { ticketId: first.id } })).to.include({ duplicateOf: null });
      expect(await h.runTask('ticket.enrich', { variables: { ticketId: second.id } })).to.include({ duplicateOf: first.id });
    });

    it('a respondent with the same kind of complaint twice before this year is a repeat offender', async () => {
      const shop = { name: '惯犯店', uscc: USCC('91310104MA1FL5LX5') };
      await h.ticket(complaint({ complainant: { name: '甲', phone: '13800000001' }, respondent: shop, receivedAt: '2026-03-01T10:00:00+08:00' }));
      const second = await h.ticket(complaint({ complainant: { name: '乙', phone: '13800000002' }, respondent: shop, receivedAt: '2026-06-01T10:00:00+08:00' }));
      const third = await h.ticket(complaint({ complainant: { name: '丙', phone: '13800000003' }, respondent: shop, receivedAt: '2026-09-01T10:00:00+08:00' }));
      expect(await h.runTask('ticket.enrich', { variables: { ticketId: second.id } })).to.include({ repeatOffender: false, repeatComplainant: false, professionalClaimant: false });
      expect(await h.runTask('ticket.enrich', { variables: { ticketId: third.id } })).to.include({ repeatOffender: true });
    });

    it('leaves an anonymous reporter unflagged', async () => {
      const ticket = await h.ticket(report());
      const result = await h.runTask('ticket.enrich', { variables: { ticketId: ticket.id } });
      expect(result).to.include({ professionalClaimant: false, repeatComplainant: false });
      expect(result.claimantHistory).to.deep.include({ tickets30: 0, tickets365: 0 });
    });
  });

  describe('ticket.status', () => {
    it('sets status and what the process decided, with before and after in the audit trail', async () => {
      const ticket = await h.ticket(complaint());
      await h.runTask('ticket.status', { headers: { status: 'accepted' }, variables: { ticketId: ticket.id, department: 'dept-food' } });
      const after = await getTicket(h.db.pool, ticket.id);
      expect(after).to.include({ status: 'accepted', department: 'dept-food' });
      const entry = (await auditOf(h.db.pool, ticket.id)).find((a) => a.action === 'ticket.status')!;
      expect(entry.actor).to.equal('worker:ticket.status');
      expect(entry.before).to.deep.equal({ status: 'registered', department: null });
      expect(entry.after).to.deep.equal({ status: 'accepted', department: 'dept-food' });
    });

    it('closing records the time from the process, the satisfaction and meets the open deadlines', async () => {
      const ticket = await h.ticket(complaint());
      await h.runTask('deadline.compute', { headers: { step: 'complaint.accept' }, variables: { ticketId: ticket.id, receivedAt: '2026-09-30T09:15:00+08:00' } });
      await h.runTask('ticket.status', {
        headers: { status: 'closed' },
        variables: { ticketId: ticket.id, satisfaction: 'very-satisfied', amountRecovered: 3999, statusAt: '2026-10-20T15:00:00.000+08:00[Asia/Shanghai]' },
      });
      const after = await getTicket(h.db.pool, ticket.id);
      expect(after).to.include({ status: 'closed', satisfaction: '非常满意', amountRecovered: 3999 });
      expect(after!.closedAt!.toISOString()).to.equal('2026-10-20T07:00:00.000Z');
      const [deadline] = await deadlinesOf(h.db.pool, ticket.id);
      expect(deadline!.completedAt!.toISOString()).to.equal('2026-10-20T07:00:00.000Z');
    });

    it('leaves a merged ticket merged: a late job of its cancelled process changes nothing', async () => {
      const ticket = await h.ticket(complaint());
      await updateTicket(h.db.pool, ticket.id, { status: 'merged', closedAt: new Date('2026-10-09T10:00:00+08:00') });
      await h.runTask('ticket.status', { headers: { status: 'accepted' }, variables: { ticketId: ticket.id, department: 'dept-food' } });
      expect(await getTicket(h.db.pool, ticket.id)).to.include({ status: 'merged', department: null });
      expect((await auditOf(h.db.pool, ticket.id)).map((a) => a.action)).to.include('ticket.statusIgnored').and.not.include('ticket.status');
    });

    it('an unknown status is an incident naming it', async () => {
      const ticket = await h.ticket(complaint());
      const key = await h.startTask('ticket.status', { headers: { status: 'acceptd' }, variables: { ticketId: ticket.id } });
      const incident = await incidentOf(key);
      expect(incident.errorMessage).to.contain('acceptd');
      expect((await getTicket(h.db.pool, ticket.id))!.status).to.equal('registered');
    });
  });

  describe('deadline.compute', () => {
    it('counts working days over the National Day holiday and its make-up Saturday, from the decision table', async () => {
      const ticket = await h.ticket(complaint());
      const { deadline } = await h.runTask('deadline.compute', { headers: { step: 'complaint.accept' }, variables: { ticketId: ticket.id, receivedAt: '2026-09-30T09:15:00+08:00' } }) as { deadline: Record<string, unknown> };
      // 7 WD: Oct 8, 9, 10 (make-up Saturday), 12, 13, 14, 15.
      expect(deadline).to.deep.equal({
        step: 'complaint.accept',
        title: '受理审查',
        startedAt: '2026-09-30T09:15:00+08:00',
        dueDate: '2026-10-15',
        dueAt: '2026-10-16T00:00:00+08:00',
        remindAt3: '2026-10-12T09:00:00+08:00',
        remindAt2: '2026-10-13T09:00:00+08:00',
        dueDayStart: '2026-10-15T09:00:00+08:00',
        amount: 7,
        unit: 'workingDays',
        extended: false,
        extendedDueAt: null,
        hardLimit: false,
        regulation: 'SAMR Order No. 121',
        article: null,
        citation: '《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）',
      });
      const [stored] = await deadlinesOf(h.db.pool, ticket.id);
      expect(stored).to.include({ step: 'complaint.accept', dueDate: '2026-10-15', regulation: 'SAMR Order No. 121' });
    });

    it('picks the regulation by receipt date and counts from startedAt (the process clock), not the machine clock', async () => {
      const ticket = await h.ticket(complaint({ receivedAt: '2025-03-03T09:00:00+08:00' }));
      const { deadline } = await h.runTask('deadline.compute', {
        headers: { step: 'complaint.mediate' },
        variables: { ticketId: ticket.id, receivedAt: '2025-03-03T09:00:00+08:00', startedAt: '2025-03-07T16:30:00.000+08:00[Asia/Shanghai]' },
      }) as { deadline: Record<string, unknown> };
      expect(deadline).to.include({ regulation: 'SAMR Order No. 20', article: '第二十一条第一款第（五）项', startedAt: '2025-03-07T16:30:00+08:00', unit: 'workingDays', amount: 45, hardLimit: true });
      expect(deadline.dueDate).to.equal('2025-05-14');
    });

    it('Order 121 mediation runs 60 calendar days, minus appraisal time', async () => {
      const ticket = await h.ticket(complaint({ receivedAt: '2026-05-06T09:00:00+08:00' }));
      const plain = await h.runTask('deadline.compute', { headers: { step: 'complaint.mediate' }, variables: { ticketId: ticket.id, receivedAt: '2026-05-06T09:00:00+08:00', startedAt: '2026-05-06T10:00:00+08:00' } });
      expect((plain.deadline as { dueDate: string }).dueDate).to.equal('2026-07-06');
      const paused = await h.runTask('deadline.compute', {
        headers: { step: 'complaint.mediate' },
        variables: { ticketId: ticket.id, receivedAt: '2026-05-06T09:00:00+08:00', startedAt: '2026-05-06T10:00:00+08:00', pauses: [{ from: '2026-05-11', to: '2026-05-20', org: '检测机构' }] },
      });
      // 60 days not counting 10 paused ones: 4 before the pause, 56 after it.
      expect((paused.deadline as { dueDate: string }).dueDate).to.equal('2026-07-15');
    });

    it('a local target in hours, and an approved extension (deadline.extend)', async () => {
      const ticket = await h.ticket(complaint());
      const dispatch = await h.runTask('deadline.compute', { headers: { step: 'intake.dispatch' }, variables: { ticketId: ticket.id, receivedAt: '2026-09-30T09:15:00+08:00' } });
      // Reminders already past when the step starts fire at once: the start instant.
      expect(dispatch.deadline).to.include({ dueAt: '2026-09-30T11:15:00+08:00', hardLimit: false, remindAt3: '2026-09-30T09:15:00+08:00', remindAt2: '2026-09-30T09:15:00+08:00' });
      const verify = await h.runTask('deadline.compute', { headers: { step: 'report.verify' }, variables: { ticketId: ticket.id, receivedAt: '2026-09-30T09:15:00+08:00' } });
      // 15 WD to 2026-10-27; the extension would add 15 more.
      expect(verify.deadline).to.include({ extended: false, dueDate: '2026-10-27', extendedDueAt: '2026-11-18T00:00:00+08:00' });
      const extended = await h.runTask('deadline.extend', { variables: { ticketId: ticket.id, receivedAt: '2026-09-30T09:15:00+08:00', deadline: verify.deadline } });
      expect(extended.deadline).to.include({ step: 'report.verify', extended: true, dueDate: '2026-11-17', dueAt: '2026-11-18T00:00:00+08:00', startedAt: '2026-09-30T09:15:00+08:00' });
      expect((await deadlinesOf(h.db.pool, ticket.id)).find((d) => d.step === 'report.verify')!.dueDate).to.equal('2026-11-17');
    });

    it('a step the table does not know is an incident', async () => {
      const ticket = await h.ticket(complaint());
      const key = await h.startTask('deadline.compute', { headers: { step: 'nonexistent' }, variables: { ticketId: ticket.id } });
      expect((await incidentOf(key)).errorMessage).to.contain('nonexistent');
    });
  });

  describe('notice.issue', () => {
    it('renders the acceptance decision with the bureau, the article of Order 20 and the ticket, and stores it', async () => {
      const ticket = await h.ticket(complaint({ receivedAt: '2025-06-02T09:00:00+08:00', facts: { description: '<script>alert(1)</script>商品质量问题' } }));
      const result = await h.runTask('notice.issue', { headers: { template: 'accept-decision' }, variables: { ticketId: ticket.id, bureau: '上海市徐汇区市场监督管理局', issuedAt: '2025-06-05T10:00:00+08:00' } });
      const [notice] = await noticesOf(h.db.pool, ticket.id);
      expect(result).to.deep.include({ noticeId: notice!.id, noticeNo: notice!.noticeNo });
      expect(notice!.noticeNo).to.match(/^投受〔2025〕\d{6}号$/);
      expect(notice!.title).to.equal('投诉受理决定书');
      expect(notice!.html).to.contain('<div class="bureau">上海市徐汇区市场监督管理局</div>');
      expect(notice!.html).to.contain('《市场监督管理投诉举报处理暂行办法》第十四条');
      expect(notice!.html).to.contain('张三：');
      expect(notice!.html).to.contain('2025年6月5日');
      expect(notice!.data).to.have.nested.property('law.article', '第十四条');
      expect((await auditOf(h.db.pool, ticket.id)).map((a) => a.action)).to.include('notice.issued');
    });

    it('cites Order 121 for a ticket received from 2026-04-15, and escapes what the public wrote', async () => {
      const ticket = await h.ticket(complaint({ receivedAt: '2026-05-06T09:00:00+08:00', respondent: { name: '<b>某</b>公司' } }));
      await h.runTask('notice.issue', { headers: { template: 'termination-decision' }, variables: { ticketId: ticket.id, terminationGround: 'LIMIT_EXPIRED' } });
      const [notice] = await noticesOf(h.db.pool, ticket.id);
      expect(notice!.html).to.contain('《市场监督管理投诉举报处理办法》第二十三条');
      expect(notice!.html).to.contain('六十日内双方未能达成调解协议');
      expect(notice!.html).to.contain('&lt;b&gt;某&lt;/b&gt;公司');
      expect(notice!.html).to.contain(h.settings.bureauName);
    });

    it('every notice of DOMAIN.md renders', async () => {
      const ticket = await h.ticket(complaint());
      for (const template of ['accept-decision', 'refusal-decision', 'mediation-notice', 'termination-decision', 'mediation-agreement', 'report-result', 'transfer-notice', 'urge-notice', 'entrustment-letter']) {
        const result = await h.runTask('notice.issue', { headers: { template }, variables: { ticketId: ticket.id, deadline: { title: '作出是否受理决定', dueDate: '2026-10-15', citation: '《市场监督管理投诉举报处理暂行办法》第十四条' } } });
        expect(result.noticeId, template).to.be.a('string');
      }
      const notices = await noticesOf(h.db.pool, ticket.id);
      expect(notices.map((n) => n.title)).to.include.members(['投诉受理决定书', '投诉不予受理决定书', '投诉调解通知书', '投诉终止调解决定书', '调解书', '举报处理结果告知书', '投诉/举报分送通知书', '催办通知书']);
      expect(notices.find((n) => n.template === 'urge-notice')!.html).to.contain('2026年10月15日');
    });

    it('an unknown template is an incident', async () => {
      const ticket = await h.ticket(complaint());
      const key = await h.startTask('notice.issue', { headers: { template: 'no-such-notice' }, variables: { ticketId: ticket.id } });
      expect((await incidentOf(key)).errorMessage).to.contain('no-such-notice');
    });
  });

  describe('notify.send', () => {
    it('posts to the department\'s WeCom group robot', async () => {
      const ticket = await h.ticket(complaint());
      h.wecom.requests.length = 0;
      await h.runTask('notify.send', {
        headers: { channel: 'wecom', template: 'deadline-warning' },
        variables: { ticketId: ticket.id, department: 'dept-food', deadline: { title: '作出是否受理决定', dueDate: '2026-10-15', citation: '《市场监督管理投诉举报处理暂行办法》第十四条' } },
      });
      expect(h.wecom.requests).to.have.length(1);
      const [request] = h.wecom.requests;
      expect(request!.url).to.equal('/cgi-bin/webhook/send?key=food');
      expect(request!.body.msgtype).to.equal('markdown');
      expect(request!.body.markdown.content).to.contain(ticket.ticketNo).and.contain('2026年10月15日');
    });

    it('texts the complainant through the SMS gateway, and nobody for an anonymous report', async () => {
      const ticket = await h.ticket(complaint());
      h.sms.requests.length = 0;
      await h.runTask('notify.send', { headers: { channel: 'sms', template: 'accepted-sms' }, variables: { ticketId: ticket.id } });
      expect(h.sms.requests).to.have.length(1);
      expect(h.sms.requests[0]!.body).to.include({ phone: '13812345678' });
      expect(h.sms.requests[0]!.headers.authorization).to.equal('Bearer sms-token');
      expect(h.sms.requests[0]!.headers['idempotency-key']).to.match(/^notify\.send:\d+$/);
      const anonymous = await h.ticket(report());
      expect(await h.runTask('notify.send', { headers: { channel: 'sms', template: 'accepted-sms' }, variables: { ticketId: anonymous.id } })).to.include({ notified: false });
      expect(h.sms.requests).to.have.length(1);
    });

    it('puts a reminder in the handling department\'s inbox, and a copy in the deputy leader\'s', async () => {
      const ticket = await h.ticket(complaint());
      await updateTicket(h.db.pool, ticket.id, { department: '370102-DL' });
      await h.runTask('notify.send', { headers: { channel: 'platform', template: 'deadline-reminder', recipient: 'handler' }, variables: { ticketId: ticket.id, deadline: { title: '调解', dueDate: '2026-11-30' } } });
      await h.runTask('notify.send', { headers: { channel: 'platform', template: 'urge-notice-copy', recipient: 'deputy-leader' }, variables: { ticketId: ticket.id } });
      const handler = await notificationsFor(h.db.pool, ['dept:370102-DL']);
      expect(handler.map((n) => n.title)).to.deep.equal([`催办：工单 ${ticket.ticketNo} 剩余不足2个工作日`]);
      expect(handler[0]!.body).to.contain('2026年11月30日');
      expect(await notificationsFor(h.db.pool, ['dept:370102:role:deputy-leader'])).to.have.length(1);
    });

    it('retries with back-off while the webhook answers 500, then raises an incident; the ticket stays', async () => {
      const ticket = await h.ticket(complaint());
      const before = h.wecom.requests.length;
      h.wecom.respond = () => ({ status: 500, body: { error: 'down' } });
      try {
        const key = await h.startTask('notify.send', { headers: { channel: 'wecom', template: 'deadline-warning' }, variables: { ticketId: ticket.id }, retries: 3 });
        const incident = await incidentOf(key);
        expect(incident.errorType).to.equal('JOB_NO_RETRIES');
        expect(incident.errorMessage).to.contain('HTTP 500');
        expect(h.wecom.requests.length - before).to.equal(3);
        const failures = (await h.t.records({ valueType: 'JOB', intent: 'FAILED', processInstanceKey: key })).map((r) => r.value.retries);
        expect(failures).to.deep.equal([2, 1, 0]);
        expect(await getTicket(h.db.pool, ticket.id)).to.not.equal(undefined);
      } finally {
        h.wecom.respond = () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
      }
    });

    it('a robot that answers 200 with an errcode has refused', async () => {
      const ticket = await h.ticket(complaint());
      h.wecom.respond = () => ({ status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } });
      try {
        const key = await h.startTask('notify.send', { headers: { channel: 'wecom', template: 'deadline-warning' }, variables: { ticketId: ticket.id }, retries: 1 });
        expect((await incidentOf(key)).errorMessage).to.contain('93000');
      } finally {
        h.wecom.respond = () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } });
      }
    });
  });

  describe('case.create and audit.record', () => {
    it('opens a case linked to the ticket', async () => {
      const ticket = await h.ticket(complaint());
      const result = await h.runTask('case.create', { variables: { ticketId: ticket.id, discoveredAt: '2026-10-09T10:00:00+08:00' } });
      const [c] = await casesOfTicket(h.db.pool, ticket.id);
      expect(result).to.include({ caseId: c!.id, caseNo: c!.caseNo });
      expect(c).to.include({ stage: 'investigation' }); // 立案审批 passed before case.create runs
      expect(c!.filedAt).to.be.instanceOf(Date);
      expect(c!.processId).to.match(/^w_case_create_/);
      expect((await linksOf(h.db.pool, ticket.id)).filter((l) => l.kind === 'converted').map((l) => l.toCaseId)).to.deep.equal([c!.id]);
    });

    it('appends the model\'s action with the variables it names', async () => {
      const ticket = await h.ticket(complaint({ externalNo: externalNo() }));
      await h.runTask('audit.record', { headers: { action: 'case.not-filed', variables: 'filingDecision, filingOpinion' }, variables: { ticketId: ticket.id, filingDecision: 'not-file', filingOpinion: '证据不足' } });
      const entry = (await auditOf(h.db.pool, ticket.id)).find((a) => a.action === 'case.not-filed')!;
      expect(entry.actor).to.match(/^process:w_audit_record_/);
      expect(entry.after).to.deep.equal({ elementId: 'task', filingDecision: 'not-file', filingOpinion: '证据不足' });
    });
  });

  describe('reopen, supervision, jurisdiction, 12345 reply', () => {
    it('ticket.reopen counts each reopen once in the database', async () => {
      const ticket = await h.ticket(complaint());
      expect(await h.runTask('ticket.reopen', { variables: { ticketId: ticket.id, reopenReason: '回访不满意' } })).to.include({ reopenCount: 1 });
      expect(await h.runTask('ticket.reopen', { variables: { ticketId: ticket.id } })).to.include({ reopenCount: 2 });
      expect((await getTicket(h.db.pool, ticket.id))!.reopenCount).to.equal(2);
    });

    it('supervision.list puts an overdue ticket on the 督办 list until it is closed', async () => {
      const ticket = await h.ticket(complaint());
      await h.runTask('supervision.list', { headers: { reason: 'overdue' }, variables: { ticketId: ticket.id, deadline: { step: 'complaint.accept', dueAt: '2026-10-16T00:00:00+08:00' } } });
      const listed = (await openSupervision(h.db.pool)).filter((e) => e.ticketId === ticket.id);
      expect(listed.map((e) => [e.reason, e.step, e.dueAt?.toISOString()])).to.deep.equal([['overdue', 'complaint.accept', '2026-10-15T16:00:00.000Z']]);
      await h.runTask('ticket.status', { headers: { status: 'closed' }, variables: { ticketId: ticket.id } });
      expect((await openSupervision(h.db.pool)).filter((e) => e.ticketId === ticket.id)).to.deep.equal([]);
    });

    it('org.common-superior finds the bureau above the units that returned the ticket', async () => {
      expect(commonSuperior(['370102-DL', '370102-YJ'])).to.equal('370102');
      expect(commonSuperior(['370102-DL', '370115-JY'])).to.equal('370100');
      expect(commonSuperior(['370100-XBC', '370126-XS'])).to.equal('370100');
      expect(commonSuperior(['370102-DL', '320102-A'])).to.equal('370000');
      expect(await h.runTask('org.common-superior', { variables: { departments: ['370115-JY', '370126-XS'] } })).to.include({ designator: '370100' });
    });

    it('hotline.reply answers a 12345 ticket on the platform, signed; other channels need no reply', async () => {
      const push = await h.ticket(complaint({ channel: '12345', externalNo: '12345-ORDER-9' }));
      h.hotline.requests.length = 0;
      expect(await h.runTask('hotline.reply', { variables: { ticketId: push.id, replyContent: '已协调商家退款', department: '370102-DL' } })).to.include({ hotlineReplied: true });
      const [request] = h.hotline.requests;
      expect(request!.body).to.include({ orderNo: '12345-ORDER-9', ticketNo: push.ticketNo, replyContent: '已协调商家退款', department: '370102-DL', departmentName: '甸柳市场监管所' });
      const raw = JSON.stringify(request!.body);
      expect(verify12345Signature(request!.headers, raw, { secret: 'hotline-secret' })).to.deep.equal({ ok: true });
      const other = await h.ticket(complaint());
      expect(await h.runTask('hotline.reply', { variables: { ticketId: other.id } })).to.include({ hotlineReplied: false });
      expect(h.hotline.requests).to.have.length(1);
    });
  });

  describe('诉转案: case.open, case.close, case.publish and the case documents', () => {
    it('case.open registers the clue and starts case conversion by message, once', async () => {
      await h.t.zeebe.deployResources([{
        process: Buffer.from(definitions(
          processXml('case_conversion_stub', messageStart('start', 'm_clue'), serviceTask('hold', 'test.case-hold'), end(), chain('start', 'hold', 'end')),
          message('m_clue', 'case.clue-found'),
        )),
        name: 'case-conversion-stub.bpmn',
      }]);
      const ticket = await h.ticket(complaint());
      const result = await h.runTask('case.open', { variables: { ticketId: ticket.id, clueDescription: '销售不合格空调', department: '370102-DL', receivedAt: '2026-09-30T09:15:00+08:00' } });
      expect(result.discoveredAt).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
      const job = await eventually(async () => {
        const jobs = await h.t.zeebe.activateJobs({ type: 'test.case-hold', worker: 'test', maxJobsToActivate: 10, timeout: 60_000, requestTimeout: -1 });
        return jobs.find((j) => j.variables.ticketId === ticket.id);
      }, 'the case conversion');
      expect(job.variables).to.deep.include({ ticketNo: ticket.ticketNo, department: '370102-DL', bureau: '370102', clue: '销售不合格空调', receivedAt: '2026-09-30T09:15:00+08:00', discoveredAt: result.discoveredAt });
    });

    it('case.close (transferred) and case.publish record the stages', async () => {
      const ticket = await h.ticket(complaint());
      const { caseId } = await h.runTask('case.create', { variables: { ticketId: ticket.id } }) as { caseId: string };
      await h.runTask('case.publish', { variables: { ticketId: ticket.id, caseId } });
      await h.runTask('case.close', { headers: { result: 'transferred' }, variables: { ticketId: ticket.id, caseId } });
      const [c] = await casesOfTicket(h.db.pool, ticket.id);
      expect(c).to.include({ stage: 'closed', decision: 'transfer' });
      expect((await caseStages(h.db.pool, caseId)).map((x) => x.stage)).to.deep.equal(['clue_verification', 'investigation', 'published', 'closed']);
    });

    it('the case documents cite the 行政处罚法', async () => {
      const ticket = await h.ticket(complaint());
      const vars = { ticketId: ticket.id, bureau: '370102', caseNo: 'AJ2026000001', investigationFindings: '当事人销售不合格产品。', fineAmount: 5000, transferType: 'police', transferTo: '济南市公安局历下区分局' };
      for (const template of ['penalty-prior-notice', 'penalty-decision', 'no-penalty-decision', 'case-transfer-letter']) {
        await h.runTask('notice.issue', { headers: { template }, variables: vars });
      }
      const notices = await noticesOf(h.db.pool, ticket.id);
      expect(notices.map((n) => n.title)).to.deep.equal(['行政处罚告知书', '行政处罚决定书', '不予行政处罚决定书', '案件移送函']);
      for (const n of notices) {
        expect(n.html).to.contain('《中华人民共和国行政处罚法》第');
        expect(n.html).to.contain('济南市历下区市场监督管理局');
      }
      expect(notices[1]!.html).to.contain('罚款5000.00元');
      expect(notices[3]!.html).to.contain('济南市公安局历下区分局').and.contain('涉嫌犯罪');
    });
  });

  // Workers date what they store by the process's time (the engine clock), never the machine's.
  describe('on the engine clock', () => {
    const api = () => h.t.api as unknown as { pinClock(body: { timestamp: number }): Promise<unknown>; resetClock(): Promise<unknown> };
    const SATURDAY = '2026-03-07T00:00:00+08:00';
    before(async () => {
      await api().pinClock({ timestamp: Date.parse(SATURDAY) });
    });
    after(async () => {
      await api().resetClock();
    });

    it('every ending dates closedAt (rejected, merged, not handled, withdrawn…); reopening clears it', async () => {
      for (const status of ['rejected', 'merged', 'not-handled', 'withdrawn', 'not-filed', 'voided', 'closed']) {
        const ticket = await h.ticket(complaint());
        await h.runTask('ticket.status', { headers: { status }, variables: { ticketId: ticket.id } });
        expect((await getTicket(h.db.pool, ticket.id))!.closedAt?.toISOString(), status).to.equal('2026-03-06T16:00:00.000Z');
        if (status === 'closed') {
          await h.runTask('ticket.status', { headers: { status: 'reopened' }, variables: { ticketId: ticket.id } });
          expect((await getTicket(h.db.pool, ticket.id))!.closedAt).to.equal(null);
        }
      }
      const open = await h.ticket(complaint());
      for (const status of ['dispatched', 'returned', 'accepted', 'mediating', 'agreed', 'terminated', 'replied']) {
        await h.runTask('ticket.status', { headers: { status }, variables: { ticketId: open.id } });
      }
      expect((await getTicket(h.db.pool, open.id))!.closedAt).to.equal(null);
    });

    it('platform notifications and duplicate links carry the engine\'s time', async () => {
      const ticket = await h.ticket(complaint());
      await updateTicket(h.db.pool, ticket.id, { department: '370102-DL' });
      await h.runTask('notify.send', { headers: { channel: 'platform', template: 'deadline-reminder', recipient: 'handler' }, variables: { ticketId: ticket.id, deadline: { title: '调解', dueDate: '2026-03-10' } } });
      const [sent] = await h.db.pool.query<{ created_at: Date }>('SELECT created_at FROM notifications WHERE ticket_id = $1', [ticket.id]).then((r) => r.rows);
      expect(sent!.created_at.toISOString()).to.equal('2026-03-06T16:00:00.000Z');

      const first = await h.ticket(complaint({ complainant: { name: '王五', phone: '13955556666' }, facts: { goodsOrService: '电视机', description: '屏幕有坏点' } }));
      const again = await h.ticket(complaint({ complainant: { name: '王五', phone: '13955556666' }, facts: { goodsOrService: '电视机', description: '屏幕有坏点' } }));
      await h.db.pool.query('DELETE FROM ticket_links WHERE from_ticket_id = $1', [again.id]); // intake's own link: the worker's is under test
      await h.runTask('ticket.enrich', { variables: { ticketId: again.id } });
      const links = await linksOf(h.db.pool, again.id);
      expect(links.map((l) => [l.kind, l.toTicketId, l.createdAt.toISOString()])).to.deep.equal([['duplicate', first.id, '2026-03-06T16:00:00.000Z']]);
    });

    it('a notice the process issues on a day off is dated on the next working day (header dating: working-day)', async () => {
      const ticket = await h.ticket(complaint({ receivedAt: '2026-01-05T09:00:00+08:00' }));
      const plain = await h.runTask('notice.issue', { headers: { template: 'termination-decision' }, variables: { ticketId: ticket.id, terminationGround: 'LIMIT_EXPIRED' } });
      const dated = await h.runTask('notice.issue', { headers: { template: 'termination-decision', dating: 'working-day' }, variables: { ticketId: ticket.id, terminationGround: 'LIMIT_EXPIRED' } });
      expect([plain.noticeIssuedAt, dated.noticeIssuedAt]).to.deep.equal(['2026-03-07T00:00:00+08:00', '2026-03-09T09:00:00+08:00']);
      const notices = await noticesOf(h.db.pool, ticket.id);
      expect(notices.map((n) => n.issuedAt.toISOString())).to.deep.equal(['2026-03-06T16:00:00.000Z', '2026-03-09T01:00:00.000Z']);
      expect(notices[1]!.html).to.contain('2026年3月9日');
      const key = await h.startTask('notice.issue', { headers: { template: 'termination-decision', dating: 'someday' }, variables: { ticketId: ticket.id } });
      expect((await incidentOf(key)).errorMessage).to.contain('dating');
    });
  });

  describe('notice addressees and SMS recipients', () => {
    it('a 分送通知书 is addressed by name to the unit that has the ticket; a unit the organisation lacks is an incident', async () => {
      const ticket = await h.ticket(complaint());
      await updateTicket(h.db.pool, ticket.id, { department: '370115-JY' });
      await h.runTask('notice.issue', { headers: { template: 'transfer-notice' }, variables: { ticketId: ticket.id, department: '370102-DL', designator: '370100' } });
      const [notice] = await noticesOf(h.db.pool, ticket.id);
      expect(notice!.html).to.contain('济阳市场监管所：').and.not.contain('370100：');
      await updateTicket(h.db.pool, ticket.id, { department: '370199-XX' });
      const key = await h.startTask('notice.issue', { headers: { template: 'transfer-notice' }, variables: { ticketId: ticket.id } });
      expect((await incidentOf(key)).errorMessage).to.contain('370199-XX').and.contain('部门管理');
    });

    it('the complainant without a mobile number gets no SMS, and the trail says why', async () => {
      const ticket = await h.ticket(complaint());
      await h.db.pool.query(`UPDATE tickets SET complainant_phone = '0531-88889999' WHERE id = $1`, [ticket.id]);
      const before = h.sms.requests.length;
      expect(await h.runTask('notify.send', { headers: { channel: 'sms', template: 'accepted-sms', recipient: 'complainant' }, variables: { ticketId: ticket.id } })).to.include({ notified: false });
      expect(h.sms.requests.length).to.equal(before);
      const skipped = (await auditOf(h.db.pool, ticket.id)).find((a) => a.action === 'notification.skipped')!;
      expect(skipped.after).to.deep.equal({ channel: 'sms', template: 'accepted-sms', reason: 'no-mobile' });
    });

    it('each SMS the domain names renders with the ticket', async () => {
      const ticket = await h.ticket(complaint());
      await updateTicket(h.db.pool, ticket.id, { department: '370102-DL' });
      for (const [template, words] of [['accepted-sms', '已受理'], ['rejected-sms', '不予受理'], ['terminated-sms', '调解已终止'], ['report-result-sms', '决定立案调查']] as const) {
        const before = h.sms.requests.length;
        await h.runTask('notify.send', { headers: { channel: 'sms', template, recipient: 'complainant' }, variables: { ticketId: ticket.id, filingDecision: 'file' } });
        const text = h.sms.requests[before]!.body.text as string;
        expect(text, template).to.contain(words).and.contain(ticket.ticketNo).and.contain('济南市历下区市场监督管理局');
      }
    });
  });
});
