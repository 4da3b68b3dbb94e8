// The processing loop: commands are applied one at a time, in order, to the in-memory state;
// what they changed is written to PostgreSQL in one transaction per batch (group commit), and
// only then are the callers answered and the jobs handed out. Acknowledged means committed.

import type pg from 'pg';
import type { Clock } from '../clock.ts';
import { parseBpmn } from '../model/index.ts';
import { parseDmn } from '../dmn/index.ts';
import { loadState, takeChanges, writeChanges } from '../state/store.ts';
import { Rejection } from './rejection.ts';
import { KEY_BASE, Runtime, type RuntimeHooks } from './runtime.ts';
import type { ElementInstanceRow, JobRow } from './rows.ts';
import { activateJob, putJob, recurDueJobs, type ActivatedJob, type ActivationRequest } from './jobs.ts';
import { JobWaiters, type JobStream, type LongPoll } from './job-waiters.ts';
import { fireDueTimers } from './timers.ts';
import { expireMessages } from './messages.ts';

interface Pending {
  run(rt: Runtime): unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Processed {
  pending: Pending;
  ok: boolean;
  value: unknown;
}

export interface ResultWaiter {
  fetchVariables: string[];
  resolve(variables: Record<string, unknown>): void;
  reject(error: Error): void;
}

/** How often the clock is checked for what fell due: a due timer fires within this. */
const DUE_TICK_MS = 100;

export class Engine {
  readonly rt: Runtime;
  readonly waiters = new JobWaiters();
  readonly resultWaiters = new Map<number, ResultWaiter>();
  private queue: Pending[] = [];
  private processed: Processed[] = [];
  private effects: Array<() => void> = [];
  private scheduled = false;
  private writing = false;
  private closed = false;
  private writer?: pg.PoolClient;
  private tick?: NodeJS.Timeout;
  private dueCheckPending = false;
  /** Job types that got activatable jobs in this batch, for the long polls. */
  private newWork = new Set<string>();

  constructor(
    private readonly pool: pg.Pool,
    readonly clock: Clock,
    private readonly onFatal: (err: Error) => void = (err) => {
      console.error('engine: cannot write its state, stopping', err);
      process.exit(1);
    },
  ) {
    const hooks: RuntimeHooks = {
      jobActivatable: (rt, job) => this.jobActivatable(rt, job),
      processCompleted: (rt, instance, variables) => rt.afterCommit(() => this.answerResult(instance, variables)),
      processTerminated: (rt, instance) =>
        rt.afterCommit(() => {
          const waiter = this.resultWaiters.get(instance.key);
          this.resultWaiters.delete(instance.key);
          waiter?.reject(new Rejection('INVALID_STATE', 'CREATE_WITH_AWAITING_RESULT', `Expected the process instance '${instance.key}' to complete, but it was terminated`));
        }),
    };
    this.rt = new Runtime(hooks);
  }

  async start(): Promise<void> {
    await loadState(this.pool, this.rt.state, KEY_BASE + 1);
    for (const row of this.rt.state.resources.values()) {
      if (row.kind === 'process') {
        const process = (await parseBpmn(row.xml, row.resourceName)).find((p) => p.id === row.bpmnProcessId);
        if (process) this.rt.processes.set(row.key, process);
      } else if (row.kind === 'drg') {
        this.rt.drgs.set(row.key, await parseDmn(row.xml, row.resourceName));
      }
    }
    this.writer = await this.pool.connect();
    this.tick = setInterval(() => this.checkDue(), DUE_TICK_MS);
  }

  async stop(): Promise<void> {
    this.closed = true;
    if (this.tick) clearInterval(this.tick);
    this.waiters.closeAll();
    while (this.writing || this.queue.length || this.processed.length) await new Promise((r) => setTimeout(r, 5));
    this.writer?.release();
    this.writer = undefined;
  }

  /** Applies a command in the loop; resolves once its effects are committed. */
  submit<T>(run: (rt: Runtime) => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the engine is shutting down'));
    return new Promise<T>((resolve, rejectFn) => {
      this.queue.push({ run, resolve: resolve as (v: unknown) => void, reject: rejectFn });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.processQueue();
      void this.write();
    });
  }

  private processQueue(): void {
    const { rt } = this;
    const batch = this.queue;
    this.queue = [];
    for (const pending of batch) {
      rt.now = this.clock.now();
      const mark = rt.state.mark();
      const effectsMark = rt.effects.length;
      try {
        const value = pending.run(rt);
        this.processed.push({ pending, ok: true, value });
      } catch (err) {
        rt.state.rollback(mark);
        rt.effects.length = effectsMark;
        if (!(err instanceof Rejection)) console.error('engine: command failed unexpectedly, nothing was changed', err);
        this.processed.push({ pending, ok: false, value: err });
      }
    }
    rt.state.clearJournals();
    this.effects.push(...rt.effects);
    rt.effects = [];
    for (const type of this.newWork) this.effects.push(() => this.serveLongPolls(type));
    this.newWork.clear();
  }

