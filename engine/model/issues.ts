import { ModelError } from './types.ts';

/** One deploy-time problem: which element, what kind of element, what is wrong and what to do. */
export interface Issue {
  elementId?: string;
  kind?: string;
  message: string;
}

/**
 * Collects every problem of a resource so a deployment answers with all of them at once, as
 * Zeebe does, instead of one per attempt. The first problem names the element on the error.
 */
export class Issues {
  readonly list: Issue[] = [];

  constructor(readonly resourceName: string) {}

  add(elementId: string | undefined, kind: string | undefined, message: string): void {
    this.list.push({ elementId, kind, message });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  throwIfAny(): void {
    if (this.empty) return;
    const lines = this.list.map((issue) => formatIssue(issue, this.resourceName));
    throw new ModelError(lines.join('\n'), this.list[0].elementId, this.resourceName);
  }
}

/** "Element 'Task_1' (serviceTask) in 'order.bpmn': must have ..." */
export function formatIssue(issue: Issue, resourceName: string): string {
  if (issue.elementId === undefined && issue.kind === undefined) {
    return `Resource '${resourceName}': ${issue.message}`;
  }
  const who = issue.elementId === undefined ? `An element without id` : `Element '${issue.elementId}'`;
  const kind = issue.kind === undefined ? '' : ` (${issue.kind})`;
  return `${who}${kind} in '${resourceName}': ${issue.message}`;
}

/** A single problem thrown on its own (parse failures, runtime support). */
export function modelError(resourceName: string, issue: Issue): ModelError {
  return new ModelError(formatIssue(issue, resourceName), issue.elementId, resourceName);
}
