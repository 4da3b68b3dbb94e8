// The executable model: what the runtime needs of a BPMN process, after parsing and validation.
// Names follow Zeebe's BpmnElementType / BpmnEventType so records and REST answers use them as is.

export type BpmnElementType =
  | 'PROCESS'
  | 'SUB_PROCESS'
  | 'EVENT_SUB_PROCESS'
  | 'START_EVENT'
  | 'INTERMEDIATE_CATCH_EVENT'
  | 'INTERMEDIATE_THROW_EVENT'
  | 'BOUNDARY_EVENT'
  | 'END_EVENT'
  | 'SERVICE_TASK'
  | 'SEND_TASK'
  | 'RECEIVE_TASK'
  | 'USER_TASK'
  | 'MANUAL_TASK'
  | 'TASK'
  | 'SCRIPT_TASK'
  | 'BUSINESS_RULE_TASK'
  | 'CALL_ACTIVITY'
  | 'EXCLUSIVE_GATEWAY'
  | 'PARALLEL_GATEWAY'
  | 'INCLUSIVE_GATEWAY'
  | 'EVENT_BASED_GATEWAY'
  | 'MULTI_INSTANCE_BODY';

export type BpmnEventType =
  | 'NONE'
  | 'TIMER'
  | 'MESSAGE'
  | 'ERROR'
  | 'ESCALATION'
  | 'SIGNAL'
  | 'TERMINATE'
  | 'LINK';

/** A zeebe:input / zeebe:output. `source` is as written: '=expr' is FEEL, anything else a static value. */
export interface Mapping {
  source: string;
  target: string;
}

/** An expression-capable attribute as written in the model: '=expr' is FEEL, otherwise a static string. */
export type Expression = string;

export interface JobDefinition {
  type: Expression;
  retries: Expression; // default '3'
  headers: Record<string, string>;
}

export interface TimerDefinition {
  kind: 'date' | 'duration' | 'cycle';
  expression: Expression;
}

export interface MessageDefinition {
  name: Expression;
  correlationKey?: Expression; // absent on message start events
}

export interface MultiInstanceDefinition {
  sequential: boolean;
  inputCollection: Expression;
  inputElement?: string;
  outputCollection?: string;
  outputElement?: Expression;
  completionCondition?: Expression;
}

export interface UserTaskDefinition {
  assignee?: Expression;
  candidateUsers?: Expression;
  candidateGroups?: Expression;
  dueDate?: Expression;
  followUpDate?: Expression;
  priority?: Expression;
  formId?: string; // zeebe:formDefinition formId (linked, deployed form)
  formKey?: string; // zeebe:formDefinition formKey / externalReference
  /** zeebe:formDefinition bindingType of a linked form (formId); Zeebe's default is 'latest'. */
  formBindingType?: 'latest' | 'deployment' | 'versionTag';
  /** zeebe:formDefinition versionTag, with formBindingType 'versionTag'. */
  formVersionTag?: string;
  /** zeebe:taskHeaders on a user task: the task's customHeaders. */
  headers?: Record<string, string>;
}

export interface FlowNode {
  id: string;
  name?: string;
  type: BpmnElementType;
  /** Event elements only. */
  eventType?: BpmnEventType;
  /** Id of the enclosing flow scope (the process, a sub-process or an event sub-process). */
  flowScopeId: string;
  incoming: string[]; // sequence flow ids
  outgoing: string[]; // sequence flow ids
  defaultFlowId?: string; // exclusive and inclusive gateways
  inputMappings: Mapping[];
  outputMappings: Mapping[];

  /** Service, send, business rule (job-based) and script (job-based) tasks; message/escalation throw events as jobs. */
  job?: JobDefinition;
  /** zeebe:script on a script task. */
  script?: { expression: Expression; resultVariable: string };
  /** zeebe:calledDecision on a business rule task. */
  calledDecision?: { decisionId: Expression; resultVariable: string; bindingType: 'latest' | 'deployment' | 'versionTag'; versionTag?: string };
  /** zeebe:calledElement on a call activity. */
  calledElement?: {
    processId: Expression;
    propagateAllChildVariables: boolean;
    propagateAllParentVariables: boolean;
    bindingType: 'latest' | 'deployment' | 'versionTag';
    versionTag?: string;
  };
  userTask?: UserTaskDefinition;

  timer?: TimerDefinition;
  message?: MessageDefinition;
  /** Error events: for a catch event an absent errorCode catches every error. */
  error?: { errorCode?: Expression; errorCodeVariable?: string; errorMessageVariable?: string };
  escalation?: { escalationCode?: Expression; escalationCodeVariable?: string };
  signal?: { name: Expression };
  /** Link events: the link name. */
  link?: { name: string };

  /** Boundary events. */
  attachedToId?: string;
  cancelActivity?: boolean;
  /** Activities: ids of the boundary events attached to it. */
  boundaryEventIds: string[];

  /** Start events in event sub-processes, and boundary events. */
  interrupting?: boolean;

  multiInstance?: MultiInstanceDefinition;

  /** Flow scopes (PROCESS, SUB_PROCESS, EVENT_SUB_PROCESS): direct children. */
  childIds: string[];
  /** Flow scopes: ids of the start events directly inside (for event sub-processes: its one start event). */
  startEventIds: string[];
  /** Flow scopes: ids of the event sub-processes directly inside. */
  eventSubProcessIds: string[];
}

export interface SequenceFlow {
  id: string;
  name?: string;
  sourceId: string;
  targetId: string;
  /** FEEL condition as written ('=...'), absent for unconditional flows. */
  condition?: Expression;
}

export interface ExecutableProcess {
  /** bpmnProcessId */
  id: string;
  name?: string;
  versionTag?: string;
  /** The PROCESS element is in `elements` too, under the process id. */
  elements: Map<string, FlowNode>;
  flows: Map<string, SequenceFlow>;
}

/** A model error: names the element and what to do. Deploy answers it as INVALID_ARGUMENT. */
export class ModelError extends Error {
  constructor(
    message: string,
    readonly elementId?: string,
    readonly resourceName?: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}
