// Writes the BPMN files of processes/ from the definitions below (dev tool: see bpmn-builder.ts).
//   npx tsx processes/tools/build-models.ts
// The .bpmn files are the source of truth once people edit them in the modeler; this script was
// used to lay them out in the first place and is kept for bulk changes by developers.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Model, type Container } from './bpmn-builder.ts';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

// Candidate groups (see processes/README.md).
const HANDLER = '="dept:" + department';
const DISPATCHER = 'role:dispatcher';
const role = (r: string) => `="dept:" + bureau + ":role:${r}"`;

/** The deadline watch beside a time-limited step: a call activity with explicit variables. */
function watch(c: Container, id: string, at: [number, number]): void {
  c.call(id, '时限督办', at, 'deadline_watch', {
    propagateParent: false,
    propagateChild: false,
    inputs: { ticketId: '=ticketId', ticketNo: '=ticketNo', department: '=department', bureau: '=bureau', deadline: '=deadline' },
    doc: '按 deadline.remindAt3 / remindAt2 / dueDayStart / dueAt 依次预警、催办、电话催办、超期督办；本步骤结束时随子流程一并终止。',
  });
}

/** `completes`: the step whose deadline this status meets (a final status meets every one). */
const status = (c: Container, id: string, name: string, at: [number, number], value: string, o: { completes?: string; outputs?: Record<string, string> } = {}) =>
  c.service(id, name, at, 'ticket.status', { headers: { status: value, ...(o.completes ? { completes: o.completes } : {}) }, outputs: o.outputs });
/** `dating: working-day`: a notice the process issues by itself is dated on a working day. */
const notice = (c: Container, id: string, name: string, at: [number, number], template: string, o: { dating?: 'working-day'; outputs?: Record<string, string> } = {}) =>
  c.service(id, name, at, 'notice.issue', { headers: { template, ...(o.dating ? { dating: o.dating } : {}) }, outputs: o.outputs });
/** An SMS to the complainant or reporter (none to an anonymous reporter). */
const sms = (c: Container, id: string, name: string, at: [number, number], template: string) =>
  c.service(id, name, at, 'notify.send', { headers: { channel: 'sms', template, recipient: 'complainant' } });
const compute = (c: Container, id: string, name: string, at: [number, number], step: string, inputs: Record<string, string>, outputs?: Record<string, string>) =>
  c.service(id, name, at, 'deadline.compute', { headers: { step }, inputs, outputs });

/** Registration checks shared by complaints and reports: validate (fix or void), enrich. */
function registration(p: Model, c: Container, what: string): void {
  c.xor('Gateway_Validate_Join', undefined, [1, 0]);
  c.service('Task_Validate', '登记校验', [2, 0], 'ticket.validate', { doc: '校验统一社会信用代码、身份证号、手机号、必填项；数据有误抛出 INVALID_TICKET。' });
  c.errorBoundary('Boundary_Invalid', '登记信息有误', 'Task_Validate', 0.5, 'Error_InvalidTicket');
  c.user('Task_Correct', '补正登记信息', [2, 1], { formId: 'ticket-correction', candidateGroups: DISPATCHER });
  c.xor('Gateway_Correction', '补正结果', [1, 1]);
  status(c, 'Task_Void', '工单作废', [1, 2], 'voided');
  c.end('End_Void', '工单作废', [0, 2]);
  c.service('Task_Enrich', '信息补全与查重', [3, 0], 'ticket.enrich', { doc: '查重复件（duplicateOf）、重复投诉人、被投诉人同类问题（repeatOffender），统计投诉举报人历史（claimantHistory）。' });
  c.rule('Task_Screening', '职业索赔筛查', [4, 0], 'professional_claimant', 'screening', { outputs: { professionalClaimant: '=screening.flag', professionalReason: '=screening.reason' } });
  c.xor('Gateway_Duplicate', `是否重复${what}`, [5, 0]);
  c.user('Task_DuplicateReview', `重复${what}确认`, [5, 1], { formId: 'duplicate-review', candidateGroups: DISPATCHER });
  c.xor('Gateway_DuplicateDecision', '处理方式', [6, 1]);
  status(c, 'Task_Merged', '并案处理', [6, 2], 'merged');
  c.end('End_Merged', '已并案', [7, 2]);
  c.xor('Gateway_Duplicate_Join', undefined, [6, 0]);
  p.error('Error_InvalidTicket', '登记信息有误', 'INVALID_TICKET');

  c.flow('Gateway_Validate_Join', 'Task_Validate');
  c.flow('Boundary_Invalid', 'Task_Correct');
  c.flow('Task_Correct', 'Gateway_Correction');
  c.flow('Gateway_Correction', 'Gateway_Validate_Join', { name: '已补正', condition: '=correctionResult = "corrected"' });
  c.flow('Gateway_Correction', 'Task_Void', { name: '作废', isDefault: true });
  c.flow('Task_Void', 'End_Void');
  c.chain('Task_Validate', 'Task_Enrich', 'Task_Screening', 'Gateway_Duplicate');
  c.flow('Gateway_Duplicate', 'Gateway_Duplicate_Join', { name: '否', isDefault: true });
  c.flow('Gateway_Duplicate', 'Task_DuplicateReview', { name: '是', condition: '=duplicateOf != null' });
  c.flow('Task_DuplicateReview', 'Gateway_DuplicateDecision');
  c.flow('Gateway_DuplicateDecision', 'Gateway_Duplicate_Join', { name: '继续办理', condition: '=duplicateDecision = "continue"' });
  c.flow('Gateway_DuplicateDecision', 'Task_Merged', { name: '并案 / 不再处理', isDefault: true });
  c.flow('Task_Merged', 'End_Merged');
}

/** Routing by rule, manual dispatch when no rule matches. Columns from `col`. */
function routing(c: Container, col: number): void {
  c.rule('Task_Routing', '分派规则', [col, 0], 'routing', 'route', { outputs: { department: '=route.department', bureau: '=route.bureau' } });
  c.xor('Gateway_Routed', '规则能否确定承办单位', [col + 1, 0]);
  c.user('Task_ManualDispatch', '人工分派', [col + 1, 1], { formId: 'ticket-dispatch', candidateGroups: DISPATCHER });
  c.xor('Gateway_Routed_Join', undefined, [col + 2, 0]);
  status(c, 'Task_Dispatched', '已分派', [col + 3, 0], 'dispatched');
  c.flow('Task_Routing', 'Gateway_Routed');
  c.flow('Gateway_Routed', 'Gateway_Routed_Join', { name: '能', isDefault: true });
  c.flow('Gateway_Routed', 'Task_ManualDispatch', { name: '不能', condition: '=department = null' });
  c.flow('Task_ManualDispatch', 'Gateway_Routed_Join');
  c.flow('Gateway_Routed_Join', 'Task_Dispatched');
}

// ---------------------------------------------------------------------------------------------
// 投诉处理

