// Checking resources before they are deployed: BPMN parsed and linted for Camunda 8.8 with the
// repository's .bpmnlintrc (as `npx bpmnlint` and test/support/processes.ts run it), DMN
// parsed with dmn-moddle and then as the engine parses it, each decision dry-run on its sample
// tickets (dry-run.ts), forms checked for the basics of the form-js schema, and notice
// templates compiled with handlebars. Nothing here talks to the engine: its own validation at
// deploy time is the final check.
import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { dryRun, parseForDryRun, type SampleRun } from './dry-run.ts';

const require = createRequire(import.meta.url);
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type ResourceKind = 'process' | 'decision' | 'form' | 'template';

export interface ResourceInput {
  name: string;
  content: string;
}

export interface Problem {
  file: string;
  /** The BPMN/DMN element or form component the problem is about, when there is one. */
  elementId?: string;
  severity: 'error' | 'warning';
  /** Chinese. */
  message: string;
  /** The linter's rule, for BPMN. */
  rule?: string;
  /** The checker's English original, when there is one. */
  original?: string;
}

/** What a checked resource defines: the process, decision requirements or form id, and its decisions. */
export interface ResourceFacts {
  name: string;
  kind: ResourceKind;
  /** Process id (first executable process), DRG id, form id or template name. */
  resourceId?: string;
  decisionIds?: string[];
  checksum: string;
}

export interface CheckResult {
  ok: boolean;
  problems: Problem[];
  resources: ResourceFacts[];
  /** The DMN decisions' results on their sample tickets. */
  samples: SampleRun[];
}

export const KIND_LABEL: Record<ResourceKind, string> = { process: '流程', decision: '决策', form: '表单', template: '通知模板' };

export function kindOf(name: string): ResourceKind | undefined {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.bpmn') return 'process';
  if (ext === '.dmn') return 'decision';
  if (ext === '.form') return 'form';
  if (ext === '.hbs' || ext === '.handlebars') return 'template';
  return undefined;
}

export const checksumOf = (content: string) => crypto.createHash('sha256').update(content, 'utf8').digest('hex');

/** `now` is the clock of now() and today() in the decisions' FEEL during the dry run. */
export async function checkResources(resources: ResourceInput[], now: () => Date = () => new Date()): Promise<CheckResult> {
  const problems: Problem[] = [];
  const facts: ResourceFacts[] = [];
  const samples: SampleRun[] = [];
  const names = new Set<string>();
  for (const resource of resources) {
    const kind = kindOf(resource.name);
    if (names.has(resource.name)) problems.push({ file: resource.name, severity: 'error', message: '同一次部署中文件名重复' });
    names.add(resource.name);
    if (!kind) {
      problems.push({ file: resource.name, severity: 'error', message: '不支持的文件类型：只能是 .bpmn、.dmn、.form 或通知模板 .hbs' });
      continue;
    }
    const fact: ResourceFacts = { name: resource.name, kind, checksum: checksumOf(resource.content) };
    facts.push(fact);
    const found: Problem[] = [];
    try {
      if (kind === 'process') await checkBpmn(resource, fact, found);
      else if (kind === 'decision') samples.push(...await checkDmn(resource, fact, found, now));
      else if (kind === 'form') checkForm(resource, fact, found);
      else checkTemplate(resource, fact, found);
    } catch (err) {
      found.push({ file: resource.name, severity: 'error', message: `无法解析该文件：${(err as Error).message}` });
    }
    problems.push(...found);
  }
  // Two files of one deployment may not define the same process, decision or form.
  const seen = new Map<string, string>();
  for (const fact of facts) {
    for (const id of [fact.resourceId, ...(fact.decisionIds ?? [])]) {
      if (!id || fact.kind === 'template') continue;
      const key = `${fact.kind === 'form' ? 'form' : fact.kind === 'process' ? 'process' : 'decision'}:${id}`;
      const other = seen.get(key);
      if (other && other !== fact.name) problems.push({ file: fact.name, elementId: id, severity: 'error', message: `编号 ${id} 在 ${other} 中已定义，同一次部署中不能重复` });
      seen.set(key, fact.name);
    }
  }
  return { ok: !problems.some((p) => p.severity === 'error'), problems, resources: facts, samples };
}

