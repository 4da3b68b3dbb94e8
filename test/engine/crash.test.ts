// The engine killed with SIGKILL while instances are in flight, restarted on the same database
// and port: nothing acknowledged is lost, nothing runs twice. Workers use the official SDK
// (job streams) and keep completing across the crash, as real workers would.

import { expect } from 'chai';
import pg from 'pg';
import { Camunda8 } from '@camunda8/sdk';
import { createTestDatabase, type TestDatabase } from '../../database/index.ts';
import { bpmn, chain, end, serviceTask, start } from '../support/bpmn.ts';
import { eventually } from '../support/engine.ts';
import { spawnEngine, type EngineProcess } from '../support/engine-process.ts';

type Zeebe = ReturnType<Camunda8['getZeebeGrpcApiClient']>;
type StreamHandle = Awaited<ReturnType<Zeebe['streamJobs']>>;

const PROCESS_ID = 'crash-sequence';
const TASKS = ['t1', 't2', 't3', 't4', 't5'];
const INSTANCES = 200;
/** Instances created but not yet through their last task, at most. */
const IN_FLIGHT = 40;
const CREATORS = 8;
/** Kill once this many instances are through (so some are done, some in flight, some not created). */
const KILL_AFTER = [50, 120];
/** A job activated before the crash comes back to the workers after this. */
const JOB_TIMEOUT_MS = 3000;

interface Completion {
  jobKey: string;
  elementId: string;
  processInstanceKey: string;
}

