// Checks shared by events and activities: job workers and message subscriptions.

import type { Issues } from './issues.ts';
import { attr, extensionOf, extensionsOf, isBlank, kindOf, type ModdleElement } from './moddle.ts';

/** zeebe:taskDefinition with a job type; `what` names the element kind in the message. */
export function checkTaskDefinition(el: ModdleElement, issues: Issues, what = 'this element'): void {
  const add = (message: string) => issues.add(el.id, kindOf(el), message);
  const definition = extensionOf(el, 'zeebe:TaskDefinition');
  if (!definition || isBlank(attr(definition, 'type'))) {
    add(
      `must have a zeebe:taskDefinition with a job type${what === 'this element' ? '' : ` (${what} are done by job workers)`}. ` +
        'Add a task definition type in the properties panel.',
    );
    return;
  }
  const retries = attr(definition, 'retries');
  if (retries !== undefined && retries.trim() === '') {
    add('the retries of its task definition are empty. Enter a number of retries, e.g. 3, or remove the attribute.');
  }
}

/** Message catch events, receive tasks and message start events of event sub-processes. */
export function checkMessageReference(
  message: ModdleElement | undefined,
  needsCorrelationKey: boolean,
  add: (message: string) => void,
): void {
  if (!message) {
    add('must reference a message. Select or create a message in the properties panel.');
    return;
  }
  if (isBlank(message.name)) add(`its message '${message.id}' has no name. Give the message a name.`);
  if (!needsCorrelationKey) return;
  const subscriptions = extensionsOf(message, 'zeebe:Subscription');
  if (subscriptions.length !== 1 || isBlank(attr(subscriptions[0], 'correlationKey'))) {
    add(
      `its message '${message.name ?? message.id}' needs a correlation key (zeebe:subscription). ` +
        "Enter a subscription correlation key, e.g. '=ticketId'.",
    );
  }
}