// ---------------------------------------------------------------------------------------------
// BPMN

let lintConfig: { extends: unknown; rules: Record<string, unknown>; extensions: Record<string, unknown> } | undefined;

function bpmnlintConfig() {
  if (!lintConfig) {
    const config = JSON.parse(readFileSync(path.join(ROOT, '.bpmnlintrc'), 'utf8'));
    const extensions: Record<string, unknown> = {};
    for (const [name, file] of Object.entries(config.moddleExtensions ?? {})) extensions[name] = require(file as string);
    lintConfig = { extends: config.extends, rules: config.rules ?? {}, extensions };
  }
  return lintConfig;
}

async function checkBpmn(resource: ResourceInput, fact: ResourceFacts, problems: Problem[]): Promise<void> {
  const Linter = require('bpmnlint/lib/linter');
  const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
  const { BpmnModdle } = require('bpmn-moddle');
  const config = bpmnlintConfig();
  let parsed: { rootElement: any; warnings: Array<{ message: string; element?: { id?: string } }> };
  try {
    parsed = await new BpmnModdle(config.extensions).fromXML(resource.content);
  } catch (err) {
    problems.push({ file: resource.name, severity: 'error', message: `BPMN 文件无法解析：${(err as Error).message}` });
    return;
  }
  for (const warning of parsed.warnings) {
    problems.push({ file: resource.name, elementId: warning.element?.id, severity: 'warning', message: `BPMN 内容有无法识别的部分，部署时将被忽略：${warning.message}` });
  }
  const processes = (parsed.rootElement.rootElements ?? []).filter((e: any) => e.$type === 'bpmn:Process');
  fact.resourceId = (processes.find((p: any) => p.isExecutable) ?? processes[0])?.id;
  if (!processes.length) problems.push({ file: resource.name, severity: 'error', message: '文件中没有流程（bpmn:process）' });
  const names = new Map<string, string>();
  const collect = (e: any) => {
    if (!e || typeof e !== 'object') return;
    if (e.id && e.name) names.set(e.id, e.name);
    for (const child of [...(e.rootElements ?? []), ...(e.flowElements ?? [])]) collect(child);
  };
  collect(parsed.rootElement);
  const linter = new Linter({ config: { extends: config.extends, rules: config.rules }, resolver: new NodeResolver() });
  const results: Record<string, Array<{ id?: string; message: string; category: string; data?: any }>> = await linter.lint(parsed.rootElement);
  for (const [rule, list] of Object.entries(results)) {
    for (const report of list) {
      const name = report.id ? names.get(report.id) : undefined;
      const label = report.id ? (name ? `「${name}」（${report.id}）：` : `${report.id}：`) : '';
      problems.push({
        file: resource.name,
        elementId: report.id,
        severity: report.category === 'warn' || report.category === 'warning' ? 'warning' : 'error',
        rule,
        message: `${label}${lintMessageZh(rule, report.message, report.data)}`,
        original: report.message,
      });
    }
  }
}

