// Chinese names of BPMN element types, composed the way bpmn-js and the linter compose the
// English ones ("Message Start Event", "Timer Boundary Event (Non Interrupting)").

const EVENT_KINDS: Record<string, string> = {
  Message: '消息',
  Timer: '定时器',
  Error: '错误',
  Signal: '信号',
  Escalation: '升级',
  Conditional: '条件',
  Compensate: '补偿',
  Compensation: '补偿',
  Link: '链接',
  Terminate: '终止',
  Cancel: '取消',
  Multiple: '多重',
  'Parallel Multiple': '并行多重',
  Undefined: '空白',
  None: '空白',
};

const EVENT_BASES: Record<string, string> = {
  'Start Event': '开始事件',
  'End Event': '结束事件',
  'Intermediate Catch Event': '中间捕获事件',
  'Intermediate Throw Event': '中间抛出事件',
  'Intermediate Event': '中间事件',
  'Boundary Event': '边界事件',
};

const PLAIN_TYPES: Record<string, string> = {
  Task: '任务',
  'Undefined Task': '未指定类型的任务',
  'Service Task': '服务任务',
  'User Task': '用户任务',
  'Manual Task': '人工任务',
  'Script Task': '脚本任务',
  'Business Rule Task': '业务规则任务',
  'Send Task': '发送任务',
  'Receive Task': '接收任务',
  'Call Activity': '调用活动',
  'Sub Process': '子流程',
  'Expanded Sub Process': '子流程（展开）',
  'Collapsed Sub Process': '子流程（折叠）',
  'Event Sub Process': '事件子流程',
  'Ad Hoc Sub Process': '自由子流程',
  Transaction: '事务子流程',
  'Exclusive Gateway': '排他网关',
  'Parallel Gateway': '并行网关',
  'Inclusive Gateway': '包容网关',
  'Event Based Gateway': '事件网关',
  'Complex Gateway': '复杂网关',
  'Sequence Flow': '顺序流',
  'Message Flow': '消息流',
  Process: '流程',
  Participant: '参与者（池）',
  Collaboration: '协作',
  Lane: '泳道',
  'Data Object Reference': '数据对象引用',
  'Data Store Reference': '数据存储引用',
  'Data Input Association': '数据输入关联',
  'Data Output Association': '数据输出关联',
  'Text Annotation': '文本注释',
  Group: '分组',
  Association: '关联',
  Error: '错误',
  Escalation: '升级',
  Message: '消息',
  Signal: '信号',
  'Execution Listener': '执行监听器',
  'Task Listener': '任务监听器',
  Input: '输入映射',
  Output: '输出映射',
};

/** "Message Start Event" → "消息开始事件"; undefined when the words are not known. */
export function elementTypeZh(type: string): string | undefined {
  const text = type.trim();
  if (PLAIN_TYPES[text]) return PLAIN_TYPES[text];
  const nonInterrupting = /\s*\(Non Interrupting\)$/i;
  if (nonInterrupting.test(text)) {
    const base = elementTypeZh(text.replace(nonInterrupting, ''));
    return base && `${base}（非中断）`;
  }
  for (const [base, baseZh] of Object.entries(EVENT_BASES)) {
    if (text === base) return baseZh;
    if (text.endsWith(` ${base}`)) {
      const kind = EVENT_KINDS[text.slice(0, -base.length - 1)];
      if (kind) return `${kind}${baseZh}`;
    }
  }
  return undefined;
}

/** Every type label bpmn-js can show in the properties panel header, for the dictionary. */
export function elementTypeDictionary(): Record<string, string> {
  const out: Record<string, string> = { ...PLAIN_TYPES };
  for (const [base, baseZh] of Object.entries(EVENT_BASES)) {
    out[base] = baseZh;
    for (const [kind, kindZh] of Object.entries(EVENT_KINDS)) {
      out[`${kind} ${base}`] = `${kindZh}${baseZh}`;
      out[`${kind} ${base} (Non Interrupting)`] = `${kindZh}${baseZh}（非中断）`;
    }
  }
  return out;
}
