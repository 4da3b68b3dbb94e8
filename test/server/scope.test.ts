// The department scoping helper that every data route (tickets next) filters with.
import { expect } from 'chai';
import { DEMO_DEPARTMENTS, inScope, scopeCondition, scopeOf, type DepartmentRef } from '../../server/index.ts';
import { loadUser } from '../../server/auth/session-user.ts';
import { startTestServer, userId, type TestServer } from './support.ts';

describe('server: department scope', function () {
  let t: TestServer;
  before(async () => { t = await startTestServer(); });
  after(async () => { await t?.stop(); });

  const visible = async (login: string) => {
    const user = (await loadUser(t.pool, await userId(t, login)))!;
    const params: unknown[] = [];
    const { rows } = await t.pool.query<{ code: string }>(`SELECT code FROM departments WHERE ${scopeCondition(user.scope, 'id', params)} ORDER BY code`, params);
    return { user, codes: rows.map((r) => r.code) };
  };

  it('shows a handler its own department and those below it', async () => {
    const { user, codes } = await visible('chengban');
    expect(user.scope.kind).to.equal('department');
    expect(user.scope.root.code).to.equal('370102-DL');
    expect(codes).to.deep.equal(['370102-DL']);
  });

  it('shows leaders, dispatchers, supervisors and the rest their whole bureau', async () => {
    const all = DEMO_DEPARTMENTS.map((d) => d.code).sort();
    for (const login of ['fenguan', 'zhuyao', 'dengji', 'duban', 'rexian', 'fazhi', 'liucheng', 'admin']) {
      const { user, codes } = await visible(login);
      expect(user.scope.kind, login).to.equal('bureau');
      expect(user.bureau.code, login).to.equal('370100');
      expect(codes, login).to.deep.equal(all);
    }
  });

  it('finds the bureau as the nearest 市局 or 区/县局 above the department', async () => {
    // The hotline centre sits under the enforcement detachment, under the city bureau.
    expect((await visible('rexian')).user.bureau.code).to.equal('370100');
    expect((await visible('chengban')).user.bureau.code).to.equal('370102');
  });

  it('lets the widest of several roles win', () => {
    const station: DepartmentRef = { id: 's', code: 'st', name: '所', kind: 'station', path: '/c/d/s/' };
    const bureau: DepartmentRef = { id: 'd', code: 'dc', name: '区局', kind: 'district-bureau', path: '/c/d/' };
    expect(scopeOf(['handler'], station, bureau).root).to.equal(station);
    expect(scopeOf(['handler', 'deputy-leader'], station, bureau)).to.deep.equal({ kind: 'bureau', root: bureau });
    expect(scopeOf([], station, bureau).kind).to.equal('department');
  });

  it('tests a department path against a scope by prefix', () => {
    const scope = scopeOf(['handler'], { id: 'd', code: 'dc', name: '区局', kind: 'district-bureau', path: '/c/d/' }, { id: 'd', code: 'dc', name: '区局', kind: 'district-bureau', path: '/c/d/' });
    expect(inScope(scope, '/c/d/')).to.equal(true);
    expect(inScope(scope, '/c/d/s/')).to.equal(true);
    expect(inScope(scope, '/c/')).to.equal(false);
    expect(inScope(scope, '/c/x/')).to.equal(false);
  });

  it('builds a parameterised condition that appends to the caller\'s parameters', async () => {
    const user = (await loadUser(t.pool, await userId(t, 'chengban')))!;
    const params: unknown[] = ['first'];
    const sql = scopeCondition(user.scope, 't.department_id', params);
    expect(sql).to.equal('t.department_id IN (SELECT id FROM departments WHERE path LIKE $2)');
    expect(params).to.deep.equal(['first', `${user.department.path}%`]);
  });
});
