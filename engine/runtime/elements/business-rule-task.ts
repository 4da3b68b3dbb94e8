// Business rule tasks with zeebe:calledDecision: evaluate the latest version of a decision
// (binding 'latest', so a redeployed table applies to running instances at once).

import { createIncident } from '../incidents.ts';
import { completeElement, markActivated } from '../lifecycle.ts';
import { visibleVariables } from '../variables.ts';
import { stringOrIncident } from '../expressions.ts';
import { evaluateDeployedDecision } from '../decisions.ts';
import type { ElementBehavior } from './behavior.ts';
import { jobTask } from './job-task.ts';

export const businessRuleTask: ElementBehavior = {
  activate(rt, instance, node) {
    const called = node.calledDecision;
    if (!called) return jobTask.activate(rt, instance, node);
    const context = visibleVariables(rt, instance.key);
    const decisionId = stringOrIncident(rt, instance, called.decisionId, context);
    if (decisionId === undefined) return;
    const decision = rt.state.latestDecision(decisionId);
    if (!decision) {
      createIncident(rt, instance, 'CALLED_DECISION_ERROR', `Expected to evaluate decision '${decisionId}', but no decision found for id '${decisionId}'`);
      return;
    }
    const result = evaluateDeployedDecision(rt, decision, context, instance);
    if (result.failureMessage) {
      createIncident(rt, instance, 'DECISION_EVALUATION_ERROR', `Expected to evaluate decision '${decisionId}', but ${result.failureMessage}`);
      return;
    }
    completeElement(rt, markActivated(rt, instance), { [called.resultVariable]: result.decisionOutput });
  },
  terminate: jobTask.terminate,
};
