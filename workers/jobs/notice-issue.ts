// notice.issue: renders the notice of header `template` (config/notice-templates) for the
// ticket, numbers it, and stores the printable page with the template and the data it was
// made from. The legal basis printed is the article of the measures the ticket falls under
// (by receipt date: Order 20 before 2026-04-15, Order 121 from then).
import { DomainError, regulationFor } from '../../domain/index.ts';
import { appendAudit, insertNotice, nextNoticeNo, toShanghaiIso } from '../../tickets/index.ts';
import { idempotencyKey } from '../idempotency.ts';
import { IncidentError } from '../job-errors.ts';
import type { JobModule } from '../job-module.ts';
import { chineseDate } from '../notices/helpers.ts';
import { NoticeTemplateMissing } from '../notices/renderer.ts';
import { actorOf, jobTicket, requireHeader } from './job-ticket.ts';
import { bureauName, ticketView } from './notice-view.ts';
import { processInstant } from './process-time.ts';

export const noticeIssue: JobModule = {
  type: 'notice.issue',
  // Every variable: a template may print any decision the process made (grounds, agreement…).
  fetchVariables: undefined,
  async handle(job, db, ctx) {
    const template = requireHeader(job, 'template');
    const ticket = await jobTicket(db, job);
    const v = job.variables;
    // Dated on the engine's clock (the job's activation), unless the process says otherwise.
    const issuedAt = processInstant(v.issuedAt) ?? job.activatedAt;
    try {
      const regulation = regulationFor(ticket.receivedAt);
      const entry = await ctx.notices.entry(template);
      const law = await ctx.notices.basis(template, regulation);
      const noticeNo = await nextNoticeNo(db, entry.prefix, Number(toShanghaiIso(issuedAt).slice(0, 4)));
      const data = {
        bureau: bureauName(ctx, v.bureau),
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
      return { noticeId: notice.id, noticeNo };
    } catch (err) {
      if (err instanceof NoticeTemplateMissing || err instanceof DomainError) throw new IncidentError(err.message);
      throw err;
    }
  },
};
