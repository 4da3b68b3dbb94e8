// Camunda user tasks: search and get (from the projection), their form and variables, and the
// commands assign, unassign, update and complete, applied in the engine's loop.

import { Router } from 'express';
import type { RestContext } from './context.ts';
import { elementTaskOut, type ElementTaskRow } from './element-task.ts';
import { date, int, key, oneOf, str, variablesFilter, type Field } from './filters.ts';
import { dateOut, keyOut, orUndefined, TENANT, TENANT_SQL } from './format.ts';
import { loadForm } from './forms.ts';
import { searcher, searchRoutes, type SearchSpec } from './paging.ts';
import { badRequest, notFound } from './problem.ts';
import { pathKey, validator } from './validate.ts';
import { variableSearch } from './variables.ts';
import { assignUserTask, completeUserTask, updateUserTask, type UserTaskChanges } from '../runtime/user-tasks.ts';

const STATES = ['CREATING', 'CREATED', 'ASSIGNING', 'UPDATING', 'COMPLETING', 'COMPLETED', 'CANCELING', 'CANCELED', 'FAILED'] as const;

interface UserTaskRow extends ElementTaskRow {
  key: string;
  state: string;
  name: string | null;
  assignee: string | null;
  candidate_users: string[];
  candidate_groups: string[];
  due_date: string | null;
  follow_up_date: string | null;
  priority: number;
  form_key: string | null;
  external_form_reference: string | null;
  process_definition_version: number;
  creation_date: string;
  completion_date: string | null;
  process_name: string;
}

const SORTS: Record<string, Field> = {
  creationDate: date('t.creation_date'),
  completionDate: date('t.completion_date'),
  followUpDate: date('t.follow_up_date'),
  dueDate: date('t.due_date'),
  priority: int('t.priority'),
  name: str('t.name'),
};

export const userTaskSearch: SearchSpec<UserTaskRow> = {
  what: 'user task',
  from: 'engine_search_user_tasks t LEFT JOIN engine_search_process_definitions d ON d.key = t.process_definition_key',
  select: 't.*, COALESCE(d.name, t.bpmn_process_id) AS process_name',
  filters: {
    state: oneOf('t.state', STATES),
    assignee: str('t.assignee', true),
    priority: int('t.priority'),
    elementId: str('t.element_id'),
    name: str('t.name'),
    candidateGroup: { sql: 't.candidate_groups', type: 'strings' },
    candidateUser: { sql: 't.candidate_users', type: 'strings' },
    tenantId: str(TENANT_SQL),
    processDefinitionId: str('t.bpmn_process_id'),
    creationDate: date('t.creation_date'),
    completionDate: date('t.completion_date'),
    followUpDate: date('t.follow_up_date'),
    dueDate: date('t.due_date'),
    processInstanceVariables: variablesFilter('scope_key', 't.process_instance_key'),
    localVariables: variablesFilter('scope_key', 't.element_instance_key'),
    userTaskKey: key('t.key'),
    processDefinitionKey: key('t.process_definition_key'),
    processInstanceKey: key('t.process_instance_key'),
    elementInstanceKey: key('t.element_instance_key'),
  },
  sorts: SORTS,
  item: (r) => ({
    userTaskKey: keyOut(r.key),
    name: orUndefined(r.name),
    state: r.state,
    assignee: orUndefined(r.assignee),
    candidateGroups: r.candidate_groups,
    candidateUsers: r.candidate_users,
    creationDate: dateOut(r.creation_date),
    completionDate: dateOut(r.completion_date),
    followUpDate: dateOut(r.follow_up_date),
    dueDate: dateOut(r.due_date),
    tenantId: TENANT,
    externalFormReference: orUndefined(r.external_form_reference),
    processDefinitionVersion: r.process_definition_version,
    priority: r.priority,
    processName: r.process_name,
    formKey: keyOut(r.form_key),
    ...elementTaskOut(r),
  }),
};

const searchTaskVariables = searcher({ ...variableSearch, filters: { name: variableSearch.filters.name } });

const nullableString = { type: ['string', 'null'] };
const checkAssignment = validator<{ assignee: string; allowOverride?: boolean | null; action?: string | null }>({
  type: 'object',
  required: ['assignee'],
  properties: { assignee: { type: 'string', minLength: 1 }, allowOverride: { type: ['boolean', 'null'] }, action: nullableString },
});
const checkUpdate = validator<{ changeset?: Record<string, unknown> | null; action?: string | null }>({
  type: 'object',
  properties: {
    changeset: {
      type: ['object', 'null'],
      properties: {
        dueDate: nullableString,
        followUpDate: nullableString,
        candidateUsers: { type: ['array', 'null'], items: { type: 'string' } },
        candidateGroups: { type: ['array', 'null'], items: { type: 'string' } },
        priority: { type: ['integer', 'null'], minimum: 0, maximum: 100 },
      },
    },
    action: nullableString,
  },
});
const checkCompletion = validator<{ variables?: Record<string, unknown> | null; action?: string | null }>({
  type: 'object',
  properties: { variables: { type: ['object', 'null'] }, action: nullableString },
});

