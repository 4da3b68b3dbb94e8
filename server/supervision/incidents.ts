// Incidents and what a supervisor or process admin does about them, as Operate offers it:
// retry (give the job retries back, then resolve), cancel the instance, migrate instances to
// another version of their process. Each action goes into the audit trail.
import type { Request, Response } from 'express';
import type { SessionUser } from '../auth/session-user.ts';
import type { ServerContext } from '../context.ts';
import { engineError } from '../deployments/engine.ts';
import { badRequest, conflict, HttpError, notFound } from '../http/errors.ts';
import { recordInstanceAction } from './audit.ts';
import { call, grpc, orMissing, rest, restRefusal, type Page } from './engine.ts';
import { getInstance, incidentView, ticketOfInstance } from './instances.ts';

export interface IncidentQuery { processDefinitionId?: string; processInstanceKey?: string; limit: number; offset: number }

export async function listIncidents(ctx: ServerContext, q: IncidentQuery) {
  const filter: Record<string, unknown> = { state: 'ACTIVE' };
  if (q.processDefinitionId) filter.processDefinitionId = q.processDefinitionId;
  if (q.processInstanceKey) filter.processInstanceKey = q.processInstanceKey;
  const found = await call<Page<Record<string, unknown>>>(ctx, 'POST', 'incidents/search', {
    filter, sort: [{ field: 'creationTime', order: 'DESC' }], page: { from: q.offset, limit: q.limit },
  });
  return { total: found.page.totalItems, items: found.items.map(incidentView) };
}

interface Actor { req: Request; res: Response; user: SessionUser }

/** Gives a failed job its retries back and resolves the incident, so the job runs again. */
export async function retryIncident(ctx: ServerContext, who: Actor, incidentKey: string, retries: number) {
  const raw = await orMissing(() => call<Record<string, unknown>>(ctx, 'GET', `incidents/${incidentKey}`));
  if (!raw) throw notFound('未找到该异常');
  const incident = incidentView(raw);
  if (raw.state !== 'ACTIVE') throw conflict('INCIDENT_RESOLVED', '该异常已处理，无需重试');
  const zeebe = grpc(ctx);
  try {
    if (incident.jobKey) await zeebe.updateJobRetries({ jobKey: incident.jobKey, retries });
    await zeebe.resolveIncident({ incidentKey });
  } catch (err) {
    throw engineError(err, '重试');
  }
  const instance = await getInstance(ctx, incident.processInstanceKey);
  await recordInstanceAction(ctx, who.req, who.res, who.user, {
    action: 'process.incidentRetried', processInstanceKey: incident.processInstanceKey, ticket: await ticketOfInstance(ctx, instance),
    before: { incidentKey, elementId: incident.elementId, errorMessage: incident.errorMessage }, after: { retries: incident.jobKey ? retries : null },
  });
  return { incidentKey, processInstanceKey: incident.processInstanceKey, jobKey: incident.jobKey, retries: incident.jobKey ? retries : null };
}

/**
 * Retries the incidents of jobs that stopped because the holiday calendar lacked `year`
 * (domain/calendar/errors.ts words them): once the year is entered, those tickets go on
 * without anyone retrying them one by one. Answers how many were retried.
 */
export async function retryCalendarIncidents(ctx: ServerContext, who: Actor, year: number): Promise<number> {
  if (!ctx.engine.client) return 0;
  const stoppedFor = `没有 ${year} 年的节假日安排数据`;
  const waiting: string[] = [];
  for (let from = 0; ; from += 200) {
    const found = await call<Page<Record<string, unknown>>>(ctx, 'POST', 'incidents/search', {
      filter: { state: 'ACTIVE', errorType: 'JOB_NO_RETRIES' }, page: { from, limit: 200 },
    });
    for (const raw of found.items) if (String(raw.errorMessage ?? '').includes(stoppedFor)) waiting.push(String(raw.incidentKey));
    if (found.items.length < 200) break;
  }
  let retried = 0;
  for (const incidentKey of waiting) {
    // One that another admin retried meanwhile is not an error here.
    await retryIncident(ctx, who, incidentKey, 1).then(() => retried++, (err) => {
      if (!(err instanceof HttpError && err.status === 409)) throw err;
    });
  }
  return retried;
}