const BPMN_TYPES: Record<string, string> = {
  'bpmn:ServiceTask': '服务任务', 'bpmn:UserTask': '用户任务', 'bpmn:BusinessRuleTask': '业务规则任务', 'bpmn:ScriptTask': '脚本任务',
  'bpmn:SendTask': '发送任务', 'bpmn:ReceiveTask': '接收任务', 'bpmn:CallActivity': '调用活动', 'bpmn:SubProcess': '子流程',
  'bpmn:StartEvent': '开始事件', 'bpmn:EndEvent': '结束事件', 'bpmn:IntermediateCatchEvent': '中间捕获事件',
  'bpmn:IntermediateThrowEvent': '中间抛出事件', 'bpmn:BoundaryEvent': '边界事件', 'bpmn:ExclusiveGateway': '排他网关',
  'bpmn:ParallelGateway': '并行网关', 'bpmn:InclusiveGateway': '包容网关', 'bpmn:EventBasedGateway': '事件网关',
  'bpmn:SequenceFlow': '顺序流', 'bpmn:Process': '流程', 'bpmn:Message': '消息', 'bpmn:Error': '错误', 'bpmn:Signal': '信号',
  'bpmn:Escalation': '升级', 'bpmn:TimerEventDefinition': '定时器', 'bpmn:MessageEventDefinition': '消息事件定义',
  'bpmn:ErrorEventDefinition': '错误事件定义', 'zeebe:TaskDefinition': '任务定义（作业类型）', 'zeebe:CalledElement': '被调用流程',
  'zeebe:CalledDecision': '被调用决策', 'zeebe:Script': '脚本', 'zeebe:Subscription': '消息订阅', 'zeebe:FormDefinition': '表单',
  'zeebe:LoopCharacteristics': '多实例设置', 'zeebe:UserTask': 'Camunda 用户任务',
};
const typeZh = (t: string) => BPMN_TYPES[t] ?? t.replace(/^\w+:/, '');

const BPMN_RULES: Record<string, string> = {
  'label-required': '元素缺少名称',
  'no-bpmndi': '元素缺少图形信息（BPMNDI），请在建模器中打开后重新保存',
  'no-disconnected': '元素未与流程连接',
  'no-implicit-split': '存在隐式分支，请使用网关',
  'no-implicit-start': '存在隐式开始，请使用开始事件',
  'no-implicit-end': '存在隐式结束，请使用结束事件',
  'start-event-required': '流程缺少开始事件',
  'end-event-required': '流程缺少结束事件',
  'no-duplicate-sequence-flows': '存在重复的顺序流',
  'single-blank-start-event': '流程中有多个空白开始事件',
  'fake-join': '存在隐式汇合，请使用网关',
  'no-gateway-join-fork': '网关不应同时汇合和分支',
  'superfluous-gateway': '多余的网关（只有一条传入和一条传出）',
  'no-complex-gateway': '不支持复杂网关',
  'conditional-flows': '条件顺序流缺少条件或默认流',
  'sub-process-blank-start-event': '子流程的开始事件必须是空白开始事件',
  'link-event': '链接事件配置有误（名称缺失或重复）',
  'event-sub-process-typed-start-event': '事件子流程的开始事件必须有事件类型',
  'camunda-compat/called-element': '调用活动缺少被调用流程编号',
  'camunda-compat/implementation': '任务缺少实现设置（作业类型、被调用决策或脚本等）',
  'camunda-compat/executable-process': '流程必须设为可执行',
  'camunda-compat/feel': 'FEEL 表达式有语法错误',
  'camunda-compat/no-expression': '此处不允许使用表达式',
  'camunda-compat/message-reference': '消息事件缺少消息引用',
  'camunda-compat/error-reference': '错误事件缺少错误引用或错误代码',
  'camunda-compat/timer': '定时器设置有误',
  'camunda-compat/loop-characteristics': '多实例设置有误',
  'camunda-compat/subscription': '消息订阅缺少关联键',
  'camunda-compat/element-type': 'Camunda 8.8 不支持该元素类型',
  'camunda-compat/history-time-to-live': '缺少历史保留时间',
  'camunda-compat/user-task-form': '用户任务的表单设置有误',
  'camunda-compat/no-zeebe-user-task': '用户任务实现方式有误',
  'camunda-compat/duplicate-task-headers': '任务头有重复的键',
  'camunda-compat/task-schedule': '任务的截止时间或跟进时间格式有误',
};

