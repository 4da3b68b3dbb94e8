// Deploying a model from an editor: POST /api/deployments with the file, and the answer as
// Chinese text for a message box (the new version, or the problems that stopped it).
import { api, ApiError } from '../../api.ts';

export const DEPLOY_ENDPOINT = '/api/deployments';

export interface DeployedResource {
  id: string | null;
  name: string;
  kind: 'process' | 'decision' | 'form';
  resourceId: string;
  version: number;
  /** False: the content equals the running version, the engine kept it. */
  changed: boolean;
}

export interface DeployAnswer {
  deploymentKey: string;
  resources: DeployedResource[];
}

export interface DeployProblem {
  file: string;
  elementId?: string;
  severity: 'error' | 'warning';
  message: string;
}

export type DeployOutcome =
  | { ok: true; title: string; lines: string[] }
  | { ok: false; title: string; lines: string[] };

const KIND: Record<DeployedResource['kind'], string> = { process: '流程', decision: '决策', form: '表单' };

export async function deployResource(name: string, content: string): Promise<DeployOutcome> {
  try {
    const answer = await api.post<DeployAnswer>(DEPLOY_ENDPOINT, { resources: [{ name, content }] }, { quiet: true });
    return {
      ok: true,
      title: '部署成功',
      lines: answer.resources.map((r) => (r.changed
        ? `${KIND[r.kind]}「${r.resourceId}」已部署为第 ${r.version} 版，新发起的流程立即使用此版本`
        : `${KIND[r.kind]}「${r.resourceId}」与运行中的第 ${r.version} 版相同，未产生新版本`)),
    };
  } catch (err) {
    if (!(err instanceof ApiError)) return { ok: false, title: '部署失败', lines: [err instanceof Error ? err.message : String(err)] };
    if (err.isMissingEndpoint) return { ok: false, title: '部署失败', lines: [`服务端部署接口（POST ${DEPLOY_ENDPOINT}）尚未提供`] };
    const problems = ((err.body as any)?.error?.problems ?? []) as DeployProblem[];
    const errors = problems.filter((p) => p.severity === 'error');
    return {
      ok: false,
      title: '部署失败',
      lines: [err.message, ...errors.map((p) => (p.elementId && !p.message.includes(p.elementId) ? `${p.elementId}：${p.message}` : p.message))],
    };
  }
}
