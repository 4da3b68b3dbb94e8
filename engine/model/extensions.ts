// Reads the zeebe:* extension elements of one BPMN element into the executable model's shapes.
// Presence and required attributes are checked before (check-elements.ts); these readers only
// translate, applying Zeebe's defaults.

import type { FlowNode, JobDefinition, Mapping, MultiInstanceDefinition, UserTaskDefinition } from './types.ts';
import { attr, bodyOf, extensionOf, isBlank, type ModdleElement } from './moddle.ts';

type BindingType = 'latest' | 'deployment' | 'versionTag';

const DEFAULT_JOB_RETRIES = '3';

export function ioMappingsOf(el: ModdleElement): { inputs: Mapping[]; outputs: Mapping[] } {
  const io = extensionOf(el, 'zeebe:IoMapping');
  const read = (list: unknown): Mapping[] =>
    (Array.isArray(list) ? (list as ModdleElement[]) : []).map((p) => ({
      // Zeebe treats a missing input source as null; keep it as written, empty.
      source: attr(p, 'source') ?? '',
      target: attr(p, 'target') ?? '',
    }));
  return { inputs: read(io?.inputParameters), outputs: read(io?.outputParameters) };
}

/** zeebe:taskHeaders as a map; Zeebe sends them to the worker as customHeaders. */
function taskHeadersOf(el: ModdleElement): Record<string, string> {
  const headers: Record<string, string> = {};
  const values = extensionOf(el, 'zeebe:TaskHeaders')?.values;
  for (const header of Array.isArray(values) ? (values as ModdleElement[]) : []) {
    const key = attr(header, 'key');
    if (key !== undefined) headers[key] = attr(header, 'value') ?? '';
  }
  return headers;
}

export function jobOf(el: ModdleElement): JobDefinition | undefined {
  const definition = extensionOf(el, 'zeebe:TaskDefinition');
  if (!definition) return undefined;
  const retries = attr(definition, 'retries');
  return {
    type: attr(definition, 'type') ?? '',
    retries: isBlank(retries) ? DEFAULT_JOB_RETRIES : retries,
    headers: taskHeadersOf(el),
  };
}

export function scriptOf(el: ModdleElement): FlowNode['script'] {
  const script = extensionOf(el, 'zeebe:Script');
  if (!script) return undefined;
  return { expression: attr(script, 'expression') ?? '', resultVariable: attr(script, 'resultVariable') ?? '' };
}

export function calledDecisionOf(el: ModdleElement): FlowNode['calledDecision'] {
  const called = extensionOf(el, 'zeebe:CalledDecision');
  if (!called) return undefined;
  return withoutUndefined({
    decisionId: attr(called, 'decisionId') ?? '',
    resultVariable: attr(called, 'resultVariable') ?? '',
    bindingType: bindingTypeOf(called),
    versionTag: attr(called, 'versionTag'),
  });
}

export function calledElementOf(el: ModdleElement): FlowNode['calledElement'] {
  const called = extensionOf(el, 'zeebe:CalledElement');
  if (!called) return undefined;
  return withoutUndefined({
    processId: attr(called, 'processId') ?? '',
    // Both default to true in Zeebe when the attribute is absent.
    propagateAllChildVariables: called.propagateAllChildVariables !== false,
    propagateAllParentVariables: called.propagateAllParentVariables !== false,
    bindingType: bindingTypeOf(called),
    versionTag: attr(called, 'versionTag'),
  });
}

function bindingTypeOf(el: ModdleElement): BindingType {
  return (attr(el, 'bindingType') ?? 'latest') as BindingType;
}

export function userTaskOf(el: ModdleElement): UserTaskDefinition {
  const assignment = extensionOf(el, 'zeebe:AssignmentDefinition');
  const schedule = extensionOf(el, 'zeebe:TaskSchedule');
  const priority = extensionOf(el, 'zeebe:PriorityDefinition');
  const form = extensionOf(el, 'zeebe:FormDefinition');
  const headers = taskHeadersOf(el);
  const formId = blankToUndefined(attr(form, 'formId'));
  return withoutUndefined({
    assignee: blankToUndefined(attr(assignment, 'assignee')),
    candidateUsers: blankToUndefined(attr(assignment, 'candidateUsers')),
    candidateGroups: blankToUndefined(attr(assignment, 'candidateGroups')),
    dueDate: blankToUndefined(attr(schedule, 'dueDate')),
    followUpDate: blankToUndefined(attr(schedule, 'followUpDate')),
    priority: blankToUndefined(attr(priority, 'priority')),
    formId,
    formKey: blankToUndefined(attr(form, 'externalReference')) ?? blankToUndefined(attr(form, 'formKey')),
    formBindingType: formId !== undefined && form ? bindingTypeOf(form) : undefined,
    formVersionTag: formId !== undefined ? attr(form, 'versionTag') : undefined,
    headers: Object.keys(headers).length > 0 ? headers : undefined,
  });
}

export function multiInstanceOf(el: ModdleElement): MultiInstanceDefinition | undefined {
  const loop = el.loopCharacteristics;
  if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return undefined;
  const zeebeLoop = extensionOf(loop, 'zeebe:LoopCharacteristics');
  return withoutUndefined({
    sequential: loop.isSequential === true,
    inputCollection: attr(zeebeLoop, 'inputCollection') ?? '',
    inputElement: blankToUndefined(attr(zeebeLoop, 'inputElement')),
    outputCollection: blankToUndefined(attr(zeebeLoop, 'outputCollection')),
    outputElement: blankToUndefined(attr(zeebeLoop, 'outputElement')),
    completionCondition: blankToUndefined(bodyOf(loop.completionCondition)),
  });
}

export function versionTagOf(process: ModdleElement): string | undefined {
  return blankToUndefined(attr(extensionOf(process, 'zeebe:VersionTag'), 'value'));
}

function blankToUndefined(value: string | undefined): string | undefined {
  return isBlank(value) ? undefined : value;
}

/** Drops undefined optional fields so built objects compare and print cleanly. */
export function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
