// Notice templates as deployable data, on the real engine with the product's models and the
// real workers: a broken template is refused with the template and the problem named and
// changes nothing; a deployed version is the text of the next notice a worker issues, with no
// restart; rolling back deploys the old text again as a new version.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { noticeTemplatesDir, seedNoticeTemplates } from '../../server/templates/index.ts';
import { NoticeRenderer } from '../../workers/index.ts';
import { signedIn, type Client } from './support.ts';
import { eventually, jinanComplaint, startTicketEnv, type TicketEnv } from './ticket-env.ts';

const ACCEPT_ENTRY = {
  title: '投诉受理决定书',
  prefix: '投受',
  articles: { 'SAMR Order No. 20': '第十四条', 'SAMR Order No. 121': null },
};
const NEW_SENTENCE = '本局决定予以受理，并已登记在案，请保持电话畅通。';

describe('server: notice templates API', function () {
  this.timeout(120_000);
  let env: TicketEnv;
  let admin: Client;
  let original: string;

  before(async () => {
    env = await startTicketEnv();
    admin = await signedIn(env.t, 'liucheng');
  });
  after(async () => { await env?.stop(); });

  const versionCount = async () => (await env.t.pool.query('SELECT count(*)::int AS n FROM notice_template_versions')).rows[0].n as number;

  it('lists the templates in force: the files of config/notice-templates as each one\'s first version', async () => {
    const list = await admin.get('/api/notice-templates');
    expect(list.status).to.equal(200);
    const names = list.body.items.map((i: any) => i.name);
    expect(names).to.include.members(['_layout', 'accept-decision', 'termination-decision', 'urge-notice']);
    const accept = list.body.items.find((i: any) => i.name === 'accept-decision');
    expect(accept).to.deep.include({ version: 1, deployedBy: null, entry: ACCEPT_ENTRY });
    expect(accept).not.to.have.property('content');
    const one = await admin.get('/api/notice-templates/accept-decision');
    expect(one.body.running.content).to.contain('本局决定予以受理').and.contain('{{#> layout}}');
    original = one.body.running.content;
    expect(one.body.versions.map((v: any) => v.version)).to.deep.equal([1]);
    expect((await admin.get('/api/notice-templates/no-such-notice')).status).to.equal(404);
  });

  it('refuses a broken template with a 400 naming the template and the problem, and changes nothing', async () => {
    const before = await versionCount();
    const unclosed = await admin.post('/api/notice-templates/accept-decision', { content: '{{#> layout}}<p>{{#if vars.x}}受理</p>{{/layout}}', entry: ACCEPT_ENTRY });
    expect(unclosed.status).to.equal(400);
    expect(unclosed.body.error.code).to.equal('CHECK_FAILED');
    expect(unclosed.body.error.message).to.contain('accept-decision').and.contain('无法编译');
    expect(unclosed.body.error.problems[0]).to.include({ file: 'accept-decision.hbs', severity: 'error' });

    // Compiles, but fails on the sample ticket: a helper that does not exist.
    const unknownHelper = await admin.post('/api/notice-templates/accept-decision', { content: '{{#> layout}}<p>{{shout ticket.ticketNo}}</p>{{/layout}}', entry: ACCEPT_ENTRY });
    expect(unknownHelper.status).to.equal(400);
    expect(unknownHelper.body.error.message).to.contain('在示例工单上生成失败').and.contain('shout');

    const noArticle = await admin.post('/api/notice-templates/accept-decision', { content: original, entry: { ...ACCEPT_ENTRY, articles: { 'SAMR Order No. 20': '第十四条' } } });
    expect(noArticle.status).to.equal(400);
    expect(noArticle.body.error.message).to.contain('SAMR Order No. 121');

    const badPrefix = await admin.post('/api/notice-templates/accept-decision', { content: original, entry: { ...ACCEPT_ENTRY, prefix: '投 受〔' } });
    expect(badPrefix.status).to.equal(400);
    expect(badPrefix.body.error.details.map((d: any) => d.path)).to.deep.equal(['entry.prefix']);

    const layoutWithoutBody = await admin.post('/api/notice-templates/_layout', { content: '<html><body>{{title}}</body></html>' });
    expect(layoutWithoutBody.status).to.equal(400);
    expect(layoutWithoutBody.body.error.message).to.contain('_layout').and.contain('@partial-block');

    expect(await versionCount()).to.equal(before);
    expect((await admin.get('/api/notice-templates/accept-decision')).body.running.content).to.equal(original);
  });

  it('previews a draft on the sample ticket without deploying it', async () => {
    const draft = original.replace('本局决定予以受理。', NEW_SENTENCE);
    const preview = await admin.post('/api/notice-templates/preview', { name: 'accept-decision', content: draft, entry: ACCEPT_ENTRY });
    expect(preview.status).to.equal(200);
    expect(preview.body.ok).to.equal(true);
    expect(preview.body.html).to.contain(NEW_SENTENCE).and.contain('张三').and.contain('投受〔2026〕000123号').and.contain('第十四条');
    const broken = await admin.post('/api/notice-templates/preview', { name: 'accept-decision', content: '{{#if}}', entry: ACCEPT_ENTRY });
    expect(broken.body.ok).to.equal(false);
    expect(broken.body.problems[0].message).to.contain('无法编译');
    expect((await admin.get('/api/notice-templates/accept-decision')).body.versions).to.have.length(1);
  });

  it('deploys a new version that the workers use for the next notice, without a restart', async () => {
    const deployed = await admin.post('/api/notice-templates/accept-decision', { content: original.replace('本局决定予以受理。', NEW_SENTENCE), entry: ACCEPT_ENTRY });
    expect(deployed.status, JSON.stringify(deployed.body)).to.equal(201);
    expect(deployed.body).to.include({ name: 'accept-decision', version: 2, changed: true });
    const again = await admin.post('/api/notice-templates/accept-decision', { content: original.replace('本局决定予以受理。', NEW_SENTENCE), entry: ACCEPT_ENTRY });
    expect(again.status).to.equal(200);
    expect(again.body).to.include({ version: 2, changed: false });
    const history = (await admin.get('/api/notice-templates/accept-decision')).body.versions;
    expect(history.map((v: any) => v.version)).to.deep.equal([2, 1]);
    expect(history[0].deployedBy).to.deep.equal({ login: 'liucheng', displayName: history[0].deployedBy.displayName });

    // A complaint accepted now gets its 受理决定书 from the worker, in the new text.
    const clerk = await signedIn(env.t, 'dengji');
    const handler = await signedIn(env.t, 'chengban');
    const registered = await clerk.post('/api/tickets', jinanComplaint());
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    const ticketId = registered.body.tickets[0].id;
    const task = await eventually(async () => {
      const inbox = await handler.get('/api/inbox?scope=groups');
      return inbox.body.items.find((i: any) => i.elementId === 'Task_AcceptReview' && i.ticket?.id === ticketId);
    }, 'the 受理审查 task');
    expect((await handler.post(`/api/inbox/${task.taskKey}/claim`)).status).to.equal(200);
    const done = await handler.post(`/api/inbox/${task.taskKey}/complete`, {
      variables: { acceptDecision: 'accept', acceptOpinion: '符合受理条件，予以受理', amountInvolved: 3999, complainantCount: 1 },
    });
    expect(done.status, JSON.stringify(done.body)).to.equal(204);
    const notice = await eventually(async () => {
      const detail = await handler.get(`/api/tickets/${ticketId}`);
      return detail.body.notices?.find((n: any) => n.title === '投诉受理决定书');
    }, 'the 受理决定书', 30_000);
    const html = await handler.get(`/api/tickets/${ticketId}/notices/${notice.id}`);
    expect(html.body).to.contain(NEW_SENTENCE).and.not.contain('本局决定予以受理。');
  });

  it('rolls back: the old version\'s text is deployed again as a new version', async () => {
    const history = (await admin.get('/api/notice-templates/accept-decision')).body.versions;
    const first = history.find((v: any) => v.version === 1);
    const old = await admin.get('/api/notice-templates/accept-decision/versions/1');
    expect(old.body.content).to.equal(original);

    const rolled = await admin.post('/api/notice-templates/accept-decision/versions/1/rollback');
    expect(rolled.status, JSON.stringify(rolled.body)).to.equal(201);
    expect(rolled.body).to.include({ version: 3, changed: true });
    const now = (await admin.get('/api/notice-templates/accept-decision')).body;
    expect(now.running).to.include({ version: 3, content: original, rolledBackFrom: first.id });
    expect((await admin.post('/api/notice-templates/accept-decision/versions/9/rollback')).status).to.equal(404);

    // What a worker renders from the shared database now: the first text again.
    const renderer = new NoticeRenderer(noticeTemplatesDir(), env.t.pool);
    const rendered = await renderer.render('accept-decision', { ticket: { complainant: { name: '李四' } }, law: { text: '' } });
    expect(rendered.html).to.contain('本局决定予以受理。').and.not.contain(NEW_SENTENCE);
  });

  it('takes a release\'s changed files as new defaults, except where an administrator deployed', async () => {
    const release = await fs.mkdtemp(path.join(os.tmpdir(), 'notice-templates-'));
    try {
      await fs.cp(noticeTemplatesDir(), release, { recursive: true });
      for (const name of ['accept-decision', 'urge-notice']) {
        await fs.appendFile(path.join(release, `${name}.hbs`), '<!-- 新版本 -->\n');
      }
      const seeded = await seedNoticeTemplates(env.t.pool, release, new Date());
      expect(seeded).to.deep.equal(['urge-notice']);
      const urge = (await admin.get('/api/notice-templates/urge-notice')).body;
      expect(urge.running).to.include({ version: 2, deployedBy: null });
      expect(urge.running.content).to.contain('<!-- 新版本 -->');
      expect((await admin.get('/api/notice-templates/accept-decision')).body.running).to.include({ version: 3, content: original });
      expect(await seedNoticeTemplates(env.t.pool, release, new Date())).to.deep.equal([]);
    } finally {
      await fs.rm(release, { recursive: true, force: true });
    }
  });
});
