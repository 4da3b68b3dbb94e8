// Helpers for tests of the models in processes/ and forms/: reading and linting them, deploying
// them in one deployment, a small in-test job worker that plays the real workers, and user
// tasks found in the engine's records and completed through the REST API.

import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventually, type HistoryRow, type TestEngine } from './engine.ts';

const require = createRequire(import.meta.url);
export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PROCESSES = path.join(ROOT, 'processes');
export const FORMS = path.join(ROOT, 'forms');

export const files = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => ({ name: f, path: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8') }));

export interface LintReport {
  rule: string;
  id?: string;
  message: string;
  category: string;
}

/** bpmnlint through its node API with the repository's .bpmnlintrc, as `npx bpmnlint` runs it. */
export async function lintBpmn(xml: string): Promise<{ parseWarnings: string[]; reports: LintReport[] }> {
  const Linter = require('bpmnlint/lib/linter');
  const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
  const { BpmnModdle } = require('bpmn-moddle');
  const config = JSON.parse(readFileSync(path.join(ROOT, '.bpmnlintrc'), 'utf8'));
  const extensions: Record<string, unknown> = {};
  for (const [name, file] of Object.entries(config.moddleExtensions ?? {})) extensions[name] = require(file as string);
  const { rootElement, warnings } = await new BpmnModdle(extensions).fromXML(xml);
  const linter = new Linter({ config: { extends: config.extends, rules: config.rules ?? {} }, resolver: new NodeResolver() });
  const results: Record<string, Array<{ id?: string; message: string; category: string }>> = await linter.lint(rootElement);
  const reports = Object.entries(results).flatMap(([rule, list]) => list.map((r) => ({ rule, ...r })));
  return { parseWarnings: (warnings as Array<{ message: string }>).map((w) => w.message), reports };
}

export { productResources } from '../../processes/index.ts';

// ---------------------------------------------------------------------------------------------
// Jobs

export interface JobSeen {
  key: string;
  type: string;
  elementId: string;
  bpmnProcessId: string;
  processInstanceKey: string;
  headers: Record<string, string>;
  variables: Record<string, any>;
}

export type JobResult = Record<string, unknown> | { bpmnError: string; variables?: Record<string, unknown> };
export type JobHandler = (job: JobSeen) => JobResult | Promise<JobResult>;

/** Plays the real workers: completes jobs of the given types with what the handlers return. */
export class TestWorkers {
  readonly seen: JobSeen[] = [];
  private running = true;
  private loop: Promise<void>;

  constructor(private readonly t: TestEngine, private readonly handlers: Record<string, JobHandler>) {
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let any = false;
      for (const [type, handler] of Object.entries(this.handlers)) {
        if (!this.running) break;
        const jobs = await this.t.zeebe.activateJobs({ type, worker: 'models-test', maxJobsToActivate: 32, timeout: 60_000, requestTimeout: -1 }).catch(() => []);
        for (const job of jobs) {
          any = true;
          const seen: JobSeen = {
            key: job.key,
            type: job.type,
            elementId: job.elementId,
            bpmnProcessId: job.bpmnProcessId,
            processInstanceKey: job.processInstanceKey,
            headers: job.customHeaders as Record<string, string>,
            variables: job.variables as Record<string, any>,
          };
          this.seen.push(seen);
          const result = await handler(seen);
          try {
            if ('bpmnError' in result && typeof result.bpmnError === 'string') {
              await this.t.zeebe.throwError({ jobKey: job.key, errorCode: result.bpmnError, errorMessage: result.bpmnError, variables: (result.variables ?? {}) as never });
            } else {
              await this.t.zeebe.completeJob({ jobKey: job.key, variables: result as never });
            }
          } catch (err) {
            // The job's instance was cancelled while the worker held it (a story ending with
            // cancelProcessInstance): the engine answers NOT_FOUND, as Zeebe does. Keep working.
            if ((err as { code?: number }).code !== 5) throw err;
          }
        }
      }
      if (!any) await new Promise((r) => setTimeout(r, 20));
    }
  }

  jobs(filter: Partial<Pick<JobSeen, 'type' | 'elementId' | 'bpmnProcessId'>> & { header?: [string, string]; ticketNo?: string } = {}): JobSeen[] {
    return this.seen.filter(
      (j) =>
        (!filter.type || j.type === filter.type) &&
        (!filter.elementId || j.elementId === filter.elementId) &&
        (!filter.bpmnProcessId || j.bpmnProcessId === filter.bpmnProcessId) &&
        (!filter.header || j.headers[filter.header[0]] === filter.header[1]) &&
        (!filter.ticketNo || j.variables.ticketNo === filter.ticketNo),
    );
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

// ---------------------------------------------------------------------------------------------
// User tasks

export interface UserTaskSeen {
  key: string;
  elementId: string;
  bpmnProcessId: string;
  processInstanceKey: string;
  candidateGroups: string[];
  dueDate?: string;
  formKey?: string;
}

/** Finds and completes Camunda user tasks of one story (tasks of called processes included). */
export class UserTasks {
  private readonly handled = new Set<string>();
  /** Tasks of the ticket with this number only (its process instance and the ones it calls). */
  constructor(private readonly t: TestEngine, private readonly ticketNo?: string) {}

  /** The next open task with this element id, waiting for it. */
  async next(elementId: string, where: (task: UserTaskSeen, variables: Record<string, any>) => boolean = (_, v) => !this.ticketNo || v.ticketNo === this.ticketNo, timeoutMs = 10_000): Promise<UserTaskSeen> {
    return eventually(async () => {
      const created = await this.t.records({ valueType: 'USER_TASK', intent: 'CREATED' });
      const closed = new Set((await this.t.records({ valueType: 'USER_TASK' })).filter((r) => r.intent === 'COMPLETED' || r.intent === 'CANCELED').map((r) => r.key));
      for (const r of created) {
        if (r.value.elementId !== elementId || this.handled.has(r.key) || closed.has(r.key)) continue;
        const task = toTask(r);
        if (where(task, await this.variables(task.processInstanceKey))) return task;
      }
      return undefined;
    }, `user task '${elementId}'`, timeoutMs);
  }

  /** Completes the next task with this element id with the form's variables. */
  async complete(elementId: string, variables: Record<string, unknown>, where?: (task: UserTaskSeen, variables: Record<string, any>) => boolean): Promise<UserTaskSeen> {
    const task = await this.next(elementId, where);
    this.handled.add(task.key);
    await (this.t.api as any).completeUserTask({ userTaskKey: task.key, variables });
    return task;
  }

  /** The latest value of each variable of a process instance (all scopes, last write wins). */
  async variables(processInstanceKey: string): Promise<Record<string, any>> {
    const rows = await this.t.records({ valueType: 'VARIABLE', processInstanceKey });
    const out: Record<string, any> = {};
    for (const r of rows) out[r.value.name] = typeof r.value.value === 'string' ? safeJson(r.value.value) : r.value.value;
    return out;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toTask(r: HistoryRow): UserTaskSeen {
  return {
    key: r.key,
    elementId: r.value.elementId,
    bpmnProcessId: r.value.bpmnProcessId,
    processInstanceKey: String(r.value.processInstanceKey),
    candidateGroups: r.value.candidateGroups ?? [],
    dueDate: r.value.dueDate,
    formKey: r.value.formKey === undefined ? undefined : String(r.value.formKey),
  };
}

/** Element ids that completed in a process instance, in order. */
export async function completedElements(t: TestEngine, processInstanceKey: string): Promise<string[]> {
  return (await t.records({ valueType: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', processInstanceKey })).map((r) => r.value.elementId as string);
}

/** Waits until an element of the process instance completed. */
export async function completes(t: TestEngine, processInstanceKey: string, elementId: string, timeoutMs = 10_000): Promise<string[]> {
  return eventually(async () => {
    const done = await completedElements(t, processInstanceKey);
    return done.includes(elementId) ? done : undefined;
  }, `'${elementId}' to complete`, timeoutMs);
}
