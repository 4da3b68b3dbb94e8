import { expect } from 'chai';
import { ROUTES, type Endpoint, type Route } from '../../server/index.ts';
import { Client, signedIn, startTestServer, startTestServerRoutes, type TestServer } from './support.ts';
import { createKey, signedRequest } from './signing.ts';

// Routes a host could add; here they let the tests reach a failing handler and a scoped key route.
const failing: Endpoint = {
  summary: '测试：总是失败',
  tag: '测试',
  responses: { 200: { description: '从不' } },
  async handle() {
    throw new Error('connection to 10.0.0.7 refused at SecretModule.run');
  },
};
const slow: Endpoint = {
  summary: '测试：慢请求',
  tag: '测试',
  responses: { 200: { description: '完成' } },
  async handle() {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { body: { done: true } };
  },
};
const intake: Endpoint = {
  summary: '测试：需要 tickets:intake',
  tag: '测试',
  responses: { 200: { description: '完成' } },
  async handle() {
    return { body: { ok: true } };
  },
};
const EXTRA: Route[] = [
  { method: 'GET', path: '/api/test/fail', access: { kind: 'session', roles: ['handler'] }, scope: 'none', endpoint: failing },
  { method: 'GET', path: '/api/test/slow', access: { kind: 'public' }, scope: 'none', endpoint: slow },
  { method: 'POST', path: '/api/test/intake', access: { kind: 'apiKey', scope: 'tickets:intake' }, scope: 'none', endpoint: intake },
];

