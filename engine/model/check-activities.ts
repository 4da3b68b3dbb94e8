// Deploy-time checks of tasks, call activities, sub-processes and multi-instance on the moddle
// tree: the zeebe:* extension each implementation needs, as Zeebe 8.8 requires it.

import type { Issues } from './issues.ts';
import { checkMessageReference, checkTaskDefinition } from './check-common.ts';
import { attr, extensionOf, extensionsOf, isBlank, isType, isWritten, kindOf, type ModdleElement } from './moddle.ts';

const BINDING_TYPES = ['latest', 'deployment', 'versionTag'];

export function checkActivity(el: ModdleElement, issues: Issues): void {
  const add = (message: string) => issues.add(el.id, kindOf(el), message);

  if (el.isForCompensation === true) {
    add('compensation handlers are not supported by the built-in engine. Remove "for compensation" from the activity.');
  }
  checkLoop(el, add);

  switch (el.$type) {
    case 'bpmn:ServiceTask':
      checkTaskDefinition(el, issues);
      break;
    case 'bpmn:SendTask':
      checkTaskDefinition(el, issues, 'send tasks');
      break;
    case 'bpmn:ScriptTask': {
      const implementation = implementationOf(el, 'zeebe:Script', add, 'a FEEL script (zeebe:script)');
      if (implementation === 'engine') checkScript(el, add);
      if (implementation === 'job') checkTaskDefinition(el, issues);
      break;
    }
    case 'bpmn:BusinessRuleTask': {
      const implementation = implementationOf(el, 'zeebe:CalledDecision', add, 'a called decision (zeebe:calledDecision)');
      if (implementation === 'engine') checkCalledDecision(el, add);
      if (implementation === 'job') checkTaskDefinition(el, issues);
      break;
    }
    case 'bpmn:ReceiveTask':
      checkReceiveTask(el, add);
      break;
    case 'bpmn:UserTask':
      checkUserTask(el, add);
      break;
    case 'bpmn:CallActivity':
      checkCallActivity(el, add);
      break;
    case 'bpmn:SubProcess':
      checkSubProcessStart(el, add);
      break;
    default:
      break;
  }
}

/**
 * Script and business rule tasks run either in the engine (zeebe:script / zeebe:calledDecision)
 * or as a job (zeebe:taskDefinition), never both. Says which one the element uses.
 */
function implementationOf(el: ModdleElement, inEngine: string, add: (message: string) => void, label: string): 'engine' | 'job' | undefined {
  const engine = extensionsOf(el, inEngine).length;
  const job = extensionsOf(el, 'zeebe:TaskDefinition').length;
  if (engine + job === 1) return engine === 1 ? 'engine' : 'job';
  add(
    `must have either ${label} or a job worker (zeebe:taskDefinition with a job type), exactly one of them. ` +
      'Choose the implementation in the properties panel.',
  );
  return undefined;
}

function checkScript(el: ModdleElement, add: (message: string) => void): void {
  const script = extensionOf(el, 'zeebe:Script');
  if (isBlank(attr(script, 'expression'))) add('its zeebe:script has no FEEL expression. Enter the script expression.');
  if (isBlank(attr(script, 'resultVariable'))) add('its zeebe:script has no result variable. Enter the variable that receives the result.');
}

function checkCalledDecision(el: ModdleElement, add: (message: string) => void): void {
  const called = extensionOf(el, 'zeebe:CalledDecision');
  if (isBlank(attr(called, 'decisionId'))) add('its zeebe:calledDecision has no decision id. Enter the id of the DMN decision to call.');
  if (isBlank(attr(called, 'resultVariable'))) {
    add('its zeebe:calledDecision has no result variable. Enter the variable that receives the decision result.');
  }
  checkBinding(called, 'zeebe:calledDecision', add);
}

function checkBinding(el: ModdleElement | undefined, label: string, add: (message: string) => void): void {
  const binding = attr(el, 'bindingType');
  if (binding !== undefined && !BINDING_TYPES.includes(binding)) {
    add(`the binding type '${binding}' of its ${label} is unknown. Use latest, deployment or versionTag.`);
  } else if (binding === 'versionTag' && isBlank(attr(el, 'versionTag'))) {
    add(`its ${label} binds by version tag but names none. Enter the version tag, or use another binding type.`);
  }
}

