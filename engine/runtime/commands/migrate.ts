// MigrateProcessInstance: moves a running instance onto another process version, element by
// element as the mapping instructions say. Every active element must be mapped to an element
// of the same type in the same (mapped) flow scope; jobs and user tasks carry on where they
// are, waiting events whose catch element is mapped keep waiting (a timer keeps its due
// date), the others are closed, and catch events new in the target are opened.

import { reject } from '../rejection.ts';
import type { ElementInstanceRow } from '../rows.ts';
import type { Runtime } from '../runtime.ts';
import { catchEventsOf, closeSubscriptions, openSubscriptions } from '../subscriptions.ts';
import { jobValue } from '../jobs.ts';
import { incidentValue } from '../incidents.ts';

const INTENT = 'MIGRATE';

function activeInstances(rt: Runtime, root: ElementInstanceRow): ElementInstanceRow[] {
  const all: ElementInstanceRow[] = [];
  const walk = (key: number) => {
    for (const child of rt.state.childKeys(key)) {
      all.push(rt.instance(child)!);
      walk(child);
    }
  };
  walk(root.key);
  return all;
}

export function migrateProcessInstance(rt: Runtime, processInstanceKey: number, targetProcessDefinitionKey: number, mappings: Array<{ sourceElementId: string; targetElementId: string }>): void {
  const root = rt.instance(processInstanceKey);
  if (!root || root.type !== 'PROCESS') reject('NOT_FOUND', INTENT, `Expected to migrate process instance but no process instance found with key '${processInstanceKey}'`);
  const targetRow = rt.state.resources.get(targetProcessDefinitionKey);
  if (targetRow?.kind !== 'process') reject('NOT_FOUND', INTENT, `Expected to migrate process instance to process definition but no process definition found with key '${targetProcessDefinitionKey}'`);
  const source = rt.process(root.processDefinitionKey);
  const target = rt.process(targetRow.key);
  const map = new Map<string, string>([[source.id, target.id]]);
  for (const m of mappings) {
    if (map.has(m.sourceElementId) && m.sourceElementId !== source.id) reject('INVALID_ARGUMENT', INTENT, `Expected to migrate process instance '${processInstanceKey}' but the mapping instructions contain the source element '${m.sourceElementId}' more than once`);
    if (!source.elements.has(m.sourceElementId)) reject('INVALID_ARGUMENT', INTENT, `Expected to migrate process instance '${processInstanceKey}' but the mapping instruction refers to a source element '${m.sourceElementId}' that does not exist in process '${source.id}'`);
    if (!target.elements.has(m.targetElementId)) reject('INVALID_ARGUMENT', INTENT, `Expected to migrate process instance '${processInstanceKey}' but the mapping instruction refers to a target element '${m.targetElementId}' that does not exist in process '${target.id}' version ${targetRow.version}`);
    map.set(m.sourceElementId, m.targetElementId);
  }

  const instances = activeInstances(rt, root);
  for (const instance of instances) {
    const mapped = map.get(instance.elementId);
    if (!mapped) reject('INVALID_STATE', INTENT, `Expected to migrate process instance '${processInstanceKey}' but the active element '${instance.elementId}' has no mapping instruction; map it to an element of the target process`);
    const from = source.elements.get(instance.elementId)!;
    const to = target.elements.get(mapped)!;
    if (from.type !== to.type || Boolean(from.multiInstance) !== Boolean(to.multiInstance)) {
      reject('INVALID_STATE', INTENT, `Expected to migrate process instance '${processInstanceKey}' but the active element '${from.id}' (${from.type}) is mapped to '${to.id}' (${to.type}); elements can only be mapped to elements of the same type`);
    }
    if (map.get(from.flowScopeId) !== to.flowScopeId && !(from.flowScopeId === source.id && to.flowScopeId === target.id)) {
      reject('INVALID_STATE', INTENT, `Expected to migrate process instance '${processInstanceKey}' but the element '${from.id}' would move to another flow scope ('${to.flowScopeId}'); map its flow scope '${from.flowScopeId}' to '${to.flowScopeId}'`);
    }
    if (instance.joinTokens && Object.keys(instance.joinTokens).length) {
      reject('INVALID_STATE', INTENT, `Expected to migrate process instance '${processInstanceKey}' but a joining gateway in '${instance.elementId}' has tokens waiting; migrate it once the gateway has joined`);
    }
  }
  if (root.joinTokens && Object.keys(root.joinTokens).length) {
    reject('INVALID_STATE', INTENT, `Expected to migrate process instance '${processInstanceKey}' but a joining gateway has tokens waiting; migrate it once the gateway has joined`);
  }

  const definition = { processDefinitionKey: targetRow.key, bpmnProcessId: targetRow.bpmnProcessId, version: targetRow.version };
  for (const instance of [root, ...instances]) {
    const targetId = map.get(instance.elementId)!;
    const migrated = rt.update(instance, { ...definition, elementId: targetId });
    rt.elementRecord(migrated, 'ELEMENT_MIGRATED');
    migrateWaits(rt, migrated, map);
    if (migrated.jobKey !== undefined) {
      const job = rt.state.jobs.get(migrated.jobKey);
      if (job) {
        const moved = { ...job, processDefinitionKey: definition.processDefinitionKey, bpmnProcessId: definition.bpmnProcessId, processDefinitionVersion: definition.version, elementId: targetId };
        rt.state.jobs.put(job.key, moved);
        rt.record('JOB', 'MIGRATED', job.key, jobValue(moved), moved.processInstanceKey);
      }
    }
    for (const incidentKey of rt.state.incidentsByElement.get(migrated.key) ?? []) {
      const incident = rt.state.incidents.get(incidentKey)!;
      const moved = { ...incident, processDefinitionKey: definition.processDefinitionKey, bpmnProcessId: definition.bpmnProcessId, elementId: targetId };
      rt.state.incidents.put(incidentKey, moved);
      rt.record('INCIDENT', 'MIGRATED', incidentKey, incidentValue(moved), moved.processInstanceKey);
    }
    if (migrated.userTaskKey !== undefined) {
      const task = rt.state.userTasks.get(migrated.userTaskKey);
      if (task) {
        const moved = { ...task, processDefinitionKey: definition.processDefinitionKey, bpmnProcessId: definition.bpmnProcessId, processDefinitionVersion: definition.version, elementId: targetId };
        rt.state.userTasks.put(task.key, moved);
        rt.record('USER_TASK', 'MIGRATED', task.key, { ...moved }, moved.processInstanceKey);
      }
    }
  }
  rt.record('PROCESS_INSTANCE_MIGRATION', 'MIGRATED', processInstanceKey, { targetProcessDefinitionKey: targetRow.key, mappingInstructions: mappings }, processInstanceKey);
}

