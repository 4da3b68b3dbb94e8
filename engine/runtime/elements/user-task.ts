// Camunda user tasks (zeebe:userTask): assignment, schedule, priority and a linked form are
// evaluated when the task is created; the task lives until it is completed or cancelled
// with its element.

import type { FlowNode, UserTaskDefinition } from '../../model/index.ts';
import { evaluateAttribute, feelTypeName } from '../../feel/index.ts';
import { createIncident } from '../incidents.ts';
import { markActivated } from '../lifecycle.ts';
import type { ElementInstanceRow, IncidentErrorType, UserTaskRow } from '../rows.ts';
import type { Runtime } from '../runtime.ts';
import { visibleVariables } from '../variables.ts';
import { cancelUserTask, createUserTask } from '../user-tasks.ts';
import type { ElementBehavior } from './behavior.ts';

class ExtractError extends Error {
  constructor(message: string, readonly errorType: IncidentErrorType = 'EXTRACT_VALUE_ERROR') {
    super(message);
  }
}

function text(rt: Runtime, expression: string | undefined, context: Record<string, unknown>): string | undefined {
  if (expression === undefined) return undefined;
  const value = evaluateAttribute(expression, context, rt.now);
  if (value === null) return undefined;
  if (typeof value !== 'string') throw new ExtractError(`Expected result of the expression '${expression}' to be 'STRING', but was '${feelTypeName(value)}'.`);
  return value;
}

/** A list: a FEEL list of strings, or a static comma-separated list. */
function list(rt: Runtime, expression: string | undefined, context: Record<string, unknown>): string[] {
  if (expression === undefined) return [];
  const value = evaluateAttribute(expression, context, rt.now);
  if (value === null) return [];
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new ExtractError(`Expected result of the expression '${expression}' to be 'ARRAY' containing 'STRING' items, but was '${feelTypeName(value)}'.`);
}

function dateTime(rt: Runtime, expression: string | undefined, context: Record<string, unknown>): string | undefined {
  const value = text(rt, expression, context);
  if (value === undefined || value === '') return undefined;
  if (Number.isNaN(Date.parse(value)) || !/T/.test(value)) {
    throw new ExtractError(`Expected result of the expression '${expression}' to be a valid date-time string (ISO 8601 with offset), but was '${value}'.`);
  }
  return value;
}

function priority(rt: Runtime, expression: string | undefined, context: Record<string, unknown>): number {
  if (expression === undefined) return 50;
  const value = Number(evaluateAttribute(expression, context, rt.now));
  if (!Number.isInteger(value) || value < 0 || value > 100) {
    throw new ExtractError(`Expected result of the expression '${expression}' to be a number between 0 and 100, but was '${value}'.`);
  }
  return value;
}

function formKeyOf(rt: Runtime, definition: UserTaskDefinition): number | undefined {
  if (!definition.formId) return undefined;
  const form = rt.state.latestForm(definition.formId);
  if (!form) {
    throw new ExtractError(`Expected to find a form with id '${definition.formId}', but no form with this id is found, at least a form with this id should be available. To resolve the incident, deploy the form and resolve the incident.`, 'FORM_NOT_FOUND');
  }
  return form.key;
}

function readTask(rt: Runtime, instance: ElementInstanceRow, node: FlowNode): Omit<UserTaskRow, 'key' | 'state' | 'creationDate'> {
  const definition = node.userTask ?? {};
  const context = visibleVariables(rt, instance.key);
  return {
    name: node.name,
    assignee: text(rt, definition.assignee, context) || undefined,
    candidateUsers: list(rt, definition.candidateUsers, context),
    candidateGroups: list(rt, definition.candidateGroups, context),
    dueDate: dateTime(rt, definition.dueDate, context),
    followUpDate: dateTime(rt, definition.followUpDate, context),
    priority: priority(rt, definition.priority, context),
    formKey: formKeyOf(rt, definition),
    externalFormReference: definition.formKey,
    customHeaders: definition.headers ?? {},
    elementId: instance.elementId,
    elementInstanceKey: instance.key,
    processInstanceKey: instance.processInstanceKey,
    processDefinitionKey: instance.processDefinitionKey,
    bpmnProcessId: instance.bpmnProcessId,
    processDefinitionVersion: instance.version,
  };
}

export const userTask: ElementBehavior = {
  activate(rt, instance, node) {
    let task;
    try {
      task = readTask(rt, instance, node);
    } catch (err) {
      const errorType = err instanceof ExtractError ? err.errorType : 'EXTRACT_VALUE_ERROR';
      createIncident(rt, instance, errorType, (err as Error).message);
      return;
    }
    createUserTask(rt, markActivated(rt, instance), task);
  },
  terminate(rt, instance) {
    if (instance.userTaskKey !== undefined) cancelUserTask(rt, instance.userTaskKey);
  },
};