function checkReceiveTask(el: ModdleElement, add: (message: string) => void): void {
  checkMessageReference(el.messageRef, true, add);
  // Zeebe cannot tell a message for the task from one for its own boundary event.
  const name = el.messageRef?.name;
  const boundaryNames = boundaryEventsOf(el)
    .flatMap((b) => b.eventDefinitions ?? [])
    .map((d) => d.messageRef?.name)
    .filter((n) => n !== undefined);
  if (name !== undefined && boundaryNames.includes(name)) {
    add(`waits for message '${name}', which one of its boundary events waits for too. Use different message names.`);
  }
}

function boundaryEventsOf(el: ModdleElement): ModdleElement[] {
  return (el.$parent?.flowElements ?? []).filter((f) => isType(f, 'bpmn:BoundaryEvent') && f.attachedToRef === el);
}

function checkUserTask(el: ModdleElement, add: (message: string) => void): void {
  if (!extensionOf(el, 'zeebe:UserTask')) {
    add(
      'is a job worker user task, which the built-in engine does not run: its tasks would not appear in the task list. ' +
        'Set the implementation to "Camunda user task" (zeebe:userTask) in the properties panel.',
    );
    return;
  }
  const form = extensionOf(el, 'zeebe:FormDefinition');
  if (form) {
    const formId = attr(form, 'formId');
    const external = attr(form, 'externalReference');
    if (!isBlank(attr(form, 'formKey'))) {
      add('a Camunda user task cannot use a form key. Link a deployed form (formId) or set an external reference instead.');
    } else if (isBlank(formId) === isBlank(external)) {
      add('its form must be either a linked form (formId) or an external reference, exactly one of them. Fix the form in the properties panel.');
    } else if (!isBlank(external) && isWritten(form, 'bindingType')) {
      add('an external form reference cannot have a binding type. Remove the binding type.');
    }
    checkBinding(form, 'form', add);
  }
  const priority = extensionOf(el, 'zeebe:PriorityDefinition');
  if (priority && isBlank(attr(priority, 'priority'))) {
    add('its priority is empty. Enter a priority between 0 and 100 or remove the priority definition.');
  }
}

function checkCallActivity(el: ModdleElement, add: (message: string) => void): void {
  const called = extensionsOf(el, 'zeebe:CalledElement');
  if (called.length !== 1 || isBlank(attr(called[0], 'processId'))) {
    add('must have a zeebe:calledElement with the id of the process to call. Enter the called process id in the properties panel.');
    return;
  }
  if (!isBlank(attr(called[0], 'businessId'))) {
    add('a business id on a called element is not supported in Camunda 8.8. Remove the business id.');
  }
  checkBinding(called[0], 'zeebe:calledElement', add);
}

function checkSubProcessStart(el: ModdleElement, add: (message: string) => void): void {
  const starts = (el.flowElements ?? []).filter((f) => isType(f, 'bpmn:StartEvent'));
  if (starts.length !== 1) {
    const what = el.triggeredByEvent === true ? 'An event sub-process' : 'An embedded sub-process';
    add(
      `must contain exactly one start event, not ${starts.length}. ${what} is entered through its single start event; ` +
        (starts.length === 0 ? 'add one.' : 'remove the others.'),
    );
  }
}

function checkLoop(el: ModdleElement, add: (message: string) => void): void {
  const loop = el.loopCharacteristics;
  if (!loop) return;
  if (isType(loop, 'bpmn:StandardLoopCharacteristics')) {
    add('standard loops are not supported by Zeebe. Use a multi-instance marker with an input collection, or model the loop with a gateway.');
    return;
  }
  if (!isType(loop, 'bpmn:MultiInstanceLoopCharacteristics')) return;
  if (loop.loopCardinality) {
    add('a multi-instance loop cardinality is not supported by Zeebe. Iterate over an input collection instead, e.g. \'=for i in 1..n return i\'.');
  }
  const zeebeLoops = extensionsOf(loop, 'zeebe:LoopCharacteristics');
  const zeebeLoop = zeebeLoops[0];
  if (zeebeLoops.length !== 1 || isBlank(attr(zeebeLoop, 'inputCollection'))) {
    add('its multi-instance marker needs an input collection (zeebe:loopCharacteristics). Enter the input collection, e.g. \'=items\'.');
    return;
  }
  const outputCollection = !isBlank(attr(zeebeLoop, 'outputCollection'));
  const outputElement = !isBlank(attr(zeebeLoop, 'outputElement'));
  if (outputCollection !== outputElement) {
    add(
      'its multi-instance output needs both an output collection and an output element. ' +
        (outputCollection ? 'Enter the output element.' : 'Enter the output collection.'),
    );
  }
}
