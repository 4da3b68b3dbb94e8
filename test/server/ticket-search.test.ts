// The ticket search over every field a 12315 clerk looks for (numbers, complainant,
// respondent, goods, deadlines, closing), the personal-data filters kept to the roles that
// see personal data and audited, and the Excel export with the same filters, masked.
// Tickets come through the real intake; the process computes their deadlines.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { deadlinesOf, updateTicket } from '../../tickets/index.ts';
import { signedIn, type Client } from './support.ts';
import { jinanReport } from '../support/stories.ts';
import { accountIn, ENGINE_CLOCK, eventually, jinanComplaint, startTicketEnv, type TicketEnv } from './ticket-env.ts';

describe('server: ticket search', function () {
  this.timeout(120_000);
  let env: TicketEnv;
  let clerk: Client;
  let handler: Client;
  let hotline: Client;
  let otherHandler: Client;
  /** 空调 at 济南某某电器 (历下), received 09-30. */
  let aircon: { id: string; ticketNo: string; externalNo: string };
  /** 月饼 bought online from 济阳某某食品 on 某某优选, received 09-24. */
  let mooncake: { id: string; ticketNo: string };
  /** An anonymous report. */
  let report: { id: string };

  const ids = async (client: Client, query: string) => {
    const answer = await client.get(`/api/tickets?${query}`);
    expect(answer.status, `${query}: ${JSON.stringify(answer.body)}`).to.equal(200);
    return answer.body.items.map((i: any) => i.id) as string[];
  };
  const openDueDate = async (id: string) => eventually(async () => (await deadlinesOf(env.t.pool, id)).find((d) => !d.completedAt)?.dueDate, `a deadline of ${id}`);

  before(async () => {
    env = await startTicketEnv();
    env.t.clock.now = new Date(ENGINE_CLOCK);
    clerk = await signedIn(env.t, 'dengji');
    handler = await signedIn(env.t, 'chengban');
    hotline = await signedIn(env.t, 'rexian');
    otherHandler = await accountIn(env.t, await signedIn(env.t, 'admin'), 'chengban.jy2', '370115-JY', ['handler']);
    const register = async (submission: Record<string, unknown>) => {
      const answer = await clerk.post('/api/tickets', submission);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
      return answer.body.tickets[0];
    };
    aircon = await register(jinanComplaint());
    mooncake = await register(jinanComplaint({
      receivedAt: '2026-09-24T10:00:00+08:00',
      complainant: { name: '李四', phone: '139 0000 1111', consentPublish: false, consentMediation: true },
      respondent: { name: '济阳某某食品有限公司', address: '济南市济阳区纬二路8号', regionCode: '370115', platform: '某某优选', shop: '某某食品旗舰店' },
      facts: { occurredAt: '2026-09-20', goodsOrService: '月饼', amount: 198, description: '网购月饼收到时已过保质期。' },
      category: '食品药品安全',
      online: true,
    }));
    report = await register(jinanReport());
  });
  after(async () => { await env?.stop(); });

  it('finds by ticket number and by the platform\'s number, in part', async () => {
    expect(await ids(clerk, `ticketNo=${encodeURIComponent(aircon.ticketNo.slice(-6))}`)).to.deep.equal([aircon.id]);
    expect(await ids(clerk, `externalNo=${encodeURIComponent(aircon.externalNo)}`)).to.deep.equal([aircon.id]);
    expect(await ids(clerk, 'ticketNo=NO-SUCH')).to.deep.equal([]);
  });

  it('finds by respondent (name in part, USCC, region, platform) and by goods and description', async () => {
    expect(await ids(clerk, `respondentName=${encodeURIComponent('电器')}`)).to.deep.equal([aircon.id]);
    expect(await ids(clerk, `respondentName=${encodeURIComponent('某某')}`)).to.have.members([aircon.id, mooncake.id, report.id]);
    const { rows } = await env.t.pool.query('SELECT respondent_uscc FROM tickets WHERE id = $1', [aircon.id]);
    expect(await ids(clerk, `respondentUscc=${rows[0].respondent_uscc.toLowerCase()}`)).to.deep.equal([aircon.id]);
    expect(await ids(clerk, 'regionCode=370115')).to.have.members([mooncake.id, report.id]);
    expect(await ids(clerk, 'regionCode=3701')).to.have.members([aircon.id, mooncake.id, report.id]);
    expect(await ids(clerk, `platform=${encodeURIComponent('优选')}`)).to.deep.equal([mooncake.id]);
    expect(await ids(clerk, `goods=${encodeURIComponent('月饼')}`)).to.deep.equal([mooncake.id]);
    expect(await ids(clerk, `description=${encodeURIComponent('不制冷')}`)).to.deep.equal([aircon.id]);
    // The user's % is a character, not a wildcard.
    expect(await ids(clerk, `goods=${encodeURIComponent('%')}`)).to.deep.equal([]);
  });

  it('finds by the open deadline\'s due date and by working days left', async () => {
    const airconDue = await openDueDate(aircon.id);
    const mooncakeDue = await openDueDate(mooncake.id);
    expect(airconDue, 'the two complaints are due on different days').to.not.equal(mooncakeDue);
    const [early, late] = [airconDue, mooncakeDue].sort();
    const complaints = 'kind=complaint';
    expect(await ids(clerk, `${complaints}&dueFrom=${airconDue}&dueTo=${airconDue}`)).to.deep.equal([aircon.id]);
    expect(await ids(clerk, `${complaints}&dueFrom=${mooncakeDue}&dueTo=${mooncakeDue}`)).to.deep.equal([mooncake.id]);
    expect(await ids(clerk, `${complaints}&dueFrom=${early}&dueTo=${late}`)).to.have.members([aircon.id, mooncake.id]);
    expect(await ids(clerk, `${complaints}&dueTo=${early}`)).to.have.length(1);
    // Today (09-30) neither is due; within 30 working days both are.
    expect(await ids(clerk, `${complaints}&dueWithin=0`)).to.deep.equal([]);
    expect(await ids(clerk, `${complaints}&dueWithin=30`)).to.have.members([aircon.id, mooncake.id]);
    // Working days of a year the holiday calendar lacks cannot be counted: 422 naming the filter.
    // (Late in December 2026, three working days reach into 2027, which no one entered.)
    env.t.clock.now = new Date('2026-12-30T09:00:00+08:00');
    try {
      const answer = await (await signedIn(env.t, 'dengji')).get('/api/tickets?dueWithin=3');
      expect(answer.status).to.equal(422);
      expect(answer.body.error.details[0].path).to.equal('query.dueWithin');
    } finally {
      env.t.clock.now = new Date(ENGINE_CLOCK);
    }
  });

  it('finds by closing time, satisfaction and amount recovered', async () => {
    await updateTicket(env.t.pool, mooncake.id, { closedAt: new Date('2026-10-20T15:00:00+08:00'), satisfaction: '满意', amountRecovered: 198 });
    expect(await ids(clerk, 'closedFrom=2026-10-20T00:00:00%2B08:00&closedBefore=2026-10-21T00:00:00%2B08:00')).to.deep.equal([mooncake.id]);
    expect(await ids(clerk, 'closedFrom=2026-10-21T00:00:00%2B08:00')).to.deep.equal([]);
    expect(await ids(clerk, `satisfaction=${encodeURIComponent('满意')}&satisfaction=${encodeURIComponent('一般')}`)).to.deep.equal([mooncake.id]);
    expect(await ids(clerk, 'amountRecovered=true')).to.deep.equal([mooncake.id]);
    expect(await ids(clerk, 'amountRecovered=false')).to.have.members([aircon.id, report.id]);
  });

  it('finds by the complainant\'s exact name or phone only for those who see personal data, and audits each search', async () => {
    expect(await ids(clerk, 'complainantPhone=13900001111')).to.deep.equal([mooncake.id]);
    expect(await ids(clerk, `complainantName=${encodeURIComponent('张三')}`)).to.deep.equal([aircon.id]);
    expect(await ids(clerk, `complainantName=${encodeURIComponent('张')}`)).to.deep.equal([]);
    // The handler of 甸柳所 finds its own ticket by phone; the 济阳 handler finds nothing of 甸柳.
    await eventually(async () => ((await ids(handler, '')).includes(aircon.id) ? true : undefined), 'routing to 甸柳所');
    expect(await ids(handler, 'complainantPhone=13812345678')).to.deep.equal([aircon.id]);
    expect(await ids(otherHandler, 'complainantPhone=13812345678')).to.deep.equal([]);

    const refused = await hotline.get('/api/tickets?complainantPhone=13812345678');
    expect(refused.status).to.equal(403);
    expect(refused.body.error.message).to.contain('query.complainantPhone');

    const { rows } = await env.t.pool.query(
      `SELECT actor_login, after FROM account_audit WHERE action = 'ticket.personalDataSearched' ORDER BY id`);
    expect(rows.map((r) => r.actor_login)).to.deep.equal(['dengji', 'dengji', 'dengji', 'chengban', 'chengban.jy2']);
    expect(rows[0].after).to.deep.include({ complainantPhone: '139****1111', found: [mooncake.ticketNo] });
    expect(JSON.stringify(rows)).to.not.contain('13900001111');
  });

  it('names the field of a bad filter in a 400, in Chinese', async () => {
    for (const [query, path] of [['dueFrom=2026-13-01', 'query.dueFrom'], ['respondentUscc=123', 'query.respondentUscc'], ['dueWithin=-1', 'query.dueWithin'], ['satisfaction=great', 'query.satisfaction']]) {
      const answer = await clerk.get(`/api/tickets?${query}`);
      expect(answer.status, query).to.equal(400);
      expect(answer.body.error.details[0].path, query).to.match(new RegExp(`^${path.replace('.', '\\.')}`));
      expect(answer.body.error.message, query).to.match(/[\u4e00-\u9fa5]/);
    }
  });

  it('keeps keyset pages with the new filters', async () => {
    const first = await clerk.get(`/api/tickets?respondentName=${encodeURIComponent('某某')}&limit=2`);
    expect(first.body.items).to.have.length(2);
    const second = await clerk.get(`/api/tickets?respondentName=${encodeURIComponent('某某')}&limit=2&cursor=${first.body.next}`);
    expect(second.body.items).to.have.length(1);
    expect(second.body.next).to.equal(undefined);
    expect([...first.body.items, ...second.body.items].map((i: any) => i.id)).to.have.members([aircon.id, mooncake.id, report.id]);
  });

  it('exports the search to Excel with the same filters, personal data masked', async () => {
    const res = await fetch(`${env.t.base}/api/tickets/export?kind=complaint&regionCode=3701`, { headers: { cookie: clerk.cookie! } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.contain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const rows = workbook.getWorksheet('工单查询')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    const header = rows.findIndex((r) => r[0] === '工单编号');
    const lines = rows.slice(header + 1);
    expect(lines.map((r) => r[0])).to.have.members([aircon.ticketNo, mooncake.ticketNo]);
    const line = lines.find((r) => r[0] === mooncake.ticketNo)!;
    expect(line).to.include.members(['投诉', '李四', '139****1111', '济阳某某食品有限公司', '某某优选', '月饼', '满意', 198]);
    expect(JSON.stringify(rows)).to.not.contain('13900001111');

    expect((await hotline.get('/api/tickets/export?complainantName=%E6%9D%8E%E5%9B%9B')).status).to.equal(403);
    // An export by personal data is audited once, with every ticket it wrote.
    const before = (await env.t.pool.query(`SELECT count(*)::int AS n FROM account_audit WHERE action = 'ticket.personalDataSearched'`)).rows[0].n;
    const byPhone = await fetch(`${env.t.base}/api/tickets/export?complainantPhone=13900001111`, { headers: { cookie: clerk.cookie! } });
    expect(byPhone.status).to.equal(200);
    const { rows: audited } = await env.t.pool.query(`SELECT after FROM account_audit WHERE action = 'ticket.personalDataSearched' ORDER BY id OFFSET $1`, [before]);
    expect(audited.map((r) => r.after.found)).to.deep.equal([[mooncake.ticketNo]]);
    const bad = await clerk.get('/api/tickets/export?cursor=abc');
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details[0].path).to.equal('query.cursor');
  });

  it('lists the departments in the user\'s scope for the department picker', async () => {
    const all = await hotline.get('/api/tickets/departments');
    expect(all.status).to.equal(200);
    expect(all.body.items.map((d: any) => d.code)).to.include.members(['370102', '370102-DL', '370115-JY']);
    const own = await handler.get('/api/tickets/departments');
    expect(own.body.items.map((d: any) => d.code)).to.not.include('370115-JY');
  });
});
