// Writes the DMN files of processes/ from the tables below (dev tool, like build-models.ts).
//   npx tsx processes/tools/build-decisions.ts
// The .dmn files are the source of truth once administrators edit them in the browser.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { esc } from './bpmn-builder.ts';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Input {
  label: string;
  expr: string;
  typeRef: string;
}
interface Output {
  label: string;
  name: string;
  typeRef: string;
}
interface Rule {
  in: string[];
  out: string[];
  desc?: string;
}
export interface Table {
  file: string;
  id: string;
  name: string;
  doc: string;
  hitPolicy: 'UNIQUE' | 'FIRST' | 'COLLECT' | 'RULE ORDER' | 'PRIORITY' | 'ANY';
  inputs: Input[];
  outputs: Output[];
  rules: Rule[];
}

const s = (v: string) => `"${v}"`;
const BEFORE_121 = '< date("2026-04-15")';
const FROM_121 = '>= date("2026-04-15")';
const RECEIVED: Input = { label: '收到日期', expr: 'date(substring(receivedAt, 1, 10))', typeRef: 'date' };
const O20 = 'SAMR Order No. 20';
const O121 = 'SAMR Order No. 121';
const O20_NAME = '《市场监督管理投诉举报处理暂行办法》（国家市场监督管理总局令第20号，2022年修正）';
const O121_NAME = '《市场监督管理投诉举报处理办法》（国家市场监督管理总局令第121号）';
const PENALTY_NAME = '《市场监督管理行政处罚程序规定》';
const HEARING = 'SAMR hearing measures';
const HEARING_NAME = '《市场监督管理行政处罚听证办法》';
const LOCAL = 'local target';
const TO_CONFIRM = '待与第121号令正式文本核对（DOMAIN.md 标注 to confirm）';

