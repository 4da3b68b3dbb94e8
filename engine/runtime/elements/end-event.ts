// End events: none ends its path; terminate ends every other path of its scope too;
// error throws a BPMN error from here.

import { completeElement, scopeChanged, terminateChildren } from '../lifecycle.ts';
import { throwError } from '../errors.ts';
import { evaluateAttribute } from '../../feel/index.ts';
import { createIncident } from '../incidents.ts';
import { markActivated } from '../lifecycle.ts';
import { visibleVariables } from '../variables.ts';
import type { ElementBehavior } from './behavior.ts';

export const endEvent: ElementBehavior = {
  activate(rt, instance, node) {
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
      let code: string;
      try {
        code = String(evaluateAttribute(node.error?.errorCode ?? '', visibleVariables(rt, instance.key), rt.now));
      } catch (err) {
        createIncident(rt, instance, 'EXTRACT_VALUE_ERROR', (err as Error).message);
        return;
      }
      const activated = markActivated(rt, instance);
      if (!throwError(rt, activated, code, '', {})) {
        createIncident(rt, activated, 'UNHANDLED_ERROR_EVENT', `Expected to throw an error event with the code '${code}', but it was not caught. No error events are available in the scope.`);
      }
      return;
    }
    completeElement(rt, instance, instance.completionVariables);
  },
};
