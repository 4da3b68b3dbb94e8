// Deploying resources through the SDK after checking them, and recording each new version.
import type { SessionUser } from '../auth/session-user.ts';
import type { ServerContext } from '../context.ts';
import { HttpError } from '../http/errors.ts';
import { checkResources, type Problem, type ResourceFacts, type ResourceInput } from './check.ts';
import { engineError, zeebeOf } from './engine.ts';
import { recordVersion, versionId } from './store.ts';

export interface DeployedResource {
  /** The history row of this version. */
  id: string | undefined;
  name: string;
  kind: 'process' | 'decision' | 'form';
  resourceId: string;
  decisionIds: string[];
  version: number;
  /** False when the content equalled the running version: the engine kept it, nothing new was recorded. */
  changed: boolean;
}

export interface DeployResult {
  deploymentKey: string;
  resources: DeployedResource[];
  warnings: Problem[];
}

export const checkFailed = (problems: Problem[]) =>
  new HttpError(400, 'CHECK_FAILED', `检查未通过：${problems.filter((p) => p.severity === 'error').length} 个错误，未部署`, undefined, { problems });

export async function deploy(ctx: ServerContext, user: SessionUser | undefined, resources: ResourceInput[], rolledBackFrom?: string): Promise<DeployResult> {
  const checked = await checkResources(resources, ctx.clock);
  const templates = checked.resources.filter((r) => r.kind === 'template');
  const problems = [
    ...checked.problems,
    ...templates.map((t): Problem => ({ file: t.name, severity: 'error', message: '通知模板不部署到流程引擎：请只检查，不要随流程一起部署' })),
  ];
  if (problems.some((p) => p.severity === 'error')) throw checkFailed(problems);
  const zeebe = zeebeOf(ctx);
  const byName = new Map(resources.map((r) => [r.name, r]));
  let response: Awaited<ReturnType<typeof zeebe.deployResources>>;
  try {
    response = await zeebe.deployResources(checked.resources.map((r) => {
      const content = Buffer.from(byName.get(r.name)!.content, 'utf8');
      return r.kind === 'process' ? { process: content, name: r.name } : r.kind === 'decision' ? { decision: content, name: r.name } : { form: content, name: r.name };
    }));
  } catch (err) {
    throw engineError(err, '部署');
  }
  const deployments = response.deployments as any[];
  const now = ctx.clock();
  const result: DeployedResource[] = [];
  for (const fact of checked.resources as Array<ResourceFacts & { kind: 'process' | 'decision' | 'form' }>) {
    const meta = versionOf(deployments, fact);
    if (!meta) {
      ctx.log.warn({ resource: fact.name, deploymentKey: response.key }, 'deployment answer names no version for a resource');
      continue;
    }
    const record = {
      deploymentKey: String(response.key),
      resourceName: fact.name,
      kind: fact.kind,
      resourceId: meta.id,
      decisionIds: fact.decisionIds ?? [],
      version: meta.version,
      engineKey: meta.key,
      checksum: fact.checksum,
      content: byName.get(fact.name)!.content,
      rolledBackFrom,
      deployedBy: user?.id,
      deployedAt: now,
    };
    const id = await recordVersion(ctx.pool, record);
    result.push({
      id: id ?? await versionId(ctx.pool, fact.kind, meta.id, meta.version),
      name: fact.name, kind: fact.kind, resourceId: meta.id, decisionIds: record.decisionIds, version: meta.version, changed: !!id,
    });
  }
  ctx.log.info({ deploymentKey: response.key, user: user?.login, resources: result.map((r) => `${r.name}@${r.version}${r.changed ? '' : ' (unchanged)'}`) }, 'deployed');
  return { deploymentKey: String(response.key), resources: result, warnings: problems };
}

function versionOf(deployments: any[], fact: ResourceFacts): { id: string; version: number; key?: string } | undefined {
  if (fact.kind === 'process') {
    const all = deployments.map((d) => d.process).filter(Boolean);
    const m = all.find((p) => p.resourceName === fact.name && p.bpmnProcessId === fact.resourceId) ?? all.find((p) => p.resourceName === fact.name) ?? all.find((p) => p.bpmnProcessId === fact.resourceId);
    return m && { id: m.bpmnProcessId, version: Number(m.version), key: String(m.processDefinitionKey) };
  }
  if (fact.kind === 'decision') {
    const all = deployments.map((d) => d.decisionRequirements).filter(Boolean);
    const m = all.find((r) => r.resourceName === fact.name) ?? all.find((r) => r.dmnDecisionRequirementsId === fact.resourceId);
    return m && { id: m.dmnDecisionRequirementsId, version: Number(m.version), key: String(m.decisionRequirementsKey) };
  }
  const all = deployments.map((d) => d.form).filter(Boolean);
  const m = all.find((f) => f.resourceName === fact.name) ?? all.find((f) => f.formId === fact.resourceId);
  return m && { id: m.formId, version: Number(m.version), key: String(m.formKey) };
}
