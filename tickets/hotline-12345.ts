// The 12345 city hotline platform pushes its tickets here (派单) and sends them back for
// handling again (退回重办). Requests are signed: header X-12345-Timestamp (Unix seconds)
// and X-12345-Signature, the hex HMAC-SHA256 of `${timestamp}.${rawBody}` with the shared
// secret. A timestamp outside the replay window is refused; a replay inside it changes
// nothing, because intake is idempotent by the platform's ticket number and a send-back by
// its send-back number.
//
// Plain functions over (headers, rawBody), so the server mounts them on any route and
// hands over the body bytes exactly as received.
import crypto from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { appendAudit } from './audit.ts';
import { registerTicket, type IntakeDeps } from './intake.ts';
import { FINAL_STATUSES } from './status.ts';
import { findTicketsByExternalNo } from './ticket-store.ts';
import { toShanghaiIso } from './time.ts';
import type { FieldError } from './validate-submission.ts';
import { CATEGORIES, type SubmissionKind } from './types.ts';

export const TIMESTAMP_HEADER = 'x-12345-timestamp';
export const SIGNATURE_HEADER = 'x-12345-signature';

export type Headers = IncomingHttpHeaders | Record<string, string | string[] | undefined>;

export interface SignatureOptions {
  /** The shared secret; several during a rotation. */
  secret: string | string[];
  /** Seconds a request may be early or late. Default 300. */
  windowSeconds?: number;
  /** Default the machine's clock: the replay window is about real time, not a process's. */
  now?: () => Date;
}

export type SignatureCheck = { ok: true } | { ok: false; code: 'missingSignature' | 'badTimestamp' | 'replayWindow' | 'badSignature'; message: string };

