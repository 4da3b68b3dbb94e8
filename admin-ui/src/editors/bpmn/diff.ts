/// <reference path="./bpmn-js-differ.d.ts" />
// What changed between two BPMN diagrams, by bpmn-js-differ (bpmn.io's semantic differ),
// as markers for the two viewers and a list in Chinese.
import { diff } from 'bpmn-js-differ';
import { elementTypeZh } from '../../i18n/bpmn-types.ts';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'layout';

export interface DiagramChange {
  id: string;
  kind: ChangeKind;
  /** 用户任务「受理审核」 */
  label: string;
  /** For `changed`: one line per attribute, 名称：「a」→「b」. */
  details: string[];
}

export const CHANGE_KIND_ZH: Record<ChangeKind, string> = { added: '新增', removed: '删除', changed: '修改', layout: '位置调整' };

const ATTRIBUTE_ZH: Record<string, string> = {
  name: '名称',
  conditionExpression: '条件表达式',
  default: '默认路径',
  sourceRef: '起点',
  targetRef: '终点',
  extensionElements: '扩展属性（任务类型、输入输出映射、表单、候选组等）',
  eventDefinitions: '事件定义',
  loopCharacteristics: '多实例设置',
  documentation: '说明文档',
  isInterrupting: '是否中断',
  cancelActivity: '是否中断',
  attachedToRef: '附着的任务',
  calledElement: '调用的流程',
  timeDuration: '定时时长',
  timeDate: '定时日期',
  timeCycle: '定时周期',
  isExecutable: '可执行',
};

interface ModdleElement {
  id: string;
  $type: string;
  name?: string;
  get(property: string): unknown;
}

/** 用户任务「受理审核」, or the type and id when the element has no name. */
export function elementLabel(element: { id: string; $type: string; name?: string }): string {
  const english = element.$type.replace(/^bpmn:/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
  const type = elementTypeZh(english) ?? english;
  return element.name ? `${type}「${element.name}」` : `${type}（${element.id}）`;
}

const show = (value: unknown): string => {
  if (value === undefined || value === null || value === '') return '空';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return `「${value}」`;
  const e = value as { id?: string; body?: string; $type?: string };
  if (typeof e.body === 'string') return `「${e.body}」`;
  if (e.id && e.$type) return elementLabel(e as ModdleElement);
  return '';
};

function attributeLine(key: string, before: ModdleElement | undefined, after: ModdleElement): string {
  const property = key.replace(/\[\d+\]$/, '').split('.')[0]!;
  const title = ATTRIBUTE_ZH[property] ?? property;
  // The values are read from both models by name: which side the differ reports as old
  // and which as new is not something to rely on.
  const was = show(before?.get(property));
  const now = show(after.get(property));
  return was && now && was !== now ? `${title}：${was} → ${now}` : `${title}已修改`;
}

/** Every element of a definitions tree by id (flow elements, lanes, participants…). */
function elementsById(definitions: unknown): Map<string, ModdleElement> {
  const found = new Map<string, ModdleElement>();
  const seen = new Set<unknown>();
  const walk = (node: any) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (typeof node.$type === 'string' && typeof node.id === 'string' && node.$type.startsWith('bpmn:')) found.set(node.id, node);
    for (const key of ['rootElements', 'flowElements', 'laneSets', 'lanes', 'participants', 'messageFlows', 'artifacts']) {
      for (const child of node[key] ?? []) walk(child);
    }
  };
  walk(definitions);
  return found;
}

export function diagramChanges(oldDefinitions: unknown, newDefinitions: unknown): DiagramChange[] {
  const result = diff(oldDefinitions, newDefinitions) as {
    _added: Record<string, ModdleElement>;
    _removed: Record<string, ModdleElement>;
    _changed: Record<string, { model: ModdleElement; attrs: Record<string, unknown> }>;
    _layoutChanged: Record<string, ModdleElement>;
  };
  const before = elementsById(oldDefinitions);
  const after = elementsById(newDefinitions);
  const changes: DiagramChange[] = [];
  for (const [id, element] of Object.entries(result._added)) changes.push({ id, kind: 'added', label: elementLabel(element), details: [] });
  for (const [id, element] of Object.entries(result._removed)) changes.push({ id, kind: 'removed', label: elementLabel(element), details: [] });
  for (const [id, { model, attrs }] of Object.entries(result._changed)) {
    const current = after.get(id) ?? model;
    const keys = Object.keys(attrs);
    const details = keys.length ? [...new Set(keys.map((key) => attributeLine(key, before.get(id), current)))] : [ATTRIBUTE_ZH.extensionElements! + '已修改'];
    changes.push({ id, kind: 'changed', label: elementLabel(current), details });
  }
  for (const [id, element] of Object.entries(result._layoutChanged)) {
    if (!result._changed[id] && !result._added[id]) changes.push({ id, kind: 'layout', label: elementLabel(after.get(id) ?? element), details: [] });
  }
  return changes;
}
