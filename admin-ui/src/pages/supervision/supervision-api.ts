// The supervision API as the pages read it (server/routes/supervision.ts).
import type { TicketListItem } from '../work/ticket-api.ts';

export type DueKind = 'due-today' | 'overdue';

export interface OpenTask { name: string | null; elementId: string; assignee: string | null; assigneeName: string | null; candidateGroups: string[] }

export interface DueItem {
  ticket: TicketListItem;
  departmentName: string | null;
  step: { code: string; title: string } | null;
  dueDate: string | null;
  dueAt: string | null;
  daysOverdue: number;
  urgency: 'today' | 'overdue' | 'severe';
  tasks: OpenTask[];
  supervised: { reason: string; listedAt: string } | null;
  lastUrgedAt: string | null;
}

export interface UrgeResult { urged: boolean; repeated: boolean; recipients: string[] }
export interface SuperviseResult {
  listed: boolean;
  alreadyListed: { reason: string; listedAt: string } | null;
  notice: { id: string; noticeNo: string; issuedNow: boolean } | null;
}

export interface Definition { processDefinitionKey: string; processDefinitionId: string; name: string | null; version: number }
export interface ElementCounts { elementId: string; active: number; canceled: number; incidents: number; completed: number }
export interface ElementDuration { elementId: string; count: number; avgMs: number; p50Ms: number; p90Ms: number; maxMs: number }
export interface DefinitionDetail { definition: Definition; xml: string; counts: ElementCounts[]; durations: ElementDuration[] | null }

export type InstanceState = 'active' | 'completed' | 'canceled' | 'incident';
export interface Instance {
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processDefinitionName: string | null;
  version: number;
  parentProcessInstanceKey: string | null;
  state: InstanceState;
  startDate: string;
  endDate: string | null;
  ticket: { id: string; ticketNo: string; department: string | null } | null;
}

export interface Incident {
  incidentKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  elementId: string;
  elementInstanceKey: string;
  errorType: string;
  errorMessage: string;
  jobKey: string | null;
  creationTime: string;
}

export interface InstanceDetail {
  instance: Instance;
  xml: string | null;
  elements: Array<{ elementInstanceKey: string; elementId: string; elementName: string | null; type: string; state: string; startDate: string; endDate: string | null; hasIncident: boolean }>;
  sequenceFlows: string[];
  variables: Array<{ name: string; value: string; scopeKey: string; truncated: boolean }>;
  incidents: Incident[];
}

export const STATE_LABELS: Record<InstanceState, string> = { active: '运行中', incident: '有异常', completed: '已完成', canceled: '已取消' };
export const STATE_TAGS: Record<InstanceState, 'primary' | 'danger' | 'success' | 'info'> = { active: 'primary', incident: 'danger', completed: 'success', canceled: 'info' };

export const ERROR_TYPES: Record<string, string> = {
  JOB_NO_RETRIES: '作业重试次数用尽', EXTRACT_VALUE_ERROR: '取值失败', CONDITION_ERROR: '条件表达式错误', IO_MAPPING_ERROR: '输入输出映射错误',
  CALLED_ELEMENT_ERROR: '调用的流程不存在', UNHANDLED_ERROR_EVENT: '未捕获的错误事件', DECISION_EVALUATION_ERROR: '决策表计算失败',
  MESSAGE_SIZE_EXCEEDED: '消息过大', FORM_NOT_FOUND: '表单不存在', RESOURCE_NOT_FOUND: '资源不存在', UNKNOWN: '未知错误',
};

/** 1 小时 20 分 / 3 天 2 小时 / 45 秒. */
export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} 秒`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} 分`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} 小时${m % 60 ? ` ${m % 60} 分` : ''}`;
  const d = Math.floor(h / 24);
  return `${d} 天${h % 24 ? ` ${h % 24} 小时` : ''}`;
}