function complaintHandling(): Model {
  const p = new Model('complaint_handling', '投诉处理', '投诉工单从登记到办结：校验补全 → 规则分派 → 首接负责受理审查（退回两次由共同上级指定管辖）→ 受理/不予受理决定书 → ODR 自行和解 → 调解（限时）→ 调解书/终止调解决定书 → 诉转案 → 复杂疑难会商 → 答复 → 回访 → 不满意重办 → 办结。');
  p.message('Message_Withdrew', 'complainant.withdrew', '=ticketNo');
  p.message('Message_OdrSettled', 'odr.settled', '=ticketNo');
  const c = p.root;

  // Band A: intake, routing, acceptance.
  c.start('Start_Complaint', '收到投诉', [0, 0]);
  c.flow('Start_Complaint', 'Gateway_Validate_Join');
  registration(p, c, '投诉');
  c.flow('Gateway_Duplicate_Join', 'Task_Routing');
  routing(c, 7);
  compute(c, 'Task_AcceptDeadline', '计算受理时限', [11, 0], 'complaint.accept', { startedAt: '=receivedAt' });
  c.rule('Task_RefusalGrounds', '载入不予受理情形', [12, 0], 'refusal_grounds', 'refusalGrounds');
  const a = c.sub('Sub_Accept', '受理审查（首接负责）', [13, 0], { outputs: { acceptDecidedAt: '=now()' }, doc: '自收到投诉之日起 7 个工作日内作出受理或者不予受理决定。非本单位管辖的退回分派人员并说明理由；同一工单第二次退回，由共同上级指定管辖，不再退回。' });
  a.start('Start_Accept', '开始审查', [0, 0]);
  a.and('Fork_Accept', undefined, [1, 0]);
  a.xor('Gateway_Review_Join', undefined, [2, 0]);
  a.user('Task_AcceptReview', '受理审查', [3, 0], { formId: 'accept-review', candidateGroups: HANDLER, dueDate: '=deadline.dueAt', priority: '=if professionalClaimant then 40 else 50' });
  a.xor('Gateway_AcceptDecision', '审查结论', [4, 0]);
  a.terminateEnd('End_Accept', '审查完毕', [5, 0]);
  a.script('Task_CountReturn', '登记退回', [4, 1], '=append(if returns = null then [] else returns, {department: department, reason: returnReason, suggested: suggestedDepartment})', 'returns', {
    outputs: { returns: '=returns', returnCount: '=count(returns)' },
  });
  status(a, 'Task_Returned', '已退回', [5, 1], 'returned');
  a.xor('Gateway_ReturnCount', '第几次退回', [5, 2]);
  a.user('Task_Redispatch', '重新分派', [3, 2], { formId: 'ticket-dispatch', candidateGroups: DISPATCHER });
  a.xor('Gateway_Assign_Join', undefined, [2, 2]);
  // The ticket names the unit that has it at once; the return of the last unit (its decision,
  // reason and suggestion) must not pre-fill the next unit's review form. A unit of another
  // bureau brings its bureau (the code's first six digits): leaders and reminders follow it.
  status(a, 'Task_Reassigned', '已改派', [2, 1], 'dispatched', { outputs: { acceptDecision: '=null', returnReason: '=null', suggestedDepartment: '=null', bureau: '=substring(department, 1, 6)' } });
  a.xor('Gateway_Designated', '是否指定管辖', [1, 1]);
  a.service('Task_CommonSuperior', '确定共同上级', [5, 3], 'org.common-superior', { inputs: { departments: '=for r in returns return r.department' }, outputs: { designator: '=designator' } });
  a.user('Task_Designate', '指定管辖', [4, 3], { formId: 'jurisdiction-designation', candidateGroups: '="dept:" + designator + ":role:deputy-leader"', dueDate: '=deadline.dueAt' });
  notice(a, 'Task_TransferNotice', '出具分送通知书', [1, 2], 'transfer-notice');
  watch(a, 'Call_AcceptWatch', [2, 4]);
  a.end('End_AcceptWatch', '督办结束', [3, 4]);
  a.chain('Start_Accept', 'Fork_Accept', 'Gateway_Review_Join', 'Task_AcceptReview', 'Gateway_AcceptDecision');
  a.flow('Gateway_AcceptDecision', 'End_Accept', { name: '受理 / 不予受理', isDefault: true });
  a.flow('Gateway_AcceptDecision', 'Task_CountReturn', { name: '非本单位管辖', condition: '=acceptDecision = "return"' });
  a.chain('Task_CountReturn', 'Task_Returned', 'Gateway_ReturnCount');
  a.flow('Gateway_ReturnCount', 'Task_Redispatch', { name: '第一次', isDefault: true });
  a.flow('Gateway_ReturnCount', 'Task_CommonSuperior', { name: '第二次', condition: '=returnCount >= 2' });
  a.flow('Task_Redispatch', 'Gateway_Assign_Join');
  a.chain('Task_CommonSuperior', 'Task_Designate', 'Gateway_Assign_Join');
  a.chain('Gateway_Assign_Join', 'Task_Reassigned', 'Gateway_Designated');
  a.flow('Gateway_Designated', 'Gateway_Review_Join', { name: '改派', isDefault: true });
  a.flow('Gateway_Designated', 'Task_TransferNotice', { name: '指定管辖', condition: '=designated = true' });
  a.flow('Task_TransferNotice', 'Gateway_Review_Join');
  a.flow('Fork_Accept', 'Call_AcceptWatch');
  a.flow('Call_AcceptWatch', 'End_AcceptWatch');

  c.xor('Gateway_Accepted', '是否受理', [20, 0]);
  notice(c, 'Task_AcceptNotice', '出具受理决定书', [21, 0], 'accept-decision');
  status(c, 'Task_Accepted', '已受理', [22, 0], 'accepted', { completes: 'complaint.accept' });
  sms(c, 'Task_AcceptSms', '短信告知受理', [23, 0], 'accepted-sms');
  c.linkThrow('Link_ToMediation', '转入调解', [24, 0], '调解');
  notice(c, 'Task_RefusalNotice', '出具不予受理决定书', [21, 1], 'refusal-decision');
  status(c, 'Task_Rejected', '不予受理', [22, 1], 'rejected', { completes: 'complaint.accept' });
  sms(c, 'Task_RefusalSms', '短信告知不予受理', [23, 1], 'rejected-sms');
  c.end('End_Rejected', '不予受理办结', [24, 1]);
  c.chain('Task_Dispatched', 'Task_AcceptDeadline', 'Task_RefusalGrounds', 'Sub_Accept', 'Gateway_Accepted');
  c.flow('Gateway_Accepted', 'Task_AcceptNotice', { name: '受理', isDefault: true });
  c.flow('Gateway_Accepted', 'Task_RefusalNotice', { name: '不予受理', condition: '=acceptDecision = "reject"' });
  c.chain('Task_AcceptNotice', 'Task_Accepted', 'Task_AcceptSms', 'Link_ToMediation');
  c.chain('Task_RefusalNotice', 'Task_Rejected', 'Task_RefusalSms', 'End_Rejected');

  // Band B: ODR, mediation, clue.
  const B = 8;
  c.linkCatch('Link_Mediation', '调解', [0, B], '调解');
  c.xor('Gateway_Odr', '是否选择ODR和解', [1, B]);
  compute(c, 'Task_OdrDeadline', '计算ODR和解时限', [2, B + 1], 'odr.selfSettle', { startedAt: '=now()' });
  status(c, 'Task_Odr', '企业自行和解中', [3, B + 1], 'odr');
  c.eventGateway('Gateway_OdrWait', '等待ODR企业', [4, B + 1]);
  c.messageCatch('Catch_OdrSettled', 'ODR企业反馈结果', [5, B + 1], 'Message_OdrSettled');
  c.timerCatch('Timer_OdrExpired', 'ODR期满（10个工作日）', [5, B + 2], 'timeDate', '=deadline.dueAt');
  c.xor('Gateway_OdrResult', '是否和解', [6, B + 1]);
  status(c, 'Task_OdrSettled', 'ODR和解', [7, B + 1], 'odr-settled');
  c.linkThrow('Link_OdrToReply', '转入答复', [8, B + 1], '答复');
  c.xor('Gateway_OdrFailed_Join', undefined, [6, B + 2]);
  c.xor('Gateway_Mediation_Start', undefined, [8, B]);
  c.rule('Task_TerminationGrounds', '载入终止调解情形', [9, B], 'termination_grounds', 'terminationGrounds');
  notice(c, 'Task_MediationNotice', '出具调解通知书', [10, B], 'mediation-notice');
  compute(c, 'Task_MediationDeadline', '计算调解时限', [11, B], 'complaint.mediate', { startedAt: '=acceptDecidedAt' });
  status(c, 'Task_Mediating', '调解中', [12, B], 'mediating');
  c.xor('Gateway_Mediation_Join', undefined, [13, B]);
  const m = c.sub('Sub_Mediation', '调解（限时）', [14, B], { doc: '第20号令：自受理之日起 45 个工作日内未达成协议的终止调解；第121号令：60 日。检测、鉴定期间不计入调解期限。' });
  m.start('Start_Mediation', '开始调解', [0, 0]);
  m.and('Fork_Mediation', undefined, [1, 0]);
  m.user('Task_MediationPlan', '确定调解方式', [2, 0], { formId: 'mediation-plan', candidateGroups: HANDLER, dueDate: '=deadline.dueAt' });
  m.xor('Gateway_MediationMethod', '调解方式', [3, 0]);
  m.user('Task_Mediate', '组织调解', [4, 0], { formId: 'mediation-record', candidateGroups: HANDLER, dueDate: '=deadline.dueAt' });
  m.xor('Gateway_Mediated_Join', undefined, [5, 0]);
  m.terminateEnd('End_Mediation', '调解结束', [6, 0]);
  notice(m, 'Task_EntrustLetter', '出具委托调解函', [3, 1], 'entrustment-letter');
  m.user('Task_EntrustedResult', '登记委托调解结果', [4, 1], { formId: 'mediation-record', candidateGroups: HANDLER, dueDate: '=deadline.dueAt' });
  watch(m, 'Call_MediationWatch', [2, 2]);
  m.end('End_MediationWatch', '督办结束', [3, 2]);
  m.chain('Start_Mediation', 'Fork_Mediation', 'Task_MediationPlan', 'Gateway_MediationMethod');
  m.flow('Gateway_MediationMethod', 'Task_Mediate', { name: '现场 / 电话', isDefault: true });
  m.flow('Gateway_MediationMethod', 'Task_EntrustLetter', { name: '委托消费者协会', condition: '=mediationMethod = "entrusted"' });
  m.flow('Task_Mediate', 'Gateway_Mediated_Join');
  m.flow('Task_EntrustLetter', 'Task_EntrustedResult');
  m.flow('Task_EntrustedResult', 'Gateway_Mediated_Join');
  m.flow('Gateway_Mediated_Join', 'End_Mediation');
  m.flow('Fork_Mediation', 'Call_MediationWatch');
  m.flow('Call_MediationWatch', 'End_MediationWatch');
  c.timerBoundary('Boundary_MediationExpired', '调解期满', 'Sub_Mediation', 0.93, 'timeDate', '=deadline.dueAt', true);
  c.script('Task_LimitExpired', '终止情形：调解期满', [22, B + 4], '="LIMIT_EXPIRED"', 'terminationGround', { outputs: { terminationGround: '=terminationGround', mediationResult: '="terminated"' } });
  c.xor('Gateway_MediationResult', '调解结果', [22, B]);
  c.user('Task_Appraisal', '检测鉴定', [22, B - 1], {
    formId: 'appraisal-record',
    candidateGroups: HANDLER,
    outputs: { pauses: '=append(if pauses = null then [] else pauses, {from: appraisalFrom, to: appraisalTo, org: appraisalOrg, result: appraisalResult})', appraisalResult: '=appraisalResult' },
    doc: '检测、鉴定期间不计入调解期限：登记起止日期，重新计算调解期满日。',
  });
  compute(c, 'Task_MediationResume', '重新计算调解时限', [21, B - 1], 'complaint.mediate', { startedAt: '=acceptDecidedAt' });
  notice(c, 'Task_Agreement', '制作调解书', [23, B], 'mediation-agreement');
  status(c, 'Task_Agreed', '达成调解协议', [24, B], 'agreed', { completes: 'complaint.mediate' });
  c.xor('Gateway_Termination_Join', undefined, [23, B + 3]);
  // The decision is dated on a working day (the limit can run out on a holiday); both parties
  // are told within 7 working days of it, under the same watch as every limit.
  notice(c, 'Task_TerminationNotice', '出具终止调解决定书', [24, B + 3], 'termination-decision', { dating: 'working-day' });
  compute(c, 'Task_NotifyTerminationDeadline', '计算终止告知时限', [25, B + 3], 'complaint.notifyTermination', { startedAt: '=noticeIssuedAt' });
  const n = c.sub('Sub_NotifyTermination', '告知终止调解（限时）', [26, B + 3], { doc: '自作出终止调解决定之日起 7 个工作日内告知双方当事人；决定书落款日之前不告知。' });
  n.start('Start_NotifyTermination', '开始告知', [0, 0]);
  n.and('Fork_NotifyTermination', undefined, [1, 0]);
  n.timerCatch('Timer_TerminationDated', '决定书落款日', [2, 0], 'timeDate', '=noticeIssuedAt');
  sms(n, 'Task_TerminationSms', '短信告知投诉人', [3, 0], 'terminated-sms');
  n.terminateEnd('End_NotifyTermination', '已告知', [4, 0]);
  watch(n, 'Call_NotifyTerminationWatch', [2, 1]);
  n.end('End_NotifyTerminationWatch', '督办结束', [3, 1]);
  n.chain('Start_NotifyTermination', 'Fork_NotifyTermination', 'Timer_TerminationDated', 'Task_TerminationSms', 'End_NotifyTermination');
  n.flow('Fork_NotifyTermination', 'Call_NotifyTerminationWatch');
  n.flow('Call_NotifyTerminationWatch', 'End_NotifyTerminationWatch');
  status(c, 'Task_Terminated', '已终止调解', [32, B + 3], 'terminated', { completes: 'complaint.notifyTermination' });
  c.xor('Gateway_Concluded_Join', undefined, [33, B]);
  c.rule('Task_CaseCriteria', '诉转案研判', [34, B], 'case_conversion', 'caseConversion', { outputs: { convertToCase: '=caseConversion.convert', caseConversionReason: '=caseConversion.reason' } });
  c.xor('Gateway_Convert', '是否诉转案', [35, B]);
  c.messageThrow('Throw_CaseClue', '移交诉转案', [36, B + 1], 'case.open', { doc: '由 case.open 作业登记案件线索，并发布 case.clue-found 消息启动“诉转案”流程；投诉撤回不影响案件。' });
  c.xor('Gateway_Convert_Join', undefined, [37, B]);
  c.linkThrow('Link_ToReply', '转入答复', [38, B], '答复');

  c.flow('Link_Mediation', 'Gateway_Odr');
  c.flow('Gateway_Odr', 'Gateway_Mediation_Start', { name: '否', isDefault: true });
  c.flow('Gateway_Odr', 'Task_OdrDeadline', { name: '是', condition: '=odrChosen = true' });
  c.chain('Task_OdrDeadline', 'Task_Odr', 'Gateway_OdrWait');
  c.flow('Gateway_OdrWait', 'Catch_OdrSettled');
  c.flow('Gateway_OdrWait', 'Timer_OdrExpired');
  c.flow('Catch_OdrSettled', 'Gateway_OdrResult');
  c.flow('Gateway_OdrResult', 'Task_OdrSettled', { name: '已和解', condition: '=odrSettled = true' });
  c.flow('Gateway_OdrResult', 'Gateway_OdrFailed_Join', { name: '未和解', isDefault: true });
  c.flow('Timer_OdrExpired', 'Gateway_OdrFailed_Join');
  c.flow('Task_OdrSettled', 'Link_OdrToReply');
  c.flow('Gateway_OdrFailed_Join', 'Gateway_Mediation_Start', { via: [[7.5, B + 2], [7.5, B + 0.5], [8, B + 0.5]], enter: 'bottom' });
  c.chain('Gateway_Mediation_Start', 'Task_TerminationGrounds', 'Task_MediationNotice', 'Task_MediationDeadline', 'Task_Mediating', 'Gateway_Mediation_Join', 'Sub_Mediation', 'Gateway_MediationResult');
  c.flow('Gateway_MediationResult', 'Task_Agreement', { name: '达成协议', condition: '=mediationResult = "agreement"' });
  c.flow('Gateway_MediationResult', 'Gateway_Termination_Join', { name: '终止调解', isDefault: true, via: [[22, B + 3]] });
  c.flow('Gateway_MediationResult', 'Task_Appraisal', { name: '需检测鉴定', condition: '=mediationResult = "appraisal"' });
  c.flow('Task_Appraisal', 'Task_MediationResume');
  c.flow('Task_MediationResume', 'Gateway_Mediation_Join', { via: [[13, B - 1]] });
  c.flow('Boundary_MediationExpired', 'Task_LimitExpired');
  c.flow('Task_LimitExpired', 'Gateway_Termination_Join');
  c.flow('Gateway_Termination_Join', 'Task_TerminationNotice');
  c.chain('Task_Agreement', 'Task_Agreed', 'Gateway_Concluded_Join');
  c.chain('Task_TerminationNotice', 'Task_NotifyTerminationDeadline', 'Sub_NotifyTermination', 'Task_Terminated', 'Gateway_Concluded_Join');
  c.chain('Gateway_Concluded_Join', 'Task_CaseCriteria', 'Gateway_Convert');
  c.flow('Gateway_Convert', 'Gateway_Convert_Join', { name: '否', isDefault: true });
  c.flow('Gateway_Convert', 'Throw_CaseClue', { name: '是', condition: '=convertToCase = true' });
  c.flow('Throw_CaseClue', 'Gateway_Convert_Join');
  c.flow('Gateway_Convert_Join', 'Link_ToReply');

  // Band C: complex cases, reply, visit, reopen, close.
  const C = 14;
  c.linkCatch('Link_Reply', '答复', [0, C], '答复');
  c.rule('Task_ComplexCriteria', '复杂疑难研判', [1, C], 'complex_case', 'complexity', { outputs: { complex: '=complexity.complex', complexReason: '=complexity.reason' } });
  c.xor('Gateway_Complex', '是否复杂疑难', [2, C]);
  c.user('Task_Consultation', '会商研判', [3, C + 1], { formId: 'case-consultation', candidateGroups: role('deputy-leader'), doc: '分管领导牵头，法制组、承办人参加；会商后答复，必要时由分管领导答复。' });
  c.xor('Gateway_Complex_Join', undefined, [4, C]);
  c.user('Task_Reply', '答复投诉人', [5, C], { formId: 'complaint-reply', candidateGroups: '=if replyByLeader = true then "dept:" + bureau + ":role:deputy-leader" else "dept:" + department' });
  c.xor('Gateway_Hotline', '是否12345工单', [6, C]);
  c.service('Task_HotlineReply', '回复12345平台', [7, C + 1], 'hotline.reply', { doc: '把办理结果回复市12345平台（外部编号见工单）。' });
  c.xor('Gateway_Hotline_Join', undefined, [8, C]);
  status(c, 'Task_Replied', '已答复', [9, C], 'replied', { completes: 'complaint.mediate' });
  c.user('Task_Visit', '回访', [10, C], { formId: 'follow-up-visit', candidateGroups: role('supervisor') });
  c.xor('Gateway_Satisfied', '回访结果', [11, C]);
  c.call('Call_Reopen', '重办升级', [12, C + 1], 'reopen_escalation', {
    propagateParent: false,
    propagateChild: false,
    inputs: { ticketId: '=ticketId', ticketNo: '=ticketNo', kind: '=kind', channel: '=channel', receivedAt: '=receivedAt', department: '=department', bureau: '=bureau', reopenReason: '="回访不满意"' },
    outputs: { reopenCount: '=reopenCount', satisfaction: '=satisfaction' },
  });
  c.xor('Gateway_Satisfied_Join', undefined, [13, C]);
  status(c, 'Task_Closed', '办结', [14, C], 'closed');
  c.end('End_Closed', '办结', [15, C]);
  c.chain('Link_Reply', 'Task_ComplexCriteria', 'Gateway_Complex');
  c.flow('Gateway_Complex', 'Gateway_Complex_Join', { name: '否', isDefault: true });
  c.flow('Gateway_Complex', 'Task_Consultation', { name: '是', condition: '=complex = true' });
  c.flow('Task_Consultation', 'Gateway_Complex_Join');
  c.chain('Gateway_Complex_Join', 'Task_Reply', 'Gateway_Hotline');
  c.flow('Gateway_Hotline', 'Gateway_Hotline_Join', { name: '否', isDefault: true });
  c.flow('Gateway_Hotline', 'Task_HotlineReply', { name: '是', condition: '=channel = "12345"' });
  c.flow('Task_HotlineReply', 'Gateway_Hotline_Join');
  c.chain('Gateway_Hotline_Join', 'Task_Replied', 'Task_Visit', 'Gateway_Satisfied');
  c.flow('Gateway_Satisfied', 'Gateway_Satisfied_Join', { name: '满意 / 一般', isDefault: true });
  c.flow('Gateway_Satisfied', 'Call_Reopen', { name: '不满意', condition: '=satisfaction = "unsatisfied"' });
  c.flow('Call_Reopen', 'Gateway_Satisfied_Join');
  c.chain('Gateway_Satisfied_Join', 'Task_Closed', 'End_Closed');

  // Withdrawal at any time.
  const w = c.sub('Sub_Withdrawn', '投诉人撤诉', [0, C + 3], { eventSub: true });
  w.messageStart('Start_Withdrawn', '投诉人撤回投诉', [0, 0], 'Message_Withdrew', true);
  w.xor('Gateway_WasAccepted', '是否已受理', [1, 0]);
  w.script('Task_WithdrawGround', '终止情形：撤回投诉', [2, 0], '="WITHDRAWN_OR_SETTLED"', 'terminationGround');
  notice(w, 'Task_WithdrawNotice', '出具终止调解决定书', [3, 0], 'termination-decision', { dating: 'working-day' });
  w.xor('Gateway_Withdrawn_Join', undefined, [4, 0]);
  status(w, 'Task_Withdrawn', '已撤诉', [5, 0], 'withdrawn');
  w.end('End_Withdrawn', '撤诉办结', [6, 0]);
  w.chain('Start_Withdrawn', 'Gateway_WasAccepted');
  w.flow('Gateway_WasAccepted', 'Task_WithdrawGround', { name: '已受理', condition: '=acceptDecision = "accept"' });
  w.flow('Gateway_WasAccepted', 'Gateway_Withdrawn_Join', { name: '未受理', isDefault: true, via: [[1, 1], [4, 1]] });
  w.chain('Task_WithdrawGround', 'Task_WithdrawNotice', 'Gateway_Withdrawn_Join', 'Task_Withdrawn', 'End_Withdrawn');
  return p;
}

