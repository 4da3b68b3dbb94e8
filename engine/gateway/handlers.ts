// One function per rpc of the Gateway service: read the request, submit a command to the
// engine, answer once it is committed.

import type * as grpc from '@grpc/grpc-js';
import type { Engine } from '../runtime/engine.ts';
import { deploy, deleteResource, parseResources } from '../runtime/commands/deploy.ts';
import { cancelProcessInstance, createProcessInstance, resolveIncident, setVariables, type CreateInstanceRequest } from '../runtime/commands/instance-commands.ts';
import { completeJob, failJob, throwJobError, updateJobRetries, updateJobTimeout } from '../runtime/commands/job-commands.ts';
import { evaluateDecisionCommand } from '../runtime/commands/decision-commands.ts';
import { modifyProcessInstance } from '../runtime/commands/modify.ts';
import { migrateProcessInstance } from '../runtime/commands/migrate.ts';
import type { ActivatedJob } from '../runtime/jobs.ts';
import { publishMessage } from '../runtime/messages.ts';
import { broadcastSignal } from '../runtime/signals.ts';
import { TENANT, type ElementInstanceRow, type ResourceRow } from '../runtime/rows.ts';
import { keyString, parseVariables, toKey } from './convert.ts';
import { BadRequest, Timeout, toServiceError } from './status.ts';

type Req = Record<string, any>;
type Unary = (call: grpc.ServerUnaryCall<Req, unknown>, callback: grpc.sendUnaryData<unknown>) => void;
type Streaming = (call: grpc.ServerWritableStream<Req, unknown>) => void;

/** A unary rpc: errors become the gRPC status Zeebe would answer. */
function unary(fn: (request: Req) => Promise<unknown> | unknown): Unary {
  return (call, callback) => {
    Promise.resolve()
      .then(() => fn(call.request))
      .then((response) => callback(null, response), (err) => callback(toServiceError(err)));
  };
}

function jobMessage(job: ActivatedJob): Record<string, unknown> {
  return {
    ...job,
    key: keyString(job.key),
    processInstanceKey: keyString(job.processInstanceKey),
    processDefinitionKey: keyString(job.processDefinitionKey),
    elementInstanceKey: keyString(job.elementInstanceKey),
    deadline: String(job.deadline),
  };
}

function deploymentMetadata(row: ResourceRow): Record<string, unknown> | undefined {
  switch (row.kind) {
    case 'process':
      return { process: { bpmnProcessId: row.bpmnProcessId, version: row.version, processDefinitionKey: keyString(row.key), resourceName: row.resourceName, tenantId: TENANT } };
    case 'drg':
      return { decisionRequirements: { dmnDecisionRequirementsId: row.drgId, dmnDecisionRequirementsName: row.name, version: row.version, decisionRequirementsKey: keyString(row.key), resourceName: row.resourceName, tenantId: TENANT } };
    case 'decision': {
      return { decision: { dmnDecisionId: row.decisionId, dmnDecisionName: row.name, version: row.version, decisionKey: keyString(row.key), dmnDecisionRequirementsId: row.drgId, decisionRequirementsKey: keyString(row.drgKey), tenantId: TENANT } };
    }
    case 'form':
      return { form: { formId: row.formId, version: row.version, formKey: keyString(row.key), resourceName: row.resourceName, tenantId: TENANT } };
  }
}

function creationRequest(r: Req): CreateInstanceRequest {
  return {
    processDefinitionKey: r.processDefinitionKey && r.processDefinitionKey !== '0' ? toKey(r.processDefinitionKey, 'processDefinitionKey') : undefined,
    bpmnProcessId: r.bpmnProcessId || undefined,
    version: r.version === 0 || r.version === undefined ? -1 : r.version,
    variables: parseVariables(r.variables),
    startElementIds: (r.startInstructions ?? []).map((s: Req) => s.elementId),
  };
}

function instanceMessage(instance: ElementInstanceRow): Record<string, unknown> {
  return { processDefinitionKey: keyString(instance.processDefinitionKey), bpmnProcessId: instance.bpmnProcessId, version: instance.version, processInstanceKey: keyString(instance.key), tenantId: TENANT };
}

