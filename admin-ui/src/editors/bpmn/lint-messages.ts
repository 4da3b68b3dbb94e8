// Chinese text for the problems @camunda/linting reports. The linter builds English
// sentences from a few shapes ("A <Service Task> must have a defined <Task definition
// type>", "… is only supported by Camunda 8.9 or newer"); we recognise those shapes and
// translate the <terms> in them. A sentence we do not know keeps a Chinese summary of its
// rule with the English original beside it, so nothing is ever hidden.
import { elementTypeZh } from '../../i18n/bpmn-types.ts';

const TERMS: Record<string, string> = {
  'Task definition type': '任务定义类型（job type）',
  Implementation: '实现方式',
  'Implementation: Job worker': '实现方式：作业执行器',
  'Implementation: DMN decision': '实现方式：DMN 决策',
  'Implementation: FEEL expression': '实现方式：FEEL 表达式',
  'Implementation: Camunda user task': '实现方式：Camunda 用户任务',
  'Called element': '被调用流程',
  'Called decision ID': '被调用决策编号',
  'Result variable': '结果变量',
  'FEEL expression': 'FEEL 表达式',
  'Multi-instance marker': '多实例标记',
  'Input collection': '输入集合',
  'Output collection': '输出集合',
  'Output element': '输出元素',
  'Message Reference': '消息引用',
  'Signal Reference': '信号引用',
  'Error Reference': '错误引用',
  'Escalation Reference': '升级引用',
  'Subscription correlation key': '订阅关联键',
  'Error code': '错误代码',
  'Escalation code': '升级代码',
  Name: '名称',
  Form: '表单',
  'Form ID': '表单编号',
  'Form key': '表单 key',
  'Form JSON configuration': '表单 JSON 配置',
  'External reference': '外部引用',
  'Form type: Custom form key': '表单类型：自定义表单 key',
  'Form type: External reference': '表单类型：外部引用',
  'Form type: Camunda Form': '表单类型：Camunda 表单',
  'Form type: Camunda form (linked)': '表单类型：Camunda 表单（引用）',
  'Form type: Camunda form (embedded)': '表单类型：Camunda 表单（内嵌）',
  'User Task Form': '用户任务表单',
  'Condition expression': '条件表达式',
  'Timer type': '定时器类型',
  'Timer value': '定时器值',
  'Time cycle': '循环',
  'Time date': '日期',
  'Time duration': '时长',
  Cycle: '循环',
  Date: '日期',
  Duration: '时长',
  'Due date': '到期时间',
  'Follow up date': '跟进时间',
  Priority: '优先级',
  'Job Priority': '作业优先级',
  Executable: '可执行',
  'Candidate users': '候选用户',
  Headers: '任务头',
  Key: '键',
  'Execution Listeners': '执行监听器',
  'Execution listeners': '执行监听器',
  'Execution listener': '执行监听器',
  'Task listeners': '任务监听器',
  'Event Type': '事件类型',
  Type: '类型',
  'Extension properties': '扩展属性',
  'Version tag': '版本标签',
  'Propagate all variables': '传递全部变量',
  'Binding: latest': '绑定方式：最新版本',
  'Binding: deployment': '绑定方式：同一部署',
  'Binding: version tag': '绑定方式：版本标签',
  'Local variable name': '局部变量名',
  'Variable assignment value': '变量赋值',
  'Process variable name': '流程变量名',
  'History time to live': '历史保留时长',
  'Wait for completion': '等待完成',
  'Business ID': '业务编号',
  'Before all': '全部之前',
  'Event-Based Gateway': '事件网关',
};

/** One <term> of a message: an element type or a property name. */
export function termZh(term: string): string {
  const type = elementTypeZh(term);
  if (type) return type;
  if (TERMS[term]) return TERMS[term];
  const template = /^(Template|Connector) (.+)$/.exec(term);
  if (template) return `${template[1] === 'Template' ? '模板' : '连接器'}${elementTypeZh(template[2]!) ?? template[2]}`;
  return term;
}

const quoted = (term: string) => `「${termZh(term)}」`;
const terms = (text: string) => text.replace(/<([^<>]+)>/g, (_, term: string) => quoted(term));