// ---------------------------------------------------------------------------------------------
// 举报核查

function reportVerification(): Model {
  const p = new Model('report_verification', '举报核查', '举报工单：校验补全（可匿名）→ 职业举报人来信先经法制审核 → 规则分派 → 核查立案（15个工作日，经负责人批准可延长15个工作日）→ 实名举报人 5 个工作日内告知结果，匿名不告知 → 立案的转入立案查处。');
  const c = p.root;
  c.start('Start_Report', '收到举报', [0, 0]);
  c.flow('Start_Report', 'Gateway_Validate_Join');
  registration(p, c, '举报');
  c.xor('Gateway_Professional', '是否职业举报人来信', [7, 0]);
  c.user('Task_LegalReview', '法制审核', [8, 1], { formId: 'legal-review', candidateGroups: 'role:legal', doc: '职业索赔、职业举报人的信件类举报，一口受理后统一交政策法规机构审核。' });
  c.xor('Gateway_LegalOpinion', '审核意见', [9, 1]);
  status(c, 'Task_NotHandled', '不予处理', [9, 2], 'not-handled');
  c.end('End_NotHandled', '不予处理办结', [10, 2]);
  c.xor('Gateway_Professional_Join', undefined, [10, 0]);
  c.flow('Gateway_Duplicate_Join', 'Gateway_Professional');
  c.flow('Gateway_Professional', 'Gateway_Professional_Join', { name: '否', isDefault: true });
  c.flow('Gateway_Professional', 'Task_LegalReview', { name: '是', condition: '=professionalClaimant = true and channel = "letter"' });
  c.flow('Task_LegalReview', 'Gateway_LegalOpinion');
  c.flow('Gateway_LegalOpinion', 'Gateway_Professional_Join', { name: '按举报处理', isDefault: true });
  c.flow('Gateway_LegalOpinion', 'Task_NotHandled', { name: '不予处理', condition: '=legalOpinion = "not-handle"' });
  c.flow('Task_NotHandled', 'End_NotHandled');
  c.flow('Gateway_Professional_Join', 'Task_Routing');
  routing(c, 11);
  compute(c, 'Task_VerifyDeadline', '计算核查时限', [15, 0], 'report.verify', { startedAt: '=receivedAt' });
  c.call('Call_Verify', '核查立案', [16, 0], 'clue_verification', {
    propagateParent: false,
    propagateChild: false,
    inputs: { ticketId: '=ticketId', ticketNo: '=ticketNo', kind: '=kind', receivedAt: '=receivedAt', department: '=department', bureau: '=bureau', deadline: '=deadline' },
    outputs: { filingDecision: '=filingDecision', filingOpinion: '=filingOpinion', decidedAt: '=decidedAt' },
  });
  c.xor('Gateway_Anonymous', '是否实名举报', [17, 0]);
  compute(c, 'Task_NotifyReporterDeadline', '计算告知时限', [18, 0], 'report.notifyReporter', { startedAt: '=decidedAt' });
  const n = c.sub('Sub_NotifyReporter', '告知举报人（限时）', [19, 0], { doc: '作出是否立案决定之日起 5 个工作日内告知实名举报人。' });
  n.start('Start_NotifyReporter', '开始告知', [0, 0]);
  n.and('Fork_NotifyReporter', undefined, [1, 0]);
  notice(n, 'Task_ReporterNotice', '告知举报人', [2, 0], 'report-result');
  sms(n, 'Task_ReporterSms', '短信告知举报人', [3, 0], 'report-result-sms');
  n.terminateEnd('End_NotifyReporter', '已告知', [4, 0]);
  watch(n, 'Call_NotifyReporterWatch', [2, 1]);
  n.end('End_NotifyReporterWatch', '督办结束', [3, 1]);
  n.chain('Start_NotifyReporter', 'Fork_NotifyReporter', 'Task_ReporterNotice', 'Task_ReporterSms', 'End_NotifyReporter');
  n.flow('Fork_NotifyReporter', 'Call_NotifyReporterWatch');
  n.flow('Call_NotifyReporterWatch', 'End_NotifyReporterWatch');
  c.xor('Gateway_Anonymous_Join', undefined, [25, 0]);
  status(c, 'Task_ReportClosed', '举报办结', [26, 0], 'closed');
  c.xor('Gateway_Filed', '是否立案', [27, 0]);
  c.service('Task_CreateCase', '立案登记', [28, 0], 'case.create');
  c.call('Call_CaseProcedure', '立案查处', [29, 0], 'case_procedure', {
    propagateParent: false,
    propagateChild: false,
    inputs: { ticketId: '=ticketId', ticketNo: '=ticketNo', kind: '=kind', receivedAt: '=receivedAt', department: '=department', bureau: '=bureau', caseId: '=caseId', caseNo: '=caseNo' },
    outputs: { caseDecision: '=caseDecision' },
  });
  c.end('End_Case', '案件办结', [30, 0]);
  c.end('End_NotFiled', '不予立案办结', [28, 1]);
  c.chain('Task_Dispatched', 'Task_VerifyDeadline', 'Call_Verify', 'Gateway_Anonymous');
  c.flow('Gateway_Anonymous', 'Task_NotifyReporterDeadline', { name: '实名', isDefault: true });
  c.flow('Gateway_Anonymous', 'Gateway_Anonymous_Join', { name: '匿名', condition: '=anonymous = true', via: [[17, 2], [25, 2]] });
  c.chain('Task_NotifyReporterDeadline', 'Sub_NotifyReporter', 'Gateway_Anonymous_Join', 'Task_ReportClosed', 'Gateway_Filed');
  c.flow('Gateway_Filed', 'Task_CreateCase', { name: '立案', condition: '=filingDecision = "file"' });
  c.flow('Gateway_Filed', 'End_NotFiled', { name: '不予立案', isDefault: true });
  c.chain('Task_CreateCase', 'Call_CaseProcedure', 'End_Case');
  return p;
}