/** Keeps the waits whose catch event is mapped, closes the rest, opens the new ones. */
function migrateWaits(rt: Runtime, instance: ElementInstanceRow, map: Map<string, string>): void {
  const wanted = new Set(catchEventsOf(rt, instance, rt.node(instance)).map((e) => e.id));
  const kept = new Set<string>();
  const keepOrClose = (targetElementId: string, move: (mapped: string) => void) => {
    const mapped = map.get(targetElementId);
    if (mapped && wanted.has(mapped)) {
      move(mapped);
      kept.add(mapped);
    } else {
      closeSubscriptions(rt, instance.key, new Set([targetElementId]));
    }
  };
  const { timers, messageSubscriptions, signalSubscriptions } = rt.state;
  for (const key of [...(rt.state.subscriptionsByElement.get(instance.key) ?? [])]) {
    const timer = timers.get(key);
    if (timer) keepOrClose(timer.targetElementId, (id) => timers.put(key, { ...timer, targetElementId: id, processDefinitionKey: instance.processDefinitionKey, bpmnProcessId: instance.bpmnProcessId }));
    const message = messageSubscriptions.get(key);
    if (message) keepOrClose(message.targetElementId, (id) => messageSubscriptions.put(key, { ...message, targetElementId: id, bpmnProcessId: instance.bpmnProcessId }));
    const signal = signalSubscriptions.get(key);
    if (signal) keepOrClose(signal.targetElementId, (id) => signalSubscriptions.put(key, { ...signal, targetElementId: id }));
  }
  // Only what is new in the target opens: the others kept their keys and due dates.
  openSubscriptions(rt, instance, rt.node(instance), new Set([...wanted].filter((id) => !kept.has(id))));
}
