// Attachments through the API: the raw file uploaded with its type and encoded name, kept in
// PostgreSQL, listed on the ticket, downloaded byte for byte with a UTF-8 file name; the
// type and size limits of the settings refuse with 415/413 naming the limit and store
// nothing. And the complainant's personal data: masked in lists, in full only on the
// explicit request of a role that needs it, each view audited.
import crypto from 'node:crypto';
import { expect } from 'chai';
import { auditOf, migrateTickets, updateTicket } from '../../tickets/index.ts';
import { Client, signedIn, startTestServer, type TestServer } from './support.ts';
import { accountIn, jinanComplaint } from './ticket-env.ts';

describe('server: ticket attachments and personal data', function () {
  this.timeout(60_000);
  let t: TestServer;
  let clerk: Client;
  let handler: Client;
  let hotline: Client;
  let ticketId: string;

  /** A raw upload as the browser page sends it (fetch with the file as body). */
  function upload(client: Client, id: string, body: BodyInit, headers: Record<string, string>): Promise<Response> {
    return fetch(`${t.base}/api/tickets/${id}/attachments`, {
      method: 'POST',
      headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, ...headers },
      body,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
  }
  const stored = async () => (await t.pool.query('SELECT count(*)::int AS n FROM ticket_attachments')).rows[0].n as number;

  before(async () => {
    t = await startTestServer({ attachmentMaxMb: 1, attachmentTypes: ['application/pdf', 'image/jpeg'] });
    await migrateTickets(t.pool);
    clerk = await signedIn(t, 'dengji');
    handler = await signedIn(t, 'chengban');
    hotline = await signedIn(t, 'rexian');
    // No engine here: the ticket is stored and waits for its process; routing is what the process would do.
    const registered = await clerk.post('/api/tickets', jinanComplaint({ channel: 'visit', externalNo: undefined }));
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    ticketId = registered.body.tickets[0].id;
    await updateTicket(t.pool, ticketId, { department: '370102-DL' });
  });
  after(async () => { await t?.stop(); });

  it('stores an upload, lists it on the ticket and gives the same bytes back with the UTF-8 name', async () => {
    const file = crypto.randomBytes(300_000);
    const name = '发票 照片（2026）.pdf';
    const answer = await upload(clerk, ticketId, file, { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent(name) });
    const body = await answer.json();
    expect(answer.status, JSON.stringify(body)).to.equal(201);
    const a = body.attachment;
    expect(a).to.include({ name, size: file.length, contentType: 'application/pdf' });
    expect(a.uploadedBy).to.match(/^user:/);

    const detail = await handler.get(`/api/tickets/${ticketId}`);
    expect(detail.status).to.equal(200);
    expect(detail.body.attachments).to.deep.equal([a]);
    expect(detail.body.ticket.attachments.find((x: any) => x.id === a.id)).to.deep.equal(a);

    const download = await fetch(`${t.base}/api/tickets/${ticketId}/attachments/${a.id}`, { headers: { cookie: handler.cookie! } });
    expect(download.status).to.equal(200);
    expect(download.headers.get('content-type')).to.equal('application/pdf');
    const disposition = download.headers.get('content-disposition')!;
    expect(disposition).to.match(/^attachment;/);
    expect(decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1]!)).to.equal(name);
    expect(Buffer.from(await download.arrayBuffer()).equals(file)).to.equal(true);

    const actions = (await auditOf(t.pool, ticketId)).map((e) => e.action);
    expect(actions).to.include('attachment.uploaded').and.include('attachment.downloaded');
  });

  it('refuses a type outside ATTACHMENT_TYPES with 415 naming the allowed types, storing nothing', async () => {
    const before = await stored();
    const answer = await upload(clerk, ticketId, Buffer.from('MZ...'), { 'content-type': 'application/x-msdownload', 'x-file-name': 'setup.exe' });
    const body = await answer.json();
    expect(answer.status).to.equal(415);
    expect(body.error.message).to.contain('application/pdf').and.contain('image/jpeg');
    expect(body.error.details[0].path).to.equal('headers.content-type');
    expect(await stored()).to.equal(before);
  });

  it('refuses a file over ATTACHMENT_MAX_MB with 413 naming the limit, declared or streamed', async () => {
    const before = await stored();
    const big = crypto.randomBytes(1024 * 1024 + 1);
    const declared = await upload(clerk, ticketId, big, { 'content-type': 'image/jpeg', 'x-file-name': 'big.jpg' });
    expect(declared.status).to.equal(413);
    expect((await declared.json()).error.message).to.contain('1 MB');

    // No Content-Length (chunked): refused while it streams.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 5; i++) controller.enqueue(new Uint8Array(300_000));
        controller.close();
      },
    });
    const streamed = await upload(clerk, ticketId, stream, { 'content-type': 'image/jpeg', 'x-file-name': 'big.jpg' });
    expect(streamed.status).to.equal(413);
    expect((await streamed.json()).error.message).to.contain('1 MB');
    expect(await stored()).to.equal(before);
  });

  it('asks for the file name and a body, naming what is missing', async () => {
    const noName = await upload(clerk, ticketId, Buffer.from('%PDF-1.4'), { 'content-type': 'application/pdf' });
    expect(noName.status).to.equal(400);
    expect((await noName.json()).error.details[0].path).to.equal('headers.x-file-name');
    const badName = await upload(clerk, ticketId, Buffer.from('%PDF-1.4'), { 'content-type': 'application/pdf', 'x-file-name': '%E5%8F' });
    expect(badName.status).to.equal(400);
    const empty = await upload(clerk, ticketId, Buffer.alloc(0), { 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' });
    expect(empty.status).to.equal(400);
    expect((await empty.json()).error.details[0].path).to.equal('body');
  });

  it('keeps attachments to those who see the ticket and its personal data', async () => {
    const elsewhere = await accountIn(t, await signedIn(t, 'admin'), 'chengban.jy', '370115-JY', ['handler']);
    const answer = await upload(elsewhere, ticketId, Buffer.from('%PDF-1.4'), { 'content-type': 'application/pdf', 'x-file-name': 'a.pdf' });
    expect(answer.status, await answer.text()).to.equal(404);
    const { rows } = await t.pool.query('SELECT id FROM ticket_attachments WHERE ticket_id = $1 LIMIT 1', [ticketId]);
    expect((await elsewhere.get(`/api/tickets/${ticketId}/attachments/${rows[0].id}`)).status).to.equal(404);
    // The hotline centre sees tickets masked: no attachments either.
    expect((await hotline.get(`/api/tickets/${ticketId}/attachments/${rows[0].id}`)).status).to.equal(403);
    expect((await clerk.get(`/api/tickets/${ticketId}/attachments/00000000-0000-4000-8000-000000000000`)).status).to.equal(404);
  });

  it('masks lists and shows personal data in full only on request, each view audited', async () => {
    const list = await hotline.get('/api/tickets');
    const row = list.body.items.find((i: any) => i.id === ticketId);
    expect(row.complainantPhone).to.match(/\*/);

    const viewsBefore = (await auditOf(t.pool, ticketId)).filter((e) => e.action === 'ticket.personalDataViewed' && (e.after as any)?.via === 'personal-data').length;
    const full = await handler.get(`/api/tickets/${ticketId}/personal-data`);
    expect(full.status).to.equal(200);
    expect(full.body.complainant).to.include({ name: '张三', phone: '13812345678', address: '济南市历下区文化东路1号' });
    expect(full.body.complainant.idNumber).to.have.length(18).and.not.match(/\*/);
    const views = (await auditOf(t.pool, ticketId)).filter((e) => e.action === 'ticket.personalDataViewed' && (e.after as any)?.via === 'personal-data');
    expect(views).to.have.length(viewsBefore + 1);
    expect((views.at(-1)!.after as any).login).to.equal('chengban');

    expect((await hotline.get(`/api/tickets/${ticketId}/personal-data`)).status).to.equal(403);
    const supervisor = await signedIn(t, 'duban');
    expect((await supervisor.get(`/api/tickets/${ticketId}/personal-data`)).status).to.equal(403);
  });
});