// ---------------------------------------------------------------------------------------------
// 核查立案（举报、诉转案共用）

function clueVerification(): Model {
  const p = new Model('clue_verification', '核查立案', '对举报或调解中发现的违法线索核查并由负责人决定是否立案。调用方先按 report.verify（自收到举报之日起）或 complaint.verifyClue（自发现线索之日起）计算 deadline：15 个工作日，特殊情况经负责人批准可延长 15 个工作日（《市场监督管理行政处罚程序规定》第十八条；第20号令第二十三条）。');
  const c = p.root;
  c.start('Start_Verify', '开始核查', [0, 0]);
  c.xor('Gateway_Verify_Join', undefined, [1, 0]);
  const v = c.sub('Sub_Verify', '核查与立案决定（限时）', [2, 0], { outputs: { decidedAt: '=now()' } });
  v.start('Start_VerifyStep', '开始', [0, 0]);
  v.and('Fork_Verify', undefined, [1, 0]);
  v.user('Task_Verify', '核查线索', [2, 0], { formId: 'clue-verification', candidateGroups: HANDLER, dueDate: '=deadline.dueAt' });
  v.xor('Gateway_Extension', '是否申请延期', [3, 0]);
  v.terminateEnd('End_ExtensionRequested', '申请延期', [3, 1]);
  v.user('Task_FilingApproval', '立案审批', [4, 0], { formId: 'filing-approval', candidateGroups: role('deputy-leader'), dueDate: '=deadline.dueAt' });
  v.terminateEnd('End_Verified', '核查完毕', [5, 0]);
  watch(v, 'Call_VerifyWatch', [2, 2]);
  v.end('End_VerifyWatch', '督办结束', [3, 2]);
  v.chain('Start_VerifyStep', 'Fork_Verify', 'Task_Verify', 'Gateway_Extension');
  v.flow('Gateway_Extension', 'End_ExtensionRequested', { name: '申请延期', condition: '=extensionRequested = true and deadline.extended != true' });
  v.flow('Gateway_Extension', 'Task_FilingApproval', { name: '核查完毕', isDefault: true });
  v.flow('Task_FilingApproval', 'End_Verified');
  v.flow('Fork_Verify', 'Call_VerifyWatch');
  v.flow('Call_VerifyWatch', 'End_VerifyWatch');
  c.xor('Gateway_ExtensionRequested', '是否申请延期', [9, 0]);
  c.end('End_Verify', '核查完毕', [10, 0]);
  c.user('Task_ExtensionApproval', '延期审批', [9, 4], { formId: 'extension-approval', candidateGroups: role('deputy-leader'), dueDate: '=deadline.dueAt' });
  c.xor('Gateway_ExtensionApproved', '是否批准', [8, 4]);
  c.service('Task_ExtendDeadline', '延长核查时限', [7, 4], 'deadline.extend', { doc: '按时限规则的可延长期限（15 + 15 个工作日）重新计算 deadline。' });
  c.xor('Gateway_Extension_Join', undefined, [6, 4]);
  c.chain('Start_Verify', 'Gateway_Verify_Join', 'Sub_Verify', 'Gateway_ExtensionRequested');
  c.flow('Gateway_ExtensionRequested', 'End_Verify', { name: '否', isDefault: true });
  c.flow('Gateway_ExtensionRequested', 'Task_ExtensionApproval', { name: '是', condition: '=extensionRequested = true and deadline.extended != true' });
  c.flow('Task_ExtensionApproval', 'Gateway_ExtensionApproved');
  c.flow('Gateway_ExtensionApproved', 'Task_ExtendDeadline', { name: '批准', condition: '=extensionDecision = "approved"' });
  c.flow('Gateway_ExtensionApproved', 'Gateway_Extension_Join', { name: '不批准', isDefault: true, via: [[8, 5], [6, 5]] });
  c.flow('Task_ExtendDeadline', 'Gateway_Extension_Join');
  c.flow('Gateway_Extension_Join', 'Gateway_Verify_Join', { via: [[1, 4]] });
  return p;
}

