// The engine's state: the tables and the indexes derived from them. Indexes follow the
// tables through change listeners, so undo and load keep them right without extra code.

import { Table } from './table.ts';
import type {
  DecisionRow,
  DrgRow,
  ElementInstanceRow,
  FormRow,
  HistoryRecord,
  IncidentRow,
  JobRow,
  ProcessRow,
  ResourceRow,
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
  readonly tables = [this.resources, this.elementInstances, this.variables, this.jobs, this.incidents, this.userTasks];

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
  /** Jobs waiting for a deadline or a back-off to pass. */
  readonly timedJobs = new Set<number>();
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
      const timed = next && (next.state === 'ACTIVATED' || (next.state === 'FAILED' && next.recurAt !== undefined));
      if (timed) this.timedJobs.add(key);
      else this.timedJobs.delete(key);
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
