// Intermediate catch events and receive tasks wait for their timer, message or signal (the
// subscription is opened by the lifecycle). Entered through an event-based gateway, or as a
// link's target, they complete at once.

import { completeElement, markActivated } from '../lifecycle.ts';
import type { ElementBehavior } from './behavior.ts';

export const catchEvent: ElementBehavior = {
  activate(rt, instance, node) {
    if (node.eventType === 'LINK' || instance.completionVariables !== undefined) {
      completeElement(rt, instance, instance.completionVariables);
      return;
    }
    markActivated(rt, instance);
  },
};

/** Event-based gateways wait until one of the events after them occurs (see event-triggers.ts). */
export const eventBasedGateway: ElementBehavior = {
  activate(rt, instance) {
    markActivated(rt, instance);
  },
};