export async function cancelInstance(ctx: ServerContext, who: Actor, key: string, reason: string) {
  const instance = await getInstance(ctx, key);
  if (instance.state !== 'ACTIVE') throw conflict('INSTANCE_NOT_ACTIVE', '该流程实例已结束，不能取消');
  try {
    await rest(ctx).cancelProcessInstance({ processInstanceKey: key });
  } catch (err) {
    throw restRefusal(err, '该流程实例');
  }
  await recordInstanceAction(ctx, who.req, who.res, who.user, {
    action: 'process.instanceCanceled', processInstanceKey: key, ticket: await ticketOfInstance(ctx, instance),
    before: { state: 'ACTIVE', processDefinitionId: instance.processDefinitionId, version: Number(instance.processDefinitionVersion) }, after: { state: 'canceled', reason },
  });
  return { processInstanceKey: key, state: 'canceled' };
}

/**
 * Moves an instance to another version of its process, mapping each element where it
 * stands to the element of the same id in the target. An element missing from the target
 * makes the migration impossible: 409 naming it, and nothing changes.
 */
export async function migrateInstance(ctx: ServerContext, who: Actor, key: string, targetKey: string) {
  const instance = await getInstance(ctx, key);
  if (instance.state !== 'ACTIVE') throw conflict('INSTANCE_NOT_ACTIVE', '该流程实例已结束，不能迁移');
  const target = await orMissing(() => call<{ processDefinitionId: string; version: number }>(ctx, 'GET', `process-definitions/${targetKey}`));
  if (!target) throw badRequest('VALIDATION_FAILED', '目标流程版本不存在', [{ path: 'targetProcessDefinitionKey', message: '没有该流程定义，请从版本列表中选择' }]);
  if (target.processDefinitionId !== instance.processDefinitionId) {
    throw badRequest('VALIDATION_FAILED', '只能迁移到同一流程的其他版本', [{ path: 'targetProcessDefinitionKey', message: `目标是流程“${target.processDefinitionId}”，而实例属于“${instance.processDefinitionId}”` }]);
  }
  if (String(targetKey) === String(instance.processDefinitionKey)) {
    throw badRequest('VALIDATION_FAILED', '实例已在该版本上', [{ path: 'targetProcessDefinitionKey', message: '请选择另一个版本' }]);
  }
  const targetIds = elementIds(await rest(ctx).getProcessDefinitionXML(targetKey));
  const active = await call<Page<{ elementId: string; state: string; type: string }>>(ctx, 'POST', 'element-instances/search', {
    filter: { processInstanceKey: key, state: 'ACTIVE' }, page: { from: 0, limit: 1000 },
  });
  const standing = [...new Set(active.items.filter((e) => e.type !== 'PROCESS').map((e) => e.elementId))];
  const missing = standing.filter((id) => !targetIds.has(id));
  if (missing.length) {
    throw conflict('MIGRATION_IMPOSSIBLE', `目标版本 ${target.version} 中没有实例当前所在的环节：${missing.join('、')}，无法按相同环节迁移`,
      missing.map((id) => ({ path: 'targetProcessDefinitionKey', message: `环节 ${id} 在目标版本中不存在` })));
  }
  try {
    await grpc(ctx).migrateProcessInstance({
      processInstanceKey: key,
      migrationPlan: { targetProcessDefinitionKey: targetKey, mappingInstructions: standing.map((id) => ({ sourceElementId: id, targetElementId: id })) },
    });
  } catch (err) {
    const e = engineError(err, '迁移');
    throw e.status === 400 ? conflict('MIGRATION_IMPOSSIBLE', e.message) : e;
  }
  await recordInstanceAction(ctx, who.req, who.res, who.user, {
    action: 'process.instanceMigrated', processInstanceKey: key, ticket: await ticketOfInstance(ctx, instance),
    before: { processDefinitionKey: String(instance.processDefinitionKey), version: Number(instance.processDefinitionVersion) },
    after: { processDefinitionKey: targetKey, version: Number(target.version), elements: standing },
  });
  return { processInstanceKey: key, processDefinitionKey: targetKey, version: Number(target.version), mapped: standing };
}

/** The ids of a BPMN model's process elements (diagram shapes and edges left out). */
function elementIds(xml: string): Set<string> {
  const ids = new Set<string>();
  for (const m of xml.matchAll(/<(?:[\w-]+:)?(\w+)\s[^>]*?\bid="([^"]+)"/g)) {
    if (!/^BPMN(Shape|Edge|Plane|Diagram|Label)$/.test(m[1]!)) ids.add(m[2]!);
  }
  return ids;
}
