// case.open (a message throw in complaint handling): a violation clue found while handling
// a complaint is registered and handed to 诉转案 by publishing `case.clue-found`, so the case
// lives on even if the complaint is withdrawn or closed. The message id is the job's element
// instance: a redelivered job publishes nothing new.
import { appendAudit, toShanghaiIso } from '../../tickets/index.ts';
import type { JobModule } from '../job-module.ts';
import { actorOf, jobTicket } from './job-ticket.ts';

export const caseOpen: JobModule = {
  type: 'case.open',
  fetchVariables: ['clueDescription', 'department', 'bureau', 'receivedAt'],
  async handle(job, db, ctx) {
    const ticket = await jobTicket(db, job);
    const v = job.variables;
    const department = typeof v.department === 'string' ? v.department : ticket.department;
    const clue = typeof v.clueDescription === 'string' ? v.clueDescription : '';
    const discoveredAt = toShanghaiIso(job.activatedAt);
    await appendAudit(db, { ticketId: ticket.id, actor: actorOf(job), action: 'case.clueFound', processInstanceKey: job.processInstanceKey, at: job.activatedAt, after: { clue, discoveredAt } });
    try {
      await ctx.zeebe.publishMessage({
        name: 'case.clue-found',
        correlationKey: ticket.ticketNo,
        messageId: `case.clue-found:${job.elementInstanceKey}`,
        timeToLive: 3_600_000,
        variables: {
          ticketId: ticket.id, ticketNo: ticket.ticketNo, department, bureau: typeof v.bureau === 'string' ? v.bureau : department?.slice(0, 6) ?? null,
          receivedAt: typeof v.receivedAt === 'string' ? v.receivedAt : toShanghaiIso(ticket.receivedAt), discoveredAt, clue,
        } as never,
      });
    } catch (err) {
      if ((err as { code?: number }).code !== 6) throw err; // ALREADY_EXISTS: published by an earlier delivery
    }
    return { discoveredAt };
  },
};
