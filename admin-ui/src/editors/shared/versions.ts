// What the version history works with: which deployed resource an editor's content is (the
// process id of a BPMN file's executable process, the definitions id of a DMN file, the id of
// a form; the server keeps history by these ids, server/deployments/check.ts), and a comparison.
export type ResourceKind = 'process' | 'decision' | 'form';

export function resourceIdOf(kind: ResourceKind, content: string): string | undefined {
  if (kind === 'form') {
    try {
      const id = (JSON.parse(content) as { id?: unknown }).id;
      return typeof id === 'string' && id ? id : undefined;
    } catch {
      return undefined;
    }
  }
  const doc = new DOMParser().parseFromString(content, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length) return undefined;
  if (kind === 'decision') return doc.documentElement.getAttribute('id') ?? undefined;
  const processes = [...doc.getElementsByTagNameNS('*', 'process')];
  const process = processes.find((p) => p.getAttribute('isExecutable') === 'true') ?? processes[0];
  return process?.getAttribute('id') ?? undefined;
}

/** Two versions of a diagram to compare: the old one (the running version) on the left. */
export interface Comparison {
  oldXml: string;
  oldTitle: string;
  newXml: string;
  newTitle: string;
}
