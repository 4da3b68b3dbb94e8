// The inbox through the API, on the real engine with the product's models and workers: the
// routed department's handler finds the 受理审查 task in its group inbox, claims it, reads
// its form, is refused a completion that the form would refuse, then completes it and the
// process moves on. Another department's handler sees none of it.
import { expect } from 'chai';
import { formToJsonSchema } from '../../server/tickets/form-schema.ts';
import { groupsOf } from '../../server/tickets/inbox.ts';
import { signedIn, type Client } from './support.ts';
import { accountIn, eventually, jinanComplaint, startTicketEnv, type TicketEnv } from './ticket-env.ts';

describe('server: inbox API', function () {
  this.timeout(90_000);
  let env: TicketEnv;
  let clerk: Client;
  let handler: Client;
  let otherHandler: Client;
  let ticketId: string;
  let ticketNo: string;
  let taskKey: string;

  before(async () => {
    env = await startTicketEnv();
    clerk = await signedIn(env.t, 'dengji');
    handler = await signedIn(env.t, 'chengban');
    const admin = await signedIn(env.t, 'admin');
    otherHandler = await accountIn(env.t, admin, 'chengban.jb', '370115-JB', ['handler']);
    const answer = await clerk.post('/api/tickets', jinanComplaint());
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    ticketId = answer.body.tickets[0].id;
    ticketNo = answer.body.tickets[0].ticketNo;
  });
  after(async () => { await env?.stop(); });

  it('shows the 受理审查 task in the routed handler\'s group inbox, with the ticket\'s number and title', async () => {
    const task = await eventually(async () => {
      const inbox = await handler.get('/api/inbox?scope=groups');
      expect(inbox.status, JSON.stringify(inbox.body)).to.equal(200);
      return inbox.body.items.find((i: any) => i.elementId === 'Task_AcceptReview' && i.ticket?.id === ticketId);
    }, 'the 受理审查 task');
    expect(task).to.deep.include({ name: '受理审查', candidateGroups: ['dept:370102-DL'], assignee: null });
    expect(task.ticket).to.include({ ticketNo });
    expect(task.ticket.title).to.contain('济南某某电器有限公司');
    expect(task.dueDate).to.be.a('string');
    taskKey = task.taskKey;
    expect((await handler.get('/api/inbox?scope=mine')).body.items).to.deep.equal([]);
  });

  it('hides the task from a handler of another department', async () => {
    expect((await otherHandler.get('/api/inbox?scope=groups')).body.items).to.deep.equal([]);
    expect((await otherHandler.get(`/api/inbox/${taskKey}/form`)).status).to.equal(404);
    expect((await otherHandler.post(`/api/inbox/${taskKey}/claim`)).status).to.equal(404);
    expect((await otherHandler.post(`/api/inbox/${taskKey}/complete`, { variables: { acceptDecision: 'accept' } })).status).to.equal(404);
    expect((await otherHandler.get(`/api/tickets/${ticketId}`)).status).to.equal(404);
  });

  it('claims and releases the task', async () => {
    const claimed = await handler.post(`/api/inbox/${taskKey}/claim`);
    expect(claimed.status, JSON.stringify(claimed.body)).to.equal(200);
    expect(claimed.body.assignee).to.equal('chengban');
    const mine = await handler.get('/api/inbox?scope=mine');
    expect(mine.body.items.map((i: any) => i.taskKey)).to.deep.equal([taskKey]);
    expect(mine.body.items[0].ticket.ticketNo).to.equal(ticketNo);

    const released = await handler.post(`/api/inbox/${taskKey}/unclaim`);
    expect(released.status).to.equal(200);
    expect(released.body.assignee).to.equal(null);
    expect((await handler.post(`/api/inbox/${taskKey}/claim`)).status).to.equal(200);
  });

  it('gives the form-js schema and the variables the form needs', async () => {
    const answer = await handler.get(`/api/inbox/${taskKey}/form`);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body.formId).to.equal('accept-review');
    expect(answer.body.schema.components.map((c: any) => c.key)).to.include('acceptDecision');
    expect(answer.body.fields).to.include.members(['acceptDecision', 'refusalGround', 'acceptOpinion']);
    expect(answer.body.variables).to.include({ ticketNo, department: '370102-DL' });
    expect(answer.body.variables.deadline).to.include({ step: 'complaint.accept' });
    expect(answer.body.variables.refusalGrounds).to.be.an('array').that.is.not.empty;
  });

  it('refuses what the form refuses: 400 naming the field', async () => {
    const missing = await handler.post(`/api/inbox/${taskKey}/complete`, { variables: { acceptOpinion: '符合受理条件' } });
    expect(missing.status).to.equal(400);
    expect(missing.body.error.details.map((d: any) => d.path)).to.include('acceptDecision');

    // Rejecting needs a ground and a reason of at least 10 characters (shown only when rejecting).
    const reject = await handler.post(`/api/inbox/${taskKey}/complete`, { variables: { acceptDecision: 'reject', refusalReason: '太短' } });
    expect(reject.status).to.equal(400);
    expect(reject.body.error.details.map((d: any) => d.path)).to.include.members(['refusalGround', 'refusalReason']);

    const badOption = await handler.post(`/api/inbox/${taskKey}/complete`, { variables: { acceptDecision: 'maybe' } });
    expect(badOption.status).to.equal(400);
    expect(badOption.body.error.details[0].path).to.equal('acceptDecision');

    const tooFew = await handler.post(`/api/inbox/${taskKey}/complete`, { variables: { acceptDecision: 'accept', complainantCount: 0 } });
    expect(tooFew.status).to.equal(400);
    expect(tooFew.body.error.details[0].path).to.equal('complainantCount');

    // The task is still open.
    expect((await handler.get(`/api/inbox/${taskKey}/form`)).status).to.equal(200);
  });

  it('completes the task with proper values; the process moves on to mediation', async () => {
    const done = await handler.post(`/api/inbox/${taskKey}/complete`, {
      variables: { acceptDecision: 'accept', acceptOpinion: '符合受理条件，予以受理', amountInvolved: 3999, complainantCount: 1 },
    });
    expect(done.status, JSON.stringify(done.body)).to.equal(204);
    const next = await eventually(async () => {
      const inbox = await handler.get('/api/inbox?scope=groups');
      return inbox.body.items.find((i: any) => i.ticket?.id === ticketId && i.elementId === 'Task_MediationPlan');
    }, 'the mediation plan task').catch(async (err) => {
      const incidents = await (env.engine.rest as any).searchIncidents({ filter: { state: 'ACTIVE' }, page: { from: 0, limit: 20 } });
      const tasks = await (env.engine.rest as any).searchUserTasks({ filter: { state: 'CREATED' }, page: { from: 0, limit: 20 } });
      throw new Error(`${err.message}\nincidents: ${JSON.stringify(incidents.items.map((i: any) => [i.elementId, i.errorMessage]))}\ntasks: ${JSON.stringify(tasks.items.map((i: any) => [i.elementId, i.candidateGroups]))}\nworkers: ${env.logs.slice(-15).join('\n')}`);
    });
    expect(next.name).to.equal('确定调解方式');
    expect((await handler.get(`/api/inbox/${taskKey}/form`)).status).to.be.oneOf([404, 409]);
    const { rows } = await env.t.pool.query('SELECT status FROM tickets WHERE id = $1', [ticketId]);
    expect(rows[0].status).to.equal('mediating');
  });

  it('prints the 受理决定书 the acceptance issued, for those who may see it', async () => {
    const detail = await handler.get(`/api/tickets/${ticketId}`);
    const decision = detail.body.notices.find((n: any) => n.title === '投诉受理决定书');
    expect(decision, JSON.stringify(detail.body.notices)).to.be.an('object');
    expect(detail.body.timeline.some((e: any) => e.type === 'notice' && e.noticeId === decision.id)).to.equal(true);
    const html = await handler.get(`/api/tickets/${ticketId}/notices/${decision.id}`);
    expect(html.status).to.equal(200);
    expect(html.headers.get('content-type')).to.contain('text/html');
    expect(html.body).to.contain(`工单编号：${ticketNo}`).and.contain('张三');
    expect((await otherHandler.get(`/api/tickets/${ticketId}/notices/${decision.id}`)).status).to.equal(404);
  });

  describe('form-js → JSON schema', () => {
    const form = {
      components: [
        { type: 'textfield', key: 'name', label: '姓名', validate: { required: true, pattern: '^[\\u4e00-\\u9fa5]+$', maxLength: 10 } },
        { type: 'number', key: 'n', validate: { min: 1, max: 5 } },
        { type: 'select', key: 'pick', values: [{ value: 'a' }, { value: 'b' }], validate: { required: true } },
        { type: 'textarea', key: 'why', validate: { required: true }, conditional: { hide: '=pick != "b"' } },
        { type: 'group', components: [{ type: 'checkbox', key: 'ok', validate: { required: true } }] },
        { type: 'text', text: 'no field' },
      ],
    };
    it('turns required, pattern, lengths, ranges and options into rules, leaving hidden fields out', () => {
      const a = formToJsonSchema(form, {}, { pick: 'a' }) as any;
      expect(a.required).to.deep.equal(['name', 'pick', 'ok']);
      expect(a.properties.name).to.include({ type: 'string', pattern: '^[\\u4e00-\\u9fa5]+$', maxLength: 10, minLength: 1 });
      expect(a.properties.n).to.include({ type: 'number', minimum: 1, maximum: 5 });
      expect(a.properties.pick.enum).to.deep.equal(['a', 'b']);
      expect(a.properties.ok).to.include({ type: 'boolean', const: true });
      expect(a.properties).to.not.have.property('why');
      const b = formToJsonSchema(form, {}, { pick: 'b' }) as any;
      expect(b.required).to.include('why');
    });
    it('maps a user to the candidate groups of processes/README.md', () => {
      const dept = (code: string) => ({ id: code, code, name: code, kind: 'x', path: `/${code}/` });
      const user = { id: 'u', login: 'x', displayName: 'x', roles: ['legal', 'handler'], department: dept('370100-FGC'), bureau: dept('370100'), scope: { kind: 'bureau', root: dept('370100') }, mustChangePassword: false } as any;
      expect(groupsOf(user)).to.have.members(['dept:370100-FGC', 'role:legal', 'dept:370100:role:legal', 'role:handler']);
    });
  });
});
