import type { BpmnElementType, BpmnEventType } from './types.ts';
import { isEventSubProcess, type ModdleElement } from './moddle.ts';

/** BPMN element types the engine executes, by moddle type. Sub-processes split on triggeredByEvent. */
const ELEMENT_TYPES: Record<string, BpmnElementType> = {
  'bpmn:SubProcess': 'SUB_PROCESS',
  'bpmn:StartEvent': 'START_EVENT',
  'bpmn:IntermediateCatchEvent': 'INTERMEDIATE_CATCH_EVENT',
  'bpmn:IntermediateThrowEvent': 'INTERMEDIATE_THROW_EVENT',
  'bpmn:BoundaryEvent': 'BOUNDARY_EVENT',
  'bpmn:EndEvent': 'END_EVENT',
  'bpmn:ServiceTask': 'SERVICE_TASK',
  'bpmn:SendTask': 'SEND_TASK',
  'bpmn:ReceiveTask': 'RECEIVE_TASK',
  'bpmn:UserTask': 'USER_TASK',
  'bpmn:ManualTask': 'MANUAL_TASK',
  'bpmn:Task': 'TASK',
  'bpmn:ScriptTask': 'SCRIPT_TASK',
  'bpmn:BusinessRuleTask': 'BUSINESS_RULE_TASK',
  'bpmn:CallActivity': 'CALL_ACTIVITY',
  'bpmn:ExclusiveGateway': 'EXCLUSIVE_GATEWAY',
  'bpmn:ParallelGateway': 'PARALLEL_GATEWAY',
  'bpmn:InclusiveGateway': 'INCLUSIVE_GATEWAY',
  'bpmn:EventBasedGateway': 'EVENT_BASED_GATEWAY',
};

const EVENT_TYPES: Record<string, BpmnEventType> = {
  'bpmn:TimerEventDefinition': 'TIMER',
  'bpmn:MessageEventDefinition': 'MESSAGE',
  'bpmn:ErrorEventDefinition': 'ERROR',
  'bpmn:EscalationEventDefinition': 'ESCALATION',
  'bpmn:SignalEventDefinition': 'SIGNAL',
  'bpmn:TerminateEventDefinition': 'TERMINATE',
  'bpmn:LinkEventDefinition': 'LINK',
};

/** Flow elements that carry no behaviour; Zeebe accepts and ignores them. */
export const IGNORED_FLOW_ELEMENTS = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

export function elementTypeOf(el: ModdleElement): BpmnElementType | undefined {
  if (isEventSubProcess(el)) return 'EVENT_SUB_PROCESS';
  return ELEMENT_TYPES[el.$type];
}

/** NONE without a definition; undefined for definitions the engine does not know (compensation, ...). */
export function eventTypeOf(el: ModdleElement): BpmnEventType | undefined {
  const defs = el.eventDefinitions ?? [];
  if (defs.length === 0) return 'NONE';
  return defs.length === 1 ? EVENT_TYPES[defs[0].$type] : undefined;
}

/** Element types that carry an event type (NONE without event definition). */
export const EVENT_ELEMENT_TYPES: ReadonlySet<BpmnElementType> = new Set<BpmnElementType>([
  'START_EVENT',
  'INTERMEDIATE_CATCH_EVENT',
  'INTERMEDIATE_THROW_EVENT',
  'BOUNDARY_EVENT',
  'END_EVENT',
]);

const TYPE_NAMES: Record<BpmnElementType, string> = {
  PROCESS: 'process',
  SUB_PROCESS: 'subProcess',
  EVENT_SUB_PROCESS: 'eventSubProcess',
  START_EVENT: 'startEvent',
  INTERMEDIATE_CATCH_EVENT: 'intermediateCatchEvent',
  INTERMEDIATE_THROW_EVENT: 'intermediateThrowEvent',
  BOUNDARY_EVENT: 'boundaryEvent',
  END_EVENT: 'endEvent',
  SERVICE_TASK: 'serviceTask',
  SEND_TASK: 'sendTask',
  RECEIVE_TASK: 'receiveTask',
  USER_TASK: 'userTask',
  MANUAL_TASK: 'manualTask',
  TASK: 'task',
  SCRIPT_TASK: 'scriptTask',
  BUSINESS_RULE_TASK: 'businessRuleTask',
  CALL_ACTIVITY: 'callActivity',
  EXCLUSIVE_GATEWAY: 'exclusiveGateway',
  PARALLEL_GATEWAY: 'parallelGateway',
  INCLUSIVE_GATEWAY: 'inclusiveGateway',
  EVENT_BASED_GATEWAY: 'eventBasedGateway',
  MULTI_INSTANCE_BODY: 'multiInstanceBody',
};

/** The XML element name of a built element, as messages show it ("serviceTask"). */
export function typeName(type: BpmnElementType): string {
  return TYPE_NAMES[type];
}

/** "intermediateCatchEvent, timer" for events with a definition, the plain name otherwise. */
export function kindOfNode(node: { type: BpmnElementType; eventType?: BpmnEventType }): string {
  const name = typeName(node.type);
  return node.eventType && node.eventType !== 'NONE' ? `${name}, ${node.eventType.toLowerCase()}` : name;
}
