// Deploying a model from an editor: POST /api/deployments with the file, and the answer as
// Chinese text for a message box (the new version, or the problems that stopped it). Rules go
// through POST /api/deployments/check first: its dry run on the sample tickets shows what the
// change changes (样例工单的结果变化) before the admin confirms.
import { api, ApiError } from '../../api.ts';
import { compareOutputs, showValue } from '../dmn/compare.ts';

export const DEPLOY_ENDPOINT = '/api/deployments';
export const CHECK_ENDPOINT = '/api/deployments/check';

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

/** One sample ticket through one decision: the draft's result and the running version's. */
export interface SampleRun {
  file: string;
  decisionId: string;
  decisionName: string;
  sample: string;
  variables: Record<string, unknown>;
  output: unknown;
  failure?: string;
  running?: { version: number; output: unknown; failure?: string } | null;
  changed?: boolean;
}

export interface CheckAnswer {
  ok: boolean;
  problems: DeployProblem[];
  samples: SampleRun[];
}

export const checkResource = (name: string, content: string) =>
  api.post<CheckAnswer>(CHECK_ENDPOINT, { resources: [{ name, content }] }, { quiet: true });

/** What a sample's result does on deploying, in Chinese: 不变, 新决策, or each changed output `旧 → 新`. */
export function sampleChange(run: SampleRun): { status: 'same' | 'changed' | 'new' | 'failed'; text: string } {
  if (run.failure) return { status: 'failed', text: run.failure };
  if (!run.running) return { status: 'new', text: `新决策：${showValue(run.output)}` };
  if (!run.changed) return { status: 'same', text: '不变' };
  const rows = compareOutputs(run.output, run.running.output).filter((r) => r.differs);
  return { status: 'changed', text: rows.map((r) => `${r.key}：${showValue(r.deployed)} → ${showValue(r.draft)}`).join('；') };
}
