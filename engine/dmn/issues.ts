// Deploy-time problems of one DMN resource, collected so the deployment names all of them at
// once (Zeebe joins dmn-scala's parse failures the same way). Same wording as engine/model.

import { ModelError } from '../model/types.ts';

interface Issue {
  elementId?: string;
  kind?: string;
  message: string;
}

export class DmnIssues {
  private readonly list: Issue[] = [];

  constructor(readonly resourceName: string) {}

  add(elementId: string | undefined, kind: string | undefined, message: string): void {
    this.list.push({ elementId, kind, message });
  }

  throwIfAny(): void {
    if (this.list.length === 0) return;
    const lines = this.list.map((issue) => this.format(issue));
    throw new ModelError(lines.join('\n'), this.list[0].elementId, this.resourceName);
  }

  /** Throws right away: for problems that leave nothing else worth checking. */
  fail(message: string, elementId?: string, kind?: string): never {
    throw new ModelError(this.format({ elementId, kind, message }), elementId, this.resourceName);
  }

  private format(issue: Issue): string {
    if (issue.elementId === undefined && issue.kind === undefined) {
      return `Resource '${this.resourceName}': ${issue.message}`;
    }
    const who = issue.elementId === undefined ? 'An element without id' : `Element '${issue.elementId}'`;
    const kind = issue.kind === undefined ? '' : ` (${issue.kind})`;
    return `${who}${kind} in '${this.resourceName}': ${issue.message}`;
  }
}