// ---------------------------------------------------------------------------------------------
// 诉转案

function caseConversion(): Model {
  const p = new Model('case_conversion', '诉转案', '处理投诉中发现涉嫌违法线索的，转为案件线索：核查立案 → 立案查处。由 case.open 作业发布 case.clue-found 消息启动，也可由人工登记线索后发布该消息启动。');
  p.message('Message_CaseClue', 'case.clue-found');
  const c = p.root;
  c.messageStart('Start_Clue', '收到诉转案线索', [0, 0], 'Message_CaseClue');
  status(c, 'Task_ClueRegistered', '登记案件线索', [1, 0], 'case-clue');
  compute(c, 'Task_VerifyDeadline', '计算核查时限', [2, 0], 'complaint.verifyClue', { startedAt: '=discoveredAt' });
  c.call('Call_Verify', '核查立案', [3, 0], 'clue_verification', {
    propagateParent: false,
    propagateChild: false,
    inputs: { ticketId: '=ticketId', ticketNo: '=ticketNo', kind: '="complaint"', receivedAt: '=receivedAt', department: '=department', bureau: '=bureau', deadline: '=deadline', clue: '=clue' },
    outputs: { filingDecision: '=filingDecision', filingOpinion: '=filingOpinion', decidedAt: '=decidedAt' },
  });
  c.xor('Gateway_Filed', '是否立案', [4, 0]);
  c.service('Task_CreateCase', '立案登记', [5, 0], 'case.create');
  c.call('Call_CaseProcedure', '立案查处', [6, 0], 'case_procedure', {
    propagateParent: false,
    propagateChild: false,
    inputs: { ticketId: '=ticketId', ticketNo: '=ticketNo', kind: '="complaint"', receivedAt: '=receivedAt', department: '=department', bureau: '=bureau', caseId: '=caseId', caseNo: '=caseNo' },
    outputs: { caseDecision: '=caseDecision' },
  });
  c.end('End_Case', '案件办结', [7, 0]);
  c.service('Task_NotFiled', '记录不予立案', [5, 1], 'audit.record', { headers: { action: 'case-not-filed' } });
  c.end('End_NotFiled', '不予立案', [6, 1]);
  c.chain('Start_Clue', 'Task_ClueRegistered', 'Task_VerifyDeadline', 'Call_Verify', 'Gateway_Filed');
  c.flow('Gateway_Filed', 'Task_CreateCase', { name: '立案', condition: '=filingDecision = "file"' });
  c.flow('Gateway_Filed', 'Task_NotFiled', { name: '不予立案', isDefault: true });
  c.chain('Task_CreateCase', 'Call_CaseProcedure', 'End_Case');
  c.flow('Task_NotFiled', 'End_NotFiled');
  return p;
}

