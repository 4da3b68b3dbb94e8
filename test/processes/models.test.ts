// The product's models (processes/*.bpmn, *.dmn) and forms (forms/*.form): they lint as Camunda
// Modeler lints them, deploy to the engine in one deployment, every decision table gives the
// expected outputs, and each flow runs its main stories with an in-test worker playing the real
// job workers and user tasks completed through the REST API.

import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate as feel } from 'feelin';
import { TIME_LIMIT_RULES } from '../../domain/index.ts';
import { eventually, startTestEngine, type TestEngine } from '../support/engine.ts';
import { completedElements, completes, files, FORMS, lintBpmn, PROCESSES, productResources, TestWorkers, UserTasks, type JobHandler, type JobSeen } from '../support/processes.ts';

const BPMN = files(PROCESSES, '.bpmn');
const DMN = files(PROCESSES, '.dmn');
const FORM_FILES = files(FORMS, '.form');

describe('processes and forms', () => {
  describe('as files', () => {
    for (const f of BPMN) {
      it(`${f.name} passes bpmnlint (camunda-cloud-8-8) with no error and no warning`, async () => {
        const { parseWarnings, reports } = await lintBpmn(f.text);
        expect(parseWarnings, 'moddle warnings').to.deep.equal([]);
        expect(reports.map((r) => `${r.category} ${r.rule} ${r.id ?? ''}: ${r.message}`)).to.deep.equal([]);
      });
    }

    it('every BPMN targets Camunda 8.8 and carries a diagram for each flow element', () => {
      for (const f of BPMN) {
        expect(f.text, f.name).to.contain('modeler:executionPlatform="Camunda Cloud"').and.contain('modeler:executionPlatformVersion="8.8.0"');
        const elements = [...f.text.matchAll(/<bpmn:(?!definitions|process|documentation|extensionElements|incoming|outgoing|conditionExpression|message|error|timeDate|\w+EventDefinition)(\w+) id="([^"]+)"/g)].map((m) => m[2]);
        const shapes = new Set([...f.text.matchAll(/bpmnElement="([^"]+)"/g)].map((m) => m[1]));
        expect(elements.filter((id) => !shapes.has(id)), `${f.name}: elements without a shape or edge`).to.deep.equal([]);
      }
    });

    it('every DMN parses cleanly, targets Camunda 8.8 and labels its inputs and outputs in Chinese', async () => {
      const { DmnModdle } = (await import('dmn-moddle')) as unknown as { DmnModdle: new () => { fromXML(xml: string, type: string): Promise<{ warnings: Array<{ message: string }> }> } };
      for (const f of DMN) {
        const { warnings } = await new DmnModdle().fromXML(f.text, 'dmn:Definitions');
        expect(warnings.map((w) => w.message), f.name).to.deep.equal([]);
        expect(f.text, f.name).to.contain('modeler:executionPlatformVersion="8.8.0"').and.contain('<dmndi:DMNShape');
        for (const [, label] of f.text.matchAll(/<(?:input|output) id="[^"]+" label="([^"]*)"/g)) expect(label, `${f.name}: ${label}`).to.match(/[\u4e00-\u9fa5]/);
      }
    });

    it('every user task is a Camunda user task linked to a form in forms/, and every form is used', () => {
      const formIds = new Set(FORM_FILES.map((f) => JSON.parse(f.text).id as string));
      const linked = new Set<string>();
      for (const f of BPMN) {
        for (const [task] of f.text.matchAll(/<bpmn:userTask [\s\S]*?<\/bpmn:userTask>/g)) {
          expect(task, f.name).to.contain('<zeebe:userTask />').and.contain('<zeebe:assignmentDefinition candidateGroups=');
          const formId = /formId="([^"]+)"/.exec(task)?.[1];
          expect(formId, `${f.name}: ${task.slice(0, 80)}`).to.be.a('string');
          expect(formIds.has(formId!), `${f.name}: form '${formId}' is missing in forms/`).to.equal(true);
          linked.add(formId!);
        }
      }
      expect([...formIds].filter((id) => !linked.has(id)), 'forms no user task links').to.deep.equal([]);
    });

    it('every form is form-js for Camunda 8.8, with Chinese labels, unique keys and valid FEEL', () => {
      for (const f of FORM_FILES) {
        const form = JSON.parse(f.text);
        expect(f.name, 'file named by its id').to.equal(`${form.id}.form`);
        expect(form).to.include({ type: 'default', executionPlatform: 'Camunda Cloud', executionPlatformVersion: '8.8.0', schemaVersion: 18 });
        const keys = new Set<string>();
        const ids = new Set<string>();
        for (const c of form.components) {
          expect(ids.has(c.id), `${f.name}: id ${c.id}`).to.equal(false);
          ids.add(c.id);
          if (c.key) {
            expect(keys.has(c.key), `${f.name}: key ${c.key} twice`).to.equal(false);
            keys.add(c.key);
            expect(c.key).to.match(/^[a-zA-Z][a-zA-Z0-9]*$/);
          }
          if (c.label !== undefined) expect(c.label, `${f.name}: ${c.key}`).to.match(/[\u4e00-\u9fa5]/);
          if (c.type === 'datetime') expect(c.dateLabel).to.match(/[\u4e00-\u9fa5]/);
          for (const v of c.values ?? []) expect(v.label).to.match(/[\u4e00-\u9fa5]/);
          for (const expr of [c.conditional?.hide, c.valuesExpression, c.expression].filter(Boolean)) {
            expect(() => feel(String(expr).slice(1), {}), `${f.name}: ${expr}`).to.not.throw();
          }
          if (c.validate?.pattern) expect(() => new RegExp(c.validate.pattern)).to.not.throw();
        }
        expect([...keys].length + form.components.filter((c: { key?: string }) => !c.key).length).to.equal(form.components.length);
      }
    });

    it('the options of the ground selects come from the code-list decisions', () => {
      const accept = JSON.parse(readFileSync(path.join(FORMS, 'accept-review.form'), 'utf8'));
      const record = JSON.parse(readFileSync(path.join(FORMS, 'mediation-record.form'), 'utf8'));
      expect(accept.components.find((c: { key: string }) => c.key === 'refusalGround').valuesKey).to.equal('refusalGrounds');
      expect(record.components.find((c: { key: string }) => c.key === 'terminationGround').valuesKey).to.equal('terminationGrounds');
      const complaint = BPMN.find((f) => f.name === 'complaint-handling.bpmn')!.text;
      expect(complaint).to.contain('decisionId="refusal_grounds" resultVariable="refusalGrounds"').and.contain('decisionId="termination_grounds" resultVariable="terminationGrounds"');
    });
  });

  describe('on the engine', function () {
    this.timeout(120_000);
    let t: TestEngine;
    let workers: TestWorkers;
    const reopenCounts = new Map<string, number>();
    const enrichOverrides = new Map<string, Record<string, unknown>>();
    let noticeNo = 0;
    const CLOCK = Date.parse('2026-04-14T09:00:00+08:00'); // a Tuesday

    before(async () => {
      t = await startTestEngine();
      t.engine.clock.pin(CLOCK);
      t.engine.engine.clockChanged();
      workers = new TestWorkers(t, handlers({ reopenCounts, enrichOverrides, notice: () => `N-${++noticeNo}`, engine: () => t }));
    });
    after(async () => {
      await workers?.stop();
      await t?.stop();
    });

    it('deploys every process, decision and form in one deployment', async () => {
      const resources = productResources();
      const deployment = await t.zeebe.deployResources(resources as never);
      expect(resources).to.have.length(BPMN.length + DMN.length + FORM_FILES.length);
      const kinds = (kind: string) => deployment.deployments.filter((d: any) => d[kind]).length;
      expect([kinds('process'), kinds('decision'), kinds('decisionRequirements'), kinds('form')]).to.deep.equal([BPMN.length, DMN.length, DMN.length, FORM_FILES.length]);
      const processes = deployment.deployments.filter((d: any) => d.process).map((d: any) => d.process.bpmnProcessId).sort();
      expect(processes).to.deep.equal(['case_conversion', 'case_procedure', 'clue_verification', 'complaint_handling', 'deadline_watch', 'reopen_escalation', 'report_verification']);
    });

    describe('decisions', () => {
      const decide = async (decisionId: string, variables: Record<string, unknown>) => {
        const r = await t.zeebe.evaluateDecision({ decisionId, variables: variables as never });
        expect(r.failureMessage, `${decisionId}: ${r.failureMessage}`).to.equal('');
        return JSON.parse(r.decisionOutput);
      };

      it('routing: by kind, category, region and online business; no match goes to manual dispatch', async () => {
        const route = (kind: string, category: string, regionCode: string, online = false) => decide('routing', { kind, category, regionCode, online });
        expect(await route('complaint', '产品质量', '370102')).to.include({ department: '370102-DL', bureau: '370102' });
        expect(await route('complaint', '产品质量', '370102', true)).to.include({ department: '370102-XBK' });
        expect(await route('complaint', '食品药品安全', '370115002')).to.include({ department: '370115-JB', bureau: '370115' });
        expect(await route('complaint', '预付卡消费', '370115')).to.include({ department: '370115-JY' });
        expect(await route('report', '虚假宣传', '370126')).to.include({ department: '370126-ZFDD', bureau: '370126' });
        expect(await route('report', '价格违法', '370102')).to.include({ department: '370100-JGC', bureau: '370100' });
        expect(await route('complaint', '产品质量', '330106', true)).to.include({ department: '370100-WJC' });
        expect(await route('complaint', '产品质量', '370103')).to.include({ department: null });
      });

      it('time limits: Order 20 for a ticket received 2026-04-14, Order 121 from 2026-04-15', async () => {
        const limit = (step: string, receivedAt: string) => decide('time_limits', { step, receivedAt });
        expect(await limit('complaint.mediate', '2026-04-14T23:30:00+08:00')).to.include({ amount: 45, unit: 'workingDays', regulation: 'SAMR Order No. 20', hardLimit: true });
        expect(await limit('complaint.mediate', '2026-04-15T00:10:00+08:00')).to.include({ amount: 60, unit: 'calendarDays', regulation: 'SAMR Order No. 121', hardLimit: true });
        const accept20 = await limit('complaint.accept', '2026-04-14T10:00:00+08:00');
        expect(accept20).to.include({ amount: 7, unit: 'workingDays', regulation: 'SAMR Order No. 20', appliesFrom: '2020-01-01', toConfirm: false });
        expect(accept20).to.include({ article: '第十四条' });
        expect(accept20.citation).to.contain('第十四条');
        expect(await limit('complaint.accept', '2026-04-15T10:00:00+08:00')).to.include({ amount: 7, regulation: 'SAMR Order No. 121', appliesFrom: '2026-04-15', toConfirm: true });
        expect(await limit('report.verify', '2026-05-06T10:00:00+08:00')).to.include({ amount: 15, extension: 15 });
        expect(await limit('case.decide', '2026-05-06T10:00:00+08:00')).to.include({ amount: 90, unit: 'calendarDays', extension: 30 });
        expect(await limit('intake.dispatch', '2026-05-06T10:00:00+08:00')).to.include({ amount: 2, unit: 'hours', regulation: 'local target' });
      });

      it('time limits agree with the reference rules of domain/time-limits', async () => {
        for (const rule of TIME_LIMIT_RULES) {
          const out = await decide('time_limits', { step: rule.step, receivedAt: `${rule.appliesUntil ?? rule.appliesFrom}T12:00:00+08:00` });
          expect({ step: rule.step, amount: out.amount, unit: out.unit, extension: out.extension, regulation: out.regulation, toConfirm: out.toConfirm }).to.deep.equal({
            step: rule.step,
            amount: rule.amount,
            unit: rule.unit,
            extension: rule.extension?.amount ?? 0,
            regulation: rule.regulation,
            toConfirm: rule.toConfirm === true,
          });
        }
      });

      it('reminder thresholds: 3 and 2 working days, more ahead for the 90-day case limit', async () => {
        expect(await decide('reminder_thresholds', { step: 'complaint.accept' })).to.deep.equal({ remindWorkingDays3: 3, remindWorkingDays2: 2 });
        expect(await decide('reminder_thresholds', { step: 'case.decide' })).to.deep.equal({ remindWorkingDays3: 10, remindWorkingDays2: 5 });
      });

      it('reopen lead: hotline centre for 1, deputy leader for 2, principal leader for 3 and 5', async () => {
        expect(await decide('reopen_lead', { reopenCount: 1 })).to.include({ leadRole: 'hotline-centre', listed: false });
        expect(await decide('reopen_lead', { reopenCount: 2 })).to.include({ leadRole: 'deputy-leader', listed: false });
        expect(await decide('reopen_lead', { reopenCount: 3 })).to.include({ leadRole: 'principal-leader', listed: true });
        expect(await decide('reopen_lead', { reopenCount: 5 })).to.include({ leadRole: 'principal-leader', leadName: '主要领导' });
      });

      it('grounds not to accept: Order 20 Art 15 before 2026-04-15, Order 121 Art 16 (with the three new grounds) from then', async () => {
        const before = (await decide('refusal_grounds', { receivedAt: '2026-04-14T18:00:00+08:00' })) as Array<{ value: string; label: string; regulation: string }>;
        const after = (await decide('refusal_grounds', { receivedAt: '2026-04-15T08:00:00+08:00' })) as Array<{ value: string; regulation: string }>;
        expect(before.map((g) => g.value)).to.deep.equal(['NOT_OUR_DUTY', 'ALREADY_HANDLED', 'NOT_CONSUMER', 'TIME_BARRED', 'MISSING_MATERIALS', 'OTHER_LAW']);
        expect(before.every((g) => g.regulation === 'SAMR Order No. 20' && g.label.length > 4)).to.equal(true);
        expect(after.map((g) => g.value)).to.include.members(['FALSE_MATERIALS', 'IMPERSONATION', 'IDENTITY_REFUSED']).and.have.length(9);
        expect(after.every((g) => g.regulation === 'SAMR Order No. 121')).to.equal(true);
      });

      it('grounds to terminate mediation: Order 20 Art 21, Order 121 Art 23 adds a party gone', async () => {
        const before = (await decide('termination_grounds', { receivedAt: '2026-04-14T18:00:00+08:00' })) as Array<{ value: string; label: string }>;
        const after = (await decide('termination_grounds', { receivedAt: '2026-04-15T08:00:00+08:00' })) as Array<{ value: string; label: string }>;
        expect(before).to.have.length(7);
        expect(before.find((g) => g.value === 'LIMIT_EXPIRED')!.label).to.contain('四十五个工作日');
        expect(after.find((g) => g.value === 'LIMIT_EXPIRED')!.label).to.contain('六十日');
        expect(after.map((g) => g.value)).to.include('PARTY_GONE').and.have.length(8);
      });

      it('professional claimants: many tickets against different businesses in a short time', async () => {
        expect(await decide('professional_claimant', { claimantHistory: { tickets30: 5, respondents30: 3 } })).to.include({ flag: true });
        expect(await decide('professional_claimant', { claimantHistory: { tickets30: 5, respondents30: 1 } })).to.include({ flag: false });
        expect(await decide('professional_claimant', { claimantHistory: { tickets30: 2, respondents30: 2, tickets365: 25, respondents365: 12 } })).to.include({ flag: true });
        expect(await decide('professional_claimant', { claimantHistory: { punitiveClaims365: 3 } })).to.include({ flag: true });
        expect(await decide('professional_claimant', {})).to.include({ flag: false });
      });

      it('complex cases: handler flag, media, group complaints, several departments, repeated reopening', async () => {
        expect(await decide('complex_case', {})).to.include({ complex: false });
        expect(await decide('complex_case', { complexFlag: true })).to.include({ complex: true });
        expect(await decide('complex_case', { mediaAttention: true })).to.include({ complex: true, reason: '媒体关注' });
        expect(await decide('complex_case', { complainantCount: 3, category: '预付卡消费' })).to.include({ complex: true });
        expect(await decide('complex_case', { complainantCount: 3, category: '产品质量' })).to.include({ complex: false });
        expect(await decide('complex_case', { departmentCount: 2 })).to.include({ complex: true });
        expect(await decide('complex_case', { reopenCount: 2 })).to.include({ complex: true });
      });

      it('case conversion: a violation becomes a case unless minor, corrected and a first offence', async () => {
        expect(await decide('case_conversion', {})).to.include({ convert: false });
        expect(await decide('case_conversion', { violationFound: true })).to.include({ convert: true });
        expect(await decide('case_conversion', { violationFound: true, minorAndCorrected: true, amountInvolved: 200 })).to.include({ convert: false });
        expect(await decide('case_conversion', { violationFound: true, minorAndCorrected: true, category: '食品药品安全' })).to.include({ convert: true });
        expect(await decide('case_conversion', { violationFound: true, minorAndCorrected: true, amountInvolved: 8000 })).to.include({ convert: true });
      });
    });

    describe('complaint handling (投诉处理)', () => {
      const complaint = (ticketNo: string, extra: Record<string, unknown> = {}) =>
        t.zeebe.createProcessInstance({
          bpmnProcessId: 'complaint_handling',
          variables: { ticketId: `id-${ticketNo}`, ticketNo, kind: 'complaint', channel: '12315', category: '产品质量', regionCode: '370102', online: false, receivedAt: '2026-04-14T09:00:00+08:00', odrChosen: false, ...extra } as never,
        });

      it('accepted → mediated by phone → agreement → reply → satisfied visit → closed', async () => {
        const ticketNo = 'TS20260414001';
        const { processInstanceKey } = await complaint(ticketNo);
        const tasks = new UserTasks(t, ticketNo);
        const review = await tasks.next('Task_AcceptReview');
        expect(review.candidateGroups).to.deep.equal(['dept:370102-DL']);
        const vars = await tasks.variables(processInstanceKey);
        expect(review.dueDate).to.equal(vars.deadline.dueAt);
        expect(vars.refusalGrounds.map((g: { value: string }) => g.value)).to.include('TIME_BARRED');
        await tasks.complete('Task_AcceptReview', { acceptDecision: 'accept', amountInvolved: 2999, complainantCount: 1, acceptOpinion: '符合受理条件' });
        await tasks.complete('Task_MediationPlan', { mediationMethod: 'phone', mediationScheduledAt: '2026-04-16T10:00:00+08:00' });
        await tasks.complete('Task_Mediate', { mediationResult: 'agreement', amountRecovered: 2999, agreementSummary: '经营者为消费者办理退货并退款2999元', mediationMinutes: '电话调解，双方同意退货退款' });
        await tasks.complete('Task_Reply', { replyMethod: 'phone', replyContent: '经调解，经营者已同意退货退款2999元，请注意查收。' });
        await tasks.complete('Task_Visit', { visitReached: 'reached', satisfaction: 'satisfied', processSatisfaction: 'satisfied', resultSatisfaction: 'satisfied' });
        const path = await completes(t, processInstanceKey, 'complaint_handling');
        expect(path).to.include.members(['Task_Validate', 'Task_Routing', 'Sub_Accept', 'Task_AcceptNotice', 'Task_Accepted', 'Sub_Mediation', 'Task_Agreement', 'Task_CaseCriteria', 'Task_Reply', 'Task_Visit', 'Task_Closed', 'End_Closed']);
        expect(path).to.not.include.members(['Task_RefusalNotice', 'Task_Consultation', 'Throw_CaseClue', 'Call_Reopen', 'Task_OdrDeadline', 'Task_ManualDispatch']);
        const templates = workers.jobs({ type: 'notice.issue', ticketNo }).map((j) => j.headers.template);
        expect(templates).to.deep.equal(['accept-decision', 'mediation-notice', 'mediation-agreement']);
        expect(workers.jobs({ type: 'ticket.status', ticketNo }).map((j) => j.headers.status)).to.deep.equal(['dispatched', 'accepted', 'mediating', 'agreed', 'replied', 'closed']);
        expect(workers.jobs({ type: 'deadline.compute', ticketNo }).map((j) => j.headers.step)).to.deep.equal(['complaint.accept', 'complaint.mediate']);
        // The complainant is told of the acceptance by SMS (none of the agreement: the 调解书 is signed with both parties).
        expect(workers.jobs({ type: 'notify.send', ticketNo }).map((j) => [j.headers.channel, j.headers.template, j.headers.recipient])).to.deep.equal([['sms', 'accepted-sms', 'complainant']]);
      });

      it('rejected with a legal ground: the refusal notice, and the ticket ends', async () => {
        const ticketNo = 'TS20260414002';
        const { processInstanceKey } = await complaint(ticketNo);
        const tasks = new UserTasks(t, ticketNo);
        await tasks.complete('Task_AcceptReview', { acceptDecision: 'reject', refusalGround: 'TIME_BARRED', refusalReason: '消费者于2022年购买商品，知道权益受损之日起已超过三年' });
        const path = await completes(t, processInstanceKey, 'End_Rejected');
        expect(path).to.include.members(['Task_RefusalNotice', 'Task_Rejected']).and.not.include('Task_AcceptNotice');
        expect(workers.jobs({ type: 'notice.issue', ticketNo }).map((j) => j.headers.template)).to.deep.equal(['refusal-decision']);
        expect(workers.jobs({ type: 'notify.send', ticketNo }).map((j) => [j.headers.channel, j.headers.template])).to.deep.equal([['sms', 'rejected-sms']]);
        expect(workers.jobs({ type: 'ticket.status', ticketNo }).map((j) => [j.headers.status, j.headers.completes])).to.deep.equal([['dispatched', undefined], ['rejected', 'complaint.accept']]);
        const notice = workers.jobs({ type: 'notice.issue', ticketNo })[0];
        expect(notice.variables).to.include({ refusalGround: 'TIME_BARRED' });
      });

      it('"not ours" twice: back to the dispatcher once, then the common superior designates — no more bouncing', async () => {
        const ticketNo = 'TS20260414003';
        const { processInstanceKey } = await complaint(ticketNo, { regionCode: '370115' });
        const tasks = new UserTasks(t, ticketNo);
        const first = await tasks.complete('Task_AcceptReview', { acceptDecision: 'return', returnReason: '被投诉人实际经营地在历下区，不属本所辖区', suggestedDepartment: '370102-DL' });
        expect(first.candidateGroups).to.deep.equal(['dept:370115-JY']);
        const redispatch = await tasks.complete('Task_Redispatch', { department: '370102-DL', bureau: '370102', dispatchNote: '按实际经营地改派' });
        expect(redispatch.candidateGroups).to.deep.equal(['role:dispatcher']);
        const second = await tasks.complete('Task_AcceptReview', { acceptDecision: 'return', returnReason: '被投诉人注册地在济阳区，应由济阳区局处理' });
        expect(second.candidateGroups).to.deep.equal(['dept:370102-DL']);
        const designate = await tasks.complete('Task_Designate', { department: '370102-DL', bureau: '370102', designated: true, designationReason: '实际经营地在历下区，由历下区局甸柳所办理' });
        expect(designate.candidateGroups).to.deep.equal(['dept:370100:role:deputy-leader']);
        const superior = workers.jobs({ type: 'org.common-superior', ticketNo });
        expect(superior).to.have.length(1);
        expect(superior[0].variables.departments).to.deep.equal(['370115-JY', '370102-DL']);
        const third = await tasks.next('Task_AcceptReview');
        expect(third.candidateGroups).to.deep.equal(['dept:370102-DL']);
        const path = await completedElements(t, processInstanceKey);
        expect(path.filter((id) => id === 'Task_CountReturn')).to.have.length(2);
        expect(path.filter((id) => id === 'Task_Redispatch')).to.have.length(1);
        expect(path).to.include.members(['Task_CommonSuperior', 'Task_Designate', 'Task_TransferNotice']);
        expect(workers.jobs({ type: 'notice.issue', ticketNo }).map((j) => j.headers.template)).to.deep.equal(['transfer-notice']);
        // The ticket follows each hand-over at once, and the transfer notice goes out after the
        // ticket names the designated unit.
        const statuses = workers.jobs({ type: 'ticket.status', ticketNo });
        expect(statuses.map((j) => [j.elementId, j.headers.status])).to.deep.equal([
          ['Task_Dispatched', 'dispatched'], ['Task_Returned', 'returned'], ['Task_Reassigned', 'dispatched'], ['Task_Returned', 'returned'], ['Task_Reassigned', 'dispatched'],
        ]);
        expect(statuses.map((j) => j.variables.department)).to.deep.equal(['370115-JY', '370115-JY', '370102-DL', '370102-DL', '370102-DL']);
        // The next unit's form does not open with the last unit's decision or suggestion.
        const thirdVars = await tasks.variables(processInstanceKey);
        expect([thirdVars.acceptDecision, thirdVars.returnReason, thirdVars.suggestedDepartment]).to.deep.equal([null, null, null]);
        await tasks.complete('Task_AcceptReview', { acceptDecision: 'accept', amountInvolved: 500 });
        await tasks.next('Task_MediationPlan');
        await t.zeebe.cancelProcessInstance(processInstanceKey);
      });

      it('ODR first: a settlement reported by the enterprise skips mediation', async () => {
        const ticketNo = 'TS20260414004';
        const { processInstanceKey } = await complaint(ticketNo, { odrChosen: true, online: true });
        const tasks = new UserTasks(t, ticketNo);
        const review = await tasks.complete('Task_AcceptReview', { acceptDecision: 'accept', amountInvolved: 199 });
        expect(review.candidateGroups).to.deep.equal(['dept:370102-XBK']);
        await eventually(async () => ((await completedElements(t, processInstanceKey)).includes('Task_OdrDeadline') ? true : undefined), 'the ODR wait');
        await t.zeebe.publishMessage({ name: 'odr.settled', correlationKey: ticketNo, variables: { odrSettled: true, amountRecovered: 199 }, timeToLive: 60_000 });
        await tasks.complete('Task_Reply', { replyMethod: 'sms', replyContent: '经营者已通过ODR与您和解，退款199元。' });
        await tasks.complete('Task_Visit', { visitReached: 'reached', satisfaction: 'very-satisfied', processSatisfaction: 'satisfied', resultSatisfaction: 'satisfied' });
        const path = await completes(t, processInstanceKey, 'complaint_handling');
        expect(path).to.include.members(['Catch_OdrSettled', 'Task_OdrSettled', 'Link_Reply']).and.not.include('Sub_Mediation');
        expect(workers.jobs({ type: 'ticket.status', ticketNo }).map((j) => j.headers.status)).to.deep.equal(['dispatched', 'accepted', 'odr', 'odr-settled', 'replied', 'closed']);
      });

      it('a violation found in mediation becomes a case (诉转案) through the case.clue-found message', async () => {
        const ticketNo = 'TS20260414005';
        const { processInstanceKey } = await complaint(ticketNo, { category: '食品药品安全' });
        const tasks = new UserTasks(t, ticketNo);
        await tasks.complete('Task_AcceptReview', { acceptDecision: 'accept', amountInvolved: 88 });
        await tasks.complete('Task_MediationPlan', { mediationMethod: 'entrusted', entrustedOrg: '济南市消费者协会', entrustConsent: true });
        await tasks.complete('Task_EntrustedResult', {
          mediationResult: 'terminated', terminationGround: 'ABSENT_OR_REFUSED', terminationReason: '被投诉人明确拒绝调解', mediationMinutes: '消协组织调解，被投诉人拒绝',
          violationFound: true, clueDescription: '销售超过保质期的预包装食品', complexFlag: true,
        });
        const clue = await eventually(async () => workers.jobs({ type: 'case.open', ticketNo })[0], 'the case clue');
        expect(clue.variables).to.include({ convertToCase: true });
        // The case.open worker starts the case conversion with the clue.
        const verify = await tasks.next('Task_Verify');
        expect(verify.bpmnProcessId).to.equal('clue_verification');
        await tasks.complete('Task_Consultation', { consultationParticipants: ['deputy-leader', 'legal', 'handler'], consultationOpinion: '被投诉人拒绝调解，依法终止调解并转案核查，由分管领导答复', replyByLeader: true });
        const reply = await tasks.next('Task_Reply');
        expect(reply.candidateGroups).to.deep.equal(['dept:370102:role:deputy-leader']);
        const path = await completedElements(t, processInstanceKey);
        expect(path).to.include.members(['Task_EntrustLetter', 'Task_TerminationNotice', 'Sub_NotifyTermination', 'Task_TerminationSms', 'Task_Terminated', 'Throw_CaseClue', 'Task_Consultation']);
        expect(workers.jobs({ type: 'notice.issue', ticketNo }).map((j) => j.headers.template)).to.include.members(['entrustment-letter', 'termination-decision']);
        // The termination decision is dated on a working day; both parties are told within 7
        // working days of that date (complaint.notifyTermination), under the deadline watch.
        expect(workers.jobs({ type: 'notice.issue', ticketNo }).find((j) => j.elementId === 'Task_TerminationNotice')!.headers.dating).to.equal('working-day');
        const notifyLimit = workers.jobs({ type: 'deadline.compute', ticketNo }).find((j) => j.headers.step === 'complaint.notifyTermination')!;
        expect(notifyLimit.variables.startedAt).to.equal('2026-04-14T09:00:00+08:00');
        expect(workers.jobs({ type: 'ticket.status', ticketNo }).map((j) => [j.headers.status, j.headers.completes])).to.deep.include.members([['mediating', undefined], ['terminated', 'complaint.notifyTermination']]);
        await t.zeebe.cancelProcessInstance(processInstanceKey);
        // The case lives on after the complaint ends.
        await tasks.complete('Task_Verify', { verificationFindings: '现场检查发现货架上有3件超过保质期的预包装食品', recommendation: 'file', recommendationReason: '涉嫌违反《食品安全法》第三十四条' });
        const approval = await tasks.complete('Task_FilingApproval', { filingDecision: 'file', filingOpinion: '同意立案' });
        expect(approval.candidateGroups).to.deep.equal(['dept:370102:role:deputy-leader']);
        const investigation = await tasks.next('Task_Investigate');
        expect(investigation.bpmnProcessId).to.equal('case_procedure');
        expect(workers.jobs({ type: 'case.create', ticketNo })).to.have.length(1);
      });

      it('the complainant withdraws during mediation: termination notice and the ticket ends', async () => {
        const ticketNo = 'TS20260414006';
        const { processInstanceKey } = await complaint(ticketNo);
        const tasks = new UserTasks(t, ticketNo);
        await tasks.complete('Task_AcceptReview', { acceptDecision: 'accept' });
        await tasks.next('Task_MediationPlan');
        await t.zeebe.publishMessage({ name: 'complainant.withdrew', correlationKey: ticketNo, variables: { withdrawReason: '已与商家自行和解' }, timeToLive: 0 });
        const path = await completes(t, processInstanceKey, 'End_Withdrawn');
        expect(path).to.include.members(['Task_WithdrawGround', 'Task_WithdrawNotice', 'Task_Withdrawn']);
        const notice = workers.jobs({ type: 'notice.issue', ticketNo }).find((j) => j.elementId === 'Task_WithdrawNotice')!;
        expect(notice.variables.terminationGround).to.equal('WITHDRAWN_OR_SETTLED');
        expect(notice.headers.dating).to.equal('working-day');
      });
    });

    describe('report verification (举报核查)', () => {
      const report = (ticketNo: string, extra: Record<string, unknown>) =>
        t.zeebe.createProcessInstance({
          bpmnProcessId: 'report_verification',
          variables: { ticketId: `id-${ticketNo}`, ticketNo, kind: 'report', channel: '12315', category: '虚假宣传', regionCode: '370115', online: false, receivedAt: '2026-04-14T09:00:00+08:00', ...extra } as never,
        });

      async function verifyAndDecide(tasks: UserTasks, filingDecision: string) {
        const verify = await tasks.complete('Task_Verify', { verificationFindings: '经现场核查，店内宣传资料称保健食品可治疗高血压', recommendation: filingDecision, recommendationReason: '涉嫌虚假宣传' });
        expect(verify.candidateGroups).to.deep.equal(['dept:370115-ZFDD']);
        await tasks.complete('Task_FilingApproval', { filingDecision, filingOpinion: filingDecision === 'file' ? '同意立案' : '证据不足，不予立案' });
      }

      it('an anonymous reporter gets no notice', async () => {
        const ticketNo = 'JB20260414001';
        const { processInstanceKey } = await report(ticketNo, { anonymous: true });
        const tasks = new UserTasks(t, ticketNo);
        await verifyAndDecide(tasks, 'not-file');
        const path = await completes(t, processInstanceKey, 'report_verification');
        expect(path).to.include.members(['Task_VerifyDeadline', 'Call_Verify', 'Task_ReportClosed', 'End_NotFiled']).and.not.include('Task_ReporterNotice');
        expect(workers.jobs({ type: 'notice.issue', ticketNo })).to.have.length(0);
        expect(workers.jobs({ type: 'notify.send', ticketNo })).to.have.length(0);
        expect(workers.jobs({ type: 'deadline.compute', ticketNo }).map((j) => j.headers.step)).to.deep.equal(['report.verify']);
      });

      it('a real-name reporter is told the decision (举报处理结果告知书)', async () => {
        const ticketNo = 'JB20260414002';
        const { processInstanceKey } = await report(ticketNo, { anonymous: false });
        const tasks = new UserTasks(t, ticketNo);
        await verifyAndDecide(tasks, 'not-file');
        const path = await completes(t, processInstanceKey, 'report_verification');
        const notices = workers.jobs({ type: 'notice.issue', ticketNo });
        expect(notices.map((j) => j.headers.template)).to.deep.equal(['report-result']);
        expect(notices[0].variables).to.include({ filingDecision: 'not-file' });
        // Within 5 working days of the decision, watched like every limit: the notice and an SMS.
        const computed = workers.jobs({ type: 'deadline.compute', ticketNo });
        expect(computed.map((j) => j.headers.step)).to.deep.equal(['report.verify', 'report.notifyReporter']);
        expect(computed[1].variables.startedAt).to.be.a('string').and.equal(notices[0].variables.decidedAt);
        expect(workers.jobs({ type: 'notify.send', ticketNo }).map((j) => [j.headers.channel, j.headers.template, j.headers.recipient])).to.deep.equal([['sms', 'report-result-sms', 'complainant']]);
        expect(path).to.include.members(['Task_NotifyReporterDeadline', 'Task_ReporterSms', 'Sub_NotifyReporter', 'Task_ReportClosed']);
      });

      it('a professional claimant\'s letter goes to legal review first', async () => {
        const ticketNo = 'JB20260414003';
        enrichOverrides.set(ticketNo, { claimantHistory: { tickets30: 9, respondents30: 7, tickets365: 60, respondents365: 41, punitiveClaims365: 12 } });
        const { processInstanceKey } = await report(ticketNo, { channel: 'letter', anonymous: false });
        const tasks = new UserTasks(t, ticketNo);
        const review = await tasks.complete('Task_LegalReview', { legalOpinion: 'not-handle', legalBasis: '举报人以索取赔偿为目的，举报事项不属于本部门职责' });
        expect(review.candidateGroups).to.deep.equal(['role:legal']);
        const path = await completes(t, processInstanceKey, 'End_NotHandled');
        expect(path).to.include('Task_Screening').and.not.include('Task_Routing');
      });

      it('verification extended once with the head\'s approval', async () => {
        const ticketNo = 'JB20260414004';
        const { processInstanceKey } = await report(ticketNo, { anonymous: true });
        const tasks = new UserTasks(t, ticketNo);
        await tasks.complete('Task_Verify', { extensionRequested: true, extensionReason: '需调取平台交易数据，协查函尚未回复' });
        const approval = await tasks.complete('Task_ExtensionApproval', { extensionDecision: 'approved', approvalOpinion: '同意延长15个工作日', extensionRequested: false });
        expect(approval.candidateGroups).to.deep.equal(['dept:370115:role:deputy-leader']);
        await eventually(() => workers.jobs({ type: 'deadline.extend', ticketNo })[0], 'the extended deadline');
        await verifyAndDecide(tasks, 'not-file');
        await completes(t, processInstanceKey, 'report_verification');
      });
    });

    describe('reopen escalation (重办升级)', () => {
      it('reopened three times: hotline centre, deputy leader, principal leader lead in turn', async () => {
        const ticketNo = 'SH12345-20260414-0007';
        await t.zeebe.publishMessage({
          name: 'ticket.reopened',
          correlationKey: ticketNo,
          variables: { ticketId: `id-${ticketNo}`, ticketNo, kind: 'complaint', channel: '12345', department: '370102-DL', bureau: '370102', receivedAt: '2026-04-01T09:00:00+08:00', reopenReason: '市12345平台退回：诉求人对处理结果不满意' },
          timeToLive: 60_000,
        });
        const tasks = new UserTasks(t, ticketNo);
        const groups: string[][] = [];
        for (const satisfaction of ['unsatisfied', 'unsatisfied', 'satisfied']) {
          const lead = await tasks.complete('Task_LeadReopen', { leaderFindings: '重新核查经营者退款情况', measures: '约谈经营者，督促退款', replyContent: '经重新核查，经营者已承诺三日内退款，我局将跟踪落实。', signed: true });
          groups.push(lead.candidateGroups);
          await tasks.complete('Task_Revisit', { visitReached: 'reached', satisfaction, processSatisfaction: 'average', resultSatisfaction: satisfaction === 'satisfied' ? 'satisfied' : 'unsatisfied', unsatisfiedReason: '款项未到账' });
        }
        expect(groups).to.deep.equal([['dept:370102:role:hotline-centre'], ['dept:370102:role:deputy-leader'], ['dept:370102:role:principal-leader']]);
        const leadRoles = workers.jobs({ type: 'ticket.reopen', ticketNo }).length;
        expect(leadRoles).to.equal(3);
        expect(workers.jobs({ type: 'hotline.reply', ticketNo })).to.have.length(3);
        const instance = workers.jobs({ type: 'ticket.reopen', ticketNo })[0].processInstanceKey;
        const path = await completes(t, instance, 'End_ReopenClosed');
        expect(path.filter((id) => id === 'Task_ReopenLead')).to.have.length(3);
      });

      it('an unsatisfied visit in complaint handling calls the reopen escalation', async () => {
        const ticketNo = 'TS20260414008';
        const { processInstanceKey } = await t.zeebe.createProcessInstance({
          bpmnProcessId: 'complaint_handling',
          variables: { ticketId: `id-${ticketNo}`, ticketNo, kind: 'complaint', channel: '12345', category: '预付卡消费', regionCode: '370126', online: false, receivedAt: '2026-04-14T09:00:00+08:00', odrChosen: false } as never,
        });
        const tasks = new UserTasks(t, ticketNo);
        await tasks.complete('Task_AcceptReview', { acceptDecision: 'accept', amountInvolved: 3000 });
        await tasks.complete('Task_MediationPlan', { mediationMethod: 'on-site', mediationScheduledAt: '2026-04-15T14:00:00+08:00' });
        await tasks.complete('Task_Mediate', { mediationResult: 'terminated', terminationGround: 'NO_AGREEMENT', terminationReason: '双方对退款金额分歧较大', mediationMinutes: '现场调解未果' });
        await tasks.complete('Task_Reply', { replyMethod: 'phone', replyContent: '经调解双方未能达成协议，已终止调解，您可依法向人民法院起诉。' });
        await tasks.complete('Task_Visit', { visitReached: 'reached', satisfaction: 'unsatisfied', processSatisfaction: 'average', resultSatisfaction: 'unsatisfied', unsatisfiedReason: '预付卡余额未退' });
        const lead = await tasks.complete('Task_LeadReopen', { leaderFindings: '核查', measures: '约谈', replyContent: '经热线服务中心牵头重办，经营者同意退还余额。', signed: true });
        expect(lead.bpmnProcessId).to.equal('reopen_escalation');
        expect(lead.candidateGroups).to.deep.equal(['dept:370126:role:hotline-centre']);
        await tasks.complete('Task_Revisit', { visitReached: 'reached', satisfaction: 'satisfied', processSatisfaction: 'satisfied', resultSatisfaction: 'satisfied' });
        const path = await completes(t, processInstanceKey, 'complaint_handling');
        expect(path).to.include.members(['Task_TerminationNotice', 'Task_HotlineReply', 'Call_Reopen', 'Task_Closed']);
      });
    });
  });

  describe('reminders on the engine clock (时限督办)', function () {
    this.timeout(120_000);
    let t: TestEngine;
    let workers: TestWorkers;
    let now = Date.parse('2026-04-14T09:00:00+08:00');
    // What deadline.compute gives for a complaint received Tuesday 2026-04-14 09:00 (7 working days:
    // due Thursday 2026-04-23), and a mediation limit that runs out on the next day.
    const ACCEPT = { step: 'complaint.accept', title: '受理审查', dueDate: '2026-04-23', dueAt: '2026-04-24T00:00:00+08:00', remindAt3: '2026-04-20T09:00:00+08:00', remindAt2: '2026-04-21T09:00:00+08:00', dueDayStart: '2026-04-23T09:00:00+08:00', hardLimit: false, extended: false };

    before(async () => {
      t = await startTestEngine();
      t.engine.clock.pin(now);
      t.engine.engine.clockChanged();
      const base = handlers({ reopenCounts: new Map(), enrichOverrides: new Map(), notice: () => 'N', engine: () => t });
      workers = new TestWorkers(t, {
        ...base,
        'deadline.compute': (job) => {
          // The fixed acceptance dates belong to the reminder story only: a later story starts
          // after them on the clock, and would see its acceptance overdue at once.
          if (job.headers.step === 'complaint.accept' && job.variables.ticketNo === 'TS20260414101') return { deadline: { ...ACCEPT, startedAt: job.variables.startedAt } };
          if (job.headers.step === 'complaint.mediate') {
            const at = (h: number) => new Date(now + h * 3_600_000).toISOString();
            return { deadline: { step: 'complaint.mediate', title: '调解', dueDate: at(24).slice(0, 10), dueAt: at(24), remindAt3: at(1), remindAt2: at(2), dueDayStart: at(3), hardLimit: true, extended: false } };
          }
          return base['deadline.compute'](job);
        },
      });
      await t.zeebe.deployResources(productResources() as never);
    });
    after(async () => {
      await workers?.stop();
      await t?.stop();
    });

    async function advanceTo(iso: string): Promise<void> {
      now = Date.parse(iso);
      t.engine.clock.pin(now);
      t.engine.engine.clockChanged();
      await new Promise((r) => setTimeout(r, 150));
    }
    const start = (ticketNo: string) =>
      t.zeebe.createProcessInstance({
        bpmnProcessId: 'complaint_handling',
        variables: { ticketId: `id-${ticketNo}`, ticketNo, kind: 'complaint', channel: '12315', category: '产品质量', regionCode: '370102', online: false, receivedAt: '2026-04-14T09:00:00+08:00', odrChosen: false } as never,
      });
    const jobsOf = (ticketNo: string) => workers.jobs({ ticketNo }).filter((j) => j.bpmnProcessId === 'deadline_watch');

    it('≤3 WD: 企业微信 group; ≤2 WD: platform reminder; due day: phone task; overdue: 催办通知书 to the deputy leader and 督办', async () => {
      const ticketNo = 'TS20260414101';
      const { processInstanceKey } = await start(ticketNo);
      const tasks = new UserTasks(t, ticketNo);
      await tasks.next('Task_AcceptReview');

      await advanceTo('2026-04-20T08:59:00+08:00');
      expect(jobsOf(ticketNo)).to.have.length(0);
      await advanceTo('2026-04-20T09:00:01+08:00');
      const wecom = await eventually(() => jobsOf(ticketNo).find((j) => j.headers.channel === 'wecom'), 'the WeCom warning');
      expect(wecom).to.deep.include({ type: 'notify.send', elementId: 'Task_Wecom' });
      expect(wecom.variables.deadline).to.include({ step: 'complaint.accept', dueDate: '2026-04-23' });
      expect(wecom.variables).to.include({ department: '370102-DL', bureau: '370102' });
      expect(jobsOf(ticketNo)).to.have.length(1);

      await advanceTo('2026-04-21T09:00:01+08:00');
      const platform = await eventually(() => jobsOf(ticketNo).find((j) => j.headers.channel === 'platform'), 'the platform reminder');
      expect(platform.headers).to.include({ template: 'deadline-reminder', recipient: 'handler' });

      await advanceTo('2026-04-23T08:00:00+08:00');
      await advanceTo('2026-04-23T09:00:01+08:00');
      const phone = await tasks.next('Task_PhoneReminder');
      expect(phone.candidateGroups).to.deep.equal(['dept:370102:role:supervisor']);
      expect(phone.bpmnProcessId).to.equal('deadline_watch');
      expect(phone.dueDate).to.equal(ACCEPT.dueAt);
      expect(jobsOf(ticketNo).some((j) => j.type === 'notice.issue')).to.equal(false);

      await advanceTo('2026-04-24T00:00:01+08:00');
      await eventually(() => (jobsOf(ticketNo).some((j) => j.type === 'supervision.list') ? true : undefined), 'the 督办 listing');
      const overdue = jobsOf(ticketNo).filter((j) => ['notice.issue', 'supervision.list'].includes(j.type) || j.headers.recipient === 'deputy-leader');
      expect(overdue.map((j) => [j.type, j.headers.template ?? j.headers.reason])).to.deep.equal([
        ['notice.issue', 'urge-notice'],
        ['notify.send', 'urge-notice-copy'],
        ['supervision.list', 'overdue'],
      ]);

      // The step is done: the watch (and its open phone task) ends with it.
      await tasks.complete('Task_AcceptReview', { acceptDecision: 'accept' });
      await tasks.next('Task_MediationPlan');
      const canceled = await t.records({ valueType: 'USER_TASK', intent: 'CANCELED' });
      expect(canceled.map((r) => r.key)).to.include(phone.key);
      const path = await completedElements(t, processInstanceKey);
      expect(path).to.include('Sub_Accept');
      await t.zeebe.cancelProcessInstance(processInstanceKey);
    });

    it('the mediation limit ends mediation by law (终止调解, LIMIT_EXPIRED) without an urge notice', async () => {
      const ticketNo = 'TS20260424102';
      const { processInstanceKey } = await start(ticketNo);
      const tasks = new UserTasks(t, ticketNo);
      await tasks.complete('Task_AcceptReview', { acceptDecision: 'accept' });
      await tasks.next('Task_MediationPlan');
      const dueAt = (await tasks.variables(processInstanceKey)).deadline.dueAt as string;
      await advanceTo(new Date(Date.parse(dueAt) + 1000).toISOString());
      const path = await completes(t, processInstanceKey, 'Task_TerminationNotice');
      expect(path).to.include.members(['Boundary_MediationExpired', 'Task_LimitExpired']).and.not.include('Task_MediationPlan');
      const notice = workers.jobs({ type: 'notice.issue', ticketNo }).find((j) => j.elementId === 'Task_TerminationNotice')!;
      expect(notice.variables).to.include({ terminationGround: 'LIMIT_EXPIRED', mediationResult: 'terminated' });
      expect(jobsOf(ticketNo).filter((j) => j.headers.template === 'urge-notice')).to.have.length(0);
      await tasks.next('Task_Reply');
      await t.zeebe.cancelProcessInstance(processInstanceKey);
    });
  });
});

