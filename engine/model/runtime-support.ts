// The runtime is built in steps; until it runs every element the model accepts, deploying a
// process that uses something it cannot run must fail at deploy time, naming the element,
// rather than start instances that get stuck. The runtime passes what it supports.

import type { BpmnElementType, BpmnEventType, ExecutableProcess } from './types.ts';
import { modelError } from './issues.ts';
import { kindOfNode, typeName } from './element-kinds.ts';

export interface RuntimeSupport {
  elementTypes: ReadonlySet<BpmnElementType>;
  eventTypes: ReadonlySet<BpmnEventType>;
  multiInstance: boolean;
}

/** Throws a ModelError naming the first element (in document order) the runtime cannot run. */
export function checkRuntimeSupport(proc: ExecutableProcess, resourceName: string, supported: RuntimeSupport): void {
  for (const node of proc.elements.values()) {
    const kind = kindOfNode(node);
    const fail = (what: string) =>
      modelError(resourceName, {
        elementId: node.id,
        kind,
        message: `${what} not supported by the built-in engine yet. Remove the element or deploy to a Camunda 8 cluster.`,
      });
    if (!supported.elementTypes.has(node.type)) throw fail(`${plural(typeName(node.type))} are`);
    if (node.eventType !== undefined && !supported.eventTypes.has(node.eventType)) {
      throw fail(`${node.eventType.toLowerCase()} events are`);
    }
    if (node.multiInstance && !supported.multiInstance) throw fail('multi-instance activities are');
  }
}

/** "serviceTask" -> "service tasks", "process" -> "processes" */
function plural(name: string): string {
  const words = name.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.endsWith('s') ? `${words}es` : `${words}s`;
}