function tableXml(t: Table): string {
  const inputs = t.inputs
    .map((i, n) => `      <input id="Input_${n + 1}" label="${esc(i.label)}">\n        <inputExpression id="InputExpression_${n + 1}" typeRef="${i.typeRef}">\n          <text>${esc(i.expr)}</text>\n        </inputExpression>\n      </input>`)
    .join('\n');
  const outputs = t.outputs.map((o, n) => `      <output id="Output_${n + 1}" label="${esc(o.label)}" name="${o.name}" typeRef="${o.typeRef}" />`).join('\n');
  const rules = t.rules
    .map((r, n) => {
      if (r.in.length !== t.inputs.length || r.out.length !== t.outputs.length) throw new Error(`${t.id} rule ${n + 1}: wrong number of entries`);
      const desc = r.desc ? `\n        <description>${esc(r.desc)}</description>` : '';
      const ins = r.in.map((v, k) => `\n        <inputEntry id="UnaryTests_${n + 1}_${k + 1}">\n          <text>${esc(v)}</text>\n        </inputEntry>`).join('');
      const outs = r.out.map((v, k) => `\n        <outputEntry id="LiteralExpression_${n + 1}_${k + 1}">\n          <text>${esc(v)}</text>\n        </outputEntry>`).join('');
      return `      <rule id="Rule_${n + 1}">${desc}${ins}${outs}\n      </rule>`;
    })
    .join('\n');
  const aggregation = '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${t.id}" name="${esc(t.name)}" namespace="http://camunda.org/schema/1.0/dmn" exporter="Camunda Modeler" exporterVersion="5.40.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <decision id="${t.id}" name="${esc(t.name)}">
    <description>${esc(t.doc)}</description>
    <decisionTable id="DecisionTable_${t.id}" hitPolicy="${t.hitPolicy}"${aggregation}>
${inputs}
${outputs}
${rules}
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="DMNDiagram_${t.id}">
      <dmndi:DMNShape id="DMNShape_${t.id}" dmnElementRef="${t.id}">
        <dc:Bounds height="80" width="180" x="160" y="100" />
      </dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>
`;
}

// ---------------------------------------------------------------------------------------------

const routing: Table = {
  file: 'routing.dmn',
  id: 'routing',
  name: '承办单位分派',
  doc: '按工单类型、事项类别、被投诉（举报）人所在地行政区划代码和是否网络经营确定承办单位（首接负责）。自上而下第一条命中的规则生效；无规则命中时由12315指挥中心人工分派。部门编码见 processes/README.md。',
  hitPolicy: 'FIRST',
  inputs: [
    { label: '工单类型', expr: 'kind', typeRef: 'string' },
    { label: '事项类别', expr: 'category', typeRef: 'string' },
    { label: '被投诉人所在地（行政区划代码）', expr: 'regionCode', typeRef: 'string' },
    { label: '网络经营', expr: 'online = true', typeRef: 'boolean' },
  ],
  outputs: [
    { label: '承办单位编码', name: 'department', typeRef: 'string' },
    { label: '所属局编码', name: 'bureau', typeRef: 'string' },
    { label: '承办单位', name: 'departmentName', typeRef: 'string' },
  ],
  rules: [
    { in: [s('report'), s('价格违法'), 'starts with(?, "3701")', '-'], out: [s('370100-JGC'), s('370100'), s('市局价格监督检查和反不正当竞争处')], desc: '全市价格违法举报由市局价监竞争处核查' },
    { in: ['-', '-', 'not(starts with(?, "3701"))', 'true'], out: [s('370100-WJC'), s('370100'), s('市局网络交易监督管理处')], desc: '网络经营者不在本市：由市局网络交易处联系平台所在地处理' },
    { in: [s('report'), '-', 'starts with(?, "370102")', '-'], out: [s('370102-ZFDD'), s('370102'), s('历下区局综合行政执法大队')] },
    { in: [s('complaint'), '-', 'starts with(?, "370102")', 'true'], out: [s('370102-XBK'), s('370102'), s('历下区局消费者权益保护科')], desc: '区内网络经营者的投诉由区局消保科统一办理' },
    { in: [s('complaint'), '-', 'starts with(?, "370102")', '-'], out: [s('370102-DL'), s('370102'), s('甸柳市场监管所')] },
    { in: [s('report'), '-', 'starts with(?, "370115")', '-'], out: [s('370115-ZFDD'), s('370115'), s('济阳区局综合行政执法大队')] },
    { in: [s('complaint'), '-', 'starts with(?, "370115002")', '-'], out: [s('370115-JB'), s('370115'), s('济北市场监管所')], desc: '济北街道（九位区划代码）' },
    { in: [s('complaint'), '-', 'starts with(?, "370115")', '-'], out: [s('370115-JY'), s('370115'), s('济阳市场监管所')] },
    { in: [s('report'), '-', 'starts with(?, "370126")', '-'], out: [s('370126-ZFDD'), s('370126'), s('商河县局综合行政执法大队')] },
    { in: [s('complaint'), '-', 'starts with(?, "370126")', '-'], out: [s('370126-XS'), s('370126'), s('许商市场监管所')] },
    { in: ['-', '-', '-', '-'], out: ['null', 'null', s('12315指挥中心人工分派')], desc: '无规则命中：由12315指挥中心人工分派' },
  ],
};

const row = (step: string, when: string, name: string, amount: number, unit: string, extension: number, hardLimit: boolean, regulation: string, citation: string, appliesFrom: string, toConfirm: boolean, desc: string): Rule => {
  const article = /(第[一二三四五六七八九十百]+条(?:第[一二三四五六七八九十]+款)?(?:第（?[一二三四五六七八九十]+）?项)?)/.exec(citation)?.[1];
  return {
    in: [s(step), when],
    out: [s(name), String(amount), s(unit), String(extension), String(hardLimit), s(regulation), article ? s(article) : 'null', s(citation), s(appliesFrom), String(toConfirm)],
    desc,
  };
};

const timeLimits: Table = {
  file: 'time-limits.dmn',
  id: 'time_limits',
  name: '办理时限',
  doc: '各环节办理时限及其依据（规章、条款、施行日期）。按收到工单的日期选用规章：2026-04-15 前收到的适用总局令第20号，此后收到的适用总局令第121号。单位：workingDays 工作日（按节假日日历，起算日不计入，期满日为休息日的顺延），calendarDays 自然日，hours 小时，elapsedWorkingDays 按上班时间累计的工作日。extension 为经批准可延长的数量（同一单位）。hardLimit：期满即依法终止（如调解期满终止调解），超期不发催办通知书。toConfirm：待与第121号令正式文本核对。环节编码与 domain/time-limits 的规则一致；deadline.compute 作业按本表计算 deadline。',
  hitPolicy: 'UNIQUE',
  inputs: [{ label: '环节', expr: 'step', typeRef: 'string' }, RECEIVED],
  outputs: [
    { label: '环节名称', name: 'title', typeRef: 'string' },
    { label: '时限', name: 'amount', typeRef: 'number' },
    { label: '单位', name: 'unit', typeRef: 'string' },
    { label: '可延长', name: 'extension', typeRef: 'number' },
    { label: '期满即终止', name: 'hardLimit', typeRef: 'boolean' },
    { label: '规章', name: 'regulation', typeRef: 'string' },
    { label: '条款', name: 'article', typeRef: 'string' },
    { label: '依据', name: 'citation', typeRef: 'string' },
    { label: '施行日期', name: 'appliesFrom', typeRef: 'string' },
    { label: '待核对', name: 'toConfirm', typeRef: 'boolean' },
  ],
  rules: [
    row('intake.dispatch', '-', '登记后分送承办单位', 2, 'hours', 0, false, LOCAL, '本局工作要求：2小时内分送', '2020-01-01', false, '本地工作要求，非法定时限'),
    row('intake.respond', '-', '回应诉求人', 24, 'hours', 0, false, LOCAL, '本局工作要求：24小时内回应', '2020-01-01', false, '本地工作要求，非法定时限'),
    row('hotline12345.handle', '-', '12345热线工单办理', 1.5, 'elapsedWorkingDays', 0, false, LOCAL, '本局工作要求：12345工单1.5个工作日内办理', '2020-01-01', false, '本地工作要求，非法定时限'),
    row('hotline.immediate', '-', '接诉即办', 1, 'elapsedWorkingDays', 0, false, LOCAL, '本局工作要求：接诉即办1个工作日', '2020-01-01', false, '本地工作要求，非法定时限'),
    row('complaint.accept', BEFORE_121, '受理审查', 7, 'workingDays', 0, false, O20, `${O20_NAME}第十四条`, '2020-01-01', false, '自收到投诉之日起七个工作日内作出受理或者不予受理的决定，并告知投诉人'),
    row('complaint.accept', FROM_121, '受理审查', 7, 'workingDays', 0, false, O121, O121_NAME, '2026-04-15', true, TO_CONFIRM),
    row('complaint.mediate', BEFORE_121, '调解', 45, 'workingDays', 0, true, O20, `${O20_NAME}第二十一条第一款第（五）项`, '2020-01-01', false, '自投诉受理之日起四十五个工作日内未能达成调解协议的，终止调解；检测、鉴定期间不计入'),
    row('complaint.mediate', FROM_121, '调解', 60, 'calendarDays', 0, true, O121, `${O121_NAME}第二十三条第一款第（五）项`, '2026-04-15', false, '自投诉受理之日起六十日内未能达成调解协议的，终止调解；检测、鉴定期间不计入'),
    row('complaint.notifyTermination', BEFORE_121, '终止调解告知', 7, 'workingDays', 0, false, O20, `${O20_NAME}第二十一条`, '2020-01-01', false, '自作出终止调解决定之日起七个工作日内告知投诉人和被投诉人'),
    row('complaint.notifyTermination', FROM_121, '终止调解告知', 7, 'workingDays', 0, false, O121, O121_NAME, '2026-04-15', true, TO_CONFIRM),
    row('complaint.verifyClue', BEFORE_121, '线索核查', 15, 'workingDays', 15, false, O20, `${O20_NAME}第二十三条`, '2020-01-01', false, '调解中发现违法线索的，自发现之日起十五个工作日内核查；特殊情况可延长十五个工作日'),
    row('complaint.verifyClue', FROM_121, '线索核查', 15, 'workingDays', 15, false, O121, O121_NAME, '2026-04-15', true, TO_CONFIRM),
    row('report.verify', BEFORE_121, '举报核查', 15, 'workingDays', 15, false, O20, `${PENALTY_NAME}第十八条`, '2020-01-01', false, '自收到举报材料之日起十五个工作日内核查并决定是否立案；经负责人批准可延长十五个工作日'),
    row('report.verify', FROM_121, '举报核查', 15, 'workingDays', 15, false, O121, `${PENALTY_NAME}第十八条`, '2026-04-15', false, '同上，无论适用哪部投诉举报办法'),
    row('report.notifyReporter', BEFORE_121, '告知举报人', 5, 'workingDays', 0, false, O20, `${O20_NAME}第三十一条`, '2020-01-01', false, '实名举报的，自作出是否立案决定之日起五个工作日内告知举报人'),
    row('report.notifyReporter', FROM_121, '告知举报人', 5, 'workingDays', 0, false, O121, O121_NAME, '2026-04-15', true, TO_CONFIRM),
    row('jurisdiction.agree', BEFORE_121, '管辖争议协商', 7, 'workingDays', 0, false, O20, `${O20_NAME}第三十条`, '2020-01-01', false, '管辖争议七个工作日内协商不成的，报共同上一级指定管辖'),
    row('jurisdiction.agree', FROM_121, '管辖争议协商', 7, 'workingDays', 0, false, O121, O121_NAME, '2026-04-15', false, '同第20号令；条款序号未给出'),
    row('case.decide', BEFORE_121, '立案后作出处理决定', 90, 'calendarDays', 30, false, O20, PENALTY_NAME, '2020-01-01', false, '自立案之日起九十日内作出处理决定；经负责人批准可延长三十日（条款序号待核对）'),
    row('case.decide', FROM_121, '立案后作出处理决定', 90, 'calendarDays', 30, false, O121, PENALTY_NAME, '2026-04-15', false, '同上'),
    row('case.statement', '-', '陈述申辩与听证申请', 5, 'workingDays', 0, true, HEARING, `${HEARING_NAME}（条款待核对）`, '2020-01-01', true, '当事人自收到行政处罚告知书之日起五个工作日内提出陈述、申辩或者听证要求，逾期视为放弃'),
    row('odr.selfSettle', BEFORE_121, 'ODR企业自行和解', 10, 'workingDays', 0, false, O20, '在线消费纠纷解决（ODR）机制', '2020-01-01', false, 'ODR企业10个工作日内未与消费者和解的，转入调解'),
    row('odr.selfSettle', FROM_121, 'ODR企业自行和解', 10, 'workingDays', 0, false, O121, '在线消费纠纷解决（ODR）机制', '2026-04-15', false, '同上'),
    row('reopen.handle', '-', '重办', 5, 'workingDays', 0, false, LOCAL, '本局工作要求（待确认）', '2020-01-01', true, '本地工作要求，期限待确认'),
  ],
};

const reminderThresholds: Table = {
  file: 'reminder-thresholds.dmn',
  id: 'reminder_thresholds',
  name: '催办提醒阈值',
  doc: '距期满的剩余工作日达到阈值时提醒：≤ remindWorkingDays3 企业微信群机器人预警（部门工作群）；≤ remindWorkingDays2 平台催办承办人；到期当日督办员电话催办；超期出具催办通知书抄送分管领导并列入督办清单。各档的渠道在 deadline-watch.bpmn 中，deadline.compute 按本表算出 remindAt3 / remindAt2。',
  hitPolicy: 'FIRST',
  inputs: [{ label: '环节', expr: 'step', typeRef: 'string' }],
  outputs: [
    { label: '企业微信群预警（剩余工作日≤）', name: 'remindWorkingDays3', typeRef: 'number' },
    { label: '平台催办承办人（剩余工作日≤）', name: 'remindWorkingDays2', typeRef: 'number' },
  ],
  rules: [
    { in: [s('case.decide')], out: ['10', '5'], desc: '办案期限按自然日计且较长，提前量加大' },
    { in: ['-'], out: ['3', '2'], desc: '默认：剩余3个工作日预警，2个工作日催办' },
  ],
};

const reopenLead: Table = {
  file: 'reopen-escalation.dmn',
  id: 'reopen_lead',
  name: '重办牵头',
  doc: '市级平台退回或回访不满意的重办工单，按重办次数确定牵头：第1次执法大队热线服务中心，第2次分管领导，第3次及以上主要领导（挂牌督办）。候选组为 dept:<所属局>:role:<leadRole>。',
  hitPolicy: 'UNIQUE',
  inputs: [{ label: '重办次数', expr: 'reopenCount', typeRef: 'number' }],
  outputs: [
    { label: '牵头角色', name: 'leadRole', typeRef: 'string' },
    { label: '牵头人', name: 'leadName', typeRef: 'string' },
    { label: '挂牌督办', name: 'listed', typeRef: 'boolean' },
  ],
  rules: [
    { in: ['1'], out: [s('hotline-centre'), s('执法大队热线服务中心'), 'false'] },
    { in: ['2'], out: [s('deputy-leader'), s('分管领导'), 'false'] },
    { in: ['>= 3'], out: [s('principal-leader'), s('主要领导'), 'true'] },
  ],
};

function groundRows(regulation: string, name: string, when: string, grounds: Array<[string, string, string]>, desc?: string): Rule[] {
  return grounds.map(([code, label, article]) => ({ in: [when], out: [s(code), s(label), s(regulation), s(article)], desc }));
}
const groundOutputs: Output[] = [
  { label: '代码', name: 'value', typeRef: 'string' },
  { label: '情形', name: 'label', typeRef: 'string' },
  { label: '规章代码', name: 'regulation', typeRef: 'string' },
  { label: '条款', name: 'article', typeRef: 'string' },
];

const refusalGrounds: Table = {
  file: 'refusal-grounds.dmn',
  id: 'refusal_grounds',
  name: '不予受理情形',
  doc: '不予受理投诉的法定情形（代码表）。总局令第20号第十五条适用于2026-04-15前收到的投诉，总局令第121号第十六条适用于此后收到的投诉（新增提供虚假材料、冒用他人名义、拒不配合身份核验）。结果列表直接作为“受理审查”表单的选项（value / label）。',
  hitPolicy: 'COLLECT',
  inputs: [RECEIVED],
  outputs: groundOutputs,
  rules: [
    ...groundRows(O20, O20_NAME, BEFORE_121, [
      ['NOT_OUR_DUTY', '投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限', '第十五条第一项'],
      ['ALREADY_HANDLED', '法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议', '第十五条第二项'],
      ['NOT_CONSUMER', '不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议', '第十五条第三项'],
      ['TIME_BARRED', '除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年', '第十五条第四项'],
      ['MISSING_MATERIALS', '未提供本办法第九条第一款和第十条规定的材料', '第十五条第五项'],
      ['OTHER_LAW', '法律、法规、规章规定不予受理的其他情形', '第十五条第六项'],
    ]),
    ...groundRows(O121, O121_NAME, FROM_121, [
      ['NOT_OUR_DUTY', '投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限', '第十六条'],
      ['ALREADY_HANDLED', '法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议', '第十六条'],
      ['NOT_CONSUMER', '不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议', '第十六条'],
      ['TIME_BARRED', '除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年', '第十六条'],
      ['MISSING_MATERIALS', '未按规定提供投诉材料', '第十六条'],
      ['FALSE_MATERIALS', '提供虚假投诉材料', '第十六条'],
      ['IMPERSONATION', '冒用他人名义投诉', '第十六条'],
      ['IDENTITY_REFUSED', '拒绝配合身份核验', '第十六条'],
      ['OTHER_LAW', '法律、法规、规章规定不予受理的其他情形', '第十六条'],
    ], `第121号令第十六条：项次与表述${TO_CONFIRM}`),
  ],
};

const terminationGrounds: Table = {
  file: 'termination-grounds.dmn',
  id: 'termination_grounds',
  name: '终止调解情形',
  doc: '终止调解的法定情形（代码表）。总局令第20号第二十一条适用于2026-04-15前收到的投诉，总局令第121号第二十三条适用于此后收到的投诉（调解期限改为六十日，新增当事人死亡、注销或者终止）。结果列表作为“调解记录”表单的选项；LIMIT_EXPIRED 由调解期满定时器自动选用，WITHDRAWN_OR_SETTLED 由撤诉消息选用。',
  hitPolicy: 'COLLECT',
  inputs: [RECEIVED],
  outputs: groundOutputs,
  rules: [
    ...groundRows(O20, O20_NAME, BEFORE_121, [
      ['WITHDRAWN_OR_SETTLED', '投诉人撤回投诉或者双方自行和解', '第二十一条第一款第一项'],
      ['TECH_DISAGREE', '投诉人与被投诉人对委托承担检定、检验、检测、鉴定工作的技术机构或者费用承担无法协商一致', '第二十一条第一款第二项'],
      ['ABSENT_OR_REFUSED', '投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解', '第二十一条第一款第三项'],
      ['NO_AGREEMENT', '经组织调解，投诉人或者被投诉人明确表示无法达成调解协议', '第二十一条第一款第四项'],
      ['LIMIT_EXPIRED', '自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议', '第二十一条第一款第五项'],
      ['NOT_ACCEPTABLE', '受理投诉后，发现存在本办法第十五条规定情形', '第二十一条第一款第六项'],
      ['OTHER_LAW', '法律、法规、规章规定的应当终止调解的其他情形', '第二十一条第一款第七项'],
    ]),
    ...groundRows(O121, O121_NAME, FROM_121, [
      ['WITHDRAWN_OR_SETTLED', '投诉人撤回投诉或者双方自行和解', '第二十三条'],
      ['TECH_DISAGREE', '投诉人与被投诉人对委托承担检定、检验、检测、鉴定工作的技术机构或者费用承担无法协商一致', '第二十三条'],
      ['ABSENT_OR_REFUSED', '投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解', '第二十三条'],
      ['NO_AGREEMENT', '经组织调解，投诉人或者被投诉人明确表示无法达成调解协议', '第二十三条'],
      ['LIMIT_EXPIRED', '自投诉受理之日起六十日内投诉人和被投诉人未能达成调解协议', '第二十三条第一款第五项'],
      ['PARTY_GONE', '投诉人死亡，或者被投诉人注销、终止', '第二十三条'],
      ['NOT_ACCEPTABLE', '受理投诉后，发现存在不予受理情形', '第二十三条'],
      ['OTHER_LAW', '法律、法规、规章规定的应当终止调解的其他情形', '第二十三条'],
    ], `第121号令第二十三条：项次与表述${TO_CONFIRM}`),
  ],
};

const professionalClaimant: Table = {
  file: 'professional-claimant.dmn',
  id: 'professional_claimant',
  name: '职业索赔筛查',
  doc: '按投诉举报人近期记录识别职业索赔、职业举报：一定天数内针对不同经营者的件数。claimantHistory 由 ticket.enrich 统计（按证件号、手机号归并同一人）。命中的举报信件先经法制审核，投诉照常调解但单独统计。',
  hitPolicy: 'FIRST',
  inputs: [
    { label: '近30日件数', expr: 'claimantHistory.tickets30', typeRef: 'number' },
    { label: '近30日不同经营者数', expr: 'claimantHistory.respondents30', typeRef: 'number' },
    { label: '近365日件数', expr: 'claimantHistory.tickets365', typeRef: 'number' },
    { label: '近365日不同经营者数', expr: 'claimantHistory.respondents365', typeRef: 'number' },
    { label: '近365日主张惩罚性赔偿次数', expr: 'claimantHistory.punitiveClaims365', typeRef: 'number' },
  ],
  outputs: [
    { label: '职业索赔', name: 'flag', typeRef: 'boolean' },
    { label: '依据', name: 'reason', typeRef: 'string' },
  ],
  rules: [
    { in: ['>= 5', '>= 3', '-', '-', '-'], out: ['true', s('30日内对3个以上不同经营者投诉举报5件以上')] },
    { in: ['-', '-', '>= 20', '>= 10', '-'], out: ['true', s('一年内对10个以上不同经营者投诉举报20件以上')] },
    { in: ['-', '-', '-', '-', '>= 3'], out: ['true', s('一年内3次以上主张惩罚性赔偿（如“退一赔十”）')] },
    { in: ['-', '-', '-', '-', '-'], out: ['false', s('')] },
  ],
};

const complexCase: Table = {
  file: 'complex-case.dmn',
  id: 'complex_case',
  name: '复杂疑难研判',
  doc: '复杂疑难投诉举报在答复前须会商（分管领导、法制组、承办人），必要时由分管领导答复。承办人可在受理审查或调解记录中标记；下列规则自动标记。',
  hitPolicy: 'FIRST',
  inputs: [
    { label: '承办人标记', expr: 'complexFlag = true', typeRef: 'boolean' },
    { label: '投诉人数', expr: 'if complainantCount = null then 1 else complainantCount', typeRef: 'number' },
    { label: '涉及部门数', expr: 'if departmentCount = null then 1 else departmentCount', typeRef: 'number' },
    { label: '媒体关注', expr: 'mediaAttention = true', typeRef: 'boolean' },
    { label: '重办次数', expr: 'if reopenCount = null then 0 else reopenCount', typeRef: 'number' },
    { label: '事项类别', expr: 'category', typeRef: 'string' },
  ],
  outputs: [
    { label: '复杂疑难', name: 'complex', typeRef: 'boolean' },
    { label: '原因', name: 'reason', typeRef: 'string' },
  ],
  rules: [
    { in: ['true', '-', '-', '-', '-', '-'], out: ['true', s('承办人标记为复杂疑难')] },
    { in: ['-', '-', '-', 'true', '-', '-'], out: ['true', s('媒体关注')] },
    { in: ['-', '>= 5', '-', '-', '-', '-'], out: ['true', s('群体性投诉（5人以上）')] },
    { in: ['-', '>= 3', '-', '-', '-', s('预付卡消费')], out: ['true', s('预付卡群体纠纷（3人以上）')] },
    { in: ['-', '-', '>= 2', '-', '-', '-'], out: ['true', s('涉及多个部门职责')] },
    { in: ['-', '-', '-', '-', '>= 2', '-'], out: ['true', s('多次重办')] },
    { in: ['-', '-', '-', '-', '-', '-'], out: ['false', s('')] },
  ],
};

const caseConversion: Table = {
  file: 'case-conversion.dmn',
  id: 'case_conversion',
  name: '诉转案研判',
  doc: '处理投诉中发现涉嫌违法线索的，是否转为案件线索核查（诉转案）。轻微违法并及时改正、首次违法的，可予以行政指导，不转案。',
  hitPolicy: 'FIRST',
  inputs: [
    { label: '发现违法线索', expr: 'violationFound = true', typeRef: 'boolean' },
    { label: '事项类别', expr: 'category', typeRef: 'string' },
    { label: '被投诉人一年内同类问题多次被投诉', expr: 'repeatOffender = true', typeRef: 'boolean' },
    { label: '涉案金额（元）', expr: 'if amountInvolved = null then 0 else amountInvolved', typeRef: 'number' },
    { label: '轻微并已改正', expr: 'minorAndCorrected = true', typeRef: 'boolean' },
  ],
  outputs: [
    { label: '转案', name: 'convert', typeRef: 'boolean' },
    { label: '依据', name: 'reason', typeRef: 'string' },
  ],
  rules: [
    { in: ['false', '-', '-', '-', '-'], out: ['false', s('未发现违法线索')] },
    { in: ['-', s('食品药品安全'), '-', '-', '-'], out: ['true', s('食品药品安全违法线索一律转案核查')] },
    { in: ['-', '-', 'true', '-', '-'], out: ['true', s('被投诉人同类问题多次被投诉')] },
    { in: ['-', '-', '-', '>= 5000', '-'], out: ['true', s('涉案金额5000元以上')] },
    { in: ['-', '-', '-', '-', 'true'], out: ['false', s('轻微违法并及时改正，首次违法，予以行政指导')] },
    { in: ['-', '-', '-', '-', '-'], out: ['true', s('发现涉嫌违法线索，转案核查')] },
  ],
};

export const TABLES: Table[] = [routing, timeLimits, reminderThresholds, reopenLead, refusalGrounds, terminationGrounds, professionalClaimant, complexCase, caseConversion];

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const t of TABLES) {
    writeFileSync(path.join(OUT, t.file), tableXml(t));
    console.log(`wrote processes/${t.file}`);
  }
}
