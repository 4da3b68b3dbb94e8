// The behaviour of each element kind, by BpmnElementType.

import type { BpmnElementType } from '../../model/index.ts';
import type { ElementBehavior } from './behavior.ts';
import { businessRuleTask } from './business-rule-task.ts';
import { callActivity } from './call-activity.ts';
import { exclusiveGateway, inclusiveGateway, parallelGateway } from './gateways.ts';
import { jobTask } from './job-task.ts';
import { passThrough } from './pass-through.ts';
import { processBehavior } from './process.ts';
import { scriptTask } from './script-task.ts';
import { eventSubProcess, subProcess } from './sub-process.ts';
import { userTask } from './user-task.ts';
import { multiInstanceBody } from './multi-instance.ts';
import { catchEvent, eventBasedGateway } from './catch-event.ts';
import { endEvent, intermediateThrowEvent } from './throw-event.ts';

export type { ElementBehavior } from './behavior.ts';

// Built on first use: the element modules import the lifecycle, which imports this module,
// so reading their exports at load time would depend on which module was imported first.
const table = (): Partial<Record<BpmnElementType, ElementBehavior>> => ({
  PROCESS: processBehavior,
  SUB_PROCESS: subProcess,
  EVENT_SUB_PROCESS: eventSubProcess,
  START_EVENT: passThrough,
  END_EVENT: endEvent,
  BOUNDARY_EVENT: passThrough,
  INTERMEDIATE_THROW_EVENT: intermediateThrowEvent,
  INTERMEDIATE_CATCH_EVENT: catchEvent,
  RECEIVE_TASK: catchEvent,
  EVENT_BASED_GATEWAY: eventBasedGateway,
  MANUAL_TASK: passThrough,
  TASK: passThrough,
  SERVICE_TASK: jobTask,
  SEND_TASK: jobTask,
  SCRIPT_TASK: scriptTask,
  BUSINESS_RULE_TASK: businessRuleTask,
  CALL_ACTIVITY: callActivity,
  USER_TASK: userTask,
  MULTI_INSTANCE_BODY: multiInstanceBody,
  EXCLUSIVE_GATEWAY: exclusiveGateway,
  INCLUSIVE_GATEWAY: inclusiveGateway,
  PARALLEL_GATEWAY: parallelGateway,
});
let behaviors: Partial<Record<BpmnElementType, ElementBehavior>> | undefined;

/** By the instance's type: a multi-instance body behaves as one, whatever its activity. */
export function behaviorOf(type: BpmnElementType): ElementBehavior {
  behaviors ??= table();
  const behavior = behaviors[type];
  if (!behavior) throw new Error(`no behaviour for element type ${type}`);
  return behavior;
}

/** What the runtime can execute, for the deploy-time check: anything else is rejected there. */
export function supportedElementTypes(): Set<BpmnElementType> {
  behaviors ??= table();
  return new Set(Object.keys(behaviors) as BpmnElementType[]);
}
