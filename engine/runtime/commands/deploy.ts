// Deployments: parse and check every resource first (outside the processing loop, since
// parsing is asynchronous), then give versions inside it. All or nothing: one bad resource
// rejects the whole deployment. A resource whose content did not change keeps its version.

import { createHash } from 'node:crypto';
import { parseBpmn, checkRuntimeSupport, ModelError, type ExecutableProcess } from '../../model/index.ts';
import { parseDmn, type ParsedDrg } from '../../dmn/index.ts';
import { Rejection, reject } from '../rejection.ts';
import type { DecisionRow, DrgRow, FormRow, ProcessRow, ResourceRow } from '../rows.ts';
import type { Runtime } from '../runtime.ts';
import { supportedElementTypes } from '../elements/index.ts';
import { scheduleStartTimers } from '../timers.ts';
import type { BpmnEventType } from '../../model/index.ts';

/** What the engine executes today; deploy rejects the rest, naming the element. */
export const SUPPORTED_EVENT_TYPES = new Set<BpmnEventType>(['NONE', 'ERROR', 'TERMINATE', 'TIMER', 'MESSAGE', 'SIGNAL', 'ESCALATION', 'LINK']);

export interface ResourceInput {
  name: string;
  content: Buffer;
}

export type ParsedResource =
  | { kind: 'bpmn'; name: string; checksum: string; xml: string; processes: ExecutableProcess[] }
  | { kind: 'dmn'; name: string; checksum: string; xml: string; drg: ParsedDrg }
  | { kind: 'form'; name: string; checksum: string; schema: string; formId: string; versionTag?: string };

const INTENT = 'CREATE';

function deployError(errors: string[]): Rejection {
  return new Rejection('INVALID_ARGUMENT', INTENT, `Expected to deploy new resources, but encountered the following errors:\n${errors.join('\n')}`);
}

export async function parseResources(resources: ResourceInput[]): Promise<ParsedResource[]> {
  if (resources.length === 0) throw new Rejection('INVALID_ARGUMENT', INTENT, 'Expected to deploy at least one resource, but none given');
  const errors: string[] = [];
  const parsed: ParsedResource[] = [];
  for (const { name, content } of resources) {
    const text = content.toString('utf8');
    const checksum = createHash('sha256').update(content).digest('hex');
    try {
      if (/\.(bpmn|xml)$/i.test(name)) {
        const processes = await parseBpmn(text, name);
        for (const p of processes) checkRuntimeSupport(p, name, { elementTypes: supportedElementTypes(), eventTypes: SUPPORTED_EVENT_TYPES, multiInstance: true });
        parsed.push({ kind: 'bpmn', name, checksum, xml: text, processes });
      } else if (/\.dmn$/i.test(name)) {
        parsed.push({ kind: 'dmn', name, checksum, xml: text, drg: await parseDmn(text, name) });
      } else if (/\.form$/i.test(name)) {
        parsed.push(parseForm(name, checksum, text));
      } else {
        errors.push(`'${name}': unknown resource type; expected a .bpmn, .dmn or .form file`);
      }
    } catch (err) {
      // Model errors already name the resource and the element.
      errors.push(err instanceof ModelError ? err.message : `'${name}': ${(err as Error).message}`);
    }
  }
  checkDuplicates(parsed, errors);
  if (errors.length) throw deployError(errors);
  return parsed;
}