/** Camunda's changeset: null or absent keeps a value, '' clears a date, [] clears a list. */
function changesOf(changeset: Record<string, unknown>): UserTaskChanges {
  const changes: UserTaskChanges = {};
  for (const field of ['dueDate', 'followUpDate'] as const) {
    const value = changeset[field] as string | null | undefined;
    if (value === '') changes[field] = null;
    else if (typeof value === 'string') {
      if (!/^\d{4}-\d\d-\d\dT/.test(value) || Number.isNaN(Date.parse(value))) throw badRequest(`Invalid value for 'changeset.${field}': expected an ISO 8601 date-time, or '' to clear it`);
      changes[field] = value;
    }
  }
  for (const field of ['candidateUsers', 'candidateGroups'] as const) {
    if (Array.isArray(changeset[field])) changes[field] = changeset[field] as string[];
  }
  if (typeof changeset.priority === 'number') changes.priority = changeset.priority;
  return changes;
}

export function userTaskRoutes(ctx: RestContext): Router {
  const router = Router();
  const { engine, db } = ctx;

  searchRoutes(router, db, 'user-tasks', 'userTaskKey', userTaskSearch);

  router.get('/user-tasks/:userTaskKey/form', async (req, res) => {
    const k = pathKey(req.params.userTaskKey, 'userTaskKey');
    const task = await db.query<{ form_key: string | null }>(`SELECT form_key FROM engine_search_user_tasks WHERE key = $1::bigint`, [k]);
    if (!task.rows.length) throw notFound(`User task with key '${k}' not found`);
    const formKey = task.rows[0].form_key;
    if (formKey === null) return void res.status(204).end();
    const form = await loadForm(db, formKey);
    if (!form) throw notFound(`Form with key '${formKey}' of user task '${k}' not found`);
    res.json(form);
  });

  // The variables the task sees: those of its element instance and of every scope around it.
  router.post('/user-tasks/:userTaskKey/variables/search', async (req, res) => {
    const k = pathKey(req.params.userTaskKey, 'userTaskKey');
    const task = await db.query<{ element_instance_key: string }>(`SELECT element_instance_key FROM engine_search_user_tasks WHERE key = $1::bigint`, [k]);
    if (!task.rows.length) throw notFound(`User task with key '${k}' not found`);
    const scope = task.rows[0].element_instance_key;
    res.json(
      await searchTaskVariables(db, req.body, (q) => {
        const start = q.add(scope, 'bigint');
        return `t.scope_key IN (WITH RECURSIVE scopes(key) AS (SELECT ${start} UNION SELECT e.flow_scope_key FROM engine_search_element_instances e JOIN scopes s ON e.key = s.key) SELECT key FROM scopes)`;
      }),
    );
  });

  router.post('/user-tasks/:userTaskKey/assignment', async (req, res) => {
    const k = pathKey(req.params.userTaskKey, 'userTaskKey');
    const body = checkAssignment(req.body ?? {});
    await engine.submit((rt) => assignUserTask(rt, k, body.assignee, body.allowOverride ?? true, body.action || 'assign'));
    res.status(204).end();
  });

  router.delete('/user-tasks/:userTaskKey/assignee', async (req, res) => {
    const k = pathKey(req.params.userTaskKey, 'userTaskKey');
    await engine.submit((rt) => assignUserTask(rt, k, undefined, true, 'unassign'));
    res.status(204).end();
  });

  router.patch('/user-tasks/:userTaskKey', async (req, res) => {
    const k = pathKey(req.params.userTaskKey, 'userTaskKey');
    const body = checkUpdate(req.body ?? {});
    const changes = changesOf(body.changeset ?? {});
    if (Object.keys(changes).length === 0 && !body.action) {
      throw badRequest(`No update data provided: give an 'action' or a non-null value for at least one of 'changeset.candidateGroups', 'changeset.candidateUsers', 'changeset.dueDate', 'changeset.followUpDate', 'changeset.priority'`);
    }
    await engine.submit((rt) => updateUserTask(rt, k, changes, body.action || 'update'));
    res.status(204).end();
  });

  router.post('/user-tasks/:userTaskKey/completion', async (req, res) => {
    const k = pathKey(req.params.userTaskKey, 'userTaskKey');
    const body = checkCompletion(req.body ?? {});
    await engine.submit((rt) => completeUserTask(rt, k, body.variables ?? {}, body.action || 'complete'));
    res.status(204).end();
  });

  return router;
}