export function handlers(engine: Engine, port: () => number): Record<string, Unary | Streaming> {
  const deployResource = unary(async (r) => {
    const parsed = await parseResources((r.resources ?? []).map((x: Req) => ({ name: x.name, content: Buffer.from(x.content ?? []) })));
    const result = await engine.submit((rt) => deploy(rt, parsed));
    return { key: keyString(result.key), deployments: result.resources.map((row) => deploymentMetadata(row)), tenantId: TENANT };
  });

  return {
    Topology: unary(() => ({
      brokers: [{ nodeId: 0, host: '127.0.0.1', port: port(), version: '8.8.0', partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }] }],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: '8.8.0',
    })),

    DeployResource: deployResource,
    DeployProcess: unary(async (r) => {
      const parsed = await parseResources((r.processes ?? []).map((x: Req) => ({ name: x.name, content: Buffer.from(x.definition ?? []) })));
      const result = await engine.submit((rt) => deploy(rt, parsed));
      return {
        key: keyString(result.key),
        processes: result.resources.filter((x) => x.kind === 'process').map((x) => deploymentMetadata(x)!.process),
      };
    }),
    DeleteResource: unary(async (r) => {
      const key = toKey(r.resourceKey, 'resourceKey');
      await engine.submit((rt) => deleteResource(rt, key));
      return {};
    }),

    CreateProcessInstance: unary(async (r) => {
      const request = creationRequest(r);
      return instanceMessage(await engine.submit((rt) => createProcessInstance(rt, request)));
    }),
    CreateProcessInstanceWithResult: unary(async (r) => {
      const request = creationRequest(r.request ?? {});
      const requestTimeout = Number(r.requestTimeout ?? 0) || 10_000;
      let created: ElementInstanceRow | undefined;
      const variables = await new Promise<Record<string, unknown>>((resolve, reject) => {
        engine
          .submit((rt) => {
            const instance = createProcessInstance(rt, request);
            engine.awaitResult(instance.key, { fetchVariables: r.fetchVariables ?? [], resolve, reject });
            return instance;
          })
          .then((instance) => {
            created = instance;
            setTimeout(() => {
              if (engine.resultWaiters.delete(instance.key)) reject(new Timeout(`Time out between gateway and broker: Request timed out after ${requestTimeout} ms`));
            }, requestTimeout).unref();
          }, reject);
      });
      return { ...instanceMessage(created!), variables: JSON.stringify(variables) };
    }),
    CancelProcessInstance: unary(async (r) => {
      const key = toKey(r.processInstanceKey, 'processInstanceKey');
      await engine.submit((rt) => cancelProcessInstance(rt, key));
      return {};
    }),
    ModifyProcessInstance: unary(async (r) => {
      const key = toKey(r.processInstanceKey, 'processInstanceKey');
      const activations = (r.activateInstructions ?? []).map((a: Req, i: number) => ({
        elementId: a.elementId,
        ancestorElementInstanceKey: a.ancestorElementInstanceKey && a.ancestorElementInstanceKey !== '0' && a.ancestorElementInstanceKey !== '-1' ? toKey(a.ancestorElementInstanceKey, `activateInstructions[${i}].ancestorElementInstanceKey`) : undefined,
        variableInstructions: (a.variableInstructions ?? []).map((v: Req, j: number) => ({ scopeId: v.scopeId ?? '', variables: parseVariables(v.variables, `activateInstructions[${i}].variableInstructions[${j}].variables`) })),
      }));
      const terminations = (r.terminateInstructions ?? []).map((x: Req, i: number) => toKey(x.elementInstanceKey, `terminateInstructions[${i}].elementInstanceKey`));
      await engine.submit((rt) => modifyProcessInstance(rt, key, activations, terminations));
      return {};
    }),
    MigrateProcessInstance: unary(async (r) => {
      const key = toKey(r.processInstanceKey, 'processInstanceKey');
      const plan = r.migrationPlan ?? {};
      const target = toKey(plan.targetProcessDefinitionKey, 'migrationPlan.targetProcessDefinitionKey');
      const mappings = (plan.mappingInstructions ?? []).map((m: Req) => ({ sourceElementId: m.sourceElementId, targetElementId: m.targetElementId }));
      await engine.submit((rt) => migrateProcessInstance(rt, key, target, mappings));
      return {};
    }),
    SetVariables: unary(async (r) => {
      const scope = toKey(r.elementInstanceKey, 'elementInstanceKey');
      const variables = parseVariables(r.variables);
      const key = await engine.submit((rt) => setVariables(rt, scope, variables, Boolean(r.local)));
      return { key: keyString(key) };
    }),
    ResolveIncident: unary(async (r) => {
      const key = toKey(r.incidentKey, 'incidentKey');
      await engine.submit((rt) => resolveIncident(rt, key));
      return {};
    }),
    EvaluateDecision: unary(async (r) => {
      const variables = parseVariables(r.variables);
      const decisionKey = r.decisionKey && r.decisionKey !== '0' ? toKey(r.decisionKey, 'decisionKey') : undefined;
      if (!decisionKey && !r.decisionId) throw new BadRequest(`Expected either a decision id or a valid decision key, but none provided`);
      return engine.submit((rt) => evaluateDecisionCommand(rt, { decisionKey, decisionId: r.decisionId || undefined }, variables));
    }),

    ActivateJobs: ((call: grpc.ServerWritableStream<Req, unknown>) => {
      const r = call.request;
      if (!r.type) return call.destroy(toServiceError(new BadRequest(`Expected to activate jobs of a type, but the 'type' was empty`)));
      if (!(r.maxJobsToActivate > 0)) return call.destroy(toServiceError(new BadRequest(`Expected to activate at least one job, but 'maxJobsToActivate' was ${r.maxJobsToActivate}`)));
      const request = { type: r.type, worker: r.worker ?? '', timeout: Number(r.timeout), maxJobsToActivate: r.maxJobsToActivate, fetchVariable: r.fetchVariable ?? [] };
      engine.activateJobs(request, Number(r.requestTimeout ?? 0)).then(
        (jobs) => {
          if (call.cancelled) return;
          if (jobs.length) call.write({ jobs: jobs.map(jobMessage) });
          call.end();
        },
        (err) => call.destroy(toServiceError(err)),
      );
    }) as Streaming,
    StreamActivatedJobs: ((call: grpc.ServerWritableStream<Req, unknown>) => {
      const r = call.request;
      if (!r.type) return call.destroy(toServiceError(new BadRequest(`Expected to stream jobs of a type, but the 'type' was empty`)));
      const close = engine.openStream({
        type: r.type,
        worker: r.worker ?? '',
        timeout: Number(r.timeout),
        fetchVariable: r.fetchVariable ?? [],
        push: (job) => {
          if (call.cancelled || call.destroyed) return false;
          return call.write(jobMessage(job)) || true;
        },
      });
      call.on('cancelled', close);
      call.on('close', close);
      call.on('error', close);
    }) as Streaming,

    PublishMessage: unary(async (r) => {
      const variables = parseVariables(r.variables);
      const request = { name: r.name ?? '', correlationKey: r.correlationKey ?? '', timeToLive: Number(r.timeToLive ?? 0), messageId: r.messageId ?? '', variables };
      const key = await engine.submit((rt) => publishMessage(rt, request));
      return { key: keyString(key), tenantId: TENANT };
    }),
    BroadcastSignal: unary(async (r) => {
      if (!r.signalName) throw new BadRequest(`Expected to broadcast a signal with a name, but the 'signalName' was empty`);
      const variables = parseVariables(r.variables);
      const key = await engine.submit((rt) => broadcastSignal(rt, r.signalName, variables));
      return { key: keyString(key), tenantId: TENANT };
    }),

    CompleteJob: unary(async (r) => {
      const key = toKey(r.jobKey, 'jobKey');
      const variables = parseVariables(r.variables);
      await engine.submit((rt) => completeJob(rt, key, variables));
      return {};
    }),
    FailJob: unary(async (r) => {
      const key = toKey(r.jobKey, 'jobKey');
      const variables = parseVariables(r.variables);
      await engine.submit((rt) => failJob(rt, key, Number(r.retries ?? 0), r.errorMessage ?? '', Number(r.retryBackOff ?? 0), variables));
      return {};
    }),
    ThrowError: unary(async (r) => {
      const key = toKey(r.jobKey, 'jobKey');
      const variables = parseVariables(r.variables);
      await engine.submit((rt) => throwJobError(rt, key, r.errorCode ?? '', r.errorMessage ?? '', variables));
      return {};
    }),
    UpdateJobRetries: unary(async (r) => {
      const key = toKey(r.jobKey, 'jobKey');
      await engine.submit((rt) => updateJobRetries(rt, key, Number(r.retries)));
      return {};
    }),
    UpdateJobTimeout: unary(async (r) => {
      const key = toKey(r.jobKey, 'jobKey');
      await engine.submit((rt) => updateJobTimeout(rt, key, Number(r.timeout)));
      return {};
    }),
  };
}