// ---------------------------------------------------------------------------------------------
// 立案查处

function caseProcedure(): Model {
  const p = new Model('case_procedure', '立案查处', '立案后按普通程序办理：调查取证 → 法制审核 → 行政处罚告知 → 陈述申辩/听证（告知后 5 个工作日内提出）→ 处理决定（处罚/不予处罚/移送）→ 送达 → 执行 → 结案 → 公示。自立案之日起 90 日内作出处理决定，经负责人批准可延长 30 日。');
  p.message('Message_Statement', 'case.statement', '=caseId');
  const c = p.root;
  const R = 1;
  c.start('Start_Case', '立案', [0, R]);
  compute(c, 'Task_CaseDeadline', '计算办案期限', [1, R], 'case.decide', { startedAt: '=now()' });
  c.xor('Gateway_Case_Join', undefined, [2, R]);
  const s = c.sub('Sub_Investigate', '调查与处理决定（限时）', [3, R], { outputs: { decidedAt: '=now()' } });
  s.start('Start_Investigate', '开始调查', [0, 1]);
  s.and('Fork_Investigate', undefined, [1, 1]);
  s.user('Task_Investigate', '调查取证', [2, 1], { formId: 'case-investigation', candidateGroups: HANDLER, dueDate: '=deadline.dueAt' });
  s.xor('Gateway_CaseExtension', '是否申请延期', [3, 1]);
  s.terminateEnd('End_CaseExtension', '申请延期', [3, 2]);
  s.user('Task_CaseLegalReview', '法制审核', [4, 1], { formId: 'case-legal-review', candidateGroups: role('legal'), dueDate: '=deadline.dueAt' });
  s.xor('Gateway_Proposed', '拟处理意见', [5, 1]);
  notice(s, 'Task_PriorNotice', '行政处罚告知', [6, 1], 'penalty-prior-notice');
  compute(s, 'Task_StatementDeadline', '计算陈述申辩期限', [7, 1], 'case.statement', { startedAt: '=now()' }, { statementDeadline: '=deadline' });
  s.eventGateway('Gateway_StatementWait', '等待当事人', [8, 1]);
  s.messageCatch('Catch_Statement', '收到陈述申辩或听证申请', [9, 1], 'Message_Statement');
  s.timerCatch('Timer_StatementExpired', '5个工作日届满', [9, 2], 'timeDate', '=statementDeadline.dueAt');
  s.xor('Gateway_Statement_Join', undefined, [10, 1]);
  s.xor('Gateway_Hearing', '是否要求听证', [11, 1]);
  s.user('Task_Hearing', '组织听证', [12, 2], { formId: 'hearing-record', candidateGroups: role('legal') });
  s.xor('Gateway_Decide_Join', undefined, [13, 1]);
  s.user('Task_Decision', '作出处理决定', [14, 1], { formId: 'penalty-decision', candidateGroups: role('deputy-leader'), dueDate: '=deadline.dueAt' });
  s.terminateEnd('End_Decided', '已作出决定', [15, 1]);
  watch(s, 'Call_CaseWatch', [2, 3]);
  s.end('End_CaseWatch', '督办结束', [3, 3]);
  s.chain('Start_Investigate', 'Fork_Investigate', 'Task_Investigate', 'Gateway_CaseExtension');
  s.flow('Gateway_CaseExtension', 'End_CaseExtension', { name: '申请延期', condition: '=extensionRequested = true and deadline.extended != true' });
  s.flow('Gateway_CaseExtension', 'Task_CaseLegalReview', { name: '调查终结', isDefault: true });
  s.flow('Task_CaseLegalReview', 'Gateway_Proposed');
  s.flow('Gateway_Proposed', 'Task_PriorNotice', { name: '拟处罚', condition: '=proposedOutcome = "penalty"' });
  s.flow('Gateway_Proposed', 'Gateway_Decide_Join', { name: '拟不予处罚 / 移送', isDefault: true, via: [[5, 0], [13, 0]] });
  s.chain('Task_PriorNotice', 'Task_StatementDeadline', 'Gateway_StatementWait');
  s.flow('Gateway_StatementWait', 'Catch_Statement');
  s.flow('Gateway_StatementWait', 'Timer_StatementExpired');
  s.flow('Catch_Statement', 'Gateway_Statement_Join');
  s.flow('Timer_StatementExpired', 'Gateway_Statement_Join');
  s.flow('Gateway_Statement_Join', 'Gateway_Hearing');
  s.flow('Gateway_Hearing', 'Gateway_Decide_Join', { name: '否', isDefault: true });
  s.flow('Gateway_Hearing', 'Task_Hearing', { name: '是', condition: '=statementType = "hearing"' });
  s.flow('Task_Hearing', 'Gateway_Decide_Join');
  s.chain('Gateway_Decide_Join', 'Task_Decision', 'End_Decided');
  s.flow('Fork_Investigate', 'Call_CaseWatch');
  s.flow('Call_CaseWatch', 'End_CaseWatch');

  c.xor('Gateway_CaseExtensionRequested', '是否申请延期', [20, R]);
  c.xor('Gateway_Decision', '处理决定', [21, R]);
  notice(c, 'Task_PenaltyDecision', '出具行政处罚决定书', [22, R], 'penalty-decision');
  notice(c, 'Task_NoPenaltyDecision', '出具不予行政处罚决定书', [22, R + 1], 'no-penalty-decision');
  c.xor('Gateway_Notice_Join', undefined, [23, R]);
  c.user('Task_Serve', '送达', [24, R], { formId: 'service-record', candidateGroups: HANDLER });
  c.xor('Gateway_Enforce', '是否需要执行', [25, R]);
  c.user('Task_Enforce', '执行', [26, R], { formId: 'enforcement-record', candidateGroups: HANDLER });
  c.xor('Gateway_Enforce_Join', undefined, [27, R]);
  c.user('Task_CloseCase', '结案审批', [28, R], { formId: 'case-closing', candidateGroups: role('deputy-leader') });
  c.service('Task_Publish', '案件信息公示', [29, R], 'case.publish', { doc: '行政处罚信息依法通过国家企业信用信息公示系统公示。' });
  c.end('End_CaseClosed', '结案', [30, R]);
  notice(c, 'Task_TransferLetter', '出具案件移送函', [22, R - 1], 'case-transfer-letter');
  c.service('Task_Transferred', '记录移送', [23, R - 1], 'case.close', { headers: { result: 'transferred' } });
  c.end('End_Transferred', '已移送', [24, R - 1]);
  c.user('Task_CaseExtensionApproval', '延期审批', [20, R + 5], { formId: 'extension-approval', candidateGroups: role('deputy-leader'), dueDate: '=deadline.dueAt' });
  c.xor('Gateway_CaseExtensionApproved', '是否批准', [19, R + 5]);
  c.service('Task_ExtendCaseDeadline', '延长办案期限', [18, R + 5], 'deadline.extend', { doc: '按时限规则的可延长期限（90日 + 30日）重新计算 deadline。' });
  c.xor('Gateway_CaseExtension_Join', undefined, [17, R + 5]);

  c.chain('Start_Case', 'Task_CaseDeadline', 'Gateway_Case_Join', 'Sub_Investigate', 'Gateway_CaseExtensionRequested');
  c.flow('Gateway_CaseExtensionRequested', 'Gateway_Decision', { name: '否', isDefault: true });
  c.flow('Gateway_CaseExtensionRequested', 'Task_CaseExtensionApproval', { name: '是', condition: '=extensionRequested = true and deadline.extended != true' });
  c.flow('Task_CaseExtensionApproval', 'Gateway_CaseExtensionApproved');
  c.flow('Gateway_CaseExtensionApproved', 'Task_ExtendCaseDeadline', { name: '批准', condition: '=extensionDecision = "approved"' });
  c.flow('Gateway_CaseExtensionApproved', 'Gateway_CaseExtension_Join', { name: '不批准', isDefault: true, via: [[19, R + 6], [17, R + 6]] });
  c.flow('Task_ExtendCaseDeadline', 'Gateway_CaseExtension_Join');
  c.flow('Gateway_CaseExtension_Join', 'Gateway_Case_Join', { via: [[2, R + 5]] });
  c.flow('Gateway_Decision', 'Task_PenaltyDecision', { name: '处罚', isDefault: true });
  c.flow('Gateway_Decision', 'Task_NoPenaltyDecision', { name: '不予处罚', condition: '=caseDecision = "no-penalty"', via: [[21, R + 1]] });
  c.flow('Gateway_Decision', 'Task_TransferLetter', { name: '移送', condition: '=caseDecision = "transfer"', via: [[21, R - 1]] });
  c.flow('Task_PenaltyDecision', 'Gateway_Notice_Join');
  c.flow('Task_NoPenaltyDecision', 'Gateway_Notice_Join');
  c.chain('Gateway_Notice_Join', 'Task_Serve', 'Gateway_Enforce');
  c.flow('Gateway_Enforce', 'Task_Enforce', { name: '处罚', condition: '=caseDecision = "penalty"' });
  c.flow('Gateway_Enforce', 'Gateway_Enforce_Join', { name: '不予处罚', isDefault: true, via: [[25, R + 1], [27, R + 1]] });
  c.flow('Task_Enforce', 'Gateway_Enforce_Join');
  c.chain('Gateway_Enforce_Join', 'Task_CloseCase', 'Task_Publish', 'End_CaseClosed');
  c.chain('Task_TransferLetter', 'Task_Transferred', 'End_Transferred');
  return p;
}

