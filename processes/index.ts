// Public entry of the processes component: the product's BPMN flows, DMN rules (here) and
// forms (../forms), read from disk and deployed together, so one deployment brings them live.
// The engine versions a resource only when its content changed: deploying at every start is free.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROCESSES_DIR = path.dirname(fileURLToPath(import.meta.url));
export const FORMS_DIR = path.join(PROCESSES_DIR, '..', 'forms');

export type ProductResource = { process: Buffer; name: string } | { decision: Buffer; name: string } | { form: Buffer; name: string };

function filesOf(dir: string, ext: string): Array<{ name: string; content: Buffer }> {
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((name) => ({ name, content: readFileSync(path.join(dir, name)) }));
}

/** Every .bpmn, .dmn and .form of the product, as one deployment's resources. */
export function productResources(): ProductResource[] {
  return [
    ...filesOf(PROCESSES_DIR, '.bpmn').map((f) => ({ process: f.content, name: f.name })),
    ...filesOf(PROCESSES_DIR, '.dmn').map((f) => ({ decision: f.content, name: f.name })),
    ...filesOf(FORMS_DIR, '.form').map((f) => ({ form: f.content, name: f.name })),
  ];
}

/** Deploys the product's models through the SDK (built-in engine or a Camunda 8 cluster). */
export async function deployProduct(zeebe: { deployResources(resources: never[]): Promise<{ deployments: unknown[] }> }): Promise<number> {
  const result = await zeebe.deployResources(productResources() as never[]);
  return result.deployments.length;
}
