// Every route with every role, plus anonymous and an outside system's signed key: the
// answer must follow the route table. Then spot checks that the table itself says what
// DOMAIN.md asks (a handler cannot list accounts, a process admin cannot manage them...).
import { expect } from 'chai';
import { ROLE_CODES, ROLES, ROUTES, type Role, type Route } from '../../server/index.ts';
import { Client, LOGIN_OF_ROLE, signedIn, startTestServer, type Answer, type TestServer } from './support.ts';
import { createKey, signedRequest } from './signing.ts';

const SOME_ID = '00000000-0000-4000-8000-000000000000';
const concretePath = (route: Route) => route.path.replace(/:[A-Za-z]+/g, SOME_ID);
const sendBody = (route: Route) => (route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
const label = (route: Route) => `${route.method} ${route.path}`;

describe('server: route × role matrix', function () {
  let t: TestServer;
  const clients = new Map<Role, Client>();
  let key: { keyId: string; secret: string };

  before(async () => {
    t = await startTestServer();
    for (const role of ROLE_CODES) clients.set(role, await signedIn(t, LOGIN_OF_ROLE[role]));
    key = await createKey(t, clients.get('system-admin')!, { scopes: ['tickets:intake'], burst: 1000 });
  });
  after(async () => { await t?.stop(); });

  async function call(role: Role, route: Route): Promise<Answer> {
    const client = clients.get(role)!;
    const answer = await client.request(route.method, concretePath(route), sendBody(route));
    // Logging out ends the session the next routes need: sign in again.
    if (route.path === '/api/auth/logout' && answer.status === 204) clients.set(role, await signedIn(t, LOGIN_OF_ROLE[role]));
    return answer;
  }

  it('answers every route for every role as the route table says', async () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const route of ROUTES) {
      for (const role of ROLE_CODES) {
        const answer = await call(role, route);
        checked++;
        const { access } = route;
        const denied = answer.status === 401 || answer.status === 403;
        let expected: string;
        let ok: boolean;
        if (access.kind === 'public') {
          expected = 'allowed';
          ok = !denied;
        } else if (access.kind === 'apiKey') {
          expected = '401 (needs a signature)';
          ok = answer.status === 401;
        } else if (access.roles.includes(role)) {
          expected = 'allowed';
          ok = !denied;
        } else {
          expected = '403 FORBIDDEN';
          ok = answer.status === 403 && answer.body.error?.code === 'FORBIDDEN';
        }
        if (!ok) mismatches.push(`${label(route)} as ${role}: expected ${expected}, got ${answer.status} ${JSON.stringify(answer.body).slice(0, 120)}`);
      }
    }
    expect(mismatches).to.deep.equal([]);
    expect(checked).to.equal(ROUTES.length * ROLE_CODES.length);
  });

  it('answers 401 to anonymous callers on every route that is not public', async () => {
    const anonymous = new Client(t.base);
    for (const route of ROUTES) {
      const answer = await anonymous.request(route.method, concretePath(route), sendBody(route));
      if (route.access.kind === 'public') expect(answer.status, label(route)).not.to.be.oneOf([401, 403]);
      else expect(answer.status, label(route)).to.equal(401);
    }
  });

  it('lets a signed API key reach only the API-key routes', async () => {
    for (const route of ROUTES) {
      const body = sendBody(route);
      const answer = await signedRequest(t, key, route.method, concretePath(route), body);
      if (route.access.kind === 'session') expect(answer.status, label(route)).to.equal(401);
      else expect(answer.status, label(route)).not.to.be.oneOf([401, 403]);
    }
  });

  describe('the table itself', () => {
    const find = (method: string, path: string) => {
      const route = ROUTES.find((r) => r.method === method && r.path === path);
      if (!route) throw new Error(`no route ${method} ${path}`);
      return route;
    };
    const allows = (route: Route, role: Role) => route.access.kind === 'public' || (route.access.kind === 'session' && route.access.roles.includes(role));

    it('has one entry per method and path, each documented, with a schema for each path parameter', () => {
      const seen = new Set<string>();
      for (const route of ROUTES) {
        expect(seen.has(label(route)), `${label(route)} twice`).to.equal(false);
        seen.add(label(route));
        expect(route.endpoint.summary, label(route)).to.be.a('string').and.not.equal('');
        for (const [, name] of route.path.matchAll(/:([A-Za-z]+)/g)) {
          expect((route.endpoint.params as any)?.properties?.[name!], `${label(route)} :${name}`).to.be.an('object');
        }
      }
    });

    it('keeps /api/admin/ (accounts, departments, keys) to the system administrator alone', () => {
      const admin = ROUTES.filter((r) => r.path.startsWith('/api/admin/'));
      expect(admin.length).to.be.at.least(14);
      for (const route of admin) {
        expect(route.access, label(route)).to.deep.equal({ kind: 'session', roles: ['system-admin'] });
      }
      expect(allows(find('GET', '/api/admin/users'), 'handler')).to.equal(false);
      for (const path of ['/api/admin/users', '/api/admin/departments', '/api/admin/api-keys']) {
        expect(allows(find('POST', path), 'process-admin'), path).to.equal(false);
        expect(allows(find('GET', path), 'principal-leader'), path).to.equal(false);
      }
    });

    it('scopes by department every route that lists or changes organisation data', () => {
      for (const route of ROUTES.filter((r) => r.path.startsWith('/api/admin/') && r.path !== '/api/admin/code-lists')) {
        expect(route.scope, label(route)).to.equal('department');
      }
    });

    it('lets every role see itself and sign out, and nobody in without a login except health, docs, login and the public disclosure', () => {
      for (const role of ROLE_CODES) {
        expect(allows(find('GET', '/api/auth/me'), role)).to.equal(true);
        expect(allows(find('POST', '/api/auth/logout'), role)).to.equal(true);
      }
      const publicRoutes = ROUTES.filter((r) => r.access.kind === 'public').map(label).sort();
      expect(publicRoutes).to.deep.equal([
        'GET /api/docs', 'GET /api/health', 'GET /api/openapi.json', 'GET /api/public/disclosure', 'GET /api/public/disclosure/feed',
        'GET /api/ready', 'GET /health', 'GET /ready', 'POST /api/auth/login',
      ]);
    });

    it('lets the same roles read a ticket\'s process diagram as read the ticket', () => {
      const diagram = find('GET', '/api/tickets/:id/process');
      expect(diagram.access).to.deep.equal(find('GET', '/api/tickets/:id').access);
      expect(diagram.scope).to.equal('department');
    });

    it('lets the same roles export the ticket search and list its departments as search tickets', () => {
      for (const path of ['/api/tickets/export', '/api/tickets/departments']) {
        expect(find('GET', path).access, path).to.deep.equal(find('GET', '/api/tickets').access);
        expect(find('GET', path).scope, path).to.equal('department');
      }
    });

    it('keeps notice templates (文书模板: read, preview, deploy, roll back) to the process administrator alone', () => {
      const templates = ROUTES.filter((r) => r.path.startsWith('/api/notice-templates'));
      expect(templates.map(label)).to.include.members(['GET /api/notice-templates', 'POST /api/notice-templates/preview', 'POST /api/notice-templates/:name', 'POST /api/notice-templates/:name/versions/:version/rollback']);
      for (const route of templates) expect(route.access, label(route)).to.deep.equal({ kind: 'session', roles: ['process-admin'] });
    });

    it('keeps the holiday calendar (save, check, history, diff, roll back) to the process administrator alone', () => {
      const calendar = ROUTES.filter((r) => r.path.startsWith('/api/calendar'));
      expect(calendar.map(label)).to.include.members(['PUT /api/calendar/:year', 'POST /api/calendar/:year/check', 'GET /api/calendar/:year/versions',
        'GET /api/calendar/:year/versions/:version/diff', 'POST /api/calendar/:year/versions/:version/rollback']);
      for (const route of calendar) expect(route.access, label(route)).to.deep.equal({ kind: 'session', roles: ['process-admin'] });
    });

    it('keeps deployments (check, deploy, history, running versions, roll back) to the process administrator alone', () => {
      const deployments = ROUTES.filter((r) => r.path.startsWith('/api/deployments'));
      expect(deployments.map(label)).to.include.members(['GET /api/deployments/running', 'GET /api/deployments/running/:kind/:resourceId', 'POST /api/deployments/:id/rollback']);
      for (const route of deployments) expect(route.access, label(route)).to.deep.equal({ kind: 'session', roles: ['process-admin'] });
    });

    it('shows statistics to leaders, supervisors and handlers, scoped by department, and to nobody else', () => {
      for (const path of ['/api/statistics', '/api/statistics/export', '/api/statistics/departments']) {
        const route = find('GET', path);
        expect(route.scope, path).to.equal('department');
        expect(ROLE_CODES.filter((role) => allows(route, role)), path).to.deep.equal(['handler', 'deputy-leader', 'principal-leader', 'supervisor']);
      }
    });

    it('gives the due lists, 催办 and 督办 to supervisors and leaders, the process monitor to supervisors and process admins', () => {
      const supervision = ROUTES.filter((r) => r.path.startsWith('/api/supervision/'));
      expect(supervision.length).to.be.at.least(12);
      for (const route of supervision) {
        const monitor = !/due-today|overdue|\/tickets\//.test(route.path);
        const expected: Role[] = monitor ? ['supervisor', 'process-admin'] : ['supervisor', 'deputy-leader', 'principal-leader'];
        expect(ROLE_CODES.filter((role) => allows(route, role)), label(route)).to.have.members(expected);
        expect(route.scope, label(route)).to.equal(monitor ? 'organisation' : 'department');
      }
    });

    it('keeps split and merge to the dispatcher, full personal data and attachments to the roles that need them', () => {
      for (const path of ['/api/tickets/:id/split', '/api/tickets/:id/merge']) {
        expect(find('POST', path).access, path).to.deep.equal({ kind: 'session', roles: ['dispatcher'] });
      }
      for (const [method, path] of [['GET', '/api/tickets/:id/personal-data'], ['POST', '/api/tickets/:id/attachments'], ['GET', '/api/tickets/:id/attachments/:attachmentId']] as const) {
        const route = find(method, path);
        expect(route.scope, path).to.equal('department');
        for (const role of ['hotline-centre', 'supervisor', 'process-admin', 'system-admin'] as const) expect(allows(route, role), `${path} ${role}`).to.equal(false);
        for (const role of ['dispatcher', 'handler', 'legal', 'deputy-leader', 'principal-leader'] as const) expect(allows(route, role), `${path} ${role}`).to.equal(true);
      }
    });

    it('gives the handler its department and everybody else the bureau', () => {
      expect(Object.entries(ROLES).filter(([, r]) => r.scope === 'department').map(([code]) => code)).to.deep.equal(['handler']);
    });

    it('matches the roles table of the database', async () => {
      const { rows } = await t.pool.query<{ code: string; label: string }>('SELECT code, label FROM roles ORDER BY code');
      expect(rows).to.deep.equal(Object.entries(ROLES).map(([code, r]) => ({ code, label: r.label })).sort((a, b) => a.code.localeCompare(b.code)));
    });
  });
});

