// Element-by-element deploy checks on the moddle tree, before anything is built: is the element
// a kind the engine runs, and does it carry what its kind needs. Structure across elements
// (flows, scopes, start events, links) is checked on the built model in check-structure.ts.

import type { Issues } from './issues.ts';
import { checkActivity } from './check-activities.ts';
import { checkEvent } from './check-events.ts';
import { elementTypeOf, IGNORED_FLOW_ELEMENTS } from './element-kinds.ts';
import { attr, extensionsOf, isEvent, isType, kindOf, localName, type ModdleElement } from './moddle.ts';

/** Zeebe caps ids at 255 characters (IdLengthValidator). */
const MAX_ID_LENGTH = 255;

const UNSUPPORTED_ELEMENTS: Record<string, string> = {
  'bpmn:Transaction': 'transactions are not supported by Zeebe. Use an embedded sub-process with error handling instead.',
  'bpmn:AdHocSubProcess':
    'ad-hoc sub-processes are not supported by the built-in engine. Model the optional activities with gateways instead.',
  'bpmn:ComplexGateway': 'complex gateways are not supported by Zeebe. Use an inclusive or exclusive gateway instead.',
  'bpmn:CallChoreography': 'choreographies are not executable. Remove the element.',
  'bpmn:ChoreographyTask': 'choreographies are not executable. Remove the element.',
  'bpmn:SubChoreography': 'choreographies are not executable. Remove the element.',
};

/** zeebe extensions that Camunda 8.8 accepts but this engine has no behaviour for: refused, never ignored. */
const UNSUPPORTED_EXTENSIONS: Record<string, string> = {
  'zeebe:ExecutionListeners': 'execution listeners are not supported by the built-in engine yet. Remove them, or do the work in a service task.',
  'zeebe:TaskListeners': 'task listeners are not supported by the built-in engine yet. Remove them from the user task.',
  'zeebe:LinkedResources': 'linked resources are not supported by the built-in engine. Remove them from the task.',
  'zeebe:JobPriorityDefinition': 'job priorities are not supported in Camunda 8.8. Remove the job priority.',
  'zeebe:AdHoc': 'ad-hoc sub-processes are not supported by the built-in engine. Remove the ad-hoc settings.',
  'zeebe:AgentDefinition': 'AI agent definitions are not supported by the built-in engine. Remove the agent settings.',
};

/** zeebe extensions an element may carry at most once (Zeebe's duplication validators). */
const SINGLE_EXTENSIONS = [
  'zeebe:TaskDefinition',
  'zeebe:TaskHeaders',
  'zeebe:IoMapping',
  'zeebe:CalledElement',
  'zeebe:CalledDecision',
  'zeebe:Script',
  'zeebe:UserTask',
  'zeebe:AssignmentDefinition',
  'zeebe:TaskSchedule',
  'zeebe:PriorityDefinition',
  'zeebe:FormDefinition',
  'zeebe:VersionTag',
  'zeebe:Properties',
];

export function checkProcessElements(process: ModdleElement, issues: Issues): void {
  checkId(process, issues);
  checkExtensions(process, issues);
  checkContainer(process, issues);
}

function checkContainer(container: ModdleElement, issues: Issues): void {
  for (const el of container.flowElements ?? []) {
    if (IGNORED_FLOW_ELEMENTS.has(el.$type)) continue;
    checkId(el, issues);
    if (isType(el, 'bpmn:SequenceFlow')) {
      checkSequenceFlowEnds(el, container, issues);
      continue;
    }

    const unsupported = UNSUPPORTED_ELEMENTS[el.$type];
    if (unsupported) {
      issues.add(el.id, kindOf(el), unsupported);
      continue;
    }
    if (!elementTypeOf(el)) {
      issues.add(
        el.id,
        kindOf(el),
        `elements of type ${localName(el.$type)} are not supported. Remove it; see ` +
          'https://docs.camunda.io/docs/components/modeler/bpmn/bpmn-coverage/ for what Camunda 8 runs.',
      );
      continue;
    }

    checkExtensions(el, issues);
    if (isEvent(el)) checkEvent(el, issues);
    else if (!el.$type.endsWith('Gateway')) checkActivity(el, issues);

    if (isType(el, 'bpmn:BoundaryEvent')) checkAttachment(el, issues);
    if (isType(el, 'bpmn:SubProcess')) checkContainer(el, issues);
  }
}

function checkId(el: ModdleElement, issues: Issues): void {
  if (!el.id) {
    const named = el.name ? ` named '${el.name}'` : '';
    issues.add(undefined, `${kindOf(el)}${named}`, 'must have an id. Give the element an id in the properties panel.');
  } else if (el.id.length > MAX_ID_LENGTH) {
    issues.add(el.id, kindOf(el), `its id is longer than ${MAX_ID_LENGTH} characters. Use a shorter id.`);
  }
}

function checkExtensions(el: ModdleElement, issues: Issues): void {
  const add = (message: string) => issues.add(el.id, kindOf(el), message);
  for (const [type, message] of Object.entries(UNSUPPORTED_EXTENSIONS)) {
    if (extensionsOf(el, type).length > 0) add(message);
  }
  for (const type of SINGLE_EXTENSIONS) {
    if (extensionsOf(el, type).length > 1) add(`has more than one ${zeebeTag(type)}. Keep only one.`);
  }
  const headers = extensionsOf(el, 'zeebe:TaskHeaders')[0]?.values;
  const seen = new Set<string>();
  for (const header of Array.isArray(headers) ? (headers as ModdleElement[]) : []) {
    const key = attr(header, 'key');
    if (key === undefined || key.trim() === '') add('has a task header without a key. Enter a key or remove the header.');
    else if (seen.has(key)) add(`has the task header '${key}' more than once. Keep one header per key.`);
    else seen.add(key);
  }
}

function checkAttachment(el: ModdleElement, issues: Issues): void {
  const host = el.attachedToRef;
  if (!host) {
    issues.add(el.id, kindOf(el), 'is not attached to an activity. Attach the boundary event to a task, sub-process or call activity.');
  } else if (isEvent(host) || host.$type.endsWith('Gateway')) {
    issues.add(el.id, kindOf(el), `is attached to '${host.id}', which is not an activity. Attach it to a task, sub-process or call activity.`);
  } else if (host.$parent !== el.$parent) {
    issues.add(el.id, kindOf(el), `is attached to '${host.id}' in another scope. Place the boundary event on the border of the activity.`);
  }
}

/** Both ends of a sequence flow must sit in the scope that holds the flow. */
function checkSequenceFlowEnds(flow: ModdleElement, container: ModdleElement, issues: Issues): void {
  for (const end of ['sourceRef', 'targetRef'] as const) {
    const node = flow[end];
    if (!node) {
      issues.add(flow.id, 'sequenceFlow', `has no ${end}. Connect both ends of the sequence flow.`);
    } else if (node.$parent !== container) {
      issues.add(
        flow.id,
        'sequenceFlow',
        `connects '${node.id}', which is in another scope (process or sub-process) than the flow. ` +
          'Sequence flows cannot cross a sub-process border; connect to the sub-process itself or use a message or link event.',
      );
    }
  }
}

/** 'zeebe:TaskDefinition' -> 'zeebe:taskDefinition', as written in the XML. */
function zeebeTag(type: string): string {
  return `zeebe:${localName(type)}`;
}
