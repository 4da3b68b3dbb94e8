// A user's user tasks, through the SDK's REST client. Candidate groups (processes/README.md):
// `dept:<code>` (a department's staff), `dept:<bureau>:role:<role>` (a role in one bureau)
// and `role:<role>` (the 12315 指挥中心, legal review before the bureau is known).
import type { Camunda8 } from '@camunda8/sdk';
import type { SessionUser } from '../auth/session-user.ts';
import type { ServerContext } from '../context.ts';
import { HttpError, notFound } from '../http/errors.ts';

export type RestClient = ReturnType<Camunda8['getCamundaRestClient']>;
export type UserTask = Awaited<ReturnType<RestClient['getUserTask']>>;

const BUREAU_ROLES = new Set(['deputy-leader', 'principal-leader', 'hotline-centre', 'legal', 'supervisor']);

/** The candidate groups a user belongs to. */
export function groupsOf(user: SessionUser): string[] {
  const groups = new Set<string>([`dept:${user.department.code}`]);
  for (const role of user.roles) {
    groups.add(`role:${role}`);
    if (BUREAU_ROLES.has(role)) groups.add(`dept:${user.bureau.code}:role:${role}`);
  }
  return [...groups];
}

export function restOf(ctx: ServerContext): RestClient {
  const client = ctx.engine.client;
  if (!client) throw new HttpError(503, 'ENGINE_UNAVAILABLE', '流程引擎未连接，暂不能办理待办');
  return client.getCamundaRestClient();
}

/** The task is the user's: assigned to it, or offered to one of its groups. */
export function isUsersTask(user: SessionUser, task: UserTask): boolean {
  if (task.assignee === user.login) return true;
  const groups = groupsOf(user);
  return (task.candidateGroups ?? []).some((g) => groups.includes(g)) || (task.candidateUsers ?? []).includes(user.login);
}

/** An open task of the user's, or 404 (someone else's task is as if it did not exist). */
export async function usersOpenTask(ctx: ServerContext, user: SessionUser, taskKey: string): Promise<UserTask> {
  let task: UserTask;
  try {
    task = await restOf(ctx).getUserTask(taskKey);
  } catch (err) {
    if (statusOf(err) === 404) throw notFound();
    throw err;
  }
  if (!isUsersTask(user, task)) throw notFound();
  if (task.state !== 'CREATED') throw new HttpError(409, 'TASK_NOT_OPEN', '该待办已办结或已取消');
  return task;
}

export function statusOf(err: unknown): number | undefined {
  const e = err as { statusCode?: number; status?: number; response?: { statusCode?: number } };
  return e?.statusCode ?? e?.response?.statusCode ?? e?.status;
}

/** The variables a task sees (its scope and those around it). */
export async function taskVariables(rest: RestClient, taskKey: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const found = await rest.searchUserTaskVariables({ userTaskKey: taskKey, page: { from: 0, limit: 1000 } });
  for (const v of found.items as Array<{ name: string; value: string }>) {
    try {
      out[v.name] = JSON.parse(v.value);
    } catch {
      out[v.name] = v.value;
    }
  }
  return out;
}

/** The form-js schema linked to the task, or undefined when it has none. */
export async function taskForm(rest: RestClient, taskKey: string): Promise<{ formKey?: string; formId?: string; version?: number; schema: any } | undefined> {
  const form = await rest.callApiEndpoint<never, { formKey?: string; formId?: string; bpmnId?: string; version?: number; schema: unknown } | string>({ method: 'GET', urlPath: `user-tasks/${taskKey}/form` });
  if (!form || typeof form !== 'object') return undefined;
  return { formKey: form.formKey === undefined ? undefined : String(form.formKey), formId: form.formId ?? form.bpmnId, version: form.version, schema: typeof form.schema === 'string' ? JSON.parse(form.schema) : form.schema };
}
