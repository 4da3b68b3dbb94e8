// Supervision through the API on the real engine and workers: incidents (a worker that
// cannot succeed) retried after the cause is fixed, instances cancelled and migrated to a
// redeployed version, the diagram counts and durations; the due-today and overdue lists on
// the test server's clock, and 催办 / 督办 with their effects and their idempotency.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { auditOf, noticesOf } from '../../tickets/index.ts';
import { probeBpmn, PROBE_ID } from '../fixtures/supervision/probe.ts';
import { signedIn, type Client } from './support.ts';
import { accountIn, eventually, jinanComplaint, startTicketEnv, type TicketEnv } from './ticket-env.ts';

describe('server: supervision API', function () {
  this.timeout(120_000);
  let env: TicketEnv;
  let supervisor: Client;
  let processAdmin: Client;
  let leader: Client;
  let handler: Client;
  let ticketId: string;
  let ticketNo: string;
  let v1: string;

  const zeebe = () => env.client.getZeebeGrpcApiClient();
  const deployProbe = async (options?: Parameters<typeof probeBpmn>[0]) => {
    const answer = await zeebe().deployResource({ process: Buffer.from(probeBpmn(options)), name: 'probe.bpmn' } as never);
    return String((answer as any).deployments[0].process.processDefinitionKey);
  };
  const startProbe = async (ticket: string) =>
    String((await zeebe().createProcessInstance({ bpmnProcessId: PROBE_ID, variables: { ticketId: ticket } })).processInstanceKey);
  const incidentOf = (instanceKey: string) => eventually(async () => {
    const answer = await supervisor.get(`/api/supervision/incidents?processInstanceKey=${instanceKey}`);
    return answer.body.items?.[0];
  }, `an incident on ${instanceKey}`);

  /** Moves the server's clock; sessions idle that long have ended, so everyone signs in again. */
  const at = async (instant: Date) => {
    env.t.clock.now = instant;
    supervisor = await signedIn(env.t, 'duban');
    processAdmin = await signedIn(env.t, 'liucheng');
    leader = await signedIn(env.t, 'fenguan');
    handler = await signedIn(env.t, 'chengban');
  };

  before(async () => {
    env = await startTicketEnv();
    const clerk = await signedIn(env.t, 'dengji');
    await at(env.t.clock.now);
    const registered = await clerk.post('/api/tickets', jinanComplaint());
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    ({ id: ticketId, ticketNo } = registered.body.tickets[0]);
    await eventually(async () => {
      const { rows } = await env.t.pool.query(`SELECT 1 FROM ticket_deadlines WHERE ticket_id = $1 AND step = 'complaint.accept'`, [ticketId]);
      return rows.length ? true : undefined;
    }, 'the acceptance deadline');
    v1 = await deployProbe();
  });
  after(async () => { await env?.stop(); });

  it('lists the processes and their instances by state, with the ticket number', async () => {
    const processes = await supervisor.get('/api/supervision/processes');
    expect(processes.status).to.equal(200);
    const ids = processes.body.items.map((d: any) => d.processDefinitionId);
    expect(ids).to.include.members(['complaint_handling', PROBE_ID]);

    const active = await processAdmin.get('/api/supervision/instances?processDefinitionId=complaint_handling&state=active');
    expect(active.status).to.equal(200);
    const mine = active.body.items.find((i: any) => i.ticket?.id === ticketId);
    expect(mine, JSON.stringify(active.body)).to.include({ state: 'active', processDefinitionId: 'complaint_handling' });
    expect(mine.ticket.ticketNo).to.equal(ticketNo);
    expect(active.body.total).to.be.at.least(1);
    expect((await supervisor.get('/api/supervision/instances?processDefinitionId=complaint_handling&state=completed')).body.items).to.deep.equal([]);

    const detail = await supervisor.get(`/api/supervision/instances/${mine.processInstanceKey}`);
    expect(detail.status).to.equal(200);
    expect(detail.body.xml).to.contain('complaint_handling');
    expect(detail.body.instance.ticket.ticketNo).to.equal(ticketNo);
    expect(detail.body.elements[0].type).to.equal('START_EVENT');
    expect(detail.body.elements.some((e: any) => e.state === 'ACTIVE' && e.type !== 'PROCESS')).to.equal(true);
    expect(detail.body.sequenceFlows.length).to.be.at.least(1);
    expect(detail.body.variables.map((v: any) => v.name)).to.include('ticketId');
  });

  it('raises an incident when the worker cannot succeed; retry after the fix resolves it, audited', async () => {
    const instanceKey = await startProbe('00000000-0000-4000-8000-00000000dead');
    const incident = await incidentOf(instanceKey);
    expect(incident).to.include({ elementId: 'Task_Record', processInstanceKey: instanceKey });
    expect(incident.errorMessage).to.contain('工单');
    expect((await supervisor.get(`/api/supervision/instances?processDefinitionId=${PROBE_ID}&state=incident`)).body.items.map((i: any) => i.processInstanceKey)).to.include(instanceKey);

    // Fix it as an operator would: give the instance the real ticket, then retry.
    await zeebe().setVariables({ elementInstanceKey: instanceKey, variables: { ticketId }, local: false });
    const retried = await supervisor.post(`/api/supervision/incidents/${incident.incidentKey}/retry`, {});
    expect(retried.status, JSON.stringify(retried.body)).to.equal(200);
    expect(retried.body.retries).to.equal(1);
    const waiting = await eventually(async () => {
      const detail = await supervisor.get(`/api/supervision/instances/${instanceKey}`);
      return detail.body.elements.find((e: any) => e.elementId === 'Task_Wait' && e.state === 'ACTIVE') ? detail.body : undefined;
    }, 'the instance to pass the service task');
    expect(waiting.incidents).to.deep.equal([]);
    expect(waiting.instance.state).to.equal('active');
    expect((await supervisor.post(`/api/supervision/incidents/${incident.incidentKey}/retry`, {})).status).to.equal(409);

    const audit = await auditOf(env.t.pool, ticketId);
    expect(audit.map((a) => a.action)).to.include.members(['probe.recorded', 'process.incidentRetried']);
    const { rows } = await env.t.pool.query(`SELECT actor_login, target_id FROM account_audit WHERE action = 'process.incidentRetried'`);
    expect(rows).to.deep.equal([{ actor_login: 'duban', target_id: instanceKey }]);
  });

  it('shows counts and durations per element of a version', async () => {
    const answer = await processAdmin.get(`/api/supervision/processes/${v1}`);
    expect(answer.status).to.equal(200);
    expect(answer.body.definition).to.include({ processDefinitionId: PROBE_ID, version: 1 });
    expect(answer.body.xml).to.contain('Task_Wait');
    const wait = answer.body.counts.find((c: any) => c.elementId === 'Task_Wait');
    expect(wait.active).to.be.at.least(1);
    const record = answer.body.durations.find((d: any) => d.elementId === 'Task_Record');
    expect(record.count).to.be.at.least(1);
    expect(record.avgMs).to.be.a('number');
  });

  it('cancels an instance with a reason, and refuses a second cancel', async () => {
    const instanceKey = await startProbe('not-a-ticket');
    await incidentOf(instanceKey);
    const missingReason = await supervisor.post(`/api/supervision/instances/${instanceKey}/cancel`, {});
    expect(missingReason.status).to.equal(400);
    expect(missingReason.body.error.details[0].path).to.equal('reason');
    const cancelled = await supervisor.post(`/api/supervision/instances/${instanceKey}/cancel`, { reason: '测试实例，作废' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).to.equal(200);
    const detail = await supervisor.get(`/api/supervision/instances/${instanceKey}`);
    expect(detail.body.instance.state).to.equal('canceled');
    expect((await supervisor.post(`/api/supervision/instances/${instanceKey}/cancel`, { reason: '再次取消' })).status).to.equal(409);
    const { rows } = await env.t.pool.query(`SELECT actor_login, after->>'reason' AS reason FROM account_audit WHERE action = 'process.instanceCanceled' AND target_id = $1`, [instanceKey]);
    expect(rows).to.deep.equal([{ actor_login: 'duban', reason: '测试实例，作废' }]);
  });

  it('migrates a waiting instance to a redeployed version, and refuses a version without its element', async () => {
    const instanceKey = await startProbe(ticketId);
    await eventually(async () => {
      const detail = await supervisor.get(`/api/supervision/instances/${instanceKey}`);
      return detail.body.elements?.find((e: any) => e.elementId === 'Task_Wait' && e.state === 'ACTIVE') ? true : undefined;
    }, 'the probe to wait');
    const v2 = await deployProbe({ waitName: '等待处理（新版）' });
    const v3 = await deployProbe({ waitId: 'Task_Review' });

    const bad = await supervisor.post(`/api/supervision/instances/${instanceKey}/migrate`, { targetProcessDefinitionKey: 'abc' });
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details[0].path).to.equal('targetProcessDefinitionKey');
    const otherProcess = (await supervisor.get('/api/supervision/processes')).body.items.find((d: any) => d.processDefinitionId === 'complaint_handling');
    const wrong = await supervisor.post(`/api/supervision/instances/${instanceKey}/migrate`, { targetProcessDefinitionKey: otherProcess.processDefinitionKey });
    expect(wrong.status).to.equal(400);
    expect(wrong.body.error.details[0].path).to.equal('targetProcessDefinitionKey');

    const impossible = await supervisor.post(`/api/supervision/instances/${instanceKey}/migrate`, { targetProcessDefinitionKey: v3 });
    expect(impossible.status).to.equal(409);
    expect(impossible.body.error.code).to.equal('MIGRATION_IMPOSSIBLE');
    expect(impossible.body.error.message).to.contain('Task_Wait');
    expect((await supervisor.get(`/api/supervision/instances/${instanceKey}`)).body.instance.version).to.equal(1);

    const migrated = await processAdmin.post(`/api/supervision/instances/${instanceKey}/migrate`, { targetProcessDefinitionKey: v2 });
    expect(migrated.status, JSON.stringify(migrated.body)).to.equal(200);
    expect(migrated.body).to.include({ version: 2 });
    expect(migrated.body.mapped).to.deep.equal(['Task_Wait']);
    const after = await supervisor.get(`/api/supervision/instances/${instanceKey}`);
    expect(after.body.instance).to.include({ version: 2, processDefinitionKey: v2, state: 'active' });
    expect((await auditOf(env.t.pool, ticketId)).map((a) => a.action)).to.include('process.instanceMigrated');
  });

  describe('due-today and overdue lists, 催办 and 督办', () => {
    let dueAt: Date;
    before(async () => {
      const { rows } = await env.t.pool.query(`SELECT due_at FROM ticket_deadlines WHERE ticket_id = $1 AND step = 'complaint.accept'`, [ticketId]);
      dueAt = rows[0].due_at;
    });

    it('lists the ticket as due today on its due day, with department, step and due date', async () => {
      await at(new Date(dueAt.getTime() - 3_600_000));
      const answer = await supervisor.get('/api/supervision/due-today');
      expect(answer.status).to.equal(200);
      const item = answer.body.items.find((i: any) => i.ticket.id === ticketId);
      expect(item, JSON.stringify(answer.body)).to.include({ departmentName: '甸柳市场监管所', daysOverdue: 0, urgency: 'today' });
      expect(item.step).to.deep.equal({ code: 'complaint.accept', title: '作出是否受理决定并告知投诉人' });
      expect(item.dueAt).to.equal(dueAt.toISOString());
      expect(item.ticket.complainantPhone).to.not.equal('13812345678');
      expect((await supervisor.get('/api/supervision/overdue')).body.items.map((i: any) => i.ticket.id)).to.not.include(ticketId);
      expect((await leader.get('/api/supervision/due-today?department=370115')).body.items).to.deep.equal([]);
    });

    it('urges once per day: a reminder to the department, in the audit trail; a double click sends nothing more', async () => {
      const first = await supervisor.post(`/api/supervision/tickets/${ticketId}/urge`, { message: '请今日内办结' });
      expect(first.status, JSON.stringify(first.body)).to.equal(200);
      expect(first.body).to.include({ urged: true, repeated: false });
      const again = await supervisor.post(`/api/supervision/tickets/${ticketId}/urge`, {});
      expect(again.body).to.include({ urged: false, repeated: true });
      const { rows } = await env.t.pool.query(`SELECT recipient, title FROM notifications WHERE ticket_id = $1 AND title LIKE '催办：%'`, [ticketId]);
      expect(rows).to.have.length(1);
      expect(rows[0].recipient).to.equal('dept:370102-DL');
      expect(rows[0].title).to.contain('今日到期');
      const urged = (await auditOf(env.t.pool, ticketId)).filter((a) => a.action === 'supervision.urged');
      expect(urged).to.have.length(1);
      expect((urged[0]!.after as any).message).to.equal('请今日内办结');
      expect((await supervisor.get('/api/supervision/due-today')).body.items.find((i: any) => i.ticket.id === ticketId).lastUrgedAt).to.be.a('string');
    });

    it('lists it as overdue after the due time, with the days overdue', async () => {
      await at(new Date(dueAt.getTime() + 2 * 86_400_000 + 60_000));
      const answer = await leader.get('/api/supervision/overdue');
      const item = answer.body.items.find((i: any) => i.ticket.id === ticketId);
      expect(item, JSON.stringify(answer.body)).to.include({ daysOverdue: 2, urgency: 'overdue' });
      expect(item.dueAt).to.equal(dueAt.toISOString());
      expect((await supervisor.get('/api/supervision/due-today')).body.items.map((i: any) => i.ticket.id)).to.not.include(ticketId);
    });

    it('督办 lists it with the reason, issues the 催办通知书, copies the deputy leader; once only', async () => {
      const noReason = await supervisor.post(`/api/supervision/tickets/${ticketId}/supervise`, { reason: '' });
      expect(noReason.status).to.equal(400);
      expect(noReason.body.error.details[0].path).to.equal('reason');
      expect((await env.t.pool.query('SELECT 1 FROM supervision_list WHERE ticket_id = $1', [ticketId])).rows).to.deep.equal([]);

      const answer = await supervisor.post(`/api/supervision/tickets/${ticketId}/supervise`, { reason: '超期未作出受理决定' });
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      expect(answer.body.listed).to.equal(true);
      expect(answer.body.notice.noticeNo).to.match(/^催办〔\d{4}〕\d{6}号$/);
      const notices = await noticesOf(env.t.pool, ticketId);
      const urgeNotice = notices.find((n) => n.template === 'urge-notice')!;
      expect(urgeNotice.html).to.contain(ticketNo).and.contain('作出是否受理决定并告知投诉人');
      // Addressed to the unit by its name, from its bureau, as the deadline watch's own notice is.
      expect(urgeNotice.html).to.contain('甸柳市场监管所：').and.contain('济南市历下区市场监督管理局');
      const copy = await env.t.pool.query(`SELECT recipient FROM notifications WHERE ticket_id = $1 AND title LIKE '抄送：%'`, [ticketId]);
      expect(copy.rows).to.deep.equal([{ recipient: 'dept:370102:role:deputy-leader' }]);

      const again = await leader.post(`/api/supervision/tickets/${ticketId}/supervise`, { reason: '再次督办' });
      expect(again.body.listed).to.equal(false);
      expect(again.body.alreadyListed.reason).to.equal('超期未作出受理决定');
      expect((await env.t.pool.query('SELECT count(*)::int AS n FROM supervision_list WHERE ticket_id = $1', [ticketId])).rows[0].n).to.equal(1);
      expect((await noticesOf(env.t.pool, ticketId)).filter((n) => n.template === 'urge-notice')).to.have.length(1);
      const item = (await supervisor.get('/api/supervision/overdue')).body.items.find((i: any) => i.ticket.id === ticketId);
      expect(item.supervised.reason).to.equal('超期未作出受理决定');
    });

    it('exports the overdue list to Excel with the same rows', async () => {
      const res = await fetch(`${env.t.base}/api/supervision/overdue/export`, { headers: { cookie: supervisor.cookie! } });
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.contain('spreadsheetml');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const rows = workbook.getWorksheet('超期督办工单')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
      const header = rows.findIndex((r) => r[0] === '工单编号');
      expect(rows[header]).to.include.members(['承办单位', '限时环节', '办理期限', '超期天数', '督办事由']);
      const line = rows.find((r) => r[0] === ticketNo)!;
      expect(line).to.include.members(['甸柳市场监管所', '作出是否受理决定并告知投诉人', 2, '超期未作出受理决定']);
    });

    it('keeps the lists and actions to supervisors and leaders, and names bad fields', async () => {
      expect((await handler.get('/api/supervision/overdue')).status).to.equal(403);
      expect((await handler.post(`/api/supervision/tickets/${ticketId}/urge`, {})).status).to.equal(403);
      expect((await leader.get('/api/supervision/incidents')).status).to.equal(403);
      const badState = await supervisor.get('/api/supervision/instances?state=broken');
      expect(badState.status).to.equal(400);
      expect(badState.body.error.details[0].path).to.equal('query.state');
      const badKey = await supervisor.get('/api/supervision/instances/12ab');
      expect(badKey.status).to.equal(400);
      expect(badKey.body.error.details[0].path).to.equal('params.key');
      expect((await supervisor.get('/api/supervision/instances/123456')).status).to.equal(404);
      expect((await supervisor.post('/api/supervision/tickets/00000000-0000-4000-8000-000000000000/urge', {})).status).to.equal(404);
    });

    it("keeps the process monitor to the city bureau: a district's supervisor is refused, and told why", async () => {
      const district = await accountIn(env.t, await signedIn(env.t, 'admin'), 'duban.lixia', '370102', ['supervisor']);
      const me = await district.get('/api/auth/me');
      expect(me.body.user.scope).to.include({ kind: 'bureau', wholeOrganisation: false });
      for (const path of ['/api/supervision/processes', '/api/supervision/instances', '/api/supervision/incidents']) {
        const refused = await district.get(path);
        expect(refused.status, path).to.equal(403);
        expect(refused.body.error.message).to.contain('仅限市局');
      }
      // Its own bureau's due lists stay open to it.
      expect((await district.get('/api/supervision/overdue')).status).to.equal(200);
      expect((await supervisor.get('/api/auth/me')).body.user.scope.wholeOrganisation).to.equal(true);
    });
  });
});
