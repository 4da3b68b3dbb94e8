// Gateways. Exclusive: the first flow whose condition is true, else the default. Inclusive
// (fork): every flow whose condition is true, else the default. Parallel: every flow.
// Joins are handled where tokens arrive (../joins.ts).

import type { FlowNode } from '../../model/index.ts';
import { evaluateFeel, expressionBody, feelTypeName } from '../../feel/index.ts';
import { createIncident } from '../incidents.ts';
import { completeElement } from '../lifecycle.ts';
import type { Runtime } from '../runtime.ts';
import type { ElementInstanceRow } from '../rows.ts';
import { visibleVariables } from '../variables.ts';
import type { ElementBehavior } from './behavior.ts';

class ConditionError extends Error {}

function chooseFlows(rt: Runtime, instance: ElementInstanceRow, node: FlowNode, firstOnly: boolean): string[] {
  if (node.outgoing.length === 1 && !rt.process(instance.processDefinitionKey).flows.get(node.outgoing[0])!.condition) return node.outgoing;
  const process = rt.process(instance.processDefinitionKey);
  const context = visibleVariables(rt, instance.key);
  const chosen: string[] = [];
  for (const flowId of node.outgoing) {
    if (flowId === node.defaultFlowId) continue;
    const flow = process.flows.get(flowId)!;
    if (!flow.condition) {
      chosen.push(flowId);
    } else {
      let result: unknown;
      try {
        result = evaluateFeel(expressionBody(flow.condition), context, rt.now);
      } catch (err) {
        throw new ConditionError((err as Error).message);
      }
      if (result !== true && result !== false && result !== null) {
        throw new ConditionError(`Expected result of the expression '${expressionBody(flow.condition)}' to be 'BOOLEAN', but was '${feelTypeName(result)}'.`);
      }
      if (result === true) chosen.push(flowId);
    }
    if (firstOnly && chosen.length) return chosen;
  }
  if (chosen.length === 0 && node.defaultFlowId) return [node.defaultFlowId];
  if (chosen.length === 0) {
    throw new ConditionError(
      `Expected at least one condition to evaluate to true, or to have a default flow`,
    );
  }
  return chosen;
}

function conditionalGateway(firstOnly: boolean): ElementBehavior {
  return {
    activate(rt, instance, node) {
      if (node.outgoing.length === 0) return completeElement(rt, instance, undefined, []);
      let flows: string[];
      try {
        flows = chooseFlows(rt, instance, node, firstOnly);
      } catch (err) {
        if (!(err instanceof ConditionError)) throw err;
        createIncident(rt, instance, 'CONDITION_ERROR', err.message);
        return;
      }
      completeElement(rt, instance, undefined, flows);
    },
  };
}

export const exclusiveGateway = conditionalGateway(true);
export const inclusiveGateway = conditionalGateway(false);

export const parallelGateway: ElementBehavior = {
  activate(rt, instance) {
    completeElement(rt, instance);
  },
};
