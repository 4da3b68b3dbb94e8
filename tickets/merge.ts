// Merging duplicates into one ticket (并案): each merged ticket's process is cancelled
// through the engine, and the ticket ends as the `ticket.status` worker ends one with a
// final status (status merged, open deadlines met, off the 督办 list), linked `merged` to
// the survivor, which goes on. All in one transaction that holds the tickets' rows while
// the engine is asked: if it refuses a cancel, or the commit fails, no row changes, and
// merging again finds the instances already cancelled gone and completes the rest.
import type pg from 'pg';
import { appendAudit } from './audit.ts';
import { transaction } from './db.ts';
import { linkTickets } from './links.ts';
import { FINAL_STATUSES } from './status.ts';
import { lockTicket, updateTicket } from './ticket-store.ts';
import type { Ticket } from './types.ts';
import { clearSupervision } from './supervision.ts';
import type { FieldError } from './validate-submission.ts';
import type { ProcessClient } from './zeebe.ts';

export interface MergeDeps {
  pool: pg.Pool;
  /** Needed when a merged ticket runs a process. */
  zeebe?: ProcessClient;
}

export type MergeOutcome =
  | { ok: false; status: 404 | 409 | 422 | 503; errors: FieldError[] }
  | { ok: true; survivor: Ticket; merged: Ticket[] };

const NOT_FOUND = 5;
const isFinal = (t: Ticket) => (FINAL_STATUSES as readonly string[]).includes(t.status);

export async function mergeTickets(
  deps: MergeDeps, survivorId: string, mergedIds: string[], options: { actor: string; reason: string; at: Date },
): Promise<MergeOutcome> {
  return transaction(deps.pool, async (db): Promise<MergeOutcome> => {
    // Rows locked in one order, so two merges of overlapping tickets cannot deadlock.
    const locked = new Map<string, Ticket>();
    for (const id of [...new Set([survivorId, ...mergedIds])].sort()) {
      const ticket = await lockTicket(db, id);
      if (ticket) locked.set(id, ticket);
    }
    const survivor = locked.get(survivorId);
    if (!survivor) return { ok: false, status: 404, errors: [{ path: '/id', code: 'notFound', message: '未找到保留的工单' }] };
    if (isFinal(survivor)) return { ok: false, status: 409, errors: [{ path: '/id', code: 'final', message: `保留的工单 ${survivor.ticketNo} 已结束，请选择未结束的工单作为保留工单` }] };
    const errors: FieldError[] = [];
    mergedIds.forEach((id, i) => {
      const t = locked.get(id);
      const path = `/ticketIds/${i}`;
      if (id === survivorId || mergedIds.indexOf(id) !== i) errors.push({ path, code: 'repeated', message: '同一工单只能列出一次，且不能并入自身' });
      else if (!t) errors.push({ path, code: 'notFound', message: '未找到该工单' });
      else if (isFinal(t)) errors.push({ path, code: 'final', message: `工单 ${t.ticketNo} 已结束（${t.status}），不能再并案` });
      else if (t.kind !== survivor.kind) errors.push({ path, code: 'kind', message: `工单 ${t.ticketNo} 与 ${survivor.ticketNo} 类型不同，只能同类工单并案` });
    });
    const has = (code: string) => errors.some((e) => e.code === code);
    if (errors.length) return { ok: false, status: has('repeated') ? 422 : has('notFound') ? 404 : 409, errors };
    const running = mergedIds.filter((id) => locked.get(id)!.processInstanceKey);
    if (running.length && !deps.zeebe) return { ok: false, status: 503, errors: [{ path: '/ticketIds', code: 'engine', message: '流程引擎不可用，无法结束被并案工单的流程，请稍后再试' }] };

    // The engine first: if it refuses, nothing has been written.
    for (const id of running) {
      const failure = await cancelInstance(deps.zeebe!, locked.get(id)!.processInstanceKey!);
      if (failure) return { ok: false, status: 503, errors: [{ path: `/ticketIds/${mergedIds.indexOf(id)}`, code: 'engine', message: `流程引擎未能结束工单 ${locked.get(id)!.ticketNo} 的流程（${failure}），请稍后再试` }] };
    }
    const merged: Ticket[] = [];
    for (const id of mergedIds) {
      const before = locked.get(id)!;
      const after = await updateTicket(db, id, { status: 'merged', closedAt: options.at });
      await db.query('UPDATE ticket_deadlines SET completed_at = $2, updated_at = now() WHERE ticket_id = $1 AND completed_at IS NULL', [id, options.at]);
      await clearSupervision(db, id, options.at);
      await linkTickets(db, id, 'merged', survivor.id, { reason: options.reason, by: options.actor, at: options.at });
      await appendAudit(db, {
        ticketId: id, actor: options.actor, action: 'ticket.merged', at: options.at, processInstanceKey: before.processInstanceKey,
        before: { status: before.status }, after: { status: 'merged', into: survivor.ticketNo, reason: options.reason },
      });
      merged.push(after);
    }
    await appendAudit(db, { ticketId: survivor.id, actor: options.actor, action: 'ticket.mergedInto', at: options.at, after: { merged: merged.map((t) => t.ticketNo), reason: options.reason } });
    return { ok: true, survivor, merged };
  });
}

/** The engine's refusal, if any; an instance that already ended (or an earlier attempt cancelled) is what we want. */
async function cancelInstance(zeebe: ProcessClient, key: string): Promise<string | undefined> {
  try {
    await zeebe.cancelProcessInstance(key);
    return undefined;
  } catch (err) {
    return (err as { code?: number }).code === NOT_FOUND ? undefined : (err as Error).message;
  }
}
