// Writes the form-js forms of forms/ (one per formId the user tasks link to). Dev tool, like
// build-models.ts: the .form files are the source of truth once edited in the form editor.
//   npx tsx processes/tools/build-forms.ts

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'forms');

type Component = Record<string, unknown>;
type Values = Array<[string, string]>;
interface Common {
  required?: boolean;
  hide?: string;
  description?: string;
  defaultValue?: unknown;
  readonly?: boolean;
  columns?: number;
}

let n = 0;
let row = 0;
let pairOpen = false;
function base(type: string, key: string | undefined, label: string | undefined, o: Common, extra: Component = {}, validate: Component = {}): Component {
  n += 1;
  if (!(o.columns && pairOpen)) row += 1;
  pairOpen = Boolean(o.columns) && !pairOpen;
  const c: Component = { type, id: `Field_${key ?? type}_${n.toString(36)}` };
  if (label !== undefined) c.label = label;
  if (key) c.key = key;
  if (o.description) c.description = o.description;
  if (o.defaultValue !== undefined) c.defaultValue = o.defaultValue;
  if (o.readonly) c.readonly = true;
  Object.assign(c, extra);
  const v = { ...(o.required ? { required: true } : {}), ...validate };
  if (Object.keys(v).length) c.validate = v;
  if (o.hide) c.conditional = { hide: o.hide };
  c.layout = { row: `Row_${row}`, columns: o.columns ?? null };
  return c;
}
const values = (vs: Values) => vs.map(([label, value]) => ({ label, value }));

const text = (md: string, o: Common = {}) => base('text', undefined, undefined, o, { text: md });
const textfield = (key: string, label: string, o: Common & { pattern?: string; minLength?: number; maxLength?: number } = {}) =>
  base('textfield', key, label, o, {}, { ...(o.pattern ? { pattern: o.pattern } : {}), ...(o.minLength ? { minLength: o.minLength } : {}), ...(o.maxLength ? { maxLength: o.maxLength } : {}) });
const textarea = (key: string, label: string, o: Common & { minLength?: number; maxLength?: number } = {}) =>
  base('textarea', key, label, o, {}, { ...(o.minLength ? { minLength: o.minLength } : {}), maxLength: o.maxLength ?? 2000 });
const number = (key: string, label: string, o: Common & { min?: number; max?: number; decimalDigits?: number; suffix?: string } = {}) =>
  base('number', key, label, o, { ...(o.decimalDigits !== undefined ? { decimalDigits: o.decimalDigits } : {}), ...(o.suffix ? { appearance: { suffixAdornment: o.suffix } } : {}) }, { ...(o.min !== undefined ? { min: o.min } : {}), ...(o.max !== undefined ? { max: o.max } : {}) });
const radio = (key: string, label: string, vs: Values | string, o: Common = {}) => base('radio', key, label, o, typeof vs === 'string' ? { valuesExpression: vs } : { values: values(vs) });
const select = (key: string, label: string, vs: Values | { valuesKey: string }, o: Common = {}) => base('select', key, label, o, { searchable: true, ...(Array.isArray(vs) ? { values: values(vs) } : vs) });
const checkbox = (key: string, label: string, o: Common = {}) => base('checkbox', key, label, o);
const checklist = (key: string, label: string, vs: Values, o: Common = {}) => base('checklist', key, label, o, { values: values(vs) });
const date = (key: string, label: string, o: Common = {}) => base('datetime', key, undefined, o, { subtype: 'date', dateLabel: label });
const dateTime = (key: string, label: string, o: Common = {}) =>
  base('datetime', key, undefined, o, { subtype: 'datetime', dateLabel: `${label}（日期）`, timeLabel: '时间', use24h: true, timeSerializingFormat: 'utc_offset', timeInterval: 15 });
const expression = (key: string, expr: string) => base('expression', key, undefined, {}, { expression: expr, computeOn: 'presubmit' });
const separator = () => base('separator', undefined, undefined, {});