// ---------------------------------------------------------------------------------------------
// 重办升级

function reopenEscalation(): Model {
  const p = new Model('reopen_escalation', '重办升级', '12345 平台退回或回访不满意的工单重办：第1次由执法大队热线服务中心牵头，第2次由分管领导牵头，第3次及以上由主要领导牵头（规则表 reopen_lead）；领导签发答复后再次回访。');
  p.message('Message_Reopened', 'ticket.reopened');
  const c = p.root;
  c.messageStart('Start_Reopened', '12345平台退回重办', [0, 0], 'Message_Reopened');
  c.start('Start_Unsatisfied', '回访不满意', [0, 1]);
  c.xor('Gateway_Start_Join', undefined, [1, 0]);
  c.xor('Gateway_Again_Join', undefined, [2, 0]);
  c.service('Task_CountReopen', '重办登记', [3, 0], 'ticket.reopen', { doc: '重办次数加一并记入工单，返回 reopenCount。' });
  c.rule('Task_ReopenLead', '确定牵头领导', [4, 0], 'reopen_lead', 'reopenLead');
  status(c, 'Task_Reopened', '重办中', [5, 0], 'reopened');
  compute(c, 'Task_ReopenDeadline', '计算重办时限', [6, 0], 'reopen.handle', { startedAt: '=now()' });
  const l = c.sub('Sub_Lead', '领导牵头重办（限时）', [7, 0]);
  l.start('Start_Lead', '开始重办', [0, 0]);
  l.and('Fork_Lead', undefined, [1, 0]);
  l.user('Task_LeadReopen', '牵头重办并签发答复', [2, 0], { formId: 'reopen-lead', candidateGroups: '="dept:" + bureau + ":role:" + reopenLead.leadRole', dueDate: '=deadline.dueAt', priority: '=if reopenCount >= 3 then 90 else 70' });
  l.terminateEnd('End_Lead', '已签发答复', [3, 0]);
  watch(l, 'Call_ReopenWatch', [2, 1]);
  l.end('End_ReopenWatch', '督办结束', [3, 1]);
  l.chain('Start_Lead', 'Fork_Lead', 'Task_LeadReopen', 'End_Lead');
  l.flow('Fork_Lead', 'Call_ReopenWatch');
  l.flow('Call_ReopenWatch', 'End_ReopenWatch');
  c.xor('Gateway_Hotline', '是否12345工单', [12, 0]);
  c.service('Task_HotlineReply', '回复12345平台', [13, 1], 'hotline.reply');
  c.xor('Gateway_Hotline_Join', undefined, [14, 0]);
  c.user('Task_Revisit', '再次回访', [15, 0], { formId: 'follow-up-visit', candidateGroups: role('supervisor') });
  c.xor('Gateway_Revisit', '回访结果', [16, 0]);
  status(c, 'Task_ReopenClosed', '办结', [17, 0], 'closed');
  c.end('End_ReopenClosed', '重办办结', [18, 0]);
  c.flow('Start_Reopened', 'Gateway_Start_Join');
  c.flow('Start_Unsatisfied', 'Gateway_Start_Join');
  c.chain('Gateway_Start_Join', 'Gateway_Again_Join', 'Task_CountReopen', 'Task_ReopenLead', 'Task_Reopened', 'Task_ReopenDeadline', 'Sub_Lead', 'Gateway_Hotline');
  c.flow('Gateway_Hotline', 'Gateway_Hotline_Join', { name: '否', isDefault: true });
  c.flow('Gateway_Hotline', 'Task_HotlineReply', { name: '是', condition: '=channel = "12345"' });
  c.flow('Task_HotlineReply', 'Gateway_Hotline_Join');
  c.chain('Gateway_Hotline_Join', 'Task_Revisit', 'Gateway_Revisit');
  c.flow('Gateway_Revisit', 'Task_ReopenClosed', { name: '满意 / 一般', isDefault: true });
  c.flow('Gateway_Revisit', 'Gateway_Again_Join', { name: '不满意', condition: '=satisfaction = "unsatisfied"', via: [[16, 3], [2, 3]] });
  c.flow('Task_ReopenClosed', 'End_ReopenClosed');
  return p;
}

