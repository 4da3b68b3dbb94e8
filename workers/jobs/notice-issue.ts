// notice.issue: renders the notice of header `template` (config/notice-templates) for the
// ticket, numbers it, and stores the printable page with the template and the data it was
// made from. The legal basis printed is the article of the measures the ticket falls under
// (by receipt date: Order 20 before 2026-04-15, Order 121 from then). `unit` is the unit that
// has the ticket now (the ticket's department, kept in step by ticket.status; else the
// variable), with its name from the organisation: the addressee of 分送 and 催办 notices.
// Header `dating: working-day`: a notice the process issues by itself (a limit that ran out at
// midnight, a withdrawal on a Sunday) is dated on the next working day's start when the job
// runs on a day off. Returns `noticeIssuedAt`, from which a limit to deliver it counts.
import { DomainError, regulationFor, toLocalDate } from '../../domain/index.ts';
import { appendAudit, insertNotice, nextNoticeNo, toShanghaiIso } from '../../tickets/index.ts';
import { idempotencyKey } from '../idempotency.ts';
import { IncidentError } from '../job-errors.ts';
import type { JobModule, WorkerContext } from '../job-module.ts';
import { chineseDate } from '../notices/helpers.ts';
import { NoticeTemplateMissing } from '../notices/renderer.ts';
import { workdayStartOn } from './deadline-counting.ts';
import { actorOf, header, jobTicket, requireHeader } from './job-ticket.ts';
import { bureauName, departmentName, ticketView } from './notice-view.ts';
import { processInstant } from './process-time.ts';

export const noticeIssue: JobModule = {
  type: 'notice.issue',
  // Every variable: a template may print any decision the process made (grounds, agreement…).
  fetchVariables: undefined,
  async handle(job, db, ctx) {
    const template = requireHeader(job, 'template');
    const ticket = await jobTicket(db, job);
    const v = job.variables;
    const dating = header(job, 'dating');
    if (dating !== undefined && dating !== 'working-day') throw new IncidentError(`任务 ${job.elementId} 的任务头 dating 只能是 working-day，收到“${dating}”`);
    const department = ticket.department ?? (typeof v.department === 'string' && v.department ? v.department : null);
    try {
      // Dated on the engine's clock (the job's activation), unless the process says otherwise.
      const at = processInstant(v.issuedAt) ?? job.activatedAt;
      const issuedAt = dating ? await onWorkingDay(ctx, at) : at;
      const regulation = regulationFor(ticket.receivedAt);
      const entry = await ctx.notices.entry(template);
      const law = await ctx.notices.basis(template, regulation);
      const noticeNo = await nextNoticeNo(db, entry.prefix, Number(toShanghaiIso(issuedAt).slice(0, 4)));
      const data = {
        bureau: await bureauName(db, ctx, v.bureau),
        unit: department ? { code: department, name: await departmentName(db, department) } : null,
        notice: { no: noticeNo, title: entry.title, date: chineseDate(issuedAt), issuedAt: toShanghaiIso(issuedAt) },
        ticket: ticketView(ticket),
        regulation: { id: regulation, order121: regulation === 'SAMR Order No. 121' },
        law,
        deadline: v.deadline ?? null,
        vars: v,
      };
      const rendered = await ctx.notices.render(template, data);
      const notice = await insertNotice(db, {
        ticketId: ticket.id, noticeNo, template, title: rendered.title, data, html: rendered.html, issuedAt,
        issuedBy: actorOf(job), idempotencyKey: idempotencyKey(job),
      });
      await appendAudit(db, {
        ticketId: ticket.id, actor: actorOf(job), action: 'notice.issued', processInstanceKey: job.processInstanceKey, at: issuedAt,
        after: { noticeId: notice.id, noticeNo, template, title: rendered.title, legalBasis: law.text },
      });
      return { noticeId: notice.id, noticeNo, noticeIssuedAt: toShanghaiIso(issuedAt) };
    } catch (err) {
      if (err instanceof NoticeTemplateMissing || err instanceof DomainError) throw new IncidentError(err.message);
      throw err;
    }
  },
};

/** The instant itself on a working day, else the start of the next working day. */
async function onWorkingDay(ctx: WorkerContext, at: Date): Promise<Date> {
  const calendar = await ctx.calendar();
  const day = toLocalDate(at);
  return calendar.isWorkingDay(day) ? at : workdayStartOn(ctx, calendar.nextWorkingDay(day));
}
