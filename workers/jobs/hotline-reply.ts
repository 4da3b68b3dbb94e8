// hotline.reply: answers a 12345 ticket on the city platform (办结回复), signed the way the
// platform signs its pushes (HMAC-SHA256 of `${timestamp}.${body}`). Tickets from other
// channels are answered by the handler directly: nothing to send.
import { appendAudit, sign12345, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../tickets/index.ts';
import { idempotencyKey } from '../idempotency.ts';
import { IncidentError } from '../job-errors.ts';
import type { JobModule } from '../job-module.ts';
import { DeliveryError } from '../notify/notifier.ts';
import { actorOf, jobTicket } from './job-ticket.ts';
import { departmentName } from './notice-view.ts';

export const hotlineReply: JobModule = {
  type: 'hotline.reply',
  fetchVariables: ['replyContent', 'department', 'satisfaction'],
  async handle(job, db, ctx) {
    const ticket = await jobTicket(db, job);
    if (ticket.channel !== '12345' || !ticket.externalNo) return { hotlineReplied: false };
    const { hotlineReplyUrl: url, hotlineSecret: secret } = ctx.settings;
    if (!url || !secret) throw new IncidentError('没有配置 12345 平台回复接口：请设置 HOTLINE_12345_REPLY_URL 和 HOTLINE_12345_SECRET');
    const department = typeof job.variables.department === 'string' ? job.variables.department : ticket.department;
    const body = JSON.stringify({
      orderNo: ticket.externalNo,
      ticketNo: ticket.ticketNo,
      replyContent: typeof job.variables.replyContent === 'string' ? job.variables.replyContent : '',
      // The code is ours; the platform shows the citizen the handling unit's name.
      department,
      departmentName: department ? await departmentName(db, department) : null,
      repliedAt: job.activatedAt.toISOString(),
    });
    const timestamp = String(Math.floor(Date.now() / 1000)); // the signature's replay window is about real time
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign12345(secret, timestamp, body), 'idempotency-key': idempotencyKey(job) },
        body,
        signal: AbortSignal.timeout(ctx.settings.httpTimeoutMs),
      });
    } catch (err) {
      throw new DeliveryError(`12345 platform: ${(err as Error).message}`);
    }
    if (!response.ok) throw new DeliveryError(`12345 platform answered HTTP ${response.status}: ${(await response.text().catch(() => '')).slice(0, 200)}`, response.status);
    await appendAudit(db, { ticketId: ticket.id, actor: actorOf(job), action: 'hotline.replied', processInstanceKey: job.processInstanceKey, at: job.activatedAt, after: { orderNo: ticket.externalNo } });
    return { hotlineReplied: true };
  },
};
