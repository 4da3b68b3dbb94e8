// Liveness and readiness, for load balancers and process supervisors.
import type { ServerContext } from '../context.ts';
import type { Endpoint } from './endpoint.ts';

const TAG = '运行状态';
const CHECK_TIMEOUT_MS = 3_000;

export const liveness: Endpoint = {
  summary: '存活检查（进程在运行即返回 200）',
  tag: TAG,
  responses: { 200: { description: '运行中', schema: { type: 'object', properties: { status: { const: 'ok' } } } } },
  async handle() {
    return { body: { status: 'ok' } };
  },
};

type CheckResult = 'ok' | 'failed' | 'not-configured';

async function check(ctx: ServerContext, name: string, run: (() => Promise<unknown>) | undefined): Promise<CheckResult> {
  if (!run) return 'not-configured';
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      run(),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS); }),
    ]);
    return 'ok';
  } catch (err) {
    ctx.log.warn({ check: name, err: (err as Error).message }, 'readiness check failed');
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

export const readiness: Endpoint = {
  summary: '就绪检查（数据库可用、引擎可达、未在停止中）',
  description: '任何一项失败返回 503；引擎检查未配置时记为 not-configured，不影响就绪。',
  tag: TAG,
  responses: {
    200: {
      description: '就绪',
      schema: {
        type: 'object',
        properties: {
          status: { enum: ['ready', 'not-ready'] },
          checks: { type: 'object', properties: { database: { enum: ['ok', 'failed'] }, engine: { enum: ['ok', 'failed', 'not-configured'] }, accepting: { type: 'boolean' } } },
        },
      },
    },
    503: { description: '未就绪（结构同上）' },
  },
  async handle({ ctx }) {
    const [database, engine] = await Promise.all([
      check(ctx, 'database', () => ctx.pool.query('SELECT 1')),
      check(ctx, 'engine', ctx.engine.check),
    ]);
    const ready = database === 'ok' && engine !== 'failed' && ctx.state.accepting;
    return { status: ready ? 200 : 503, body: { status: ready ? 'ready' : 'not-ready', checks: { database, engine, accepting: ctx.state.accepting } } };
  },
};
