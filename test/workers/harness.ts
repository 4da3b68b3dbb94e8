// Workers under test: a real engine, a product database, the real workers through the SDK,
// and local stand-ins for the WeCom robot and the SMS gateway.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerTicket, type Ticket } from '../../tickets/index.ts';
import { loadWorkerSettings, startWorkers, type RunningWorkers, type WorkerSettings } from '../../workers/index.ts';
import { bpmn, chain, definitions, end, errorBoundary, processXml, serviceTask, start } from '../support/bpmn.ts';
import { startTestEngine, type TestEngine } from '../support/engine.ts';
import { productDb, type ProductDb } from '../tickets/product.ts';
import { startStub, type StubServer } from './stub-server.ts';

// The real rules of processes/: the workers evaluate what production evaluates.
const PROCESSES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'processes');

export interface Harness {
  t: TestEngine;
  db: ProductDb;
  wecom: StubServer;
  sms: StubServer;
  /** The 12345 city platform's reply endpoint. */
  hotline: StubServer;
  settings: WorkerSettings;
  logs: string[];
  workers?: RunningWorkers;
  startWorkers(): Promise<void>;
  /** Registers a ticket (no process) from a submission. */
  ticket(submission: Record<string, unknown>): Promise<Ticket>;
  /** Runs one service task of `type` in a fresh process and returns the variables it ended with. */
  runTask(type: string, options: { headers?: Record<string, string>; variables: Record<string, unknown>; retries?: number }): Promise<Record<string, unknown>>;
  /** Starts a one-task process and returns its key without waiting. */
  startTask(type: string, options: { headers?: Record<string, string>; variables: Record<string, unknown>; retries?: number; processId?: string }): Promise<string>;
  stop(): Promise<void>;
}

let serial = 0;

export async function workerHarness(options: { startWorkers?: boolean } = {}): Promise<Harness> {
  const [t, db, wecom, sms, hotline] = await Promise.all([
    startTestEngine(),
    productDb(),
    startStub(() => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } })),
    startStub(() => ({ status: 200, body: { code: 'OK' } })),
    startStub(() => ({ status: 200, body: { ok: true } })),
  ]);
  const decisions = await Promise.all(['time-limits.dmn', 'reminder-thresholds.dmn', 'professional-claimant.dmn'].map(async (name) => ({ decision: await fs.readFile(path.join(PROCESSES, name)), name })));
  await t.zeebe.deployResources(decisions);
  const settings: WorkerSettings = {
    ...loadWorkerSettings({}),
    retryBackoffMs: 50,
    longPollMs: 5_000,
    httpTimeoutMs: 2_000,
    bureauName: '上海市徐汇区市场监督管理局',
    wecomWebhookUrl: `${wecom.url}/cgi-bin/webhook/send?key=default`,
    wecomWebhooks: { 'dept-food': `${wecom.url}/cgi-bin/webhook/send?key=food` },
    smsGatewayUrl: `${sms.url}/sms/send`,
    smsGatewayToken: 'sms-token',
    bureauNames: { '370102': '济南市历下区市场监督管理局' },
    hotlineReplyUrl: `${hotline.url}/12345/reply`,
    hotlineSecret: 'hotline-secret',
  };
  const logs: string[] = [];
  const h: Harness = {
    t, db, wecom, sms, hotline, settings, logs,
    async startWorkers() {
      h.workers = await startWorkers({ pool: db.pool, zeebe: t.zeebe, settings, log: (m) => logs.push(m) });
    },
    async ticket(submission) {
      const outcome = await registerTicket({ pool: db.pool }, submission);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      return outcome.tickets[0]!;
    },
    async startTask(type, o) {
      const id = o.processId ?? await deployTask(type, o);
      const created = await t.zeebe.createProcessInstance({ bpmnProcessId: id, variables: o.variables as never });
      return String(created.processInstanceKey);
    },
    async runTask(type, o) {
      const id = await deployTask(type, o);
      const result = await t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: id, variables: o.variables as never, requestTimeout: 20_000 });
      return result.variables as Record<string, unknown>;
    },
    async stop() {
      await h.workers?.close();
      await Promise.all([wecom.close(), sms.close(), hotline.close()]);
      await t.stop();
      await db.drop();
    },
  };

  async function deployTask(type: string, o: { headers?: Record<string, string>; retries?: number }): Promise<string> {
    const id = `w_${type.replace(/\W/g, '_')}_${++serial}`;
    // A BPMN error from the task ends on its own path, with the error's variables kept.
    const xml = definitions(
      processXml(id, start(), serviceTask('task', type, { headers: o.headers, retries: String(o.retries ?? 3) }), end(),
        errorBoundary('caught', 'task', 'err', { outputs: { caughtError: '=true', validationErrors: '=validationErrors', validationMessage: '=validationMessage' } }), end('error_end'),
        chain('start', 'task', 'end'), chain('caught', 'error_end')),
      '<bpmn:error id="err" name="INVALID_TICKET" errorCode="INVALID_TICKET" />',
    );
    await t.zeebe.deployResources([{ process: Buffer.from(xml), name: `${id}.bpmn` }]);
    return id;
  }

  if (options.startWorkers !== false) await h.startWorkers();
  return h;
}

export { bpmn, chain, end, serviceTask, start };
