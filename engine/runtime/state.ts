// The engine's state: the tables and the indexes derived from them. Indexes follow the
// tables through change listeners, so undo and load keep them right without extra code.

import { Table } from './table.ts';
import { DueHeap } from './due-heap.ts';
import type {
  DecisionRow,
  DrgRow,
  ElementInstanceRow,
  FormRow,
  HistoryRecord,
  IncidentRow,
  JobRow,
  ProcessRow,
  MessageRow,
  MessageSubscriptionRow,
  ResourceRow,
  SignalSubscriptionRow,
  TimerRow,
  UserTaskRow,
  VariableRow,
} from './rows.ts';

function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key);
  if (set && set.delete(value) && set.size === 0) index.delete(key);
}

/** When a job needs attention on the clock: its activation deadline, or the end of its back-off. */
export function jobDue(job: JobRow | undefined): number | undefined {
  if (job?.state === 'ACTIVATED') return job.deadline;
  if (job?.state === 'FAILED') return job.recurAt;
  return undefined;
}

export function messageKey(name: string, correlationKey: string): string {
  return `${name}\u0000${correlationKey}`;
}

/** Versions of one id, ordered by version. */
function versionIndex<T extends { version: number }>(table: Table<ResourceRow>, pick: (r: ResourceRow) => [string, T] | undefined) {
  const index = new Map<string, T[]>();
  table.onChange((_key, prev, next) => {
    const p = prev && pick(prev);
    if (p) {
      const list = (index.get(p[0]) ?? []).filter((r) => r !== p[1]);
      if (list.length) index.set(p[0], list);
      else index.delete(p[0]);
    }
    const n = next && pick(next);
    if (n) index.set(n[0], [...(index.get(n[0]) ?? []), n[1]].sort((a, b) => a.version - b.version));
  });
  return index;
}

export class EngineState {
  readonly resources = new Table<ResourceRow>('resources');
  readonly elementInstances = new Table<ElementInstanceRow>('element_instances');
  readonly variables = new Table<VariableRow>('variables');
  readonly jobs = new Table<JobRow>('jobs');
  readonly incidents = new Table<IncidentRow>('incidents');
  readonly userTasks = new Table<UserTaskRow>('user_tasks');
  readonly timers = new Table<TimerRow>('timers');
  readonly messageSubscriptions = new Table<MessageSubscriptionRow>('message_subscriptions');
  readonly messages = new Table<MessageRow>('messages');
  readonly signalSubscriptions = new Table<SignalSubscriptionRow>('signal_subscriptions');
  readonly tables = [
    this.resources,
    this.elementInstances,
    this.variables,
    this.jobs,
    this.incidents,
    this.userTasks,
    this.timers,
    this.messageSubscriptions,
    this.messages,
    this.signalSubscriptions,
  ];

  /** The next timers and message expiries, without scanning. */
  readonly timerHeap = new DueHeap((key) => this.timers.get(key)?.dueDate);
  readonly messageHeap = new DueHeap((key) => this.messages.get(key)?.deadline);
  /** elementInstanceKey -> keys of its timers, message and signal subscriptions. */
  readonly subscriptionsByElement = new Map<number, Set<number>>();
  /** "name\u0000correlationKey" -> message subscription keys, and buffered message keys. */
  readonly messageSubscriptionsByName = new Map<string, Set<number>>();
  readonly messagesByName = new Map<string, Set<number>>();
  /** signal name -> signal subscription keys. */
  readonly signalSubscriptionsByName = new Map<string, Set<number>>();
  /** "bpmnProcessId\u0000correlationKey" -> active instances started by a message with that key. */
  readonly instancesByStartCorrelation = new Map<string, Set<number>>();

  readonly processesById = versionIndex<ProcessRow>(this.resources, (r) => (r.kind === 'process' ? [r.bpmnProcessId, r] : undefined));
  readonly drgsById = versionIndex<DrgRow>(this.resources, (r) => (r.kind === 'drg' ? [r.drgId, r] : undefined));
  readonly decisionsById = versionIndex<DecisionRow>(this.resources, (r) => (r.kind === 'decision' ? [r.decisionId, r] : undefined));
  readonly formsById = versionIndex<FormRow>(this.resources, (r) => (r.kind === 'form' ? [r.formId, r] : undefined));

  /** flowScopeKey -> keys of the element instances directly inside. */
  readonly children = new Map<number, Set<number>>();
  /** scopeKey -> variable name -> variable key. */
  readonly variablesByScope = new Map<number, Map<string, number>>();
  /** job type -> keys of activatable jobs, oldest first. */
  readonly activatableJobs = new Map<string, Set<number>>();
  /** Activated jobs by deadline and failed jobs by back-off end, the earliest first. */
  readonly jobHeap = new DueHeap((key) => jobDue(this.jobs.get(key)));
  /** elementInstanceKey -> incident keys. */
  readonly incidentsByElement = new Map<number, Set<number>>();
  /** jobKey -> incident key. */
  readonly incidentByJob = new Map<number, number>();

