// Dry run of DMN before it goes live: every decision of a file being deployed is evaluated on
// its sample tickets (processes/samples/decision-samples.json) with the project's DMN library,
// in this process, on Zeebe 8.8 semantics. A failure, or a null where the process needs a value,
// stops the deployment; the outputs go back with the check so the admin sees what changes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateDecision, parseDmn, type DecisionResult, type ParsedDrg } from '../../engine/dmn/index.ts';
import { PROCESSES_DIR } from '../../processes/index.ts';
import type { Problem } from './check.ts';

export const SAMPLES_FILE = path.join(PROCESSES_DIR, 'samples', 'decision-samples.json');

export interface DecisionSample {
  name: string;
  variables: Record<string, unknown>;
  /** Outputs that must not be null for this sample; default: the decision's. */
  requires?: string[];
}

interface SampleSet {
  usedBy?: string;
  requires?: string[];
  samples: DecisionSample[];
}

/** One sample ticket through one decision of the draft, and (filled by compareWithRunning) of the running version. */
export interface SampleRun {
  file: string;
  decisionId: string;
  decisionName: string;
  sample: string;
  variables: Record<string, unknown>;
  output: unknown;
  /** Chinese: why the draft gives no usable result for this sample. */
  failure?: string;
  /** The running version's result; null when no version of the decision runs. */
  running?: { version: number; output: unknown; failure?: string } | null;
  /** The draft's output differs from the running version's. */
  changed?: boolean;
}

/** The sample tickets by decision id, read on each check so an edited file applies at once. */
export function decisionSamples(): Record<string, SampleSet> {
  const { $comment: _comment, ...sets } = JSON.parse(readFileSync(SAMPLES_FILE, 'utf8')) as Record<string, SampleSet> & { $comment?: string };
  return sets;
}

/** The DMN parsed as the engine will parse it; a refusal becomes a problem naming the element. */
export async function parseForDryRun(file: string, xml: string, problems: Problem[]): Promise<ParsedDrg | undefined> {
  try {
    return await parseDmn(xml, file);
  } catch (err) {
    const e = err as Error & { elementId?: string };
    if (e.name !== 'ModelError') throw err; // the library's refusal (its entry does not export the class)
    problems.push({ file, elementId: e.elementId, severity: 'error', message: `流程引擎无法解析该 DMN（${e.elementId ?? file}）：${e.message}`, original: e.message });
    return undefined;
  }
}

/** Evaluates every decision of the DRG on its samples; failures are errors naming decision and sample. */
export function dryRun(file: string, drg: ParsedDrg, problems: Problem[], now: () => Date): SampleRun[] {
  const sets = decisionSamples();
  const runs: SampleRun[] = [];
  for (const decision of drg.decisions) {
    const label = `决策「${decision.name || decision.id}」（${decision.id}）`;
    const set = sets[decision.id];
    if (!set?.samples.length) {
      problems.push({ file, elementId: decision.id, severity: 'warning', message: `${label}没有样例工单，部署前未能试算：请在 processes/samples/decision-samples.json 中补充` });
      continue;
    }
    for (const sample of set.samples) {
      const result = evaluateDecision(drg, decision.id, sample.variables, { now });
      const failure = failureOf(result, sample.requires ?? set.requires ?? []);
      runs.push({
        file, decisionId: decision.id, decisionName: decision.name || decision.id, sample: sample.name, variables: sample.variables,
        output: result.decisionOutput, ...(failure ? { failure } : {}),
      });
      if (failure) problems.push({ file, elementId: decision.id, severity: 'error', message: `${label}在样例工单「${sample.name}」上试算未通过：${failure}`, ...(result.failureMessage ? { original: result.failureMessage } : {}) });
    }
  }
  return runs;
}

/** What failureOf reads of a result: the library's, or the engine's answer mapped to it. */
export type ResultFacts = Pick<DecisionResult, 'decisionId' | 'decisionOutput' | 'failedDecisionId' | 'failureMessage'> & {
  evaluatedDecisions: Array<{ decisionId: string; matchedRules: Array<{ ruleId: string; ruleIndex: number }> }>;
};

/** Why a result is of no use to the process, in Chinese; undefined when it is fine. */
export function failureOf(result: ResultFacts, requires: string[]): string | undefined {
  const audit = result.evaluatedDecisions.find((d) => d.decisionId === (result.failedDecisionId ?? result.decisionId));
  const rules = (audit?.matchedRules ?? []).map((r) => `第 ${r.ruleIndex} 条（${r.ruleId}）`).join('、');
  if (result.failureMessage) return failureZh(result.failureMessage, rules);
  const missing = missingOutputs(result.decisionOutput, requires);
  if (!missing.length) return undefined;
  if (!rules) return `没有命中任何规则，得不到流程需要的 ${missing.join('、')}`;
  return `命中规则${rules}，但流程需要的 ${missing.join('、')} 为空：请检查该规则的输出单元格（FEEL 表达式出错时结果为空）`;
}

function failureZh(message: string, rules: string): string {
  if (/UNIQUE hit policy/.test(message)) return `命中策略为“唯一”（UNIQUE），却同时命中了多条规则：${rules || matchedIds(message)}`;
  if (/ANY hit policy/.test(message)) return `命中策略为“任一”（ANY），命中的规则输出却不同：${rules || matchedIds(message)}`;
  const type = /expected '(\w+)' but found '(.*)'$/.exec(message);
  if (type) return `结果类型不符：决策结果应为 ${type[1]}，实际为 ${type[2]}`;
  if (/failed to evaluate/.test(message)) return `FEEL 表达式求值出错：${message.replace(/^Expected to evaluate decision '[^']*', but /, '')}`;
  return `求值失败：${message}`;
}

const matchedIds = (message: string) => /matched rules: (.*)\)/.exec(message)?.[1] ?? '';

function missingOutputs(output: unknown, requires: string[]): string[] {
  if (!requires.length) return [];
  const absent = (item: unknown, key: string) => {
    const value = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>)[key] : item;
    return value === null || value === undefined;
  };
  if (Array.isArray(output)) return output.length ? requires.filter((key) => output.some((item) => absent(item, key))) : requires;
  return requires.filter((key) => absent(output, key));
}
