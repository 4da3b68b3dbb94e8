// Script tasks with zeebe:script: a FEEL expression whose result becomes a variable.

import { evaluateAttribute } from '../../feel/index.ts';
import { createIncident } from '../incidents.ts';
import { completeElement, markActivated } from '../lifecycle.ts';
import { visibleVariables } from '../variables.ts';
import type { ElementBehavior } from './behavior.ts';
import { jobTask } from './job-task.ts';

export const scriptTask: ElementBehavior = {
  activate(rt, instance, node) {
    if (!node.script) return jobTask.activate(rt, instance, node);
    let result: unknown;
    try {
      result = evaluateAttribute(node.script.expression, visibleVariables(rt, instance.key), rt.now);
    } catch (err) {
      createIncident(rt, instance, 'EXTRACT_VALUE_ERROR', (err as Error).message);
      return;
    }
    completeElement(rt, markActivated(rt, instance), { [node.script.resultVariable]: result });
  },
  terminate: jobTask.terminate,
};
