// End to end with the product's own models (processes/, forms/): a complaint registered
// through intake starts complaint_handling, the real workers run its service tasks, the
// deadline watch reminds on the engine's clock, and the handler's acceptance issues the notice.
import { expect } from 'chai';
import { auditOf, deadlinesOf, getTicket, noticesOf, notificationsFor, registerTicket } from '../../tickets/index.ts';
import { eventually } from '../support/engine.ts';
import { completes, productResources, UserTasks } from '../support/processes.ts';
import { complaint } from '../tickets/samples.ts';
import { workerHarness, type Harness } from './harness.ts';

describe('workers: end to end with processes/', () => {
  let h: Harness;
  before(async () => {
    h = await workerHarness();
    await h.t.zeebe.deployResources(productResources());
  });
  after(async () => {
    h?.t.engine.clock.reset();
    if (process.env.SHOW_WORKER_LOGS) console.log(h?.logs.join('\n'));
    await h?.stop();
  });

  const setClock = (iso: string) => {
    h.t.engine.clock.pin(Date.parse(iso));
    h.t.engine.engine.clockChanged();
  };

  it('a complaint received the day before National Day: registered, routed, reminded and accepted', async () => {
    setClock('2026-09-30T09:20:00+08:00');
    const outcome = await registerTicket({ pool: h.db.pool, zeebe: h.t.zeebe }, complaint({
      receivedAt: '2026-09-30T09:15:00+08:00',
      respondent: { name: '济南某某电器有限公司', address: '济南市历下区泉城路1号', regionCode: '370102' },
    }));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const [ticket] = outcome.tickets;
    const instance = ticket!.processInstanceKey!;
    expect(instance).to.be.a('string');

    // validate → enrich → screening → routing → 已分派 → 受理时限 → the handler's review task.
    const tasks = new UserTasks(h.t, ticket!.ticketNo);
    const review = await tasks.next('Task_AcceptReview', undefined, 20_000);
    expect(review.candidateGroups).to.deep.equal(['dept:370102-DL']);
    expect(review.dueDate).to.match(/^2026-10-16T00:00:00/);
    const dispatched = await getTicket(h.db.pool, ticket!.id);
    expect(dispatched).to.include({ status: 'dispatched', department: '370102-DL', professionalClaimant: false });
    const [deadline] = await deadlinesOf(h.db.pool, ticket!.id);
    expect(deadline).to.include({ step: 'complaint.accept', dueDate: '2026-10-15', regulation: 'SAMR Order No. 121' });

    // 3 working days left (Mon 12 Oct, 09:00): the department's WeCom group is warned.
    const before = h.wecom.requests.length;
    setClock('2026-10-12T09:00:01+08:00');
    await eventually(() => (h.wecom.requests.length > before ? true : undefined), 'the WeCom warning', 15_000);
    expect(h.wecom.requests.at(-1)!.body.markdown.content).to.contain(ticket!.ticketNo).and.contain('2026年10月15日');
    // 2 left (Tue 13 Oct): a reminder in the handling unit's inbox.
    setClock('2026-10-13T09:00:01+08:00');
    await eventually(async () => ((await notificationsFor(h.db.pool, ['dept:370102-DL'])).length ? true : undefined), 'the platform reminder', 15_000);

    // The handler accepts: the decision notice is issued and the ticket is accepted.
    await tasks.complete('Task_AcceptReview', { acceptDecision: 'accept', acceptOpinion: '符合受理条件', amountInvolved: 3999, complexFlag: false });
    await completes(h.t, instance, 'Task_Accepted', 20_000);
    const accepted = await getTicket(h.db.pool, ticket!.id);
    expect(accepted!.status).to.equal('accepted');
    const notices = await noticesOf(h.db.pool, ticket!.id);
    expect(notices.map((n) => n.title)).to.include('投诉受理决定书');
    const decision = notices.find((n) => n.template === 'accept-decision')!;
    expect(decision.html).to.contain('《市场监督管理投诉举报处理办法》有关规定').and.contain('张三：');
    // Dated on the engine's clock, not the machine's.
    expect(decision.html).to.contain('2026年10月13日');

    const actions = (await auditOf(h.db.pool, ticket!.id)).map((a) => `${a.actor} ${a.action}`);
    expect(actions).to.include.members([
      'intake:12315 ticket.registered',
      'worker:ticket.enrich ticket.enriched',
      'worker:ticket.status ticket.status',
      'worker:deadline.compute deadline.computed',
      'worker:notify.send notification.sent',
      'worker:notice.issue notice.issued',
    ]);
    const incidents = await h.t.records({ valueType: 'INCIDENT', intent: 'CREATED' });
    expect(incidents.map((i) => i.value.errorMessage)).to.deep.equal([]);
  });
});
