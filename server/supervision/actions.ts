// 催办 and 督办 on one ticket. 催办 (urge): a platform reminder (站内提醒) to the department
// handling the ticket and to whoever holds its task, once per ticket, step and day, so a
// double click sends nothing twice. 督办 (supervise): the ticket goes on the 督办 list with
// the supervisor's reason; as DOMAIN.md asks for an overdue ticket, a 催办通知书 is issued
// (unless one was already issued for this deadline) and copied to the deputy leader.
// Both are written to the ticket's audit trail, which its timeline shows.
import { regulationFor } from '../../domain/index.ts';
import {
  addNotification, addToSupervision, appendAudit, getTicket, insertNotice, lockTicket, nextNoticeNo, toShanghaiIso, transaction,
  type Queryable, type Ticket,
} from '../../tickets/index.ts';
import { loadWorkerSettings, NoticeRenderer } from '../../workers/index.ts';
import type { SessionUser } from '../auth/session-user.ts';
import type { ServerContext } from '../context.ts';
import { conflict, notFound } from '../http/errors.ts';
import { canSee, visibilityOf } from '../tickets/access.ts';
import { openTasks, stepTitle } from './due-lists.ts';

interface OpenDeadline { step: string; title: string; dueDate: string; dueAt: Date; startedAt: Date; citation: string | null }

const KIND_LABEL: Record<string, string> = { complaint: '投诉', report: '举报', inquiry: '咨询', suggestion: '建议' };
const shanghaiDate = (d: Date) => toShanghaiIso(d).slice(0, 10);

/** The ticket, if the user may see it; 404 otherwise. */
async function visible(ctx: ServerContext, user: SessionUser, ticket: Ticket | undefined): Promise<Ticket> {
  if (!ticket || !canSee(await visibilityOf(ctx.pool, user), ticket)) throw notFound('未找到该工单，或您无权查看');
  return ticket;
}

/** The ticket's open deadline that is soonest (the most overdue first). */
async function currentDeadline(db: Queryable, ticketId: string): Promise<OpenDeadline | null> {
  const { rows } = await db.query<{ step: string; due_date: string; due_at: Date; started_at: Date; citation: string | null }>(
    `SELECT step, to_char(due_date, 'YYYY-MM-DD') AS due_date, COALESCE(extended_due_at, due_at) AS due_at, started_at, citation
       FROM ticket_deadlines WHERE ticket_id = $1 AND completed_at IS NULL ORDER BY COALESCE(extended_due_at, due_at) LIMIT 1`, [ticketId]);
  const r = rows[0];
  if (!r) return null;
  return { step: r.step, title: stepTitle(r.step), dueDate: r.due_date, dueAt: r.due_at, startedAt: r.started_at, citation: r.citation };
}

export async function urge(ctx: ServerContext, user: SessionUser, ticketId: string, message: string | undefined) {
  const now = ctx.clock();
  const ticket = await visible(ctx, user, await getTicket(ctx.pool, ticketId));
  if (!ticket.department) throw conflict('NOT_DISPATCHED', '该工单尚未分派承办部门，无法催办');
  const deadline = await currentDeadline(ctx.pool, ticket.id);
  if (!deadline) throw conflict('NO_OPEN_DEADLINE', '该工单没有未完成的限时环节，无需催办');
  const recipients = [`dept:${ticket.department}`, ...(await openTasks(ctx, ticket)).filter((t) => t.assignee).map((t) => `user:${t.assignee}`)];
  const key = `urge:${ticket.id}:${deadline.step}:${shanghaiDate(now)}`;
  const title = `催办：工单 ${ticket.ticketNo}“${deadline.title}”${deadline.dueAt < now ? '已超期' : '今日到期'}`;
  const kind = KIND_LABEL[ticket.kind] ?? '';
  const body = `${kind}工单 ${ticket.ticketNo}（被${kind}人：${ticket.respondent.name ?? '—'}）“${deadline.title}”环节办理期限为${deadline.dueDate}，请立即办理。${message ? `督办员留言：${message}` : ''}`;
  return transaction(ctx.pool, async (db) => {
    // The audit entry's idempotency key makes a second click (or a race of two) a no-op.
    const first = await appendAudit(db, {
      ticketId: ticket.id, actor: `user:${user.id}`, action: 'supervision.urged', at: now, processInstanceKey: ticket.processInstanceKey,
      after: { login: user.login, step: deadline.step, dueDate: deadline.dueDate, recipients, message: message ?? null }, idempotencyKey: key,
    });
    if (!first) return { ticketId: ticket.id, urged: false, repeated: true, recipients };
    for (const recipient of recipients) {
      await addNotification(db, { recipient, ticketId: ticket.id, title, body, idempotencyKey: `${key}:${recipient}` });
    }
    return { ticketId: ticket.id, urged: true, repeated: false, recipients };
  });
}

// The workers' notice templates (the deployed versions in force, NOTICE_TEMPLATES_DIR as the
// fallback): the notice looks the same whether the deadline watch or a supervisor issues it.
const noticeRenderer = (ctx: ServerContext) => new NoticeRenderer(loadWorkerSettings(process.env).noticeTemplatesDir, ctx.pool);

