// A limit that runs into a year the holiday calendar does not have yet. The package data ends
// with 2026, and the State Council publishes each year's notice in November or December: a
// complaint accepted in November 2026 has its 60-day mediation limit end in January 2027. The
// step stops with an incident that tells the administrator what to enter; once the 2027 entries
// are in (here the New Year's Day holiday, standing in for the notice), the incident is resolved
// and the ticket goes on, with nothing restarted.
import { expect } from 'chai';
import { HolidayCalendar } from '../../domain/index.ts';
import { jinanComplaint, startStory, type Story } from '../support/stories.ts';

describe('story: a deadline in a year without holiday data waits for the administrator (节假日日历跨年)', function () {
  this.timeout(60_000);
  let s: Story;
  // What the server would hand the workers: the package data plus the administrator's entries.
  let calendar = new HolidayCalendar();
  before(async () => {
    s = await startStory({ clock: '2026-11-02T09:10:00+08:00', calendar: async () => calendar });
  });
  after(async () => {
    if (process.env.SHOW_WORKER_LOGS) console.log(s?.logs.join('\n'));
    await s?.stop();
  });

  it('accepted on 2026-11-03: an incident asks for the 2027 calendar; entered, resolved, mediation due 2027-01-04', async () => {
    const ticket = await s.register(jinanComplaint({ receivedAt: '2026-11-02T09:00:00+08:00' }));
    // Acceptance (7 working days) still ends in 2026.
    expect((await s.task(ticket.ticketNo, 'Task_AcceptReview')).dueDate).to.equal('2026-11-11T16:00:00.000Z');

    await s.at('2026-11-03T10:00:00+08:00');
    s.allowIncidents = true;
    await s.completeTask(ticket.ticketNo, 'Task_AcceptReview', { acceptDecision: 'accept', amountInvolved: 3999 });
    const [incident, ...more] = await s.incidents();
    expect(more).to.deep.equal([]);
    expect(incident).to.include({ processDefinitionId: 'complaint_handling', elementId: 'Task_MediationDeadline' });
    expect(incident!.errorMessage).to.contain('没有 2027 年的节假日安排数据').and.contain('节假日日历');
    // The complainant has the acceptance notice; the mediation has not started.
    expect((await s.ticket(ticket.ticketNo)).status).to.equal('accepted');
    expect(await s.tasks(ticket.ticketNo)).to.deep.equal([]);

    // The administrator enters 2027; the supervisor retries the step.
    calendar = new HolidayCalendar({ overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    await s.t.zeebe.updateJobRetries({ jobKey: incident!.jobKey!, retries: 1 });
    await (s.t.api as any).resolveIncident({ incidentKey: incident!.incidentKey });
    s.allowIncidents = false;
    await s.settle();

    // 60 days from 11-03 end on Saturday 2027-01-02: moved to Monday 2027-01-04.
    const plan = await s.task(ticket.ticketNo, 'Task_MediationPlan');
    expect(plan.dueDate).to.equal('2027-01-04T16:00:00.000Z');
    expect((await s.taskVariables(plan)).deadline).to.include({ startedAt: '2026-11-03T10:00:00+08:00', dueDate: '2027-01-04' });
    expect(await s.incidents()).to.deep.equal([]);
  });
});