function sdk(address: string): Zeebe {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: address,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE', ZEEBE_GRPC_CLIENT_RETRY: false },
  } as never).getZeebeGrpcApiClient();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('engine crash recovery (SIGKILL mid-run, restart on the same database)', function () {
  this.timeout(120_000);

  let db: TestDatabase | undefined;
  let engine: EngineProcess | undefined;
  let zeebe: Zeebe | undefined;
  let pool: pg.Pool | undefined;
  let streams: StreamHandle[] = [];
  const consoleError = console.error;
  let streamErrors = 0;

  before(async () => {
    // The SDK prints the error of a broken job stream with console.error; a crash breaks them.
    console.error = (...args: unknown[]) => {
      const e = args[0] as { code?: unknown; details?: unknown } | undefined;
      if (args.length === 1 && e && typeof e.code === 'number' && 'details' in e) {
        streamErrors++;
        return;
      }
      consoleError(...args);
    };
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
  });

  after(async () => {
    for (const s of streams) s.close();
    await zeebe?.close(1000).catch(() => undefined);
    await engine?.stop();
    await pool?.end();
    await db?.drop();
    // Closing a stream makes the SDK log a CANCELLED error once the call ends.
    await sleep(100);
    console.error = consoleError;
  });

  it('completes every acknowledged instance, each element and job exactly once', async () => {
    const began = Date.now();
    engine = await spawnEngine({ databaseUrl: db!.url });
    const port = engine.port;
    const client = (zeebe = sdk(engine.address));
    await client.deployResource({
      process: bpmn(PROCESS_ID, start(), ...TASKS.map((id) => serviceTask(id, `crash-${id}`)), end(), chain('start', ...TASKS, 'end')),
      name: `${PROCESS_ID}.bpmn`,
    });

    // --- workers: complete every job at once, remember what the engine acknowledged ---
    const acknowledged: Completion[] = [];
    let deliveries = 0;
    let failedCompletions = 0;
    let instancesThrough = 0;
    const openStreams = async () => {
      for (const s of streams) s.close();
      streams = await Promise.all(TASKS.map((id) => client.streamJobs({
        type: `crash-${id}`,
        worker: `crash-worker-${id}`,
        timeout: JOB_TIMEOUT_MS,
        // The safety net that also picks up jobs while a stream is broken.
        pollInterval: 1000,
        tenantIds: [],
        taskHandler: async (job) => {
          deliveries++;
          try {
            await client.completeJob({ jobKey: job.key, variables: {} });
            acknowledged.push({ jobKey: job.key, elementId: job.elementId, processInstanceKey: job.processInstanceKey });
            if (job.elementId === TASKS.at(-1)) instancesThrough++;
          } catch {
            // The engine is down, or the job was completed already (a second delivery after
            // the crash): either way the engine has the final word, checked below.
            failedCompletions++;
          }
          return job.forward();
        },
      })));
    };
    await openStreams();

    // --- instances: created a few at a time, at most IN_FLIGHT unfinished ---
    const created: string[] = [];
    let reserved = 0;
    let failedCreates = 0;
    let creating = true;
    const creator = async () => {
      while (creating && reserved < INSTANCES) {
        if (reserved - instancesThrough >= IN_FLIGHT) {
          await sleep(5);
          continue;
        }
        reserved++;
        try {
          const r = await client.createProcessInstance({ bpmnProcessId: PROCESS_ID, variables: {} });
          created.push(r.processInstanceKey);
        } catch {
          // Not acknowledged (the engine is down): try again; the engine may still have it.
          reserved--;
          failedCreates++;
          await sleep(50);
        }
      }
    };
    const creators = Promise.all(Array.from({ length: CREATORS }, creator));

    try {
      // --- the crashes: each with some instances done, some in flight, some not yet created ---
      const kills: Array<{ created: number; through: number; completions: number }> = [];
      for (const through of KILL_AFTER) {
        await eventually(() => (instancesThrough >= through ? true : undefined), `${through} instances through`, 30_000);
        await engine.kill();
        const atKill = { created: created.length, through: instancesThrough, completions: acknowledged.length };
        kills.push(atKill);
        expect(atKill.created - atKill.through, 'instances in flight when the engine was killed').to.be.greaterThan(0);
        expect(atKill.created, 'instances not yet created when the engine was killed').to.be.lessThan(INSTANCES);

        // --- the restart: same database, same port; the SDK's unary calls reconnect by themselves ---
        engine = await spawnEngine({ databaseUrl: db!.url, port });
        await eventually(() => client.topology().then(() => true, () => undefined), 'the SDK to reach the restarted engine', 10_000);
        // A job stream does not survive its connection (the SDK only logs the error): open them again.
        await openStreams();
      }

      await eventually(() => (created.length >= INSTANCES ? true : undefined), `${INSTANCES} instances created`, 30_000);
      await creators;
      const keys = [...created];

      // --- every acknowledged instance completes ---
      const notCompleted = async () => {
        const r = await pool!.query<{ key: string }>(
          `SELECT DISTINCT key FROM engine_records
            WHERE value_type = 'PROCESS_INSTANCE' AND intent = 'ELEMENT_COMPLETED'
              AND value->>'bpmnElementType' = 'PROCESS' AND key = ANY($1::bigint[])`,
          [keys],
        );
        const done = new Set(r.rows.map((row) => row.key));
        return keys.filter((k) => !done.has(k));
      };
      try {
        await eventually(async () => ((await notCompleted()).length === 0 ? true : undefined), 'acknowledged instances to complete', 30_000);
      } catch {
        const missing = await notCompleted();
        const known = await pool!.query<{ key: string }>(
          `SELECT DISTINCT process_instance_key AS key FROM engine_records WHERE process_instance_key = ANY($1::bigint[])`,
          [missing],
        );
        const lostCreates = missing.filter((k) => !known.rows.some((row) => row.key === k));
        const lostCompletions = acknowledged.filter((c) => missing.includes(c.processInstanceKey));
        expect.fail(
          `${missing.length} of ${keys.length} acknowledged instances did not complete within 30 s ` +
          `(e.g. ${missing.slice(0, 3).join(', ')}); ${lostCreates.length} of them are not in the records at all ` +
          `(acknowledged creates lost); workers were told ${lostCompletions.length} of their jobs completed. ` +
          `The engine's last output:\n${engine.output().split('\n').slice(-20).join('\n')}`,
        );
      }

      // Instances the engine committed but could not acknowledge (create in flight at the kill)
      // run too: every instance in the records completes.
      const started = await pool!.query<{ key: string }>(
        `SELECT DISTINCT key FROM engine_records
          WHERE value_type = 'PROCESS_INSTANCE' AND intent = 'ELEMENT_ACTIVATING' AND value->>'bpmnElementType' = 'PROCESS'`,
      );
      const allInstances = started.rows.map((r) => r.key);
      expect(allInstances, 'acknowledged instances found in the records').to.include.members(keys);
      await eventually(async () => {
        const r = await pool!.query<{ n: string }>(
          `SELECT count(DISTINCT key) AS n FROM engine_records
            WHERE value_type = 'PROCESS_INSTANCE' AND intent = 'ELEMENT_COMPLETED' AND value->>'bpmnElementType' = 'PROCESS'`,
        );
        return Number(r.rows[0].n) === allInstances.length ? true : undefined;
      }, `all ${allInstances.length} instances in the records to complete`, 20_000);

      // --- nothing twice ---
      const twiceCompleted = await pool!.query(
        `SELECT key, value->>'elementId' AS element_id, count(*) AS n FROM engine_records
          WHERE value_type = 'PROCESS_INSTANCE' AND intent = 'ELEMENT_COMPLETED'
          GROUP BY key, value->>'elementId' HAVING count(*) > 1 LIMIT 10`,
      );
      expect(twiceCompleted.rows, 'element instances completed more than once').to.deep.equal([]);
      const twiceActivated = await pool!.query(
        `SELECT key, value->>'elementId' AS element_id, count(*) AS n FROM engine_records
          WHERE value_type = 'PROCESS_INSTANCE' AND intent = 'ELEMENT_ACTIVATING'
          GROUP BY key, value->>'elementId' HAVING count(*) > 1 LIMIT 10`,
      );
      expect(twiceActivated.rows, 'element instances activated more than once').to.deep.equal([]);
      const jobsTwice = await pool!.query(
        `SELECT key, count(*) AS n FROM engine_records WHERE value_type = 'JOB' AND intent = 'COMPLETED'
          GROUP BY key HAVING count(*) > 1 LIMIT 10`,
      );
      expect(jobsTwice.rows, 'jobs completed more than once').to.deep.equal([]);

      // --- exactly one completed job per task per instance ---
      const perTask = await pool!.query<{ pik: string; element_id: string; n: string }>(
        `SELECT process_instance_key AS pik, value->>'elementId' AS element_id, count(*) AS n FROM engine_records
          WHERE value_type = 'JOB' AND intent = 'COMPLETED' GROUP BY 1, 2`,
      );
      const counts = new Map(perTask.rows.map((r) => [`${r.pik}/${r.element_id}`, Number(r.n)]));
      const wrong = allInstances.flatMap((pik) => TASKS.map((t) => [`${pik}/${t}`, counts.get(`${pik}/${t}`) ?? 0] as const)).filter(([, n]) => n !== 1);
      expect(wrong.slice(0, 10), 'tasks whose job did not complete exactly once').to.deep.equal([]);
      expect(perTask.rows.length, 'completed jobs of other elements or instances').to.equal(allInstances.length * TASKS.length);
      // Each task element instance completed once, and the process's end event once.
      const elementsDone = await pool!.query<{ element_id: string; n: string }>(
        `SELECT value->>'elementId' AS element_id, count(*) AS n FROM engine_records
          WHERE value_type = 'PROCESS_INSTANCE' AND intent = 'ELEMENT_COMPLETED' GROUP BY 1 ORDER BY 1`,
      );
      const expected = ['end', PROCESS_ID, 'start', ...TASKS].sort().map((element_id) => ({ element_id, n: String(allInstances.length) }));
      expect(elementsDone.rows).to.deep.equal(expected);

      // --- acknowledged means committed: every completion a worker heard "ok" for is recorded ---
      const recorded = await pool!.query<{ key: string; element_id: string; pik: string }>(
        `SELECT key, value->>'elementId' AS element_id, process_instance_key AS pik FROM engine_records
          WHERE value_type = 'JOB' AND intent = 'COMPLETED'`,
      );
      const byKey = new Map(recorded.rows.map((r) => [r.key, r]));
      const lost = acknowledged.filter((c) => {
        const r = byKey.get(c.jobKey);
        return !r || r.element_id !== c.elementId || r.pik !== c.processInstanceKey;
      });
      expect(lost.slice(0, 10), 'acknowledged completions missing from the records').to.deep.equal([]);
      expect(new Set(acknowledged.map((c) => c.jobKey)).size, 'completions acknowledged twice').to.equal(acknowledged.length);

      // --- and nothing left behind in the engine's state ---
      await eventually(async () => {
        const r = await pool!.query<{ jobs: string; elements: string }>(
          `SELECT (SELECT count(*) FROM engine_jobs) AS jobs, (SELECT count(*) FROM engine_element_instances) AS elements`,
        );
        return r.rows[0].jobs === '0' && r.rows[0].elements === '0' ? true : undefined;
      }, 'the engine state to be empty', 5000);

      console.log(
        `      killed ${kills.map((k) => `with ${k.created} created, ${k.through} through, ${k.completions} completions`).join('; again ')}; ` +
        `${keys.length} acknowledged + ${allInstances.length - keys.length} unacknowledged instances completed; ` +
        `${deliveries} job deliveries for ${allInstances.length * TASKS.length} jobs, ${failedCompletions} completions refused or lost, ` +
        `${failedCreates} creates failed, ${streamErrors} stream errors; ${((Date.now() - began) / 1000).toFixed(1)} s`,
      );
    } finally {
      creating = false;
      await creators;
    }
  });
});