// The demo organisation's handling units (processes/README.md).
const DEPARTMENTS: Values = [
  ['市局消费者权益保护处', '370100-XBC'],
  ['市局网络交易监督管理处', '370100-WJC'],
  ['市局价格监督检查和反不正当竞争处', '370100-JGC'],
  ['市局综合行政执法支队', '370100-ZD'],
  ['历下区局消费者权益保护科', '370102-XBK'],
  ['历下区局综合行政执法大队', '370102-ZFDD'],
  ['甸柳市场监管所（历下）', '370102-DL'],
  ['姚家市场监管所（历下）', '370102-YJ'],
  ['济阳区局消费者权益保护科', '370115-XBK'],
  ['济阳区局综合行政执法大队', '370115-ZFDD'],
  ['济阳市场监管所', '370115-JY'],
  ['济北市场监管所（济阳）', '370115-JB'],
  ['商河县局消费者权益保护科', '370126-XBK'],
  ['商河县局综合行政执法大队', '370126-ZFDD'],
  ['许商市场监管所（商河）', '370126-XS'],
];
const BUREAU_OF_DEPARTMENT = '=if department = null then null else substring(department, 1, 6)';
const DEADLINE_TEXT = '办理期限：**{{deadline.dueDate}}**（{{deadline.title}}，依据{{deadline.citation}}）';
const ticketHeader = (title: string) => text(`#### ${title}\n工单 **{{ticketNo}}** · {{category}}`);