/** What the real workers would answer, in the smallest plausible form. */
function handlers(state: { reopenCounts: Map<string, number>; enrichOverrides: Map<string, Record<string, unknown>>; notice: () => string; engine?: () => TestEngine }): Record<string, JobHandler> {
  const ticket = (job: JobSeen) => job.variables.ticketNo as string;
  return {
    'ticket.validate': () => ({}),
    'ticket.enrich': (job) => ({
      duplicateOf: null,
      repeatComplainant: false,
      repeatOffender: false,
      claimantHistory: { tickets30: 1, respondents30: 1, tickets365: 2, respondents365: 2, punitiveClaims365: 0 },
      ...(state.enrichOverrides.get(ticket(job)) ?? {}),
    }),
    'ticket.status': () => ({}),
    'ticket.reopen': (job) => {
      const count = (state.reopenCounts.get(ticket(job)) ?? 0) + 1;
      state.reopenCounts.set(ticket(job), count);
      return { reopenCount: count };
    },
    'deadline.compute': (job) => {
      // Far enough ahead that no reminder fires while the clock stands still.
      const from = Date.parse(String(job.variables.startedAt ?? '2026-04-14T09:00:00+08:00'));
      const at = (days: number) => new Date(from + days * 86_400_000).toISOString();
      return {
        deadline: {
          step: job.headers.step, title: job.headers.step, startedAt: job.variables.startedAt, dueDate: at(40).slice(0, 10), dueAt: at(40),
          remindAt3: at(36), remindAt2: at(37), dueDayStart: at(39.5), amount: 15, unit: 'workingDays', extension: 15, extended: false,
          hardLimit: job.headers.step === 'complaint.mediate', regulation: 'SAMR Order No. 20', citation: '测试',
        },
      };
    },
    'deadline.extend': (job) => ({ deadline: { ...job.variables.deadline, extended: true } }),
    // Dated when issued (the story clock's start): a wait for the notice's date passes at once.
    'notice.issue': () => ({ noticeId: state.notice(), noticeIssuedAt: '2026-04-14T09:00:00+08:00' }),
    'notify.send': () => ({}),
    'hotline.reply': () => ({}),
    'org.common-superior': () => ({ designator: '370100' }),
    'supervision.list': () => ({}),
    'audit.record': () => ({}),
    // The real worker registers the clue and starts the case conversion with this message.
    'case.open': async (job) => {
      const v = job.variables;
      await state.engine!().zeebe.publishMessage({
        name: 'case.clue-found',
        correlationKey: ticket(job),
        variables: { ticketId: v.ticketId, ticketNo: v.ticketNo, department: v.department, bureau: v.bureau, receivedAt: v.receivedAt, discoveredAt: '2026-04-14T09:00:00+08:00', clue: v.clueDescription },
        timeToLive: 60_000,
      });
      return { caseClueId: `clue-${ticket(job)}` };
    },
    'case.create': (job) => ({ caseId: `case-${ticket(job)}`, caseNo: `济市监立〔2026〕${ticket(job).slice(-3)}号` }),
    'case.publish': () => ({}),
    'case.close': () => ({}),
  };
}
