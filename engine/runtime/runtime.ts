// What every processor works with while one command is applied: the state, the parsed
// models, the clock, new keys, history records and the effects to run once committed.

import type { ExecutableProcess, FlowNode } from '../model/index.ts';
import type { ParsedDrg } from '../dmn/index.ts';
import { EngineState } from './state.ts';
import type { ElementInstanceRow, HistoryRecord, JobRow } from './rows.ts';

/** Keys in Zeebe's format: partition 1 in the upper bits, (1 << 51) + n, exact as a JS number. */
export const PARTITION_ID = 1;
export const KEY_BASE = PARTITION_ID * 2 ** 51;

export interface RuntimeHooks {
  /** A job became activatable: the engine may hand it to an open job stream right away. */
  jobActivatable(rt: Runtime, job: JobRow): void;
  /** A process instance completed: answers CreateProcessInstanceWithResult. */
  processCompleted(rt: Runtime, instance: ElementInstanceRow, variables: Record<string, unknown>): void;
  /** A process instance was terminated or cancelled. */
  processTerminated(rt: Runtime, instance: ElementInstanceRow): void;
}

export class Runtime {
  readonly state = new EngineState();
  readonly processes = new Map<number, ExecutableProcess>();
  readonly drgs = new Map<number, ParsedDrg>();
  /** Run after the current batch is committed, in order. */
  effects: Array<() => void> = [];
  /** The time of the command being processed. */
  now = 0;

  constructor(readonly hooks: RuntimeHooks) {}

  newKey(): number {
    return this.state.nextKey++;
  }

  record(valueType: string, intent: string, key: number, value: Record<string, unknown>, processInstanceKey?: number): void {
    const record: HistoryRecord = { key, valueType, intent, processInstanceKey, timestamp: this.now, value };
    this.state.history.push(record);
  }

  afterCommit(effect: () => void): void {
    this.effects.push(effect);
  }

  process(key: number): ExecutableProcess {
    const p = this.processes.get(key);
    if (!p) throw new Error(`process definition ${key} is not loaded`);
    return p;
  }

  node(instance: ElementInstanceRow): FlowNode {
    const node = this.process(instance.processDefinitionKey).elements.get(instance.elementId);
    if (!node) throw new Error(`element '${instance.elementId}' not found in process ${instance.processDefinitionKey}`);
    return node;
  }

  instance(key: number): ElementInstanceRow | undefined {
    return this.state.elementInstances.get(key);
  }

  /** Changes an element instance row (rows are immutable). */
  update(instance: ElementInstanceRow, change: Partial<ElementInstanceRow>): ElementInstanceRow {
    const next = { ...instance, ...change };
    this.state.elementInstances.put(instance.key, next);
    return next;
  }

  /** The record value Zeebe writes for an element instance. */
  elementRecord(instance: ElementInstanceRow, intent: string): void {
    this.record(
      'PROCESS_INSTANCE',
      intent,
      instance.key,
      {
        bpmnElementType: instance.type,
        elementId: instance.elementId,
        flowScopeKey: instance.flowScopeKey,
        processInstanceKey: instance.processInstanceKey,
        processDefinitionKey: instance.processDefinitionKey,
        bpmnProcessId: instance.bpmnProcessId,
        version: instance.version,
        parentProcessInstanceKey: instance.parentProcessInstanceKey ?? -1,
        parentElementInstanceKey: instance.parentElementInstanceKey ?? -1,
      },
      instance.processInstanceKey,
    );
  }
}
