// Deploy-time checks of events on the moddle tree: which triggers each kind of event may have
// where, and what each trigger needs. Mirrors Zeebe 8.8's model validators, minus what this
// engine does not run (compensation, conditional and cancel events are refused).

import type { Issues } from './issues.ts';
import { eventKindOf, isBlank, isEventSubProcess, isType, kindOf, type ModdleElement } from './moddle.ts';
import { checkMessageReference, checkTaskDefinition } from './check-common.ts';

const UNSUPPORTED_TRIGGERS: Record<string, string> = {
  compensation:
    'compensation events are not supported by the built-in engine. Undo the work with an explicit error or escalation path instead',
  conditional:
    'conditional events are not supported in Camunda 8.8. Use a message or signal event that a worker triggers when the condition holds',
  cancel: 'cancel events belong to transactions, which Zeebe does not support. Use an error end event and an error boundary event instead',
  multiple:
    'has more than one event definition, which Zeebe does not support. Use one event per trigger, e.g. an event-based gateway or several boundary events',
};

/** Allowed triggers per event kind and place; 'none' stands for an event without definition. */
const ALLOWED = {
  processStart: ['none', 'message', 'timer', 'signal'],
  subProcessStart: ['none'],
  eventSubProcessStart: ['message', 'timer', 'error', 'signal', 'escalation'],
  intermediateCatch: ['message', 'timer', 'signal', 'link'],
  intermediateThrow: ['none', 'message', 'signal', 'escalation', 'link'],
  end: ['none', 'error', 'message', 'terminate', 'signal', 'escalation'],
  boundary: ['message', 'timer', 'error', 'signal', 'escalation'],
};

/** Triggers that may leave their scope running (non-interrupting start or boundary events). */
const NON_INTERRUPTING = ['message', 'timer', 'signal', 'escalation'];

export function checkEvent(el: ModdleElement, issues: Issues): void {
  const kind = eventKindOf(el);
  const add = (message: string) => issues.add(el.id, kindOf(el), message);

  const unsupported = UNSUPPORTED_TRIGGERS[kind];
  if (unsupported) {
    add(`${unsupported}.`);
    return;
  }

  const place = placeOf(el);
  const allowed = ALLOWED[place];
  if (!allowed.includes(kind)) {
    add(notAllowedMessage(place, kind));
    return;
  }

  const interrupting =
    place === 'boundary'
      ? el.get('cancelActivity') !== false
      : place === 'eventSubProcessStart'
        ? el.get('isInterrupting') !== false
        : true;
  if (!interrupting && !NON_INTERRUPTING.includes(kind)) {
    add(`${kind} events cannot be non-interrupting. Make the event interrupting, or use a message, timer, signal or escalation event.`);
  }

  const def = el.eventDefinitions?.[0];
  if (!def) return;
  switch (kind) {
    case 'timer':
      checkTimer(def, place, interrupting, add);
      break;
    case 'message':
      if (place === 'intermediateThrow' || place === 'end') checkTaskDefinition(el, issues, 'message throw events');
      else checkMessageReference(def.messageRef, place !== 'processStart', add);
      break;
    case 'error':
      checkError(def, place, add);
      break;
    case 'escalation':
      checkEscalation(el, def, place, add);
      break;
    case 'signal':
      if (!def.signalRef) add('must reference a signal. Select or create a signal in the properties panel.');
      else if (isBlank(def.signalRef.name)) add(`its signal '${def.signalRef.id}' has no name. Give the signal a name.`);
      break;
    case 'link':
      if (isBlank(def.name)) add('must have a link name. Enter the name that connects the throwing and the catching link event.');
      break;
    default:
      break;
  }
}

type Place = keyof typeof ALLOWED;

function placeOf(el: ModdleElement): Place {
  switch (el.$type) {
    case 'bpmn:StartEvent':
      if (isEventSubProcess(el.$parent)) return 'eventSubProcessStart';
      return isType(el.$parent, 'bpmn:Process') ? 'processStart' : 'subProcessStart';
    case 'bpmn:IntermediateCatchEvent':
      return 'intermediateCatch';
    case 'bpmn:IntermediateThrowEvent':
      return 'intermediateThrow';
    case 'bpmn:EndEvent':
      return 'end';
    default:
      return 'boundary';
  }
}