const forms: Record<string, () => Component[]> = {
  'ticket-correction': () => [
    ticketHeader('补正登记信息'),
    text('登记校验未通过：{{validationMessage}}'),
    radio('correctionResult', '处理结果', [['已更正，重新校验', 'corrected'], ['作废（无实质内容、骚扰或重复提交）', 'void']], { required: true }),
    textarea('correctionNote', '说明', { required: true, minLength: 4, maxLength: 500 }),
  ],
  'duplicate-review': () => [
    ticketHeader('重复工单确认'),
    text('系统发现疑似重复：原工单 **{{duplicateOf}}**'),
    radio('duplicateDecision', '处理方式', [['不是重复，继续办理', 'continue'], ['并案（合并至原工单办理）', 'merge'], ['同一事项重复举报，不再重复处理', 'not-again']], { required: true }),
    textarea('duplicateNote', '说明', { required: true, maxLength: 500, hide: '=duplicateDecision = "continue"' }),
  ],
  'ticket-dispatch': () => [
    ticketHeader('分派承办单位'),
    text('上一承办单位退回理由：{{returnReason}}', { hide: '=returnReason = null' }),
    select('department', '承办单位', DEPARTMENTS, { required: true, description: '按首接负责原则确定；分派后2小时内送达承办单位' }),
    expression('bureau', BUREAU_OF_DEPARTMENT),
    textarea('dispatchNote', '分派说明', { maxLength: 300 }),
  ],
  'accept-review': () => [
    ticketHeader('受理审查'),
    text(DEADLINE_TEXT),
    radio(
      'acceptDecision',
      '审查结论',
      '=if designated = true then [{label: "受理", value: "accept"}, {label: "不予受理", value: "reject"}] else [{label: "受理", value: "accept"}, {label: "不予受理", value: "reject"}, {label: "非本单位管辖（退回分派）", value: "return"}]',
      { required: true, description: '经上级指定管辖的工单不得再退回' },
    ),
    select('refusalGround', '不予受理情形', { valuesKey: 'refusalGrounds' }, { required: true, hide: '=acceptDecision != "reject"' }),
    textarea('refusalReason', '不予受理理由', { required: true, minLength: 10, maxLength: 1000, hide: '=acceptDecision != "reject"' }),
    textarea('returnReason', '退回理由', { required: true, minLength: 10, maxLength: 500, hide: '=acceptDecision != "return"', description: '说明不属于本单位管辖的依据，如实际经营地、注册地' }),
    select('suggestedDepartment', '建议承办单位', DEPARTMENTS, { hide: '=acceptDecision != "return"' }),
    number('amountInvolved', '涉案金额', { min: 0, decimalDigits: 2, suffix: '元', hide: '=acceptDecision != "accept"', columns: 8 }),
    number('complainantCount', '投诉人数', { min: 1, max: 10000, decimalDigits: 0, defaultValue: 1, hide: '=acceptDecision != "accept"', columns: 8 }),
    checkbox('complexFlag', '复杂疑难（需会商）', { hide: '=acceptDecision != "accept"' }),
    textarea('complexReason', '复杂疑难原因', { required: true, maxLength: 500, hide: '=complexFlag != true or acceptDecision != "accept"' }),
    checkbox('mediaAttention', '媒体关注', { hide: '=acceptDecision != "accept"' }),
    textarea('acceptOpinion', '审查意见', { maxLength: 1000 }),
  ],
  'jurisdiction-designation': () => [
    ticketHeader('指定管辖'),
    text('该工单已被退回 **{{returnCount}}** 次。请指定承办单位，被指定单位应当受理审查，不得再退回。'),
    text('最近一次退回理由：{{returnReason}}'),
    select('department', '指定承办单位', DEPARTMENTS, { required: true }),
    expression('bureau', BUREAU_OF_DEPARTMENT),
    expression('designated', '=true'),
    textarea('designationReason', '指定理由', { required: true, minLength: 10, maxLength: 500 }),
  ],
  'mediation-plan': () => [
    ticketHeader('确定调解方式'),
    text(DEADLINE_TEXT),
    radio('mediationMethod', '调解方式', [['现场调解', 'on-site'], ['电话、网络等非现场调解', 'phone'], ['委托消费者协会调解', 'entrusted']], { required: true }),
    dateTime('mediationScheduledAt', '调解时间', { required: true, hide: '=mediationMethod = "entrusted"' }),
    textfield('entrustedOrg', '受委托组织', { required: true, defaultValue: '济南市消费者协会', maxLength: 100, hide: '=mediationMethod != "entrusted"' }),
    checkbox('entrustConsent', '投诉人已同意委托调解', { required: true, hide: '=mediationMethod != "entrusted"' }),
  ],
  'mediation-record': () => [
    ticketHeader('调解记录'),
    text(DEADLINE_TEXT),
    radio('mediationResult', '调解结果', [['达成调解协议', 'agreement'], ['终止调解', 'terminated'], ['需检测、鉴定（期间不计入调解期限）', 'appraisal']], { required: true }),
    number('amountRecovered', '挽回经济损失', { required: true, min: 0, decimalDigits: 2, suffix: '元', hide: '=mediationResult != "agreement"' }),
    textarea('agreementSummary', '调解协议内容', { required: true, minLength: 10, hide: '=mediationResult != "agreement"' }),
    select('terminationGround', '终止调解情形', { valuesKey: 'terminationGrounds' }, { required: true, hide: '=mediationResult != "terminated"' }),
    textarea('terminationReason', '终止调解说明', { required: true, minLength: 10, hide: '=mediationResult != "terminated"' }),
    textarea('mediationMinutes', '调解经过', { required: true, minLength: 10 }),
    separator(),
    checkbox('violationFound', '发现涉嫌违法线索（诉转案）'),
    textarea('clueDescription', '违法线索', { required: true, minLength: 10, hide: '=violationFound != true' }),
    checkbox('minorAndCorrected', '违法行为轻微并已及时改正（首次违法）', { hide: '=violationFound != true' }),
    number('amountInvolved', '涉案金额', { min: 0, decimalDigits: 2, suffix: '元' }),
    checkbox('complexFlag', '复杂疑难（答复前需会商）'),
  ],
  'appraisal-record': () => [
    ticketHeader('检测鉴定'),
    text('检测、鉴定期间不计入调解期限。登记后系统重新计算调解期满日。'),
    textfield('appraisalOrg', '检测鉴定机构', { required: true, maxLength: 100 }),
    date('appraisalFrom', '委托日期', { required: true, columns: 8 }),
    date('appraisalTo', '出具结果日期', { required: true, columns: 8 }),
    textarea('appraisalResult', '检测鉴定结论', { required: true, minLength: 4 }),
  ],
  'case-consultation': () => [
    ticketHeader('复杂疑难会商'),
    text('研判结果：{{complexReason}}'),
    checklist('consultationParticipants', '参加会商', [['分管领导', 'deputy-leader'], ['法制组', 'legal'], ['承办人', 'handler'], ['业务科室', 'division'], ['相关职能部门', 'other-agency']], { required: true }),
    textarea('consultationOpinion', '会商意见', { required: true, minLength: 20 }),
    checkbox('replyByLeader', '由分管领导答复投诉人'),
  ],
  'complaint-reply': () => [
    ticketHeader('答复投诉人'),
    radio('replyMethod', '答复方式', [['电话', 'phone'], ['短信', 'sms'], ['书面', 'letter'], ['当面', 'in-person']], { required: true }),
    textarea('replyContent', '答复内容', { required: true, minLength: 20, maxLength: 2000, description: '写明处理过程、结果和依据；12345工单同步回复平台' }),
  ],
  'follow-up-visit': () => [
    ticketHeader('回访'),
    radio('visitReached', '联系情况', [['已联系到投诉人', 'reached'], ['多次联系未果', 'unreachable']], { required: true }),
    radio('satisfaction', '总体评价', [['非常满意', 'very-satisfied'], ['满意', 'satisfied'], ['一般', 'average'], ['不满意', 'unsatisfied']], { required: true, hide: '=visitReached != "reached"' }),
    radio('processSatisfaction', '过程满意度', [['满意', 'satisfied'], ['一般', 'average'], ['不满意', 'unsatisfied']], { required: true, hide: '=visitReached != "reached"', columns: 8 }),
    radio('resultSatisfaction', '结果满意度', [['满意', 'satisfied'], ['一般', 'average'], ['不满意', 'unsatisfied']], { required: true, hide: '=visitReached != "reached"', columns: 8 }),
    textarea('unsatisfiedReason', '不满意原因', { required: true, minLength: 4, hide: '=satisfaction != "unsatisfied"', description: '不满意的工单将重办：第1次执法大队热线服务中心牵头，第2次分管领导，第3次及以上主要领导' }),
    textarea('visitNote', '回访记录', { maxLength: 1000 }),
  ],
  'phone-reminder': () => [
    text('#### 电话催办\n工单 **{{ticketNo}}** 的“{{deadline.title}}”今日到期（{{deadline.dueDate}}），请电话催办承办单位 {{department}}，确保今日清零。'),
    textfield('calledPerson', '被催办人', { required: true, maxLength: 50 }),
    textfield('calledPhone', '联系电话', { required: true, pattern: '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$', description: '手机号或带区号的固定电话' }),
    radio('callResult', '催办结果', [['已接通，承诺今日办结', 'will-finish'], ['已接通，需协调解决', 'needs-help'], ['未接通', 'not-reached']], { required: true }),
    textarea('callNote', '催办记录', { maxLength: 500, required: true, hide: '=callResult = "will-finish"' }),
  ],
  'legal-review': () => [
    ticketHeader('法制审核（职业举报人来信）'),
    text('筛查依据：{{professionalReason}}'),
    radio('legalOpinion', '审核意见', [['依法按举报处理', 'handle'], ['不予处理', 'not-handle']], { required: true }),
    textarea('legalBasis', '审核依据', { required: true, minLength: 10 }),
  ],
  'clue-verification': () => [
    ticketHeader('线索核查'),
    text(DEADLINE_TEXT),
    checkbox('extensionRequested', '申请延长核查期限（须经负责人批准）', { hide: '=deadline.extended = true' }),
    textarea('extensionReason', '延期理由', { required: true, minLength: 10, hide: '=extensionRequested != true' }),
    textarea('verificationFindings', '核查情况', { required: true, minLength: 20, hide: '=extensionRequested = true' }),
    textarea('evidenceList', '证据材料', { maxLength: 2000, hide: '=extensionRequested = true' }),
    radio('recommendation', '核查意见', [['建议立案', 'file'], ['建议不予立案', 'not-file']], { required: true, hide: '=extensionRequested = true' }),
    textarea('recommendationReason', '理由', { required: true, minLength: 10, hide: '=extensionRequested = true' }),
  ],
  'extension-approval': () => [
    ticketHeader('延期审批'),
    text('当前期满日：{{deadline.dueDate}}；批准后延至：{{deadline.extendedDueAt}}\n\n申请理由：{{extensionReason}}'),
    radio('extensionDecision', '审批意见', [['批准延期', 'approved'], ['不批准', 'rejected']], { required: true }),
    textarea('approvalOpinion', '意见', { required: true, minLength: 2, maxLength: 500 }),
    expression('extensionRequested', '=false'),
  ],
  'filing-approval': () => [
    ticketHeader('立案审批'),
    text('承办人意见：{{recommendation}}，{{recommendationReason}}\n\n核查情况：{{verificationFindings}}'),
    radio('filingDecision', '决定', [['立案', 'file'], ['不予立案', 'not-file']], { required: true }),
    textarea('filingOpinion', '审批意见', { required: true, minLength: 2, maxLength: 1000 }),
  ],
  'case-investigation': () => [
    ticketHeader('调查取证'),
    text(DEADLINE_TEXT),
    checkbox('extensionRequested', '申请延长办案期限（须经负责人批准）', { hide: '=deadline.extended = true' }),
    textarea('extensionReason', '延期理由', { required: true, minLength: 10, hide: '=extensionRequested != true' }),
    textarea('investigationFindings', '调查终结报告', { required: true, minLength: 20, hide: '=extensionRequested = true' }),
    textarea('evidence', '证据清单', { required: true, hide: '=extensionRequested = true' }),
    radio('proposedOutcome', '拟处理意见', [['拟予行政处罚', 'penalty'], ['拟不予行政处罚', 'no-penalty'], ['拟移送其他机关（含涉嫌犯罪移送公安）', 'transfer']], { required: true, hide: '=extensionRequested = true' }),
    textarea('legalBasis', '法律依据', { required: true, hide: '=extensionRequested = true' }),
  ],
  'case-legal-review': () => [
    ticketHeader('法制审核'),
    text('调查终结报告：{{investigationFindings}}'),
    radio('legalReviewOpinion', '审核意见', [['同意', 'agree'], ['修改后同意', 'agree-with-changes']], { required: true }),
    radio('proposedOutcome', '拟处理意见', [['拟予行政处罚', 'penalty'], ['拟不予行政处罚', 'no-penalty'], ['拟移送其他机关', 'transfer']], { required: true }),
    textarea('legalReviewNote', '审核说明', { required: true, minLength: 4 }),
  ],
  'hearing-record': () => [
    ticketHeader('听证'),
    dateTime('hearingHeldAt', '听证时间', { required: true }),
    textfield('hearingOfficer', '听证主持人', { required: true, maxLength: 50 }),
    textarea('hearingSummary', '听证笔录摘要', { required: true, minLength: 20 }),
    checkbox('statementAdopted', '当事人陈述申辩意见成立，予以采纳'),
  ],
  'penalty-decision': () => [
    ticketHeader('作出处理决定'),
    text('法制审核意见：{{legalReviewNote}}'),
    radio('caseDecision', '处理决定', [['给予行政处罚', 'penalty'], ['不予行政处罚', 'no-penalty'], ['移送其他机关', 'transfer']], { required: true }),
    number('fineAmount', '罚款', { min: 0, decimalDigits: 2, suffix: '元', hide: '=caseDecision != "penalty"', columns: 8 }),
    number('confiscationAmount', '没收违法所得', { min: 0, decimalDigits: 2, suffix: '元', hide: '=caseDecision != "penalty"', columns: 8 }),
    radio('transferType', '移送类型', [['移送其他行政机关', 'agency'], ['涉嫌犯罪移送公安机关（行刑衔接）', 'police']], { required: true, hide: '=caseDecision != "transfer"' }),
    textfield('transferTo', '移送机关', { required: true, maxLength: 100, hide: '=caseDecision != "transfer"' }),
    textarea('decisionBasis', '事实、理由和依据', { required: true, minLength: 20 }),
    checkbox('collectiveDiscussion', '已经负责人集体讨论'),
  ],
  'service-record': () => [
    ticketHeader('送达'),
    radio('serviceMethod', '送达方式', [['直接送达', 'direct'], ['邮寄送达', 'mail'], ['电子送达', 'electronic'], ['留置送达', 'lodge'], ['公告送达', 'public']], { required: true }),
    date('servedAt', '送达日期', { required: true }),
    textarea('serviceNote', '送达情况', { maxLength: 500 }),
  ],
  'enforcement-record': () => [
    ticketHeader('执行'),
    radio('enforcementResult', '执行情况', [['已全部履行', 'paid'], ['部分履行', 'partial'], ['申请人民法院强制执行', 'court']], { required: true }),
    number('amountPaid', '已缴纳罚没款', { min: 0, decimalDigits: 2, suffix: '元' }),
    textarea('enforcementNote', '执行说明', { required: true, minLength: 4, hide: '=enforcementResult = "paid"' }),
  ],
  'case-closing': () => [
    ticketHeader('结案审批'),
    checkbox('closingApproved', '同意结案', { required: true }),
    textarea('closingOpinion', '审批意见', { required: true, minLength: 2, maxLength: 500 }),
  ],
  'reopen-lead': () => [
    ticketHeader('牵头重办'),
    text('第 **{{reopenCount}}** 次重办，由**{{reopenLead.leadName}}**牵头。重办原因：{{reopenReason}}'),
    textarea('leaderFindings', '核查情况', { required: true, minLength: 10 }),
    textarea('measures', '处理措施', { required: true, minLength: 10 }),
    textarea('replyContent', '答复内容', { required: true, minLength: 20, maxLength: 2000 }),
    checkbox('listedForSupervision', '挂牌督办', { hide: '=reopenLead.listed != true' }),
    checkbox('signed', '本人已审核并签发答复', { required: true }),
  ],
};

export function buildForms(): Record<string, Component> {
  const out: Record<string, Component> = {};
  for (const [id, build] of Object.entries(forms)) {
    n = 0;
    row = 0;
    pairOpen = false;
    out[id] = {
      components: build(),
      type: 'default',
      id,
      executionPlatform: 'Camunda Cloud',
      executionPlatformVersion: '8.8.0',
      exporter: { name: 'Camunda Modeler', version: '5.40.0' },
      schemaVersion: 18,
    };
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(OUT, { recursive: true });
  for (const [id, form] of Object.entries(buildForms())) {
    writeFileSync(path.join(OUT, `${id}.form`), `${JSON.stringify(form, null, 2)}\n`);
    console.log(`wrote forms/${id}.form`);
  }
}
