import { expect } from 'chai';
import { Client, signedIn, signedInFirstTime, startTestServer, type TestServer } from './support.ts';
import { createKey, signatureHeaders, signedRequest, type Key } from './signing.ts';

describe('server: API keys and HMAC-signed requests', function () {
  let t: TestServer;
  let admin: Client;
  let key: Key & { id: string };

  before(async () => {
    t = await startTestServer({ apiKeyMasterKey: Buffer.alloc(32, 7) });
    admin = await signedIn(t, 'admin');
    key = await createKey(t, admin, { scopes: ['tickets:intake'], burst: 100 });
  });
  after(async () => { await t?.stop(); });

  it('shows the secret once, stores it encrypted, and lists keys without it', async () => {
    expect(key.keyId).to.match(/^ak_[A-Za-z0-9_-]{16}$/);
    expect(key.secret).to.match(/^[A-Za-z0-9_-]{43}$/);
    const { rows } = await t.pool.query('SELECT secret FROM api_keys WHERE id = $1', [key.id]);
    expect(rows[0].secret).to.match(/^v1:/).and.not.include(key.secret);
    const list = await admin.get('/api/admin/api-keys');
    expect(list.status).to.equal(200);
    const listed = list.body.items.find((k: any) => k.id === key.id);
    expect(listed).to.include({ keyId: key.keyId, name: '市 12345 政务服务便民热线平台', ratePerMinute: 120, burst: 100 });
    expect(listed.scopes).to.deep.equal(['tickets:intake']);
    expect(JSON.stringify(list.body)).not.to.include(key.secret);
  });

  it('accepts a correctly signed GET and POST', async () => {
    const get = await signedRequest(t, key, 'GET', '/api/external/ping?from=12345');
    expect(get.status).to.equal(200);
    expect(get.body).to.include({ keyId: key.keyId, name: '市 12345 政务服务便民热线平台' });
    const post = await signedRequest(t, key, 'POST', '/api/external/ping', { echo: '你好' });
    expect(post.status).to.equal(200);
    expect(post.body.echo).to.equal('你好');
  });

  it('refuses a wrong signature, a changed body, a wrong secret, an unknown key and a changed path alike', async () => {
    const cases = [
      await signedRequest(t, key, 'POST', '/api/external/ping', { echo: 'b' }, { signedBody: JSON.stringify({ echo: 'a' }) }),
      await signedRequest(t, key, 'GET', '/api/external/ping', undefined, { secret: 'not-the-secret' }),
      await signedRequest(t, { keyId: 'ak_unknownunknownunk', secret: key.secret }, 'GET', '/api/external/ping'),
    ];
    const headers = signatureHeaders(key, 'GET', '/api/external/ping', '', t.clock.now);
    const res = await fetch(`${t.base}/api/external/ping?x=1`, { headers });
    cases.push({ status: res.status, body: await res.json(), headers: res.headers });
    for (const answer of cases) {
      expect(answer.status).to.equal(401);
      expect(answer.body.error).to.deep.equal({ code: 'SIGNATURE_INVALID', message: 'API 签名校验失败：请检查密钥、签名串的构造和请求体' });
    }
  });

  it('names the missing headers', async () => {
    const res = await fetch(`${t.base}/api/external/ping`, { headers: { 'X-Api-Key': key.keyId } });
    expect(res.status).to.equal(401);
    const body = await res.json();
    expect(body.error.code).to.equal('SIGNATURE_MISSING');
    expect(body.error.details.map((d: any) => d.path)).to.deep.equal(['X-Timestamp', 'X-Nonce', 'X-Signature']);
  });

  it('refuses a replayed request and a timestamp outside the window', async () => {
    const nonce = 'replay-nonce-0000000001';
    expect((await signedRequest(t, key, 'GET', '/api/external/ping', undefined, { nonce })).status).to.equal(200);
    const replay = await signedRequest(t, key, 'GET', '/api/external/ping', undefined, { nonce });
    expect(replay.status).to.equal(401);
    expect(replay.body.error.code).to.equal('REQUEST_REPLAYED');
    expect(replay.body.error.details[0].path).to.equal('X-Nonce');

    const old = await signedRequest(t, key, 'GET', '/api/external/ping', undefined, { timestamp: Math.floor(t.clock.now.getTime() / 1000) - 301 });
    expect(old.status).to.equal(401);
    expect(old.body.error.code).to.equal('TIMESTAMP_OUT_OF_RANGE');
    const ahead = await signedRequest(t, key, 'GET', '/api/external/ping', undefined, { timestamp: Math.floor(t.clock.now.getTime() / 1000) + 301 });
    expect(ahead.body.error.code).to.equal('TIMESTAMP_OUT_OF_RANGE');
    const shortNonce = await signedRequest(t, key, 'GET', '/api/external/ping', undefined, { nonce: 'short' });
    expect(shortNonce.body.error.code).to.equal('NONCE_INVALID');
  });

  it('rate-limits each key with a token bucket and refills it with time', async () => {
    const small = await createKey(t, admin, { ratePerMinute: 6, burst: 3 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await signedRequest(t, small, 'GET', '/api/external/ping')).status);
    expect(statuses).to.deep.equal([200, 200, 200, 429]);
    const limited = await signedRequest(t, small, 'GET', '/api/external/ping');
    expect(limited.body.error.code).to.equal('RATE_LIMITED');
    expect(limited.headers.get('retry-after')).to.equal('10');
    // Other keys are not affected.
    expect((await signedRequest(t, key, 'GET', '/api/external/ping')).status).to.equal(200);
    // 6 per minute: one token every 10 seconds.
    t.clock.advance(10_000);
    expect((await signedRequest(t, small, 'GET', '/api/external/ping')).status).to.equal(200);
    expect((await signedRequest(t, small, 'GET', '/api/external/ping')).status).to.equal(429);
    t.clock.advance(60_000);
    const burst = [];
    for (let i = 0; i < 4; i++) burst.push((await signedRequest(t, small, 'GET', '/api/external/ping')).status);
    expect(burst).to.deep.equal([200, 200, 200, 429]);
  });

  it('stops a revoked key at once', async () => {
    const doomed = await createKey(t, admin);
    expect((await signedRequest(t, doomed, 'GET', '/api/external/ping')).status).to.equal(200);
    expect((await admin.delete(`/api/admin/api-keys/${doomed.id}`)).status).to.equal(204);
    expect((await signedRequest(t, doomed, 'GET', '/api/external/ping')).status).to.equal(401);
    const list = await admin.get('/api/admin/api-keys?includeRevoked=true');
    expect(list.body.items.find((k: any) => k.id === doomed.id).revokedAt).to.equal(t.clock.now.toISOString());
    expect((await admin.get('/api/admin/api-keys')).body.items.map((k: any) => k.id)).not.to.include(doomed.id);
  });

  it('validates new keys, and a district administrator sees and revokes only its own bureau\'s keys', async () => {
    const bad = await admin.post('/api/admin/api-keys', { name: '', scopes: ['tickets:everything'] });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details.map((d: any) => d.path).sort()).to.deep.equal(['name', 'scopes[0]']);

    const lixia = (await admin.get('/api/admin/departments')).body.items.find((d: any) => d.code === '370102').id;
    const created = await admin.post('/api/admin/users', { login: 'lixia-admin', displayName: '历下区局系统管理员', departmentId: lixia, roles: ['system-admin'] });
    expect(created.status).to.equal(201);
    const district = await signedInFirstTime(t, 'lixia-admin', created.body.initialPassword, 'Lixia#2026-ok');
    const own = await createKey(t, district);
    const seen = (await district.get('/api/admin/api-keys')).body.items.map((k: any) => k.id);
    expect(seen).to.deep.equal([own.id]);
    expect((await district.delete(`/api/admin/api-keys/${key.id}`)).status).to.equal(404);
    expect((await signedRequest(t, key, 'GET', '/api/external/ping')).status).to.equal(200);
  });
});
