// One effect per job however often it is delivered, one live instance per ticket, and workers
// that carry on after the gateway restarts.
import { expect } from 'chai';
import { createTestDatabase } from '../../database/index.ts';
import { startEngine } from '../../engine/index.ts';
import { getTicket, noticesOf, registerTicket } from '../../tickets/index.ts';
import { createWorkerContext, migrateWorkers, once, startWorkers, type WorkerJob } from '../../workers/index.ts';
import { noticeIssue } from '../../workers/jobs/notice-issue.ts';
import { bpmn, chain, end, serviceTask, start } from '../support/bpmn.ts';
import { eventually, sdkClient } from '../support/engine.ts';
import { instancesOf, productDb } from '../tickets/product.ts';
import { complaint } from '../tickets/samples.ts';
import { workerHarness, type Harness } from './harness.ts';
import { freePort } from '../support/free-port.ts';

const asWorkerJob = (job: { key: string; type: string; processInstanceKey: string; bpmnProcessId: string; elementId: string; elementInstanceKey: string; retries: number; customHeaders: unknown; variables: unknown }): WorkerJob => ({
  key: job.key, type: job.type, processInstanceKey: job.processInstanceKey, bpmnProcessId: job.bpmnProcessId, elementId: job.elementId,
  elementInstanceKey: job.elementInstanceKey, retries: job.retries, activatedAt: new Date(), customHeaders: { ...(job.customHeaders as object) }, variables: { ...(job.variables as object) },
});