/** The linter's report in Chinese: from the report's data when it has the usual shape, else a summary of the rule. */
export function lintMessageZh(rule: string, message: string, data?: any): string {
  const type = data?.type as string | undefined;
  const node = data?.node?.$type ? typeZh(data.node.$type) : undefined;
  if (type === 'camunda.extensionElementRequired' && data.requiredExtensionElement) {
    const required = Array.isArray(data.requiredExtensionElement) ? data.requiredExtensionElement.map(typeZh).join('或') : typeZh(data.requiredExtensionElement);
    return `${node ?? '元素'}必须设置${required}`;
  }
  if (type === 'camunda.propertyRequired' && data.requiredProperty) return `${node ?? '元素'}必须设置属性 ${[].concat(data.requiredProperty).join(' 或 ')}`;
  if (type === 'camunda.elementTypeNotAllowed') return `Camunda 8.8 不支持${node ?? '该元素类型'}`;
  if (type === 'camunda.expressionValueNotAllowed') return `${node ?? '元素'}的属性 ${data.property ?? ''} 不能使用表达式`;
  if (type === 'camunda.propertyValueNotAllowed' || type === 'camunda.extensionElementNotAllowed') return `${node ?? '元素'}的设置不被 Camunda 8.8 支持（${data.property ?? data.extensionElement?.$type ?? ''}）`;
  if (type === 'camunda.propertyValueDuplicated') return `${node ?? '元素'}的 ${data.property ?? '属性'} 有重复值`;
  if (type === 'camunda.propertyTypeNotAllowed') return `${node ?? '元素'}的 ${data.property ?? '属性'} 类型不被支持`;
  if (type === 'camunda.feelExpressionInvalid' || rule.endsWith('/feel')) return `FEEL 表达式有语法错误${data?.property ? `（${data.property}）` : ''}`;
  return BPMN_RULES[rule] ?? `模型检查未通过（规则 ${rule}）`;
}

// ---------------------------------------------------------------------------------------------
// DMN

async function checkDmn(resource: ResourceInput, fact: ResourceFacts, problems: Problem[], now: () => Date): Promise<SampleRun[]> {
  const moduleName = 'dmn-moddle'; // ESM-only and untyped
  const DmnModdle: any = await import(moduleName);
  const Ctor = DmnModdle.DmnModdle ?? DmnModdle.default;
  let parsed: { rootElement: any; warnings: Array<{ message: string; element?: { id?: string } }> };
  try {
    parsed = await new Ctor().fromXML(resource.content, 'dmn:Definitions');
  } catch (err) {
    problems.push({ file: resource.name, severity: 'error', message: `DMN 文件无法解析：${(err as Error).message}` });
    return [];
  }
  for (const warning of parsed.warnings) {
    problems.push({ file: resource.name, elementId: warning.element?.id, severity: 'warning', message: `DMN 内容有无法识别的部分：${warning.message}` });
  }
  const definitions = parsed.rootElement;
  fact.resourceId = definitions.id;
  if (!definitions.id) problems.push({ file: resource.name, severity: 'error', message: 'DMN 定义（definitions）缺少编号 id' });
  const decisions = (definitions.drgElement ?? []).filter((e: any) => e.$type === 'dmn:Decision');
  fact.decisionIds = decisions.map((d: any) => d.id);
  if (!decisions.length) problems.push({ file: resource.name, severity: 'error', message: '文件中没有决策（decision）' });
  for (const decision of decisions) {
    const logic = decision.decisionLogic;
    if (!logic) {
      problems.push({ file: resource.name, elementId: decision.id, severity: 'error', message: `决策「${decision.name ?? decision.id}」没有决策表或文字表达式` });
      continue;
    }
    if (logic.$type === 'dmn:DecisionTable') {
      if (!logic.output?.length) problems.push({ file: resource.name, elementId: decision.id, severity: 'error', message: `决策表「${decision.name ?? decision.id}」没有输出列` });
      if (logic.output?.length > 1 && logic.output.some((o: any) => !o.name)) {
        problems.push({ file: resource.name, elementId: decision.id, severity: 'error', message: `决策表「${decision.name ?? decision.id}」有多个输出列，每列都须有名称（name）` });
      }
      for (const input of logic.input ?? []) {
        if (!input.inputExpression?.text?.trim()) problems.push({ file: resource.name, elementId: input.id ?? decision.id, severity: 'error', message: `决策表「${decision.name ?? decision.id}」的输入列「${input.label ?? input.id}」缺少表达式` });
      }
      for (const [i, rule] of (logic.rule ?? []).entries()) {
        if ((rule.inputEntry ?? []).length !== (logic.input ?? []).length || (rule.outputEntry ?? []).length !== (logic.output ?? []).length) {
          problems.push({ file: resource.name, elementId: rule.id ?? decision.id, severity: 'error', message: `决策表「${decision.name ?? decision.id}」第 ${i + 1} 条规则的单元格数与列数不一致` });
        }
      }
    } else if (logic.$type === 'dmn:LiteralExpression' && !logic.text?.trim()) {
      problems.push({ file: resource.name, elementId: decision.id, severity: 'error', message: `决策「${decision.name ?? decision.id}」的文字表达式为空` });
    }
  }
  if (problems.some((p) => p.severity === 'error')) return [];
  const drg = await parseForDryRun(resource.name, resource.content, problems);
  return drg ? dryRun(resource.name, drg, problems, now) : [];
}

