// Tickets through the API: a clerk registers, the routed department's handler sees it in
// full (and that view is audited), a handler elsewhere sees nothing, lists are masked, and
// the 12345 platform pushes with the server's API-key signature.
import { expect } from 'chai';
import { auditOf } from '../../tickets/index.ts';
import { createKey, signedRequest } from './signing.ts';
import { signedIn, type Client } from './support.ts';
import { accountIn, eventually, externalNo, jinanComplaint, startTicketEnv, type TicketEnv } from './ticket-env.ts';

describe('server: tickets API', function () {
  this.timeout(90_000);
  let env: TicketEnv;
  let clerk: Client;
  let handler: Client;
  let otherHandler: Client;
  let hotline: Client;
  let admin: Client;
  let ticketId: string;

  before(async () => {
    env = await startTicketEnv();
    clerk = await signedIn(env.t, 'dengji');
    handler = await signedIn(env.t, 'chengban');
    hotline = await signedIn(env.t, 'rexian');
    admin = await signedIn(env.t, 'admin');
    otherHandler = await accountIn(env.t, admin, 'chengban.jy', '370115-JY', ['handler']);
  });
  after(async () => { await env?.stop(); });

  it('refuses a submission with a wrong field: 422 naming it, nothing stored', async () => {
    const answer = await clerk.post('/api/tickets', jinanComplaint({ complainant: { name: '张三', phone: '12345' } }));
    expect(answer.status).to.equal(422);
    expect(answer.body.error.code).to.equal('VALIDATION_FAILED');
    expect(answer.body.error.details.map((d: any) => d.path)).to.include('complainant.phone');
    expect((await env.t.pool.query('SELECT count(*)::int AS n FROM tickets')).rows[0].n).to.equal(0);
  });

  it('lets only the dispatcher register', async () => {
    const answer = await handler.post('/api/tickets', jinanComplaint());
    expect(answer.status).to.equal(403);
  });

  it('registers a walk-in complaint as the clerk; the process routes it to 甸柳所', async () => {
    const answer = await clerk.post('/api/tickets', jinanComplaint({ channel: 'visit', externalNo: undefined }));
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    expect(answer.body.tickets).to.have.length(1);
    const item = answer.body.tickets[0];
    ticketId = item.id;
    expect(item).to.include({ kind: 'complaint', channel: 'visit' });
    expect(item.complainantPhone).to.not.equal('13812345678');
    await eventually(async () => {
      const { rows } = await env.t.pool.query('SELECT department FROM tickets WHERE id = $1', [ticketId]);
      return rows[0]?.department === '370102-DL' ? true : undefined;
    }, 'routing to 370102-DL');
  });

  it('lists tickets with personal data masked, filtered, scoped by department', async () => {
    const mine = await handler.get('/api/tickets?kind=complaint&channel=visit');
    expect(mine.status).to.equal(200);
    const row = mine.body.items.find((i: any) => i.id === ticketId);
    expect(row).to.include({ department: '370102-DL', complainantName: '张三' });
    expect(row.complainantPhone).to.match(/^138\*+5678$/);
    expect(row.complainantIdNumber).to.not.contain('19800101');

    expect((await handler.get('/api/tickets?channel=12345')).body.items).to.deep.equal([]);
    expect((await handler.get('/api/tickets?department=370102')).body.items.map((i: any) => i.id)).to.include(ticketId);
    expect((await handler.get('/api/tickets?reopened=true')).body.items).to.deep.equal([]);
    expect((await handler.get('/api/tickets?receivedFrom=2026-10-01T00:00:00%2B08:00')).body.items).to.deep.equal([]);
    expect((await handler.get('/api/tickets?overdue=false')).body.items.map((i: any) => i.id)).to.include(ticketId);
    expect((await clerk.get('/api/tickets')).body.items.map((i: any) => i.id)).to.include(ticketId);

    // Another unit's handler sees neither the list row nor the ticket.
    expect((await otherHandler.get('/api/tickets')).body.items).to.deep.equal([]);
    expect((await otherHandler.get(`/api/tickets/${ticketId}`)).status).to.equal(404);

    const bad = await handler.get('/api/tickets?flags=nonsense');
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details[0].path).to.match(/^query\.flags/);
  });

  it('pages with a cursor', async () => {
    await clerk.post('/api/tickets', jinanComplaint({ receivedAt: '2026-09-29T09:15:00+08:00' }));
    const first = await clerk.get('/api/tickets?limit=1');
    expect(first.body.items).to.have.length(1);
    expect(first.body.next).to.be.a('string');
    const second = await clerk.get(`/api/tickets?limit=1&cursor=${first.body.next}`);
    expect(second.body.items).to.have.length(1);
    expect(second.body.items[0].id).to.not.equal(first.body.items[0].id);
  });

  it('shows the handler of the department the full personal data, with the timeline, and audits the view', async () => {
    const answer = await handler.get(`/api/tickets/${ticketId}`);
    expect(answer.status).to.equal(200);
    expect(answer.body.personalData).to.equal('full');
    expect(answer.body.ticket.complainant).to.include({ name: '张三', phone: '13812345678', address: '济南市历下区文化东路1号' });
    expect(answer.body.ticket).to.include({ department: '370102-DL', departmentName: '甸柳市场监管所' });
    expect(answer.body.timeline.map((e: any) => e.action ?? e.type)).to.include('ticket.registered');
    expect(answer.body.deadlines.map((d: any) => d.step)).to.include('complaint.accept');
    const audit = await auditOf(env.t.pool, ticketId);
    const viewed = audit.filter((a) => a.action === 'ticket.personalDataViewed');
    expect(viewed).to.have.length(1);
    expect(viewed[0]!.after).to.deep.include({ login: 'chengban' });
  });

  it('shows the hotline centre masked personal data, without an audit entry', async () => {
    const before = (await auditOf(env.t.pool, ticketId)).length;
    const answer = await hotline.get(`/api/tickets/${ticketId}`);
    expect(answer.status).to.equal(200);
    expect(answer.body.personalData).to.equal('masked');
    expect(answer.body.ticket.complainant.phone).to.match(/^138\*+5678$/);
    expect(answer.body.ticket.complainant.idNumber).to.not.contain('19800101');
    expect((await auditOf(env.t.pool, ticketId)).length).to.equal(before);
  });

  it('answers 404 for a notice of another ticket or none', async () => {
    const answer = await handler.get(`/api/tickets/${ticketId}/notices/00000000-0000-4000-8000-000000000000`);
    expect(answer.status).to.equal(404);
  });

  it('gives the diagram of the ticket\'s process with the path taken and where it stands, to those who see the ticket', async () => {
    const path = await eventually(async () => {
      const answer = await handler.get(`/api/tickets/${ticketId}/process`);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      const main = answer.body.instances.find((i: any) => i.processDefinitionId === 'complaint_handling');
      return main?.activeElementIds.includes('Task_AcceptReview') ? answer.body : undefined;
    }, 'the 受理审查 task active');
    // The time-limit watcher beside the step is not shown: only the complaint's own process.
    expect(path.instances.map((i: any) => i.processDefinitionId)).to.deep.equal(['complaint_handling']);
    const [main] = path.instances;
    const { rows } = await env.t.pool.query('SELECT process_instance_key FROM tickets WHERE id = $1', [ticketId]);
    expect(main).to.include({ processInstanceKey: String(rows[0].process_instance_key), state: 'ACTIVE', parentProcessInstanceKey: null });
    expect(main.xml).to.contain('<bpmn:process id="complaint_handling"');
    // Active: the task, the sub-process around it and the watcher called beside it.
    expect(main.activeElementIds).to.have.members(['Sub_Accept', 'Task_AcceptReview', 'Call_AcceptWatch']);
    expect(main.completedElementIds).to.not.include('Task_AcceptReview');
    expect(main.completedElementIds.length).to.be.at.least(2);
    // Every flow taken joins elements of the diagram, and one of them leads into the active task.
    for (const flow of main.takenSequenceFlowIds) expect(main.xml, flow).to.contain(`id="${flow}"`);
    const into = main.takenSequenceFlowIds.filter((flow: string) => new RegExp(`id="${flow}"[^>]*targetRef="Task_AcceptReview"`).test(main.xml));
    expect(into).to.have.length(1);

    expect((await hotline.get(`/api/tickets/${ticketId}/process`)).status).to.equal(200);
    expect((await otherHandler.get(`/api/tickets/${ticketId}/process`)).status).to.equal(404);
    expect((await handler.get('/api/tickets/00000000-0000-4000-8000-000000000000/process')).status).to.equal(404);
  });

  it('imports a CSV of past tickets, naming the line and column of a bad cell, all or nothing', async () => {
    const header = '渠道,外部工单编号,类型,收到时间,投诉举报人姓名,联系电话,被投诉举报对象名称,行政区划代码,问题描述,诉求,问题类别,状态';
    const good = `12315,${externalNo('CSV')},投诉,2025-03-05 10:20,孙八,13512345678,某某餐饮店,370102,菜品有异物,赔偿,食品药品安全,已办结`;
    const bad = `12315,${externalNo('CSV')},投诉,2025-03-06 10:20,周九,12345,某某超市,370102,过期食品,退款,食品药品安全,已办结`;
    const encode = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8').toString('base64');
    const refused = await clerk.post('/api/tickets/import', { content: encode([header, good, bad]) });
    expect(refused.status).to.equal(422);
    expect(refused.body.imported).to.equal(0);
    expect(refused.body.errors.map((e: any) => [e.line, e.column])).to.deep.include([3, '联系电话']);
    const imported = await clerk.post('/api/tickets/import', { content: encode([header, good]) });
    expect(imported.status).to.equal(200);
    expect(imported.body).to.deep.include({ rows: 1, imported: 1, existing: 0 });
    const again = await clerk.post('/api/tickets/import', { content: encode([header, good]) });
    expect(again.body).to.deep.include({ imported: 0, existing: 1 });
    expect((await handler.post('/api/tickets/import', { content: encode([header, good]) })).status).to.equal(403);
  });

  it('takes the 12345 platform\'s push signed with the server\'s API key scheme, idempotently', async () => {
    const key = await createKey(env.t, admin, { scopes: ['tickets:intake'], burst: 100 });
    const orderNo = externalNo('12345');
    const push = {
      event: 'dispatch', orderNo, orderType: '咨询', receivedAt: '2026-09-30T10:00:00+08:00',
      caller: { name: '李四', phone: '13900001111' }, facts: { description: '咨询预付卡退款的办理方式。' },
    };
    const first = await signedRequest(env.t, key, 'POST', '/api/external/12345/tickets', push);
    expect(first.status, JSON.stringify(first.body)).to.equal(200);
    expect(first.body).to.deep.include({ ok: true, created: true });
    expect(first.body.tickets[0]).to.include({ kind: 'inquiry', orderNo });
    const again = await signedRequest(env.t, key, 'POST', '/api/external/12345/tickets', push);
    expect(again.body.created).to.equal(false);
    const { rows } = await env.t.pool.query('SELECT channel, external_no FROM tickets WHERE external_no = $1', [orderNo]);
    expect(rows).to.deep.equal([{ channel: '12345', external_no: orderNo }]);

    const wrongType = await signedRequest(env.t, key, 'POST', '/api/external/12345/tickets', { ...push, orderNo: externalNo('12345'), orderType: '表扬' });
    expect(wrongType.status).to.equal(422);
    expect(wrongType.body.error.details[0].path).to.equal('orderType');

    const unsigned = await clerk.post('/api/external/12345/tickets', push);
    expect(unsigned.status).to.equal(401);
    const noScope = await createKey(env.t, admin, { name: '其他系统', scopes: [], burst: 100 });
    expect((await signedRequest(env.t, noScope, 'POST', '/api/external/12345/tickets', push)).status).to.equal(403);
  });
});