  /** History records of the current batch; the commit takes them. */
  history: HistoryRecord[] = [];
  nextKey = 0;

  constructor() {
    this.elementInstances.onChange((key, prev, next) => {
      if (prev && (!next || prev.flowScopeKey !== next.flowScopeKey)) removeFrom(this.children, prev.flowScopeKey, key);
      if (next) addTo(this.children, next.flowScopeKey, key);
    });
    this.variables.onChange((key, prev, next) => {
      if (prev) {
        const scope = this.variablesByScope.get(prev.scopeKey);
        if (scope?.get(prev.name) === key) {
          scope.delete(prev.name);
          if (scope.size === 0) this.variablesByScope.delete(prev.scopeKey);
        }
      }
      if (next) {
        let scope = this.variablesByScope.get(next.scopeKey);
        if (!scope) this.variablesByScope.set(next.scopeKey, (scope = new Map()));
        scope.set(next.name, key);
      }
    });
    this.jobs.onChange((key, prev, next) => {
      if (prev?.state === 'ACTIVATABLE') removeFrom(this.activatableJobs, prev.type, key);
      if (next?.state === 'ACTIVATABLE') addTo(this.activatableJobs, next.type, key);
      const due = jobDue(next);
      if (due !== undefined && due !== jobDue(prev)) this.jobHeap.push(due, key);
    });
    for (const table of [this.timers, this.messageSubscriptions, this.signalSubscriptions] as unknown as Table<{ elementInstanceKey: number }>[]) {
      table.onChange((key, prev, next) => {
        if (prev) removeFrom(this.subscriptionsByElement, prev.elementInstanceKey, key);
        if (next) addTo(this.subscriptionsByElement, next.elementInstanceKey, key);
      });
    }
    this.timers.onChange((key, _prev, next) => {
      if (next) this.timerHeap.push(next.dueDate, key);
    });
    this.messageSubscriptions.onChange((key, prev, next) => {
      if (prev) removeFrom(this.messageSubscriptionsByName, messageKey(prev.messageName, prev.correlationKey), key);
      if (next) addTo(this.messageSubscriptionsByName, messageKey(next.messageName, next.correlationKey), key);
    });
    this.messages.onChange((key, prev, next) => {
      if (prev) removeFrom(this.messagesByName, messageKey(prev.name, prev.correlationKey), key);
      if (next) {
        addTo(this.messagesByName, messageKey(next.name, next.correlationKey), key);
        this.messageHeap.push(next.deadline, key);
      }
    });
    this.signalSubscriptions.onChange((key, prev, next) => {
      if (prev) removeFrom(this.signalSubscriptionsByName, prev.signalName, key);
      if (next) addTo(this.signalSubscriptionsByName, next.signalName, key);
    });
    this.elementInstances.onChange((key, prev, next) => {
      if (prev?.startCorrelationKey !== undefined) removeFrom(this.instancesByStartCorrelation, messageKey(prev.bpmnProcessId, prev.startCorrelationKey), key);
      if (next?.startCorrelationKey !== undefined) addTo(this.instancesByStartCorrelation, messageKey(next.bpmnProcessId, next.startCorrelationKey), key);
    });
    this.incidents.onChange((key, prev, next) => {
      if (prev) {
        removeFrom(this.incidentsByElement, prev.elementInstanceKey, key);
        if (prev.jobKey !== undefined) this.incidentByJob.delete(prev.jobKey);
      }
      if (next) {
        addTo(this.incidentsByElement, next.elementInstanceKey, key);
        if (next.jobKey !== undefined) this.incidentByJob.set(next.jobKey, key);
      }
    });
  }

  latestProcess(bpmnProcessId: string): ProcessRow | undefined {
    return this.processesById.get(bpmnProcessId)?.at(-1);
  }

  latestDecision(decisionId: string): DecisionRow | undefined {
    return this.decisionsById.get(decisionId)?.at(-1);
  }

  latestForm(formId: string): FormRow | undefined {
    return this.formsById.get(formId)?.at(-1);
  }

  childKeys(flowScopeKey: number): number[] {
    return [...(this.children.get(flowScopeKey) ?? [])];
  }

  mark(): { tables: number[]; history: number; nextKey: number } {
    return { tables: this.tables.map((t) => t.mark()), history: this.history.length, nextKey: this.nextKey };
  }

  rollback(mark: { tables: number[]; history: number; nextKey: number }): void {
    this.tables.forEach((t, i) => t.rollback(mark.tables[i]));
    this.history.length = mark.history;
    this.nextKey = mark.nextKey;
  }

  clearJournals(): void {
    for (const t of this.tables) t.clearJournal();
  }
}