/** Names from the organisation the administrators keep, as the workers address notices. */
async function departmentNames(db: Queryable, codes: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ code: string; name: string }>('SELECT code, name FROM departments WHERE code = ANY($1)', [codes]);
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function supervise(ctx: ServerContext, user: SessionUser, ticketId: string, reason: string) {
  const now = ctx.clock();
  return transaction(ctx.pool, async (db) => {
    // Locked: two 督办 at once must not both find the ticket unlisted.
    const ticket = await visible(ctx, user, await lockTicket(db, ticketId));
    if (!ticket.department) throw conflict('NOT_DISPATCHED', '该工单尚未分派承办部门，无法督办');
    const deadline = await currentDeadline(db, ticket.id);
    const listed = await db.query<{ reason: string; listed_at: Date }>(
      'SELECT reason, listed_at FROM supervision_list WHERE ticket_id = $1 AND cleared_at IS NULL ORDER BY listed_at DESC LIMIT 1', [ticket.id]);
    if (listed.rows[0]) {
      return { ticketId: ticket.id, listed: false, alreadyListed: { reason: listed.rows[0].reason, listedAt: listed.rows[0].listed_at.toISOString() }, notice: null };
    }
    await addToSupervision(db, { ticketId: ticket.id, reason, step: deadline?.step ?? null, dueAt: deadline?.dueAt ?? null, listedAt: now, listedBy: `user:${user.id}` });
    const notice = deadline && deadline.dueAt < now ? await urgeNotice(ctx, db, user, ticket, deadline, now) : null;
    const bureau = ticket.department.slice(0, 6);
    await addNotification(db, {
      recipient: `dept:${bureau}:role:deputy-leader`, ticketId: ticket.id,
      title: `抄送：工单 ${ticket.ticketNo} 已列入督办`,
      body: `${user.displayName} 将工单 ${ticket.ticketNo} 列入督办清单，督办事由：${reason}。${notice ? `已发出催办通知书（${notice.noticeNo}）。` : ''}`,
    });
    await appendAudit(db, {
      ticketId: ticket.id, actor: `user:${user.id}`, action: 'supervision.listed', at: now, processInstanceKey: ticket.processInstanceKey,
      after: { login: user.login, reason, step: deadline?.step ?? null, noticeNo: notice?.noticeNo ?? null, copiedTo: `dept:${bureau}:role:deputy-leader` },
    });
    return { ticketId: ticket.id, listed: true, alreadyListed: null, notice };
  });
}

/** The 催办通知书 for the deadline, unless one was issued since the step began. */
async function urgeNotice(ctx: ServerContext, db: Queryable, user: SessionUser, ticket: Ticket, deadline: OpenDeadline, now: Date) {
  const issued = await db.query<{ id: string; notice_no: string }>(
    `SELECT id, notice_no FROM notices WHERE ticket_id = $1 AND template = 'urge-notice' AND issued_at >= $2 ORDER BY issued_at DESC LIMIT 1`, [ticket.id, deadline.startedAt]);
  if (issued.rows[0]) return { id: issued.rows[0].id, noticeNo: issued.rows[0].notice_no, issuedNow: false };
  const renderer = noticeRenderer(ctx);
  const entry = await renderer.entry('urge-notice');
  const law = await renderer.basis('urge-notice', regulationFor(ticket.receivedAt));
  const noticeNo = await nextNoticeNo(db, entry.prefix, Number(shanghaiDate(now).slice(0, 4)));
  const kindLabel = KIND_LABEL[ticket.kind] ?? ticket.kind;
  const bureau = ticket.department!.slice(0, 6);
  const names = await departmentNames(db, [bureau, ticket.department!]);
  const data = {
    bureau: names.get(bureau) ?? user.bureau.name,
    unit: { code: ticket.department, name: names.get(ticket.department!) ?? ticket.department },
    notice: { no: noticeNo, title: entry.title, date: chineseDate(now), issuedAt: toShanghaiIso(now) },
    ticket: { ticketNo: ticket.ticketNo, kind: ticket.kind, kindLabel, respondent: ticket.respondent, department: ticket.department },
    law,
    deadline: { step: deadline.step, title: deadline.title, dueDate: deadline.dueDate, citation: deadline.citation },
    vars: {},
  };
  const rendered = await renderer.render('urge-notice', data);
  const notice = await insertNotice(db, { ticketId: ticket.id, noticeNo, template: 'urge-notice', title: rendered.title, data, html: rendered.html, issuedAt: now, issuedBy: `user:${user.id}` });
  await appendAudit(db, {
    ticketId: ticket.id, actor: `user:${user.id}`, action: 'notice.issued', at: now, processInstanceKey: ticket.processInstanceKey,
    after: { noticeId: notice.id, noticeNo, template: 'urge-notice', title: rendered.title, legalBasis: law.text },
  });
  return { id: notice.id, noticeNo, issuedNow: true };
}

function chineseDate(d: Date): string {
  const [y, m, day] = shanghaiDate(d).split('-').map(Number);
  return `${y}年${m}月${day}日`;
}
