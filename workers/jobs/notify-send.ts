// notify.send: a message from template `template` (config/message-templates) through
// `channel`: wecom (the department's group robot), sms (the complainant's mobile) or platform
// (the inbox of `recipient`: handler or none → dept:<department>, a role such as deputy-leader →
// dept:<bureau>:role:deputy-leader, or any recipient id as written). The department is the
// ticket's (ticket.status keeps it in step, so a watch started before a reassignment reaches
// the unit that has the ticket now), else the job's variable. A refused or unreachable
// channel fails the job, retried with back-off; when retries run out the incident keeps
// the ticket in sight instead of losing the message.
import { appendAudit } from '../../tickets/index.ts';
import { idempotencyKey } from '../idempotency.ts';
import { IncidentError } from '../job-errors.ts';
import type { JobModule, WorkerContext, WorkerJob } from '../job-module.ts';
import { MessageTemplateMissing } from '../notify/messages.ts';
import { NOTIFY_CHANNELS, type NotifyChannel } from '../notify/notifier.ts';
import type { Ticket } from '../../tickets/index.ts';
import { actorOf, header, jobTicket, requireHeader } from './job-ticket.ts';
import { bureauName, ticketView } from './notice-view.ts';

export const notifySend: JobModule = {
  type: 'notify.send',
  fetchVariables: ['deadline', 'department', 'bureau', 'ticketNo', 'reopenCount', 'noticeNo', 'filingDecision'],
  async handle(job, db, ctx) {
    const channel = requireHeader(job, 'channel');
    if (!(NOTIFY_CHANNELS as readonly string[]).includes(channel)) {
      throw new IncidentError(`任务 ${job.elementId} 的通知渠道“${channel}”无效，应为 wecom、sms 或 platform`);
    }
    const template = requireHeader(job, 'template');
    const ticket = await jobTicket(db, job);
    const department = ticket.department ?? (typeof job.variables.department === 'string' && job.variables.department ? job.variables.department : null);
    const to = address(ctx, job, channel as NotifyChannel, ticket, department);
    if (typeof to === 'object') {
      // An anonymous reporter gets nothing (DOMAIN.md); a landline cannot take an SMS (the
      // notice on paper still reaches the person). Done, with nothing sent and the reason kept.
      await appendAudit(db, {
        ticketId: ticket.id, actor: actorOf(job), action: 'notification.skipped', processInstanceKey: job.processInstanceKey, at: job.activatedAt,
        after: { channel, template, reason: to.skipped },
      });
      return { notified: false };
    }
    let message;
    try {
      message = await ctx.messages.render(template, {
        bureau: await bureauName(db, ctx, bureauOf(department, job.variables.bureau)),
        ticket: ticketView(ticket),
        department,
        deadline: job.variables.deadline ?? null,
        vars: job.variables,
      });
    } catch (err) {
      if (err instanceof MessageTemplateMissing) throw new IncidentError(err.message);
      throw err;
    }
    await ctx.notifiers[channel as NotifyChannel].send({ to, title: message.title, text: message.text, ticketId: ticket.id, idempotencyKey: idempotencyKey(job), at: job.activatedAt }, db);
    await appendAudit(db, {
      ticketId: ticket.id, actor: actorOf(job), action: 'notification.sent', processInstanceKey: job.processInstanceKey, at: job.activatedAt,
      // The address is recorded masked for SMS: the audit trail is read more widely than the ticket.
      after: { channel, template, to: channel === 'sms' ? `${to.slice(0, 3)}****${to.slice(-4)}` : channel === 'wecom' ? 'webhook' : to, title: message.title },
    });
    return { notified: true };
  },
};

function address(ctx: WorkerContext, job: WorkerJob, channel: NotifyChannel, ticket: Ticket, department: string | null): string | { skipped: string } {
  const recipient = header(job, 'recipient');
  switch (channel) {
    case 'wecom': {
      const url = (department && ctx.settings.wecomWebhooks[department]) || ctx.settings.wecomWebhookUrl;
      if (!url) throw new IncidentError(`没有配置部门“${department ?? '（未分派）'}”的企业微信群机器人：请设置 WECOM_WEBHOOKS 或 WECOM_WEBHOOK_URL`);
      return url;
    }
    case 'sms': {
      if (!ctx.settings.smsGatewayUrl) throw new IncidentError('没有配置短信网关：请设置 SMS_GATEWAY_URL');
      if (recipient && recipient !== 'complainant') throw new IncidentError(`短信只能发给投诉举报人（recipient=complainant），收到“${recipient}”`);
      if (ticket.complainant.anonymous) return { skipped: 'anonymous' };
      const phone = ticket.complainant.phone;
      if (!phone || !/^1\d{10}$/.test(phone)) return { skipped: 'no-mobile' };
      return phone;
    }
    case 'platform': {
      // processes/README.md: a department's staff are dept:<code>; a role of a bureau is
      // dept:<bureau>:role:<role>, the bureau being the first six characters of the code.
      const who = recipient ?? 'handler';
      if (who.includes(':')) return who;
      if (!department) throw new IncidentError(`工单 ${ticket.ticketNo} 尚未分派承办部门，无法发送站内提醒给“${who}”`);
      if (who === 'handler') return `dept:${department}`;
      return `dept:${bureauOf(department, job.variables.bureau)}:role:${who}`;
    }
  }
}

/** processes/README.md: a unit's bureau is the first six characters of its code. */
function bureauOf(department: string | null, variable: unknown): string | undefined {
  if (department && /^\d{6}/.test(department)) return department.slice(0, 6);
  return typeof variable === 'string' && variable ? variable : department?.slice(0, 6);
}
