// A structural view of the moddle elements we read. moddle objects carry every BPMN and zeebe
// property as a plain field; listing the ones we use keeps the rest of the model code typed
// without casting at each access.

export interface ModdleElement {
  readonly $type: string;
  $parent?: ModdleElement;
  $attrs?: Record<string, string>;
  /** Reads a property with its schema default (isInterrupting, cancelActivity, ...). */
  get(name: string): unknown;

  id?: string;
  name?: string;

  // definitions and containers
  rootElements?: ModdleElement[];
  flowElements?: ModdleElement[];
  isExecutable?: boolean;
  triggeredByEvent?: boolean;
  extensionElements?: { values?: ModdleElement[] };

  // flow nodes and flows
  sourceRef?: ModdleElement;
  targetRef?: ModdleElement;
  conditionExpression?: ModdleElement;
  default?: ModdleElement;
  attachedToRef?: ModdleElement;
  eventDefinitions?: ModdleElement[];
  loopCharacteristics?: ModdleElement;
  isForCompensation?: boolean;
  messageRef?: ModdleElement;

  // event definitions and their referenced root elements
  timeDate?: ModdleElement;
  timeDuration?: ModdleElement;
  timeCycle?: ModdleElement;
  errorRef?: ModdleElement;
  errorCode?: string;
  escalationRef?: ModdleElement;
  escalationCode?: string;
  signalRef?: ModdleElement;

  // expressions (bpmn:FormalExpression)
  body?: string;

  // multi-instance
  isSequential?: boolean;
  loopCardinality?: ModdleElement;
  completionCondition?: ModdleElement;

  // zeebe extension elements: attribute values are strings, a few booleans
  [zeebeAttribute: string]: unknown;
}

export function isType(el: ModdleElement | undefined, type: string): boolean {
  return el?.$type === type;
}

/** The zeebe extension elements of one type, e.g. 'zeebe:TaskDefinition'. */
export function extensionsOf(el: ModdleElement | undefined, type: string): ModdleElement[] {
  return (el?.extensionElements?.values ?? []).filter((v) => v.$type === type);
}

export function extensionOf(el: ModdleElement | undefined, type: string): ModdleElement | undefined {
  return extensionsOf(el, type)[0];
}

/** A string attribute of a zeebe extension element, undefined when absent. */
export function attr(el: ModdleElement | undefined, name: string): string | undefined {
  const value = el?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Whether an attribute is written in the XML; moddle serves schema defaults (e.g. bindingType) otherwise. */
export function isWritten(el: ModdleElement | undefined, name: string): boolean {
  return el !== undefined && Object.prototype.hasOwnProperty.call(el, name);
}

/** Text of a bpmn:FormalExpression (conditions, timer values), trimmed as Zeebe reads it. */
export function bodyOf(expression: ModdleElement | undefined): string | undefined {
  const body = expression?.body;
  return typeof body === 'string' ? body.trim() : undefined;
}

export function isBlank(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === '';
}

/** 'bpmn:IntermediateCatchEvent' -> 'intermediateCatchEvent': the XML element name users see. */
export function localName(type: string): string {
  const name = type.slice(type.indexOf(':') + 1);
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export function isEventSubProcess(el: ModdleElement | undefined): boolean {
  return isType(el, 'bpmn:SubProcess') && el?.triggeredByEvent === true;
}

/** The single event definition kind of an event ('timer', 'message', ...), 'none' without one. */
export function eventKindOf(el: ModdleElement): string {
  const defs = el.eventDefinitions ?? [];
  if (defs.length === 0) return 'none';
  if (defs.length > 1) return 'multiple';
  return EVENT_DEFINITION_KINDS[defs[0].$type] ?? localName(defs[0].$type);
}

const EVENT_DEFINITION_KINDS: Record<string, string> = {
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:CompensateEventDefinition': 'compensation',
  'bpmn:ConditionalEventDefinition': 'conditional',
  'bpmn:CancelEventDefinition': 'cancel',
};

export function isEvent(el: ModdleElement): boolean {
  return EVENT_TYPES.has(el.$type);
}

const EVENT_TYPES = new Set([
  'bpmn:StartEvent',
  'bpmn:EndEvent',
  'bpmn:IntermediateCatchEvent',
  'bpmn:IntermediateThrowEvent',
  'bpmn:BoundaryEvent',
  'bpmn:ImplicitThrowEvent',
]);

/** How an element is named in messages: "serviceTask", "intermediateCatchEvent, timer", "eventSubProcess". */
export function kindOf(el: ModdleElement): string {
  if (isEventSubProcess(el)) return 'eventSubProcess';
  const name = localName(el.$type);
  if (!isEvent(el)) return name;
  const kind = eventKindOf(el);
  return kind === 'none' ? name : `${name}, ${kind}`;
}
