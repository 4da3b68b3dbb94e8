// Intermediate throw events and end events with a result: a link jumps to its catch event,
// a signal is broadcast, an escalation is thrown, a message is a job for a worker; error and
// terminate end events end their scope's work.

import type { FlowNode } from '../../model/index.ts';
import { createIncident } from '../incidents.ts';
import { activateElement, completeElement, markActivated, scopeChanged, terminateChildren } from '../lifecycle.ts';
import { throwError, throwEscalation } from '../errors.ts';
import { broadcastSignal } from '../signals.ts';
import type { ElementInstanceRow } from '../rows.ts';
import type { Runtime } from '../runtime.ts';
import { stringOrIncident } from '../expressions.ts';
import { localVariables } from '../variables.ts';
import type { ElementBehavior } from './behavior.ts';
import { jobTask } from './job-task.ts';

/** Throws what the event throws; false when the event must not go on (incident, or interrupted). */
function throwResult(rt: Runtime, instance: ElementInstanceRow, node: FlowNode): boolean {
  switch (node.eventType) {
    case 'SIGNAL': {
      const name = stringOrIncident(rt, instance, node.signal?.name ?? '');
      if (name === undefined) return false;
      // A signal carries the throw event's own variables (its input mappings), as in Zeebe.
      broadcastSignal(rt, name, localVariables(rt, instance.key));
      return rt.instance(instance.key) !== undefined;
    }
    case 'ESCALATION': {
      const code = stringOrIncident(rt, instance, node.escalation?.escalationCode ?? '');
      if (code === undefined) return false;
      const activated = markActivated(rt, instance);
      throwEscalation(rt, activated, code);
      return rt.instance(instance.key) !== undefined;
    }
    default:
      return true;
  }
}

export const intermediateThrowEvent: ElementBehavior = {
  activate(rt, instance, node) {
    if (node.job) return jobTask.activate(rt, instance, node);
    if (!throwResult(rt, instance, node)) return;
    const current = rt.instance(instance.key)!;
    if (node.eventType === 'LINK') {
      const scope = rt.instance(current.flowScopeKey)!;
      const process = rt.process(current.processDefinitionKey);
      const target = [...process.elements.values()].find((n) => n.type === 'INTERMEDIATE_CATCH_EVENT' && n.eventType === 'LINK' && n.flowScopeId === node.flowScopeId && n.link?.name === node.link?.name)!;
      // The catch event starts first, so the scope never looks empty in between.
      activateElement(rt, target, scope);
      const thrower = rt.instance(current.key);
      if (thrower) completeElement(rt, thrower, undefined, []);
      return;
    }
    completeElement(rt, current);
  },
  terminate: jobTask.terminate,
};

export const endEvent: ElementBehavior = {
  activate(rt, instance, node) {
    if (node.job) return jobTask.activate(rt, instance, node);
    if (node.eventType === 'TERMINATE') {
      const scopeKey = instance.flowScopeKey;
      completeElement(rt, instance, undefined, []);
      const scope = rt.instance(scopeKey);
      if (!scope) return;
      terminateChildren(rt, scope);
      scopeChanged(rt, scopeKey);
      return;
    }
    if (node.eventType === 'ERROR') {
      const code = stringOrIncident(rt, instance, node.error?.errorCode ?? '');
      if (code === undefined) return;
      const activated = markActivated(rt, instance);
      if (!throwError(rt, activated, code, '', {})) {
        createIncident(rt, activated, 'UNHANDLED_ERROR_EVENT', `Expected to throw an error event with the code '${code}', but it was not caught. No error events are available in the scope.`);
      }
      return;
    }
    if (!throwResult(rt, instance, node)) return;
    completeElement(rt, rt.instance(instance.key)!, instance.completionVariables);
  },
  terminate: jobTask.terminate,
};
