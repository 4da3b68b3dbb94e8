// User task commands (the REST API's assign, unassign, update, complete) and the task's
// lifecycle records. A completed task completes its element with the given variables.

import { reject } from './rejection.ts';
import type { ElementInstanceRow, UserTaskRow } from './rows.ts';
import type { Runtime } from './runtime.ts';
import { completeElement } from './lifecycle.ts';

function record(rt: Runtime, task: UserTaskRow, intent: string, extra: Record<string, unknown> = {}): void {
  rt.record('USER_TASK', intent, task.key, { ...task, ...extra }, task.processInstanceKey);
}

export function createUserTask(rt: Runtime, instance: ElementInstanceRow, fields: Omit<UserTaskRow, 'key' | 'state' | 'creationDate'>): UserTaskRow {
  const task: UserTaskRow = { ...fields, key: rt.newKey(), state: 'CREATED', creationDate: rt.now };
  rt.state.userTasks.put(task.key, task);
  rt.update(instance, { userTaskKey: task.key });
  record(rt, task, 'CREATED');
  return task;
}

export function cancelUserTask(rt: Runtime, key: number): void {
  const task = rt.state.userTasks.get(key);
  if (!task) return;
  rt.state.userTasks.delete(key);
  record(rt, { ...task, state: 'CANCELED' }, 'CANCELED');
}

function activeTask(rt: Runtime, key: number, intent: string, verb: string): UserTaskRow {
  const task = rt.state.userTasks.get(key);
  if (!task) reject('NOT_FOUND', intent, `Expected to ${verb} user task with key '${key}', but no such user task was found`);
  if (task.state !== 'CREATED') reject('INVALID_STATE', intent, `Expected to ${verb} user task with key '${key}', but it is in state '${task.state}'`);
  return task;
}

export function assignUserTask(rt: Runtime, key: number, assignee: string | undefined, allowOverride = true, action = 'assign'): UserTaskRow {
  const task = activeTask(rt, key, 'ASSIGN', 'assign');
  if (!allowOverride && task.assignee && task.assignee !== assignee) {
    reject('INVALID_STATE', 'ASSIGN', `Expected to assign user task with key '${key}', but it is already assigned to '${task.assignee}'`);
  }
  const next = { ...task, assignee: assignee || undefined };
  rt.state.userTasks.put(key, next);
  record(rt, next, 'ASSIGNED', { action });
  return next;
}

export interface UserTaskChanges {
  dueDate?: string | null;
  followUpDate?: string | null;
  candidateUsers?: string[];
  candidateGroups?: string[];
  priority?: number;
}

export function updateUserTask(rt: Runtime, key: number, changes: UserTaskChanges, action = 'update'): UserTaskRow {
  const task = activeTask(rt, key, 'UPDATE', 'update');
  if (changes.priority !== undefined && (!Number.isInteger(changes.priority) || changes.priority < 0 || changes.priority > 100)) {
    reject('INVALID_ARGUMENT', 'UPDATE', `Expected 'priority' to be a whole number from 0 to 100, but was '${changes.priority}'`);
  }
  for (const field of ['dueDate', 'followUpDate'] as const) {
    const value = changes[field];
    if (value && Number.isNaN(Date.parse(value))) reject('INVALID_ARGUMENT', 'UPDATE', `Expected '${field}' to be an ISO 8601 date-time, but was '${value}'`);
  }
  const next: UserTaskRow = { ...task };
  if (changes.dueDate !== undefined) next.dueDate = changes.dueDate ?? undefined;
  if (changes.followUpDate !== undefined) next.followUpDate = changes.followUpDate ?? undefined;
  if (changes.candidateUsers !== undefined) next.candidateUsers = changes.candidateUsers;
  if (changes.candidateGroups !== undefined) next.candidateGroups = changes.candidateGroups;
  if (changes.priority !== undefined) next.priority = changes.priority;
  rt.state.userTasks.put(key, next);
  record(rt, next, 'UPDATED', { action, changedAttributes: Object.keys(changes) });
  return next;
}

export function completeUserTask(rt: Runtime, key: number, variables: Record<string, unknown>, action = 'complete'): void {
  const task = activeTask(rt, key, 'COMPLETE', 'complete');
  rt.state.userTasks.delete(key);
  record(rt, { ...task, state: 'COMPLETED', completionDate: rt.now }, 'COMPLETED', { action, variables });
  const instance = rt.instance(task.elementInstanceKey);
  if (instance?.state === 'ACTIVATED') completeElement(rt, rt.update(instance, { userTaskKey: undefined }), variables);
}