/** "A <Service Task> with <Implementation: Job worker>" → "带有「实现方式：作业执行器」的「服务任务」". */
function subjectZh(text: string): string {
  const s = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(?:A|An|One) <([^>]+)>$/.exec(s))) return quoted(m[1]!);
  if ((m = /^(?:A|An) collapsed <([^>]+)>$/.exec(s))) return `折叠的${quoted(m[1]!)}`;
  if ((m = /^(?:A|An) <([^>]+)> in (?:a|an) <([^>]+)>$/.exec(s))) return `${quoted(m[2]!)}中的${quoted(m[1]!)}`;
  if ((m = /^An interrupting <([^>]+)> in an <([^>]+)> placed in an <([^>]+)>$/.exec(s))) {
    return `位于${quoted(m[3]!)}内${quoted(m[2]!)}中的中断型${quoted(m[1]!)}`;
  }
  if ((m = /^(?:A|An) <([^>]+)> with more than one incoming <([^>]+)>$/.exec(s))) return `有多条传入${quoted(m[2]!)}的${quoted(m[1]!)}`;
  if ((m = /^(?:A|An) <([^>]+)> with an expression as <([^>]+)>$/.exec(s))) return `以表达式作为${quoted(m[2]!)}的${quoted(m[1]!)}`;
  if ((m = /^(?:A|An) <([^>]+)> with a <([^>]+)> longer than (\d+) characters$/.exec(s))) return `${quoted(m[2]!)}超过 ${m[3]} 个字符的${quoted(m[1]!)}`;
  if ((m = /^(?:A|An) <([^>]+)> with <([^>]+)> event type$/.exec(s))) return `事件类型为${quoted(m[2]!)}的${quoted(m[1]!)}`;
  if ((m = /^(?:A|An) <([^>]+)> without defined <([^>]+)>$/.exec(s))) return `未设置${quoted(m[2]!)}的${quoted(m[1]!)}`;
  if ((m = /^(?:A|An) <([^>]+)> with (.+)$/.exec(s))) return `带有${clauseZh(m[2]!)}的${quoted(m[1]!)}`;
  return terms(s.replace(/^(?:A|An|One) /, ''));
}

/** "<Multi-instance marker> and defined <Output collection>" → "「多实例标记」且已设置「输出集合」". */
function clauseZh(text: string): string {
  return terms(text)
    .replace(/ and defined /g, '且已设置')
    .replace(/^defined /, '已设置的')
    .replace(/ disabled$/, '（已关闭）')
    .replace(/ and /g, '和')
    .replace(/\s*「/g, '「')
    .replace(/」\s*/g, '」');
}

const platformZh = (platform: string) => platform.trim();