// ---------------------------------------------------------------------------------------------
// Forms

function checkForm(resource: ResourceInput, fact: ResourceFacts, problems: Problem[]): void {
  let schema: any;
  try {
    schema = JSON.parse(resource.content);
  } catch (err) {
    problems.push({ file: resource.name, severity: 'error', message: `表单文件不是有效的 JSON：${(err as Error).message}` });
    return;
  }
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
    problems.push({ file: resource.name, severity: 'error', message: '表单文件须为 JSON 对象' });
    return;
  }
  if (typeof schema.id !== 'string' || !schema.id) problems.push({ file: resource.name, severity: 'error', message: '表单缺少编号 id（用户任务以 formId 引用它）' });
  else fact.resourceId = schema.id;
  if (schema.type !== undefined && schema.type !== 'default') problems.push({ file: resource.name, severity: 'warning', message: `表单的 type 应为 default，现为 ${JSON.stringify(schema.type)}` });
  if (!Array.isArray(schema.components)) {
    problems.push({ file: resource.name, severity: 'error', message: '表单缺少组件列表 components' });
    return;
  }
  const ids = new Set<string>();
  const keys = new Set<string>();
  const walk = (components: any[], where: string) => {
    for (const [i, c] of components.entries()) {
      const at = c?.id ?? `${where}[${i}]`;
      if (!c || typeof c !== 'object' || typeof c.type !== 'string' || !c.type) {
        problems.push({ file: resource.name, elementId: at, severity: 'error', message: `组件 ${at} 缺少类型 type` });
        continue;
      }
      if (c.id) {
        if (ids.has(c.id)) problems.push({ file: resource.name, elementId: c.id, severity: 'error', message: `组件编号 ${c.id} 重复` });
        ids.add(c.id);
      }
      if (c.key !== undefined) {
        if (typeof c.key !== 'string' || !c.key) problems.push({ file: resource.name, elementId: at, severity: 'error', message: `组件 ${at} 的绑定变量 key 须为非空文本` });
        else if (keys.has(c.key) && !c.path) problems.push({ file: resource.name, elementId: at, severity: 'error', message: `绑定变量 ${c.key} 被多个组件使用` });
        else keys.add(c.key);
      }
      if (Array.isArray(c.components)) walk(c.components, `${at}.components`);
    }
  };
  walk(schema.components, 'components');
}

// ---------------------------------------------------------------------------------------------
// Notice templates

function checkTemplate(resource: ResourceInput, fact: ResourceFacts, problems: Problem[]): void {
  fact.resourceId = resource.name.replace(/\.(hbs|handlebars)$/i, '');
  try {
    Handlebars.precompile(resource.content, { strict: false });
  } catch (err) {
    const message = (err as Error).message.split('\n')[0];
    problems.push({ file: resource.name, severity: 'error', message: `通知模板无法编译：${message}` });
  }
}
