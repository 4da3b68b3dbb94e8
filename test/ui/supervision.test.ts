// 督办监管 in the real product: the supervisor sees a ticket due today and urges it (the
// reminder reaches the department), puts an overdue ticket under 督办 (催办通知书 issued), and in
// 流程监控 sees the counts on the diagram, the duration heatmap, an incident, and retries it
// once the cause is fixed. Screenshots of each page.
import { expect } from 'chai';
import { probeBpmn, PROBE_ID } from '../fixtures/supervision/probe.ts';
import { signedIn } from '../server/support.ts';
import { eventually, jinanComplaint } from '../server/ticket-env.ts';
import { signInAs, startUiProduct, type UiProduct } from './support/product.ts';

describe('admin-ui: 督办监管 pages', function () {
  this.timeout(240_000);
  let p: UiProduct;
  let ticketId: string;
  let ticketNo: string;
  let dueAt: Date;

  before(async () => {
    p = await startUiProduct();
    const clerk = await signedIn(p.env.t, 'dengji');
    const registered = await clerk.post('/api/tickets', jinanComplaint());
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    ({ id: ticketId, ticketNo } = registered.body.tickets[0]);
    dueAt = await eventually(async () => {
      const { rows } = await p.env.t.pool.query(`SELECT due_at FROM ticket_deadlines WHERE ticket_id = $1 AND step = 'complaint.accept'`, [ticketId]);
      return rows[0]?.due_at as Date | undefined;
    }, 'the acceptance deadline');
  });
  after(async () => { await p?.stop(); });

  it('今日到期: the ticket due today, 催办 with confirmation; the department gets the reminder', async () => {
    p.env.t.clock.now = new Date(dueAt.getTime() - 3_600_000);
    const { page } = p.ui;
    await signInAs(page, p.base, 'supervisor');
    await page.locator('.side-menu .el-menu-item', { hasText: '今日到期' }).click();
    await page.waitForURL(/\/supervision\/due-today$/);
    const row = page.locator('[data-test=due-table] .el-table__row', { hasText: ticketNo });
    await row.waitFor();
    expect(await row.locator('[data-test=due-urgency-tag]').first().textContent()).to.contain('今日到期');
    await row.getByText('甸柳市场监管所').first().waitFor();
    await p.ui.screenshot('supervision-due-today');

    await row.locator('[data-test=urge]').first().click();
    const box = page.locator('.el-message-box');
    await box.getByText('确认催办').waitFor();
    await box.locator('input').fill('请今日内办结');
    await box.getByRole('button', { name: '发送催办' }).click();
    await page.locator('.el-message--success').getByText('已催办').waitFor();
    const { rows } = await p.env.t.pool.query(`SELECT recipient, body FROM notifications WHERE ticket_id = $1 AND title LIKE '催办：%'`, [ticketId]);
    expect(rows.map((r) => r.recipient)).to.deep.equal(['dept:370102-DL']);
    expect(rows[0].body).to.contain('请今日内办结');
    await row.getByText('已催办').waitFor();
  });

  it('超期督办: after the due time the ticket is overdue; 督办 with a reason issues the 催办通知书', async () => {
    p.env.t.clock.now = new Date(dueAt.getTime() + 86_400_000 + 60_000);
    const { page } = p.ui;
    await signInAs(page, p.base, 'supervisor');
    await page.goto(`${p.base}/supervision/overdue`);
    const row = page.locator('[data-test=due-table] .el-table__row', { hasText: ticketNo });
    await row.waitFor();
    expect(await row.locator('[data-test=due-urgency-tag]').first().textContent()).to.contain('超期 1 天');
    await row.locator('[data-test=supervise]').first().click();
    const box = page.locator('.el-message-box');
    await box.getByText('确认督办').waitFor();
    await box.getByRole('button', { name: '督办' }).click();
    await page.locator('.el-message--success').getByText(/已督办，催办通知书 催办〔\d{4}〕\d{6}号/).waitFor();
    await row.getByText('已督办').waitFor();
    expect(await row.locator('[data-test=supervise]').first().isDisabled()).to.equal(true);
    await p.ui.screenshot('supervision-overdue');
    p.env.t.clock.now = new Date(dueAt.getTime() - 3_600_000);
  });

  it('流程监控: counts on the diagram, the heatmap, an incident retried after the fix', async () => {
    const zeebe = p.env.client.getZeebeGrpcApiClient();
    await zeebe.deployResource({ process: Buffer.from(probeBpmn()), name: 'probe.bpmn' } as never);
    // Completed once (durations for the heatmap), then one that fails: no such ticket.
    await zeebe.createProcessInstance({ bpmnProcessId: PROBE_ID, variables: { ticketId } });
    const failing = String((await zeebe.createProcessInstance({ bpmnProcessId: PROBE_ID, variables: { ticketId: '00000000-0000-4000-8000-00000000dead' } })).processInstanceKey);
    await eventually(async () => {
      const { rows } = await p.env.t.pool.query(`SELECT 1 FROM ticket_audit WHERE ticket_id = $1 AND action = 'probe.recorded'`, [ticketId]);
      return rows.length ? true : undefined;
    }, 'the first probe to pass its service task');

    const { page } = p.ui;
    await signInAs(page, p.base, 'supervisor');
    await page.locator('.side-menu .el-menu-item', { hasText: '流程监控' }).click();
    await page.waitForURL(/\/supervision\/processes$/);
    // complaint_handling first: the registered ticket's instance counts on its diagram.
    await page.locator('[data-test=process-diagram] .count-badges .badge-active').first().waitFor();
    await page.locator('[data-test=instance-table] .el-table__row', { hasText: ticketNo }).waitFor();
    await p.ui.screenshot('supervision-processes');

    await page.locator('.el-select[data-test=process-select]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: PROBE_ID }).click();
    const waitBadge = page.locator('[data-test=process-diagram] .count-badges[data-element=Task_Wait] .badge-active');
    await waitBadge.waitFor();
    expect(await waitBadge.textContent()).to.equal('1');
    await page.locator('[data-test=process-diagram] .count-badges[data-element=Task_Record] .badge-incidents').waitFor();
    await page.locator('[data-test=heatmap-toggle]').click();
    await page.locator('[data-test=process-diagram] .heat-cell[data-element=Task_Record]').waitFor();
    await page.locator('.bjs-powered-by').waitFor();
    await p.ui.screenshot('supervision-processes-heatmap');

    await page.locator('.el-tabs__item', { hasText: '异常' }).click();
    const incident = page.locator('[data-test=incident-table] .el-table__row', { hasText: failing });
    await incident.waitFor();
    await incident.getByText('Task_Record').waitFor();
    await p.ui.screenshot('supervision-incidents');

    // The operator fixes the cause (the instance's ticket), then retries.
    await zeebe.setVariables({ elementInstanceKey: failing, variables: { ticketId }, local: false });
    await incident.locator('[data-test=incident-retry]').click();
    await page.locator('.el-message-box').getByRole('button', { name: '重试' }).click();
    await page.locator('.el-message--success').getByText('已重试').waitFor();
    await incident.waitFor({ state: 'detached' });

    // The instance now waits at the user task: the drawer shows the path taken.
    await page.locator('.el-tabs__item', { hasText: '流程实例' }).click();
    await page.locator('[data-test=instance-table] [data-test=instance-open]', { hasText: failing }).click();
    const drawer = page.locator('[data-test=instance-detail]');
    await drawer.locator('.path-active[data-element-id=Task_Wait]').waitFor();
    await drawer.locator('.path-completed[data-element-id=Task_Record]').waitFor();
    await p.ui.screenshot('supervision-instance');
  });
});