const SHAPES: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^(.+) is only supported by (.+) or newer$/, (m) => `${subjectZh(m[1]!)}需要 ${platformZh(m[2]!)} 及以上版本才支持`],
  [/^(.+) is not supported by (.+)$/, (m) => `${platformZh(m[2]!)} 不支持${subjectZh(m[1]!)}`],
  [/^(.+) is not supported$/, (m) => `不支持${subjectZh(m[1]!)}`],
  [/^One <Process> must be <Executable>$/, () => '至少一个「流程」必须设为「可执行」'],
  [/^A <Process> must be <Executable>$/, () => '「流程」必须设为「可执行」'],
  [/^(?:A|An) <([^>]+)> must have a defined <([^>]+)> or be the default <([^>]+)>$/,
    (m) => `${quoted(m[1]!)}必须设置${quoted(m[2]!)}，或设为默认${quoted(m[3]!)}`],
  [/^(?:A|An) <([^>]+)> with (.+) must have a defined <([^>]+)>$/, (m) => `带有${clauseZh(m[2]!)}的${quoted(m[1]!)}必须设置${quoted(m[3]!)}`],
  [/^(?:A|An) <([^>]+)> must have a (?:defined )?<([^>]+)>$/, (m) => `${quoted(m[1]!)}必须设置${quoted(m[2]!)}`],
  [/^(?:A|An) <([^>]+)> should have a defined <([^>]+)>$/, (m) => `${quoted(m[1]!)}应当设置${quoted(m[2]!)}`],
  [/^(?:A|An) <([^>]+)> must have a unique <([^>]+)>$/, (m) => `${quoted(m[1]!)}的${quoted(m[2]!)}必须唯一`],
  [/^(?:A|An) <([^>]+)> <([^>]+)> must be an expression, an ISO 8601 repeating interval, or a cron expression(.*)$/,
    (m) => `${quoted(m[1]!)}的${quoted(m[2]!)}必须是表达式、ISO 8601 重复间隔或 cron 表达式${m[3] ? '（cron 需要 Camunda 8.1 及以上版本）' : ''}`],
  [/^(?:A|An) <([^>]+)> <([^>]+)> must be an expression, or an ISO 8601 date$/, (m) => `${quoted(m[1]!)}的${quoted(m[2]!)}必须是表达式或 ISO 8601 日期`],
  [/^(?:A|An) <([^>]+)> <([^>]+)> must be an expression, or an ISO 8601 interval$/, (m) => `${quoted(m[1]!)}的${quoted(m[2]!)}必须是表达式或 ISO 8601 时长`],
  [/^(?:A|An) <([^>]+)> <([^>]+)> must be an ISO 8601 date$/, (m) => `${quoted(m[1]!)}的${quoted(m[2]!)}必须是 ISO 8601 日期`],
  [/^(?:A|An) <([^>]+)> <([^>]+)> must be an expression, or an integer between 0 and 100$/, (m) => `${quoted(m[1]!)}的${quoted(m[2]!)}必须是表达式或 0 到 100 之间的整数`],
  [/^(?:A|An) <([^>]+)> cannot be the target of an <([^>]+)>$/, (m) => `${quoted(m[1]!)}不能作为${quoted(m[2]!)}的目标`],
  [/^(?:A|An) <([^>]+)> is not allowed on (?:a|an) <([^>]+)>$/, (m) => `${quoted(m[1]!)}不能附加在${quoted(m[2]!)}上`],
  [/^A <Process> is not allowed to contain a straight-through processing loop: (.+)$/, (m) => `「流程」中不能有不经等待的直通循环：${terms(m[1]!).replace(/, /g, '、')}`],
  [/^Variable name must start with a letter or an underscore, and may contain only letters, digits, underscores, and dots\.$/,
    () => '变量名必须以字母或下划线开头，只能包含字母、数字、下划线和点'],
  [/^(Escalation|Error) code used in a catch event must be a static value$/, (m) => `捕获事件中的${m[1] === 'Error' ? '错误' : '升级'}代码必须是固定值，不能是表达式`],
  [/^An <Input> must have a defined <Variable assignment value>\. Empty variable assignments are only supported by (.+) or newer$/,
    (m) => `「输入映射」必须设置「变量赋值」；空赋值需要 ${m[1]} 及以上版本才支持`],
  [/^(?:A|An) <([^>]+)> with <([^>]+)> managed by Camunda is deprecated\. Consider migrating to <([^>]+)>\.$/,
    (m) => `${quoted(m[1]!)}使用由 Camunda 管理的${quoted(m[2]!)}已弃用，建议改为${quoted(m[3]!)}`],
  [/^(?:A|An) <([^>]+)> with <([^>]+)> managed by Camunda is not supported\. Migrate to <([^>]+)>\.$/,
    (m) => `${quoted(m[1]!)}不再支持由 Camunda 管理的${quoted(m[2]!)}，请改为${quoted(m[3]!)}`],
  [/^Property <([^>]+)> uses (deprecated|legacy) secret expression format (.+)$/, (m) => `属性「${m[1]}」使用了${m[2] === 'legacy' ? '旧式' : '已弃用'}的密钥表达式格式（${m[3]}）`],
];

/** Chinese summaries of the rules, for messages whose sentence we do not recognise. */
const RULES: Record<string, string> = {
  'no-duplicate-sequence-flows': '存在重复的顺序流',
  'single-blank-start-event': '流程中有多个空白开始事件',
  'sub-process-blank-start-event': '子流程的开始事件必须是空白开始事件',
  'event-sub-process-typed-start-event': '事件子流程的开始事件必须有事件类型',
  'link-event': '链接事件配置有误（名称缺失或重复）',
  'event-based-gateway': '事件网关配置有误',
  'conditional-event': '条件事件配置有误',
  'ad-hoc-sub-process': '自由子流程配置有误',
  'start-event-required': '流程缺少开始事件',
  'end-event-required': '流程缺少结束事件',
  'no-disconnected': '元素未与流程连接',
  'no-implicit-split': '存在隐式分支，请使用网关',
  'no-implicit-start': '存在隐式开始，请使用开始事件',
  'no-implicit-end': '存在隐式结束，请使用结束事件',
  'label-required': '元素缺少名称',
};

/** The sentence in Chinese, or undefined when its shape is not known. */
export function translateLintSentence(message: string): string | undefined {
  const text = message.trim();
  for (const [pattern, render] of SHAPES) {
    const m = pattern.exec(text);
    if (m) return render(m);
  }
  return undefined;
}

export interface TranslatedMessage {
  text: string;
  /** The linter's English, when the Chinese is only a summary of the rule. */
  original?: string;
}

export function translateLintMessage(message: string, rule: string): TranslatedMessage {
  const known = translateLintSentence(message);
  if (known) return { text: known };
  const ruleName = rule.replace(/^.*\//, '');
  return { text: RULES[ruleName] ?? `模型检查未通过（规则 ${ruleName}）`, original: message };
}
