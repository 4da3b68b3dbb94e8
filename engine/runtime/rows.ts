// The rows of the engine's state, as persisted (JSON in PostgreSQL) and held in memory.

import type { BpmnElementType } from '../model/types.ts';

export const TENANT = '<default>';

export interface ProcessRow {
  kind: 'process';
  key: number;
  bpmnProcessId: string;
  name?: string;
  version: number;
  versionTag?: string;
  resourceName: string;
  checksum: string;
  deploymentKey: number;
  xml: string;
  deploymentTime: number;
}

export interface DrgRow {
  kind: 'drg';
  key: number;
  drgId: string;
  name: string;
  version: number;
  resourceName: string;
  checksum: string;
  deploymentKey: number;
  xml: string;
}

export interface DecisionRow {
  kind: 'decision';
  key: number;
  decisionId: string;
  name: string;
  version: number;
  versionTag?: string;
  drgKey: number;
  drgId: string;
  deploymentKey: number;
}

export interface FormRow {
  kind: 'form';
  key: number;
  formId: string;
  version: number;
  versionTag?: string;
  resourceName: string;
  checksum: string;
  deploymentKey: number;
  schema: string;
}

export type ResourceRow = ProcessRow | DrgRow | DecisionRow | FormRow;

export type ElementState = 'ACTIVATING' | 'ACTIVATED' | 'COMPLETING' | 'TERMINATING';

export interface ElementInstanceRow {
  key: number;
  elementId: string;
  type: BpmnElementType;
  state: ElementState;
  /** -1 for a process instance. */
  flowScopeKey: number;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  version: number;
  /** A process instance started by a call activity. */
  parentProcessInstanceKey?: number;
  parentElementInstanceKey?: number;
  jobKey?: number;
  userTaskKey?: number;
  childProcessInstanceKey?: number;
  /** Flow scopes: tokens waiting at joining gateways, "gatewayId flowId" -> count. */
  joinTokens?: Record<string, number>;
  /** Multi-instance bodies: the collection and how far it got. */
  multiInstance?: { items: unknown[]; started: number; completed: number; terminated: number; conditionMet?: boolean };
  /** A process instance started by a message start event with a correlation key. */
  startCorrelationKey?: string;
  /** While COMPLETING: the variables the element completes with (job, result, child), kept for a retry. */
  completionVariables?: Record<string, unknown>;
  startTime: number;
}

export interface VariableRow {
  key: number;
  scopeKey: number;
  processInstanceKey: number;
  name: string;
  value: unknown;
}

export type JobState = 'ACTIVATABLE' | 'ACTIVATED' | 'FAILED' | 'ERROR_THROWN';

export interface JobRow {
  key: number;
  type: string;
  state: JobState;
  retries: number;
  worker: string;
  /** Activated jobs: when the activation times out (epoch ms). */
  deadline: number;
  /** Failed jobs with retries left: when they become activatable again. */
  recurAt?: number;
  errorMessage: string;
  errorCode?: string;
  customHeaders: Record<string, string>;
  elementInstanceKey: number;
  elementId: string;
  processInstanceKey: number;
  bpmnProcessId: string;
  processDefinitionKey: number;
  processDefinitionVersion: number;
  creationTime: number;
}

export type UserTaskState = 'CREATED' | 'COMPLETED' | 'CANCELED' | 'FAILED';

/** A Camunda user task (zeebe:userTask), as the Orchestration Cluster API shows it. */
export interface UserTaskRow {
  key: number;
  state: UserTaskState;
  name?: string;
  assignee?: string;
  candidateUsers: string[];
  candidateGroups: string[];
  /** ISO 8601 date-times, as Zeebe keeps them. */
  dueDate?: string;
  followUpDate?: string;
  priority: number;
  /** The deployed form linked by formId (its key), or an external form reference. */
  formKey?: number;
  externalFormReference?: string;
  customHeaders: Record<string, string>;
  elementId: string;
  elementInstanceKey: number;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  processDefinitionVersion: number;
  creationDate: number;
  completionDate?: number;
}

export type IncidentErrorType =
  | 'JOB_NO_RETRIES'
  | 'UNHANDLED_ERROR_EVENT'
  | 'EXTRACT_VALUE_ERROR'
  | 'CONDITION_ERROR'
  | 'IO_MAPPING_ERROR'
  | 'CALLED_ELEMENT_ERROR'
  | 'CALLED_DECISION_ERROR'
  | 'DECISION_EVALUATION_ERROR'
  | 'FORM_NOT_FOUND'
  | 'UNKNOWN';

export interface IncidentRow {
  key: number;
  errorType: IncidentErrorType;
  errorMessage: string;
  elementInstanceKey: number;
  elementId: string;
  processInstanceKey: number;
  bpmnProcessId: string;
  processDefinitionKey: number;
  jobKey?: number;
  creationTime: number;
}

/** What happened, appended to the history: the records Zeebe's exporters would see. */
export interface HistoryRecord {
  key: number;
  valueType: string;
  intent: string;
  processInstanceKey?: number;
  timestamp: number;
  value: Record<string, unknown>;
}

/** A timer: of a waiting element instance (catch event, boundary, event sub-process) or of a process's timer start event (elementInstanceKey -1). */
export interface TimerRow {
  key: number;
  elementInstanceKey: number;
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  /** The catch event the timer belongs to. */
  targetElementId: string;
  dueDate: number;
  repetitions: number;
  interval?: string;
  cron?: string;
}

/** An open message subscription of a waiting element instance. */
export interface MessageSubscriptionRow {
  key: number;
  elementInstanceKey: number;
  processInstanceKey: number;
  bpmnProcessId: string;
  targetElementId: string;
  messageName: string;
  correlationKey: string;
}

/** A published message kept for its time to live. */
export interface MessageRow {
  key: number;
  name: string;
  correlationKey: string;
  messageId: string;
  variables: Record<string, unknown>;
  deadline: number;
  /** BPMN process ids it was correlated to (a subscription or a start event): once per process. */
  correlatedProcesses: string[];
}

/** An open signal subscription of a waiting element instance. */
export interface SignalSubscriptionRow {
  key: number;
  elementInstanceKey: number;
  processInstanceKey: number;
  targetElementId: string;
  signalName: string;
}
