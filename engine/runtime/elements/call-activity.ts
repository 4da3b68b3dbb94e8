// Call activities: start the latest version of another process with the caller's variables
// (all, or only the input mappings' when propagateAllParentVariables is false).

import { createIncident } from '../incidents.ts';
import { markActivated, terminateElement } from '../lifecycle.ts';
import { localVariables, visibleVariables } from '../variables.ts';
import { stringOrIncident } from '../expressions.ts';
import type { ElementBehavior } from './behavior.ts';
import { noneStartEvent, startProcessInstance } from './process.ts';

export const callActivity: ElementBehavior = {
  activate(rt, instance, node) {
    const called = node.calledElement!;
    const processId = stringOrIncident(rt, instance, called.processId);
    if (processId === undefined) return;
    const definition = rt.state.latestProcess(processId);
    if (!definition) {
      createIncident(rt, instance, 'CALLED_ELEMENT_ERROR', `Expected process with BPMN process id '${processId}' to be deployed, but not found.`);
      return;
    }
    if (!noneStartEvent(rt, definition)) {
      createIncident(rt, instance, 'CALLED_ELEMENT_ERROR', `Expected process with BPMN process id '${processId}' to have a none start event, but not found.`);
      return;
    }
    const variables = called.propagateAllParentVariables ? visibleVariables(rt, instance.key) : localVariables(rt, instance.key);
    const activated = markActivated(rt, instance);
    const child = startProcessInstance(rt, definition, { variables, parent: activated });
    const caller = rt.instance(activated.key);
    if (caller && rt.instance(child.key)) rt.update(caller, { childProcessInstanceKey: child.key });
  },
  terminate(rt, instance) {
    const child = instance.childProcessInstanceKey === undefined ? undefined : rt.instance(instance.childProcessInstanceKey);
    if (child) terminateElement(rt, child);
  },
};
