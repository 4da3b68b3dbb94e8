// Timers fire on the engine clock: the earliest due comes off a heap, so a million pending
// timers cost nothing while idle. Cycles schedule their next occurrence when they fire.

import { evaluateAttribute } from '../feel/index.ts';
import { firstSchedule, nextSchedule } from './timer-schedule.ts';
import type { ProcessRow, TimerRow } from './rows.ts';
import type { Runtime } from './runtime.ts';
import { startByEvent, triggerEvent } from './event-triggers.ts';

function put(rt: Runtime, timer: TimerRow, intent: string): void {
  rt.state.timers.put(timer.key, timer);
  rt.record('TIMER', intent, timer.key, { ...timer }, timer.processInstanceKey >= 0 ? timer.processInstanceKey : undefined);
}

export function fireDueTimers(rt: Runtime, limit = 1000): void {
  for (const key of rt.state.timerHeap.due(rt.now, limit)) {
    const timer = rt.state.timers.get(key);
    if (!timer || timer.dueDate > rt.now) continue;
    rt.state.timers.delete(key);
    rt.record('TIMER', 'TRIGGERED', key, { ...timer }, timer.processInstanceKey >= 0 ? timer.processInstanceKey : undefined);
    const next = nextSchedule(timer);
    if (timer.elementInstanceKey === -1) {
      const definition = rt.state.resources.get(timer.processDefinitionKey);
      if (definition?.kind !== 'process') continue;
      startByEvent(rt, definition, timer.targetElementId, {});
      if (next) put(rt, { ...timer, ...next, key: rt.newKey() }, 'CREATED');
      continue;
    }
    const repeats = next && rt.process(timer.processDefinitionKey).elements.get(timer.targetElementId)?.cancelActivity === false;
    const triggered = triggerEvent(rt, timer.elementInstanceKey, timer.targetElementId, {});
    // A non-interrupting boundary cycle keeps firing while its activity runs.
    if (triggered && repeats && rt.instance(timer.elementInstanceKey)) put(rt, { ...timer, ...next, key: rt.newKey() }, 'CREATED');
  }
}

/** Timer start events of a newly deployed version replace those of the previous one. */
export function scheduleStartTimers(rt: Runtime, definition: ProcessRow, previous?: ProcessRow): void {
  if (previous) {
    for (const key of [...(rt.state.subscriptionsByElement.get(-1) ?? [])]) {
      const timer = rt.state.timers.get(key);
      if (timer?.processDefinitionKey === previous.key) {
        rt.state.timers.delete(key);
        rt.record('TIMER', 'CANCELED', key, { ...timer });
      }
    }
  }
  const process = rt.process(definition.key);
  for (const id of process.elements.get(process.id)!.startEventIds) {
    const start = process.elements.get(id)!;
    if (!start.timer) continue;
    const schedule = firstSchedule(start.timer.kind, evaluateAttribute(start.timer.expression, {}, rt.now), rt.now);
    put(rt, { key: rt.newKey(), elementInstanceKey: -1, processInstanceKey: -1, processDefinitionKey: definition.key, bpmnProcessId: definition.bpmnProcessId, targetElementId: id, ...schedule }, 'CREATED');
  }
}