// ---------------------------------------------------------------------------------------------
// 时限督办

function deadlineWatch(): Model {
  const p = new Model('deadline_watch', '时限督办', '在限时步骤旁运行（调用活动），由 deadline.compute 算出的时刻触发：剩余≤3个工作日发企业微信群预警，≤2个工作日平台催办承办人，到期当日督办员电话催办，超期出具催办通知书抄送分管领导并列入督办清单。步骤完成时随所在子流程终止。');
  const c = p.root;
  c.start('Start_Watch', '开始督办', [0, 0]);
  c.and('Fork_Watch', undefined, [1, 0]);
  c.timerCatch('Timer_Remind3', '剩余3个工作日', [2, 0], 'timeDate', '=deadline.remindAt3');
  c.service('Task_Wecom', '企业微信群预警', [3, 0], 'notify.send', { headers: { channel: 'wecom', template: 'deadline-warning' } });
  c.end('End_Wecom', '已预警', [4, 0]);
  c.timerCatch('Timer_Remind2', '剩余2个工作日', [2, 1], 'timeDate', '=deadline.remindAt2');
  c.service('Task_PlatformReminder', '平台催办承办人', [3, 1], 'notify.send', { headers: { channel: 'platform', template: 'deadline-reminder', recipient: 'handler' } });
  c.end('End_PlatformReminder', '已催办', [4, 1]);
  c.timerCatch('Timer_DueToday', '到期当日', [2, 2], 'timeDate', '=deadline.dueDayStart');
  c.user('Task_PhoneReminder', '电话催办', [3, 2], { formId: 'phone-reminder', candidateGroups: role('supervisor'), dueDate: '=deadline.dueAt', priority: '80' });
  c.end('End_PhoneReminder', '已电话催办', [4, 2]);
  c.timerCatch('Timer_Overdue', '已超期', [2, 3], 'timeDate', '=deadline.dueAt');
  c.xor('Gateway_HardLimit', '期满是否依法终止', [3, 3]);
  c.end('End_HardLimit', '依法终止，不催办', [3, 4]);
  notice(c, 'Task_UrgeNotice', '出具催办通知书', [4, 3], 'urge-notice');
  c.service('Task_CopyLeader', '抄送分管领导', [5, 3], 'notify.send', { headers: { channel: 'platform', template: 'urge-notice-copy', recipient: 'deputy-leader' } });
  c.service('Task_Supervise', '列入督办清单', [6, 3], 'supervision.list', { headers: { reason: 'overdue' } });
  c.end('End_Supervised', '已列入督办', [7, 3]);
  c.flow('Start_Watch', 'Fork_Watch');
  c.flow('Fork_Watch', 'Timer_Remind3');
  c.flow('Fork_Watch', 'Timer_Remind2');
  c.flow('Fork_Watch', 'Timer_DueToday');
  c.flow('Fork_Watch', 'Timer_Overdue');
  c.chain('Timer_Remind3', 'Task_Wecom', 'End_Wecom');
  c.chain('Timer_Remind2', 'Task_PlatformReminder', 'End_PlatformReminder');
  c.chain('Timer_DueToday', 'Task_PhoneReminder', 'End_PhoneReminder');
  c.chain('Timer_Overdue', 'Gateway_HardLimit');
  c.flow('Gateway_HardLimit', 'End_HardLimit', { name: '是', condition: '=deadline.hardLimit = true' });
  c.flow('Gateway_HardLimit', 'Task_UrgeNotice', { name: '否', isDefault: true });
  c.chain('Task_UrgeNotice', 'Task_CopyLeader', 'Task_Supervise', 'End_Supervised');
  return p;
}

export const MODELS: Record<string, () => Model> = {
  'complaint-handling.bpmn': complaintHandling,
  'report-verification.bpmn': reportVerification,
  'clue-verification.bpmn': clueVerification,
  'case-conversion.bpmn': caseConversion,
  'case-procedure.bpmn': caseProcedure,
  'reopen-escalation.bpmn': reopenEscalation,
  'deadline-watch.bpmn': deadlineWatch,
};

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [file, build] of Object.entries(MODELS)) {
    const xml = build().toXml();
    writeFileSync(path.join(OUT, file), xml);
    console.log(`wrote processes/${file}`);
  }
}
