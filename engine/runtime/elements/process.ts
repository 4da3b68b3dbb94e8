// Process instances: the root scope. Created by CreateProcessInstance or by a call activity;
// when one completes, its caller (a call activity or a client waiting for the result) is told.

import type { FlowNode } from '../../model/index.ts';
import { activateElement, completeElement, markActivated, openSubscriptionsOrIncident } from '../lifecycle.ts';
import type { ElementInstanceRow, ProcessRow } from '../rows.ts';
import type { Runtime } from '../runtime.ts';
import { setLocalVariables } from '../variables.ts';
import type { ElementBehavior } from './behavior.ts';
import { correlateHeldBackStart } from '../messages.ts';

export interface StartOptions {
  variables: Record<string, unknown>;
  /** Start instructions: elements to activate instead of the none start event. */
  startElementIds?: string[];
  parent?: ElementInstanceRow;
  /** Started by a message start event with this correlation key. */
  startCorrelationKey?: string;
}

export function noneStartEvent(rt: Runtime, definition: ProcessRow): FlowNode | undefined {
  const process = rt.process(definition.key);
  const root = process.elements.get(process.id)!;
  return root.startEventIds.map((id) => process.elements.get(id)!).find((n) => n.type === 'START_EVENT' && (n.eventType ?? 'NONE') === 'NONE');
}

export function startProcessInstance(rt: Runtime, definition: ProcessRow, options: StartOptions): ElementInstanceRow {
  const process = rt.process(definition.key);
  const key = rt.newKey();
  const instance: ElementInstanceRow = {
    key,
    elementId: process.id,
    type: 'PROCESS',
    state: 'ACTIVATING',
    flowScopeKey: -1,
    processInstanceKey: key,
    processDefinitionKey: definition.key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
    parentProcessInstanceKey: options.parent?.processInstanceKey,
    parentElementInstanceKey: options.parent?.key,
    startCorrelationKey: options.startCorrelationKey,
    startTime: rt.now,
  };
  rt.state.elementInstances.put(key, instance);
  rt.record('PROCESS_INSTANCE_CREATION', 'CREATED', key, { bpmnProcessId: definition.bpmnProcessId, version: definition.version, processDefinitionKey: definition.key, processInstanceKey: key }, key);
  rt.elementRecord(instance, 'ELEMENT_ACTIVATING');
  setLocalVariables(rt, key, options.variables);
  const activated = markActivated(rt, instance);
  if (!openSubscriptionsOrIncident(rt, activated, process.elements.get(process.id)!)) return activated;
  const starts = options.startElementIds?.length ? options.startElementIds.map((id) => process.elements.get(id)!) : [noneStartEvent(rt, definition)!];
  for (const node of starts) activateElement(rt, node, rt.instance(activated.key)!);
  return activated;
}

export const processBehavior: ElementBehavior = {
  activate() {
    throw new Error('process instances are started with startProcessInstance');
  },
  completed(rt, instance, _node, variables) {
    if (instance.parentElementInstanceKey !== undefined) {
      const caller = rt.instance(instance.parentElementInstanceKey);
      if (caller) {
        const callNode = rt.node(caller);
        const propagate = callNode.calledElement!.propagateAllChildVariables || callNode.outputMappings.length > 0;
        completeElement(rt, rt.update(caller, { childProcessInstanceKey: undefined }), propagate ? variables : undefined);
      }
      return;
    }
    rt.hooks.processCompleted(rt, instance, variables);
    if (instance.startCorrelationKey !== undefined) correlateHeldBackStart(rt, instance.bpmnProcessId, instance.startCorrelationKey);
  },
  terminated(rt, instance) {
    rt.hooks.processTerminated(rt, instance);
    if (instance.startCorrelationKey !== undefined) correlateHeldBackStart(rt, instance.bpmnProcessId, instance.startCorrelationKey);
  },
};