describe('server: conventions', function () {
  let t: TestServer;
  let engineUp = true;
  before(async () => {
    t = await startTestServer({}, { check: async () => { if (!engineUp) throw new Error('engine down'); } });
  });
  after(async () => { await t?.stop(); });

  describe('errors', () => {
    it('turns an unexpected error into a 500 with an error id that is logged with the stack, and never sent', async () => {
      const extra = await startTestServerWith(EXTRA);
      try {
        const handler = await signedIn(extra, 'chengban');
        const answer = await handler.get('/api/test/fail');
        expect(answer.status).to.equal(500);
        const { errorId } = answer.body.error;
        expect(errorId).to.match(/^[0-9a-f-]{36}$/);
        expect(answer.body).to.deep.equal({ error: { code: 'INTERNAL_ERROR', message: `服务器内部错误，请联系系统管理员并提供错误编号 ${errorId}`, errorId } });
        expect(JSON.stringify(answer.body)).not.to.match(/10\.0\.0\.7|SecretModule|at /);
        const logged = extra.logs.find((l) => l.errorId === errorId)!;
        expect(logged.level).to.equal(50);
        expect(logged.err.stack).to.include('SecretModule');
        expect(logged.requestId).to.equal(answer.headers.get('x-request-id'));
      } finally {
        await extra.stop();
      }
    });

    it('answers unknown paths with the error shape', async () => {
      const answer = await new Client(t.base).get('/api/nothing-here');
      expect(answer.status).to.equal(404);
      expect(answer.body).to.deep.equal({ error: { code: 'NOT_FOUND', message: '没有这个接口：GET /api/nothing-here' } });
    });

    it('checks an API key\'s scope', async () => {
      const extra = await startTestServerWith(EXTRA);
      try {
        const admin = await signedIn(extra, 'admin');
        const without = await createKey(extra, admin, { scopes: ['tickets:read'] });
        const withScope = await createKey(extra, admin, { scopes: ['tickets:intake'] });
        const refused = await signedRequest(extra, without, 'POST', '/api/test/intake', {});
        expect(refused.status).to.equal(403);
        expect(refused.body.error.message).to.equal('该 API 密钥没有 tickets:intake 权限');
        expect((await signedRequest(extra, withScope, 'POST', '/api/test/intake', {})).status).to.equal(200);
      } finally {
        await extra.stop();
      }
    });
  });

  describe('logs and headers', () => {
    it('logs one JSON line per request with its request id, keeping a sane id the client sent', async () => {
      const answer = await new Client(t.base).get('/health', { 'x-request-id': 'lb-1234567890' });
      expect(answer.headers.get('x-request-id')).to.equal('lb-1234567890');
      const line = t.logs.find((l) => l.requestId === 'lb-1234567890' && l.msg === 'request')!;
      expect(line).to.include({ method: 'GET', path: '/health', status: 200, component: 'server' });
      const odd = await new Client(t.base).get('/health', { 'x-request-id': 'bad id; drop' });
      expect(odd.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
    });

    it('logs who made the request but never a password', async () => {
      const client = await signedIn(t, 'dengji');
      await client.get('/api/auth/me');
      expect(t.logs.some((l) => l.msg === 'request' && l.path === '/api/auth/me' && l.user === 'dengji')).to.equal(true);
      expect(JSON.stringify(t.logs)).not.to.include('Demo-Passw0rd!');
    });

    it('sends security headers and forbids caching', async () => {
      const answer = await new Client(t.base).get('/api/health');
      const h = answer.headers;
      expect(h.get('content-security-policy')).to.include("default-src 'self'").and.include("frame-ancestors 'none'");
      expect(h.get('x-content-type-options')).to.equal('nosniff');
      expect(h.get('x-frame-options')).to.equal('SAMEORIGIN');
      expect(h.get('strict-transport-security')).to.match(/max-age=\d+/);
      expect(h.get('referrer-policy')).to.equal('same-origin');
      expect(h.get('cache-control')).to.equal('no-store');
      expect(h.get('x-powered-by')).to.equal(null);
    });
  });

  describe('health', () => {
    it('is alive, and ready only while the database and the engine answer', async () => {
      const client = new Client(t.base);
      expect((await client.get('/health')).body).to.deep.equal({ status: 'ok' });
      const ready = await client.get('/ready');
      expect(ready.status).to.equal(200);
      expect(ready.body).to.deep.equal({ status: 'ready', checks: { database: 'ok', engine: 'ok', accepting: true } });
      engineUp = false;
      const down = await client.get('/api/ready');
      expect(down.status).to.equal(503);
      expect(down.body.checks.engine).to.equal('failed');
      engineUp = true;
    });
  });

  describe('graceful stop', () => {
    it('finishes requests in flight, stops accepting, and reports not ready meanwhile', async () => {
      const extra = await startTestServerWith(EXTRA);
      const inFlight = fetch(`${extra.base}/api/test/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const stopped = extra.server.stop();
      expect(await inFlight).to.deep.equal({ status: 200, body: { done: true } });
      await stopped;
      let refused = false;
      await fetch(`${extra.base}/health`).catch(() => { refused = true; });
      expect(refused).to.equal(true);
      await extra.stop();
    });
  });

  describe('API documentation', () => {
    it('serves an OpenAPI 3.1 document listing every route with its schemas and access', async () => {
      const doc = (await new Client(t.base).get('/api/openapi.json')).body;
      expect(doc.openapi).to.equal('3.1.0');
      const operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
      expect(operations.sort()).to.deep.equal(ROUTES.map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`).sort());
      const create = doc.paths['/api/admin/users'].post;
      expect(create.requestBody.content['application/json'].schema.required).to.deep.equal(['login', 'displayName', 'departmentId', 'roles']);
      expect(create['x-roles']).to.deep.equal(['system-admin']);
      expect(create.security).to.deep.equal([{ sessionCookie: [], csrfToken: [] }]);
      expect(Object.keys(create.responses)).to.include.members(['201', '400', '401', '403', '500']);
      const user = doc.paths['/api/admin/users/{id}'].get;
      expect(user.parameters[0]).to.include({ name: 'id', in: 'path', required: true });
      expect(doc.paths['/api/external/ping'].post.security).to.deep.equal([{ apiKeySignature: [] }]);
      expect(doc.paths['/api/auth/login'].post.security).to.deep.equal([]);
      expect(doc.components.schemas.Error.required).to.deep.equal(['error']);
    });

    it('serves a readable page without scripts or outside resources, naming every route', async () => {
      const answer = await new Client(t.base).get('/api/docs');
      expect(answer.status).to.equal(200);
      expect(answer.headers.get('content-type')).to.match(/^text\/html/);
      const html: string = answer.body;
      expect(html).not.to.match(/<script|https?:\/\/(?!json-schema)/);
      expect(answer.headers.get('content-security-policy')).to.match(/^default-src 'none'; style-src 'sha256-/);
      for (const route of ROUTES) {
        const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
        expect(html, `${route.method} ${route.path}`).to.include(`<span class="m ${route.method}">${route.method}</span><code>${path}</code>`);
      }
      expect(html).to.include('X-Signature').and.include('账号管理');
    });
  });
});

const startTestServerWith = (routes: Route[]) => startTestServerRoutes([...ROUTES, ...routes]);
