// Embedded and event sub-processes: a scope of their own, entered at their start event;
// they complete when nothing is left inside (see scopeChanged).

import { activateElement, markActivated } from '../lifecycle.ts';
import type { ElementBehavior } from './behavior.ts';

export const subProcess: ElementBehavior = {
  activate(rt, instance, node) {
    const activated = markActivated(rt, instance);
    const process = rt.process(instance.processDefinitionKey);
    const start = node.startEventIds.map((id) => process.elements.get(id)!).find((n) => n.type === 'START_EVENT' && (n.eventType ?? 'NONE') === 'NONE');
    activateElement(rt, start!, activated);
  },
};

/** An event sub-process is entered at its one start event, which carries the trigger's variables. */
export const eventSubProcess: ElementBehavior = {
  activate(rt, instance, node) {
    const activated = markActivated(rt, instance);
    const start = rt.process(instance.processDefinitionKey).elements.get(node.startEventIds[0])!;
    activateElement(rt, start, activated, instance.completionVariables);
  },
};
