// Elements that do nothing of their own: none events, manual and undefined tasks, boundary
// events once triggered. They complete at once, with whatever the trigger brought.

import { completeElement } from '../lifecycle.ts';
import type { ElementBehavior } from './behavior.ts';

export const passThrough: ElementBehavior = {
  activate(rt, instance) {
    completeElement(rt, instance, instance.completionVariables);
  },
};