export function sign12345(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

export function verify12345Signature(headers: Headers, rawBody: Buffer | string, options: SignatureOptions): SignatureCheck {
  const timestamp = header(headers, TIMESTAMP_HEADER);
  const signature = header(headers, SIGNATURE_HEADER)?.replace(/^sha256=/i, '').toLowerCase();
  if (!timestamp || !signature) return { ok: false, code: 'missingSignature', message: `缺少签名：请求头应包含 ${TIMESTAMP_HEADER} 和 ${SIGNATURE_HEADER}` };
  if (!/^\d{9,11}$/.test(timestamp)) return { ok: false, code: 'badTimestamp', message: `${TIMESTAMP_HEADER} 应为 Unix 时间戳（秒）` };
  const now = (options.now?.() ?? new Date()).getTime() / 1000;
  const window = options.windowSeconds ?? 300;
  if (Math.abs(now - Number(timestamp)) > window) {
    return { ok: false, code: 'replayWindow', message: `请求时间戳与服务器时间相差超过 ${window} 秒，已拒绝（防重放）；请核对推送方服务器时间` };
  }
  const given = Buffer.from(signature, 'hex');
  const secrets = Array.isArray(options.secret) ? options.secret : [options.secret];
  const match = secrets.some((secret) => {
    const expected = Buffer.from(sign12345(secret, timestamp, rawBody), 'hex');
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
  return match ? { ok: true } : { ok: false, code: 'badSignature', message: '签名校验失败' };
}

function header(headers: Headers, name: string): string | undefined {
  const direct = headers[name] ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  return Array.isArray(direct) ? direct[0] : direct;
}

/** The push body. `dispatch` carries a new ticket, `return` a send-back. */
export interface Push12345 {
  event: 'dispatch' | 'return';
  /** The platform's own ticket number. */
  orderNo: string;
  /** dispatch: 投诉 / 举报 / 咨询 / 建议 / 投诉举报. */
  orderType?: string;
  receivedAt?: string;
  caller?: Record<string, unknown>;
  respondent?: Record<string, unknown>;
  facts?: Record<string, unknown>;
  requests?: unknown[];
  category?: string;
  online?: boolean;
  /** return: the platform's number of this send-back (one reopen per number), reason, time. */
  returnNo?: string;
  reason?: string;
}

export interface Push12345Deps extends IntakeDeps, SignatureOptions {}

export interface PushResponse {
  status: number;
  body: Record<string, unknown>;
}

const ORDER_TYPES: Record<string, SubmissionKind> = { 投诉: 'complaint', 举报: 'report', 咨询: 'inquiry', 建议: 'suggestion', 投诉举报: 'mixed' };

export async function handle12345Push(deps: Push12345Deps, headers: Headers, rawBody: Buffer | string): Promise<PushResponse> {
  const signature = verify12345Signature(headers, rawBody, deps);
  if (!signature.ok) return { status: 401, body: { error: { code: signature.code, message: signature.message } } };
  let push: Push12345;
  try {
    push = JSON.parse(rawBody.toString());
  } catch {
    return { status: 400, body: { error: { code: 'badJson', message: '请求体不是有效的 JSON' } } };
  }
  return handleVerified12345Push(deps, push);
}

/**
 * The push after its signature was checked, by this module's scheme or by the caller's own
 * (the server's API-key HMAC): registers a dispatch or records a send-back.
 */
export async function handleVerified12345Push(deps: IntakeDeps, push: Push12345): Promise<PushResponse> {
  if (!push || typeof push !== 'object' || typeof push.orderNo !== 'string' || !push.orderNo.trim()) {
    return { status: 422, body: { errors: [{ path: '/orderNo', code: 'required', message: '请提供 12345 工单编号' }] } };
  }
  if (push.event === 'dispatch') return dispatch(deps, push);
  if (push.event === 'return') return sendBack(deps, push);
  return { status: 422, body: { errors: [{ path: '/event', code: 'enum', message: 'event 应为 dispatch（派单）或 return（退回重办）' }] } };
}

async function dispatch(deps: IntakeDeps, push: Push12345): Promise<PushResponse> {
  const kind = ORDER_TYPES[push.orderType ?? ''];
  if (!kind) {
    return { status: 422, body: { errors: [{ path: '/orderType', code: 'enum', message: `工单类型“${push.orderType ?? ''}”无效，应为：${Object.keys(ORDER_TYPES).join('、')}` }] } };
  }
  const submission = {
    channel: '12345',
    externalNo: push.orderNo.trim(),
    kind,
    receivedAt: push.receivedAt,
    complainant: push.caller,
    respondent: push.respondent,
    facts: push.facts,
    requests: push.requests,
    // The city platform does not classify by the bureau's categories: 其他 until the clerk does.
    category: push.category !== undefined && (CATEGORIES as readonly string[]).includes(push.category) ? push.category : kind === 'inquiry' || kind === 'suggestion' ? undefined : '其他',
    online: push.online,
  };
  const outcome = await registerTicket(deps, submission, { actor: 'intake:12345' });
  if (!outcome.ok) return { status: 422, body: { errors: outcome.errors.map(toPushPath) } };
  return {
    status: 200,
    body: { ok: true, created: outcome.created, tickets: outcome.tickets.map((t) => ({ ticketNo: t.ticketNo, kind: t.kind, orderNo: t.externalNo })) },
  };
}

/** Our field paths in the platform's terms. */
function toPushPath(e: FieldError): FieldError {
  return { ...e, path: e.path.replace(/^\/complainant/, '/caller').replace(/^\/externalNo/, '/orderNo').replace(/^\/kind/, '/orderType') };
}

/**
 * A send-back: recorded in the audit trail once per returnNo, then the message
 * `ticket.reopened` starts the ticket's reopen escalation, whose `ticket.reopen` job counts
 * the reopen. The message id (ticket and returnNo) makes a replayed push a no-op on the
 * engine too.
 */
async function sendBack(deps: IntakeDeps, push: Push12345): Promise<PushResponse> {
  if (typeof push.returnNo !== 'string' || !push.returnNo.trim()) {
    return { status: 422, body: { errors: [{ path: '/returnNo', code: 'required', message: '请提供退回单号（每次退回唯一）' }] } };
  }
  const returnNo = push.returnNo.trim();
  const tickets = await findTicketsByExternalNo(deps.pool, '12345', push.orderNo.trim());
  if (tickets.length === 0) return { status: 404, body: { error: { code: 'unknownOrder', message: `没有 12345 工单 ${push.orderNo} 的记录` } } };
  const reopened: { ticketNo: string }[] = [];
  for (const ticket of tickets.filter((t) => t.kind === 'complaint' || t.kind === 'report')) {
    await appendAudit(deps.pool, {
      ticketId: ticket.id, actor: 'intake:12345', action: 'ticket.sentBack',
      before: { status: ticket.status, reopenCount: ticket.reopenCount },
      after: { reason: push.reason ?? null, returnNo },
      idempotencyKey: `12345.return:${push.orderNo}:${returnNo}:${ticket.id}`,
    });
    if (deps.zeebe) {
      await publishOnce(deps.zeebe, {
        name: 'ticket.reopened',
        correlationKey: ticket.ticketNo,
        messageId: `${ticket.ticketNo}:reopen:${returnNo}`,
        timeToLive: 3_600_000,
        variables: {
          ticketId: ticket.id, ticketNo: ticket.ticketNo, kind: ticket.kind, channel: ticket.channel,
          department: ticket.department, bureau: ticket.department?.slice(0, 6) ?? null, receivedAt: toShanghaiIso(ticket.receivedAt),
          reopenReason: push.reason ?? null,
        } as never,
      });
    }
    reopened.push({ ticketNo: ticket.ticketNo });
  }
  return { status: 200, body: { ok: true, reopened } };
}

type PublishRequest = Parameters<NonNullable<IntakeDeps['zeebe']>['publishMessage']>[0];

/** A message id the engine has seen (a replayed send-back) is already done: ALREADY_EXISTS is success. */
async function publishOnce(zeebe: NonNullable<IntakeDeps['zeebe']>, message: PublishRequest): Promise<void> {
  try {
    await zeebe.publishMessage(message);
  } catch (err) {
    if ((err as { code?: number }).code !== 6) throw err;
  }
}
