// Signals: broadcast to every waiting signal catch event and to the signal start events of
// the latest process versions. Nothing is buffered.

import { evaluateAttribute } from '../feel/index.ts';
import type { Runtime } from './runtime.ts';
import { startByEvent, triggerEvent } from './event-triggers.ts';

export function broadcastSignal(rt: Runtime, name: string, variables: Record<string, unknown>): number {
  const key = rt.newKey();
  rt.record('SIGNAL', 'BROADCASTED', key, { signalName: name, variables });
  for (const versions of rt.state.processesById.values()) {
    const row = versions.at(-1)!;
    const process = rt.processes.get(row.key);
    if (!process) continue;
    for (const id of process.elements.get(process.id)!.startEventIds) {
      const start = process.elements.get(id)!;
      if (start.signal && String(evaluateAttribute(start.signal.name, {}, rt.now)) === name) startByEvent(rt, row, id, variables);
    }
  }
  for (const subscriptionKey of [...(rt.state.signalSubscriptionsByName.get(name) ?? [])].sort((a, b) => a - b)) {
    const subscription = rt.state.signalSubscriptions.get(subscriptionKey);
    if (!subscription) continue; // closed by an earlier trigger of this broadcast
    triggerEvent(rt, subscription.elementInstanceKey, subscription.targetElementId, variables);
  }
  return key;
}
