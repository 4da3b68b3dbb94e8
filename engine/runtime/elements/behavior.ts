import type { FlowNode } from '../../model/index.ts';
import type { ElementInstanceRow } from '../rows.ts';
import type { Runtime } from '../runtime.ts';

/** What an element kind adds to the shared lifecycle in ../lifecycle.ts. */
export interface ElementBehavior {
  /** After the input mappings: do the element's work, then mark it activated or complete it. */
  activate(rt: Runtime, instance: ElementInstanceRow, node: FlowNode): void;
  /** Clean up what the element owns (a job, a child process) while it is terminated. */
  terminate?(rt: Runtime, instance: ElementInstanceRow, node: FlowNode): void;
  /** Process instances: completed, with the root scope's variables. */
  completed?(rt: Runtime, instance: ElementInstanceRow, node: FlowNode, variables: Record<string, unknown>): void;
  /** Process instances: terminated. */
  terminated?(rt: Runtime, instance: ElementInstanceRow, node: FlowNode): void;
}