function notAllowedMessage(place: Place, kind: string): string {
  switch (place) {
    case 'processStart':
      return kind === 'error' || kind === 'escalation'
        ? `${kind} start events are only allowed in event sub-processes. Move it into an event sub-process or use a none, message, timer or signal start event.`
        : `a process can only start with a none, message, timer or signal start event. Change the start event's type.`;
    case 'subProcessStart':
      return 'the start event of an embedded sub-process must be a none start event. Remove its event definition.';
    case 'eventSubProcessStart':
      return kind === 'none'
        ? 'the start event of an event sub-process needs a trigger. Make it a message, timer, error, signal or escalation start event.'
        : `event sub-processes cannot start with a ${kind} event. Use a message, timer, error, signal or escalation start event.`;
    case 'intermediateCatch':
      return kind === 'none'
        ? 'an intermediate catch event needs a trigger. Make it a message, timer, signal or link catch event.'
        : `intermediate catch events cannot be of type ${kind}. Use a message, timer, signal or link event.`;
    case 'intermediateThrow':
      return `intermediate throw events cannot be of type ${kind}. Use a none, message, signal, escalation or link event.`;
    case 'end':
      return `end events cannot be of type ${kind}. Use a none, error, message, terminate, signal or escalation end event.`;
    case 'boundary':
      return kind === 'none'
        ? 'a boundary event needs a trigger. Make it a message, timer, error, signal or escalation boundary event.'
        : `boundary events cannot be of type ${kind}. Use a message, timer, error, signal or escalation event.`;
  }
}

function checkTimer(
  def: ModdleElement,
  place: Place,
  interrupting: boolean,
  add: (message: string) => void,
): void {
  const present = (['timeDate', 'timeDuration', 'timeCycle'] as const).filter((k) => def[k] !== undefined);
  if (present.length !== 1) {
    add('must have exactly one timer value: a date, a duration or a cycle. Set the timer type and value in the properties panel.');
    return;
  }
  const kind = present[0];
  const value = def[kind] as ModdleElement;
  if (isBlank(typeof value.body === 'string' ? value.body : undefined)) {
    add(`its timer ${kind} has no value. Enter an ISO 8601 value or a FEEL expression starting with '='.`);
    return;
  }
  // Where each timer kind makes sense, as Zeebe and the Camunda Modeler enforce it.
  if (kind === 'timeCycle' && place === 'intermediateCatch') {
    add('an intermediate timer catch event cannot repeat (timeCycle). Use a date or a duration.');
  } else if (kind === 'timeCycle' && interrupting && place !== 'processStart') {
    add('an interrupting timer cannot repeat (timeCycle). Use a date or duration, or make the event non-interrupting.');
  } else if (kind === 'timeDuration' && place === 'processStart') {
    add('a timer start event of a process needs a date or a cycle, not a duration. Use timeDate or timeCycle.');
  }
}

function checkError(def: ModdleElement, place: Place, add: (message: string) => void): void {
  const error = def.errorRef;
  if (place === 'end') {
    if (!error) add('must reference an error. Select or create an error with an error code in the properties panel.');
    else if (isBlank(error.errorCode)) add(`its error '${error.name ?? error.id}' has no error code. Enter an error code.`);
    return;
  }
  // A catch event without error or code catches every error.
  if (error?.errorCode?.startsWith('=')) {
    add('the error code of a catching error event cannot be an expression. Enter a fixed error code, or none to catch all errors.');
  }
}

function checkEscalation(el: ModdleElement, def: ModdleElement, place: Place, add: (message: string) => void): void {
  const escalation = def.escalationRef;
  if (place === 'end' || place === 'intermediateThrow') {
    if (!escalation) add('must reference an escalation. Select or create an escalation with a code in the properties panel.');
    else if (isBlank(escalation.escalationCode)) {
      add(`its escalation '${escalation.name ?? escalation.id}' has no escalation code. Enter an escalation code.`);
    }
    return;
  }
  if (escalation?.escalationCode?.startsWith('=')) {
    add('the escalation code of a catching escalation event cannot be an expression. Enter a fixed code, or none to catch all escalations.');
  }
  if (place === 'boundary') {
    const host = el.attachedToRef;
    if (host && !isType(host, 'bpmn:SubProcess') && !isType(host, 'bpmn:CallActivity')) {
      add('an escalation boundary event can only be attached to a sub-process or a call activity. Attach it to one of those.');
    }
  }
}
