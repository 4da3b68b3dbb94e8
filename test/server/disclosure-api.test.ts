// 投诉公示 through the API without signing in: only concluded complaints whose complainant
// consented, the complainant reduced to a surname and the phone masked, the respondent's
// year, the Atom feed, and the per-address throttle.
import { expect } from 'chai';
import { migrateTickets } from '../../tickets/index.ts';
import { PUBLIC_REQUESTS_PER_MINUTE } from '../../server/disclosure/index.ts';
import { Client, startTestServer, type TestServer } from './support.ts';
import { seedTicket } from './ticket-seed.ts';

const SHOP = { name: '济南甲商贸有限公司', uscc: '91370102MA3C00001B' };
const PHONE = '13812345678';
const ID_NUMBER = '110101199003071234';

describe('server: public disclosure API', function () {
  this.timeout(60_000);
  let t: TestServer;
  let anonymous: Client;

  before(async () => {
    t = await startTestServer();
    await migrateTickets(t.pool);
    const p = t.pool;
    const consenting = { name: '欧阳明', phone: PHONE, idNumber: ID_NUMBER, address: '山东省济南市历下区泉城路1号', consentPublish: true };
    // Published: consented, concluded with an agreement (90 yuan), this year.
    await seedTicket(p, { department: '370102-DL', received: '2026-04-01 10:00', respondent: SHOP, complainant: consenting, category: '产品质量', goods: '电热水壶',
      notices: [{ template: 'mediation-agreement', issued: '2026-04-20 10:00' }], closed: '2026-04-25 10:00', amountRecovered: 90 });
    // Published: consented, settled by the business itself (ODR).
    await seedTicket(p, { department: '370102-DL', channel: 'odr', received: '2026-04-03 10:00', respondent: { name: '济南乙超市' },
      complainant: { name: '李四', phone: '13900001111', consentPublish: true }, category: '食品药品安全',
      statusHistory: [{ status: 'odr-settled', at: '2026-04-10 10:00' }], closed: '2026-04-12 10:00' });
    // Not published: no consent (but counts in the respondent's year).
    await seedTicket(p, { department: '370102-DL', received: '2026-04-02 10:00', respondent: SHOP, complainant: { name: '王五', phone: '13700002222' },
      notices: [{ template: 'termination-decision', issued: '2026-04-21 10:00' }], closed: '2026-04-22 10:00' });
    // Not published: consented, still being mediated.
    await seedTicket(p, { department: '370102-DL', received: '2026-04-05 10:00', respondent: SHOP, status: 'mediating',
      complainant: { name: '赵六', phone: '13600003333', consentPublish: true } });
    // Not published: a report.
    await seedTicket(p, { kind: 'report', department: '370102-DL', received: '2026-04-06 10:00', respondent: SHOP,
      complainant: { name: '钱七', phone: '13500004444', consentPublish: true }, closed: '2026-04-20 10:00' });
    // Last year's.
    await seedTicket(p, { department: '370102-DL', received: '2025-11-03 10:00', respondent: SHOP,
      complainant: { name: '孙八', phone: '13400005555', consentPublish: true }, closed: '2025-11-20 10:00' });
    anonymous = new Client(t.base);
  });
  after(async () => { await t?.stop(); });

  it('lists only consented, concluded complaints, masked, without signing in', async () => {
    const answer = await anonymous.get('/api/public/disclosure');
    expect(answer.status).to.equal(200);
    expect(answer.body.year).to.equal(2026);
    expect(answer.body.total).to.equal(2);
    expect(answer.body.items).to.deep.equal([
      { ticketNo: answer.body.items[0].ticketNo, receivedOn: '2026-04-01', closedOn: '2026-04-25', respondent: SHOP.name, category: '产品质量',
        issue: '产品质量 · 电热水壶', result: '调解成功', amountRecovered: 90, complainant: '欧阳某', phone: '138****5678' },
      { ticketNo: answer.body.items[1].ticketNo, receivedOn: '2026-04-03', closedOn: '2026-04-12', respondent: '济南乙超市', category: '食品药品安全',
        issue: '食品药品安全', result: '企业和解', amountRecovered: null, complainant: '李某', phone: '139****1111' },
    ]);
    const text = JSON.stringify(answer.body);
    for (const secret of [PHONE, ID_NUMBER, '泉城路', '欧阳明', '王五', '赵六', '钱七', '13900001111']) expect(text, secret).not.to.contain(secret);
  });

  it('gives each respondent its year: complaints, resolution rate, ODR', async () => {
    const { body } = await anonymous.get('/api/public/disclosure');
    const byName = Object.fromEntries(body.respondents.map((r: any) => [r.respondent, r]));
    // 甲: three complaints this year, two concluded, one resolved by agreement.
    expect(byName[SHOP.name]).to.deep.equal({ respondent: SHOP.name, complaints: 3, concluded: 2, resolved: 1, resolutionRate: 50, odr: false });
    expect(byName['济南乙超市']).to.deep.equal({ respondent: '济南乙超市', complaints: 1, concluded: 1, resolved: 1, resolutionRate: 100, odr: true });
  });

  it('filters by year and respondent, and refuses a bad year naming the field', async () => {
    const last = await anonymous.get('/api/public/disclosure?year=2025');
    expect(last.body.items.map((i: any) => i.complainant)).to.deep.equal(['孙某']);
    const shop = await anonymous.get(`/api/public/disclosure?respondent=${encodeURIComponent('乙超')}`);
    expect(shop.body.items.map((i: any) => i.respondent)).to.deep.equal(['济南乙超市']);
    const bad = await anonymous.get('/api/public/disclosure?year=20x6');
    expect(bad.status).to.equal(400);
    expect(bad.body.error.details[0].path).to.equal('query.year');
  });

  it('serves the same items as an Atom feed', async () => {
    const answer = await anonymous.get('/api/public/disclosure/feed');
    expect(answer.status).to.equal(200);
    expect(answer.headers.get('content-type')).to.contain('application/atom+xml');
    const xml = String(answer.body);
    expect(xml).to.contain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml.match(/<entry>/g)).to.have.length(2);
    expect(xml).to.contain('欧阳某').and.contain('138****5678').and.contain('调解成功');
    expect(xml).not.to.contain(PHONE);
    expect(xml).not.to.contain('王五');
  });

  it('throttles each address: 429 with Retry-After past the budget, other addresses unaffected', async () => {
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    let answer = await anonymous.get('/api/public/disclosure', from('198.51.100.7'));
    let calls = 1;
    while (answer.status === 200 && calls <= PUBLIC_REQUESTS_PER_MINUTE) {
      answer = await anonymous.get('/api/public/disclosure/feed', from('198.51.100.7'));
      calls++;
    }
    expect(calls).to.equal(PUBLIC_REQUESTS_PER_MINUTE + 1);
    expect(answer.status).to.equal(429);
    expect(answer.body.error.code).to.equal('RATE_LIMITED');
    expect(Number(answer.headers.get('retry-after'))).to.be.within(1, 60);
    expect((await anonymous.get('/api/public/disclosure', from('203.0.113.9'))).status).to.equal(200);
  });
});