  /** Writes everything processed so far; batches form while a write is in flight. */
  private async write(): Promise<void> {
    if (this.writing || !this.writer || this.processed.length === 0) return;
    this.writing = true;
    try {
      while (this.processed.length) {
        const processed = this.processed;
        const effects = this.effects;
        this.processed = [];
        this.effects = [];
        const changes = takeChanges(this.rt.state);
        try {
          await writeChanges(this.writer, changes);
        } catch (err) {
          // Memory is now ahead of the database: take no more commands, whatever onFatal does.
          this.closed = true;
          this.onFatal(err as Error);
          for (const p of processed) p.pending.reject(err);
          return;
        }
        for (const p of processed) (p.ok ? p.pending.resolve : p.pending.reject)(p.value);
        for (const effect of effects) effect();
      }
    } finally {
      this.writing = false;
    }
  }

  // --- jobs handed to workers ---

  private jobActivatable(rt: Runtime, job: JobRow): void {
    const stream = this.waiters.streamFor(job.type);
    if (!stream) {
      this.newWork.add(job.type);
      return;
    }
    const activated = activateJob(rt, job, stream);
    rt.afterCommit(() => {
      if (!stream.closed && stream.push(activated)) return;
      // The stream went away before the job reached it: hand the job back, as Zeebe's yield does.
      void this.submit((rt2) => {
        const current = rt2.state.jobs.get(job.key);
        if (current?.state === 'ACTIVATED' && current.worker === stream.worker) putJob(rt2, { ...current, state: 'ACTIVATABLE', worker: '', deadline: -1 }, 'YIELDED');
      }).catch(() => undefined);
    });
  }

  /** Activates up to `max` jobs of a type. */
  activateAvailable(rt: Runtime, type: string, max: number, request: ActivationRequest): ActivatedJob[] {
    const jobs: ActivatedJob[] = [];
    for (const key of [...(rt.state.activatableJobs.get(type) ?? [])]) {
      if (jobs.length >= max) break;
      jobs.push(activateJob(rt, rt.state.jobs.get(key)!, request));
    }
    return jobs;
  }

  /**
   * ActivateJobs: answers at once with what there is, or waits up to `requestTimeout`. The
   * wait is registered inside the command, so a job created in the same batch still finds it.
   */
  activateJobs(request: Omit<LongPoll, 'resolve' | 'done' | 'timer'>, requestTimeout: number): Promise<ActivatedJob[]> {
    return new Promise((resolve, rejectFn) => {
      const poll: LongPoll = { ...request, resolve, done: false };
      this.submit((rt) => {
        const jobs = this.activateAvailable(rt, request.type, request.maxJobsToActivate, request);
        if (jobs.length === 0 && requestTimeout >= 0) this.waiters.addPoll(poll);
        return jobs;
      }).then((jobs) => {
        if (jobs.length > 0 || requestTimeout < 0) return resolve(jobs);
        if (poll.done) return;
        poll.timer = setTimeout(() => {
          this.waiters.removePoll(poll);
          resolve([]);
        }, requestTimeout === 0 ? 10_000 : requestTimeout);
      }, rejectFn);
    });
  }

  private serveLongPolls(type: string): void {
    for (const poll of this.waiters.pollsFor(type)) {
      void this.submit((rt) => (poll.done ? [] : this.activateAvailable(rt, type, poll.maxJobsToActivate, poll))).then((jobs) => {
        if (jobs.length === 0 || poll.done) return;
        this.waiters.removePoll(poll);
        poll.resolve(jobs);
      }, () => undefined);
    }
  }

  openStream(stream: Omit<JobStream, 'closed'>): () => void {
    const registered: JobStream = { ...stream, closed: false };
    this.waiters.addStream(registered);
    // Jobs already waiting go to the new stream too, so a stream alone is enough for a worker.
    void this.submit((rt) => {
      for (const key of [...(rt.state.activatableJobs.get(stream.type) ?? [])].slice(0, 32)) this.jobActivatable(rt, rt.state.jobs.get(key)!);
    }).catch(() => undefined);
    return () => this.waiters.removeStream(registered);
  }

  /** What is due on the clock: job deadlines and back-offs, timers, message time-to-lives. */
  private checkDue(): void {
    const now = this.clock.now();
    const { state } = this.rt;
    const due = [state.jobHeap.peekDue(), state.timerHeap.peekDue(), state.messageHeap.peekDue()].some((d) => d !== undefined && d <= now);
    if (!due || this.dueCheckPending) return;
    this.dueCheckPending = true;
    void this.submit((rt) => {
      recurDueJobs(rt);
      fireDueTimers(rt);
      expireMessages(rt);
    })
      .catch(() => undefined)
      .finally(() => {
        this.dueCheckPending = false;
      });
  }

  /** Forces the timed checks now, e.g. after the clock was moved. */
  clockChanged(): void {
    this.checkDue();
  }

  // --- results of process instances ---

  awaitResult(processInstanceKey: number, waiter: ResultWaiter): void {
    this.resultWaiters.set(processInstanceKey, waiter);
  }

  private answerResult(instance: ElementInstanceRow, variables: Record<string, unknown>): void {
    const waiter = this.resultWaiters.get(instance.key);
    if (!waiter) return;
    this.resultWaiters.delete(instance.key);
    if (waiter.fetchVariables.length === 0) return waiter.resolve(variables);
    const picked: Record<string, unknown> = {};
    for (const name of waiter.fetchVariables) if (name in variables) picked[name] = variables[name];
    waiter.resolve(picked);
  }
}