describe('workers: delivery', () => {
  describe('a job delivered twice', () => {
    let h: Harness;
    before(async () => {
      h = await workerHarness({ startWorkers: false });
      await migrateWorkers(h.db.pool);
    });
    after(async () => {
      await h?.stop();
    });

    it('after a worker died between its effect and the completion, the redelivered job completes with the recorded result', async () => {
      const ticket = await h.ticket(complaint());
      await h.t.zeebe.deployResources([{ process: bpmn('redeliver', start(), serviceTask('task', 'notice.issue', { headers: { template: 'accept-decision' } }), end(), chain('start', 'task', 'end')), name: 'redeliver.bpmn' }]);
      const result = h.t.zeebe.createProcessInstanceWithResult({ bpmnProcessId: 'redeliver', variables: { ticketId: ticket.id }, requestTimeout: 30_000 });
      // The first worker: takes the job for one second, issues the notice, and dies before completing.
      const [first] = await eventually(async () => {
        const jobs = await h.t.zeebe.activateJobs({ type: 'notice.issue', worker: 'doomed', maxJobsToActivate: 1, timeout: 1_000, requestTimeout: -1 });
        return jobs.length ? jobs : undefined;
      }, 'the notice job');
      const ctx = createWorkerContext({ pool: h.db.pool, zeebe: h.t.zeebe, settings: h.settings, log: () => undefined });
      const done = await once(h.db.pool, asWorkerJob(first as never), (db) => noticeIssue.handle(asWorkerJob(first as never), db, ctx));
      expect(done.replayed).to.equal(false);

      // The job times out on the engine and the real workers get it again.
      await h.startWorkers();
      const finished = await result;
      expect(finished.variables).to.deep.include({ noticeId: done.result.noticeId, noticeNo: done.result.noticeNo });
      expect(await noticesOf(h.db.pool, ticket.id)).to.have.length(1);
      expect(h.logs.some((l) => l.includes('was done before'))).to.equal(true);
    });

    it('two deliveries at once wait for each other and act once', async () => {
      const ticket = await h.ticket(complaint());
      const ctx = createWorkerContext({ pool: h.db.pool, zeebe: h.t.zeebe, settings: h.settings, log: () => undefined });
      const job: WorkerJob = { key: '2251799813699999', type: 'notice.issue', processInstanceKey: '2251799813699990', bpmnProcessId: 'x', elementId: 'task', elementInstanceKey: '2251799813699998', retries: 3, activatedAt: new Date(), customHeaders: { template: 'accept-decision' }, variables: { ticketId: ticket.id } };
      const [a, b] = await Promise.all([1, 2].map(() => once(h.db.pool, job, (db) => noticeIssue.handle(job, db, ctx))));
      expect([a!.replayed, b!.replayed].sort()).to.deep.equal([false, true]);
      expect(a!.result).to.deep.equal(b!.result);
      expect(await noticesOf(h.db.pool, ticket.id)).to.have.length(1);
    });
  });

  describe('one instance per ticket', () => {
    let h: Harness;
    before(async () => {
      h = await workerHarness();
      // Stand-in for complaint_handling: set a status, then wait.
      await h.t.zeebe.deployResources([{ process: bpmn('complaint_handling', start(), serviceTask('status', 'ticket.status', { headers: { status: 'dispatched' } }), serviceTask('hold', 'test.hold'), end(), chain('start', 'status', 'hold', 'end')), name: 'complaint-stub.bpmn' }]);
    });
    after(async () => {
      await h?.stop();
    });

    it('a second instance of the main process for a ticket is cancelled by the first job it reaches', async () => {
      const outcome = await registerTicket({ pool: h.db.pool, zeebe: h.t.zeebe }, complaint());
      if (!outcome.ok) throw new Error('intake');
      const ticket = outcome.tickets[0]!;
      await eventually(async () => ((await getTicket(h.db.pool, ticket.id))!.status === 'dispatched' ? true : undefined), 'the first instance');
      const stray = await h.t.zeebe.createProcessInstance({ bpmnProcessId: 'complaint_handling', variables: { ticketId: ticket.id, department: 'somewhere-else' } });
      const key = String(stray.processInstanceKey);
      await eventually(async () => ((await instancesOf(h.t, 'complaint_handling', 'ELEMENT_TERMINATED')).includes(key) ? true : undefined), 'the stray instance cancelled');
      const after = await getTicket(h.db.pool, ticket.id);
      expect(after!.processInstanceKey).to.equal(ticket.processInstanceKey);
      expect(after!.department).to.equal(null);
    });

    it('an instance started for a ticket without one claims it', async () => {
      const outcome = await registerTicket({ pool: h.db.pool }, complaint());
      if (!outcome.ok) throw new Error('intake');
      const ticket = outcome.tickets[0]!;
      const started = await h.t.zeebe.createProcessInstance({ bpmnProcessId: 'complaint_handling', variables: { ticketId: ticket.id } });
      await eventually(async () => ((await getTicket(h.db.pool, ticket.id))!.processInstanceKey === String(started.processInstanceKey) ? true : undefined), 'the claim');
    });
  });

  it('workers pick jobs up again after the gateway restarts', async () => {
    const port = await freePort();
    const engineDb = await createTestDatabase();
    const product = await productDb();
    const boot = () => startEngine({ databaseUrl: engineDb.url, grpcPort: port, restPort: 0, clockControlled: true });
    let engine = await boot();
    const zeebe = sdkClient(`grpc://127.0.0.1:${port}`);
    const workers = await startWorkers({
      pool: product.pool, zeebe, log: () => undefined,
      settings: { ...createWorkerContext({ pool: product.pool, zeebe }).settings, types: ['ticket.status'], longPollMs: 2_000, retryBackoffMs: 50 },
    });
    try {
      const deployer = sdkClient(`grpc://127.0.0.1:${port}`);
      await untilConnected(() => deployer.deployResources([{ process: bpmn('restart', start(), serviceTask('task', 'ticket.status', { headers: { status: 'accepted' } }), end(), chain('start', 'task', 'end')), name: 'restart.bpmn' }]));
      const run = async () => {
        const outcome = await registerTicket({ pool: product.pool }, complaint());
        if (!outcome.ok) throw new Error('intake');
        const ticket = outcome.tickets[0]!;
        const client = sdkClient(`grpc://127.0.0.1:${port}`);
        await untilConnected(() => client.createProcessInstance({ bpmnProcessId: 'restart', variables: { ticketId: ticket.id } }));
        await eventually(async () => ((await getTicket(product.pool, ticket.id))!.status === 'accepted' ? true : undefined), 'the job done', 20_000);
        await client.close(500).catch(() => undefined);
      };
      await run();
      await deployer.close(500).catch(() => undefined);
      await engine.stop();
      engine = await boot();
      await run();
    } finally {
      await workers.close();
      await zeebe.close(500).catch(() => undefined);
      await engine.stop();
      await product.drop();
      await engineDb.drop();
    }
  });
});

/** The test's own clients (not the workers under test) may call before their channel is up. */
async function untilConnected<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if ((err as { code?: number }).code !== 14 || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