function parseForm(name: string, checksum: string, text: string): ParsedResource {
  let schema: { id?: unknown; versionTag?: unknown };
  try {
    schema = JSON.parse(text);
  } catch (err) {
    throw new Error(`the form is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof schema !== 'object' || schema === null || typeof schema.id !== 'string' || !schema.id) {
    throw new Error(`the form has no 'id'; give it an id (the formId user tasks link to)`);
  }
  return { kind: 'form', name, checksum, schema: text, formId: schema.id, versionTag: typeof schema.versionTag === 'string' ? schema.versionTag : undefined };
}

function checkDuplicates(parsed: ParsedResource[], errors: string[]): void {
  const seen = new Map<string, string>();
  const claim = (what: string, id: string, name: string) => {
    const other = seen.get(`${what}:${id}`);
    if (other) errors.push(`Duplicated ${what} id '${id}' in resources '${other}' and '${name}'`);
    seen.set(`${what}:${id}`, name);
  };
  for (const r of parsed) {
    if (r.kind === 'bpmn') r.processes.forEach((p) => claim('process', p.id, r.name));
    if (r.kind === 'dmn') {
      claim('decision requirements', r.drg.id, r.name);
      r.drg.decisions.forEach((d) => claim('decision', d.id, r.name));
    }
    if (r.kind === 'form') claim('form', r.formId, r.name);
  }
}

export interface DeploymentResult {
  key: number;
  resources: ResourceRow[];
}

/** Inside the loop: versions and keys, and the new definitions go live. */
export function deploy(rt: Runtime, parsed: ParsedResource[]): DeploymentResult {
  const deploymentKey = rt.newKey();
  const deployed: ResourceRow[] = [];
  for (const r of parsed) {
    if (r.kind === 'bpmn') {
      for (const p of r.processes) deployed.push(deployProcess(rt, r, p, deploymentKey));
    } else if (r.kind === 'dmn') {
      deployed.push(...deployDrg(rt, r, deploymentKey));
    } else {
      deployed.push(deployForm(rt, r, deploymentKey));
    }
  }
  rt.record('DEPLOYMENT', 'CREATED', deploymentKey, { resources: deployed.map(({ kind, key }) => ({ kind, key })) });
  return { key: deploymentKey, resources: deployed };
}

function deployProcess(rt: Runtime, r: Extract<ParsedResource, { kind: 'bpmn' }>, p: ExecutableProcess, deploymentKey: number): ProcessRow {
  const latest = rt.state.latestProcess(p.id);
  if (latest && latest.checksum === r.checksum) return latest;
  const row: ProcessRow = {
    kind: 'process',
    key: rt.newKey(),
    bpmnProcessId: p.id,
    name: p.name,
    version: (latest?.version ?? 0) + 1,
    versionTag: p.versionTag,
    resourceName: r.name,
    checksum: r.checksum,
    deploymentKey,
    xml: r.xml,
    deploymentTime: rt.now,
  };
  rt.processes.set(row.key, p);
  rt.state.resources.put(row.key, row);
  scheduleStartTimers(rt, row, latest);
  rt.record('PROCESS', 'CREATED', row.key, { bpmnProcessId: p.id, version: row.version, resourceName: r.name }, undefined);
  return row;
}

function deployDrg(rt: Runtime, r: Extract<ParsedResource, { kind: 'dmn' }>, deploymentKey: number): ResourceRow[] {
  const latest = rt.state.drgsById.get(r.drg.id)?.at(-1);
  if (latest && latest.checksum === r.checksum) {
    return [latest, ...[...rt.state.resources.values()].filter((x): x is DecisionRow => x.kind === 'decision' && x.drgKey === latest.key)];
  }
  const drg: DrgRow = {
    kind: 'drg',
    key: rt.newKey(),
    drgId: r.drg.id,
    name: r.drg.name,
    version: (latest?.version ?? 0) + 1,
    resourceName: r.name,
    checksum: r.checksum,
    deploymentKey,
    xml: r.xml,
  };
  rt.drgs.set(drg.key, r.drg);
  rt.state.resources.put(drg.key, drg);
  rt.record('DECISION_REQUIREMENTS', 'CREATED', drg.key, { decisionRequirementsId: drg.drgId, version: drg.version, resourceName: r.name });
  const rows: ResourceRow[] = [drg];
  for (const d of r.drg.decisions) {
    const row: DecisionRow = {
      kind: 'decision',
      key: rt.newKey(),
      decisionId: d.id,
      name: d.name,
      version: (rt.state.latestDecision(d.id)?.version ?? 0) + 1,
      versionTag: d.versionTag,
      drgKey: drg.key,
      drgId: drg.drgId,
      deploymentKey,
    };
    rt.state.resources.put(row.key, row);
    rt.record('DECISION', 'CREATED', row.key, { decisionId: d.id, version: row.version, decisionRequirementsKey: drg.key });
    rows.push(row);
  }
  return rows;
}

function deployForm(rt: Runtime, r: Extract<ParsedResource, { kind: 'form' }>, deploymentKey: number): FormRow {
  const latest = rt.state.latestForm(r.formId);
  if (latest && latest.checksum === r.checksum) return latest;
  const row: FormRow = {
    kind: 'form',
    key: rt.newKey(),
    formId: r.formId,
    version: (latest?.version ?? 0) + 1,
    versionTag: r.versionTag,
    resourceName: r.name,
    checksum: r.checksum,
    deploymentKey,
    schema: r.schema,
  };
  rt.state.resources.put(row.key, row);
  rt.record('FORM', 'CREATED', row.key, { formId: row.formId, version: row.version, resourceName: r.name });
  return row;
}

export function deleteResource(rt: Runtime, resourceKey: number): void {
  const row = rt.state.resources.get(resourceKey);
  if (!row || row.kind === 'decision') {
    reject('NOT_FOUND', 'DELETE', `Expected to delete resource but no resource found with key \`${resourceKey}\``);
  }
  if (row.kind === 'process') {
    for (const i of rt.state.elementInstances.values()) {
      if (i.type === 'PROCESS' && i.processDefinitionKey === resourceKey) {
        reject('INVALID_STATE', 'DELETE', `Expected to delete resource with key \`${resourceKey}\` but there are still running instances of process '${row.bpmnProcessId}' version ${row.version}; cancel or migrate them first`);
      }
    }
    rt.processes.delete(resourceKey);
  }
  if (row.kind === 'drg') {
    for (const d of [...rt.state.resources.values()]) if (d.kind === 'decision' && d.drgKey === row.key) rt.state.resources.delete(d.key);
    rt.drgs.delete(resourceKey);
  }
  rt.state.resources.delete(resourceKey);
  rt.record('RESOURCE_DELETION', 'DELETED', resourceKey, { resourceKey, kind: row.kind });
}
