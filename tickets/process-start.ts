// Starting a ticket's process, exactly one per ticket:
// 1. the ticket is stored first (intake's transaction), so nothing is lost if the engine is down;
// 2. the instance is started with the contract's variables (processes/README.md);
// 3. its key is recorded by compare-and-set: the first instance to claim the ticket wins.
// A crash between 2 and 3 leaves the ticket without a key; recovery starts it again, and
// whichever instance loses the claim is cancelled, here or by the workers' guard
// (workers/instance-guard.ts) when the stray instance's first job arrives.
import type pg from 'pg';
import type { Queryable } from './db.ts';
import { claimProcessInstance, getTicket, markProcessStartRequested, ticketsWithoutProcess } from './ticket-store.ts';
import { toShanghaiIso } from './time.ts';
import type { Ticket } from './types.ts';
import { PROCESS_OF_KIND } from './types.ts';
import type { ProcessClient } from './zeebe.ts';

export interface ProcessStartDeps {
  pool: pg.Pool;
  zeebe: ProcessClient;
  log?: (message: string) => void;
}

/** The process variables a ticket's instance starts with. */
export function processVariables(t: Ticket): Record<string, unknown> {
  return {
    ticketId: t.id,
    ticketNo: t.ticketNo,
    kind: t.kind,
    channel: t.channel,
    category: t.category,
    regionCode: t.respondent.regionCode,
    online: t.online,
    receivedAt: toShanghaiIso(t.receivedAt),
    odrChosen: t.odrChosen,
    anonymous: t.complainant.anonymous,
  };
}

/**
 * Starts the ticket's process unless it has one; returns the instance key the ticket holds
 * afterwards (undefined for kinds without a process). Engine errors are thrown: the ticket
 * stays without a key and `startPendingProcesses` tries again.
 */
export async function startTicketProcess(deps: ProcessStartDeps, ticket: Ticket): Promise<string | undefined> {
  const processId = PROCESS_OF_KIND[ticket.kind];
  if (!processId) return undefined;
  if (ticket.processInstanceKey) return ticket.processInstanceKey;
  await markProcessStartRequested(deps.pool, ticket.id);
  const created = await deps.zeebe.createProcessInstance({ bpmnProcessId: processId, variables: processVariables(ticket) as never });
  const started = String(created.processInstanceKey);
  const holder = await claimProcessInstance(deps.pool, ticket.id, processId, started);
  if (holder !== started) {
    deps.log?.(`ticket ${ticket.ticketNo} already runs instance ${holder}; cancelling the duplicate ${started}`);
    await cancelQuietly(deps.zeebe, started);
  }
  return holder;
}

/**
 * Starts the processes of tickets that have none (intake crashed after storing, or the engine
 * was unreachable), registered more than `olderThanMs` ago so as not to race an intake in flight.
 * The server calls it at start and then every few minutes.
 */
export async function startPendingProcesses(deps: ProcessStartDeps, options: { olderThanMs?: number; limit?: number } = {}): Promise<{ started: number; failed: number }> {
  const before = new Date(Date.now() - (options.olderThanMs ?? 60_000));
  const pending = await ticketsWithoutProcess(deps.pool, before, options.limit ?? 100);
  let started = 0;
  let failed = 0;
  for (const ticket of pending) {
    try {
      if (await startTicketProcess(deps, ticket)) started++;
    } catch (err) {
      failed++;
      deps.log?.(`cannot start the process of ticket ${ticket.ticketNo}: ${(err as Error).message}`);
    }
  }
  return { started, failed };
}

/** The ticket again, with the key recorded meanwhile. */
export async function reloadTicket(db: Queryable, ticket: Ticket): Promise<Ticket> {
  return (await getTicket(db, ticket.id)) ?? ticket;
}

async function cancelQuietly(zeebe: ProcessClient, key: string): Promise<void> {
  try {
    await zeebe.cancelProcessInstance(key);
  } catch {
    // Already ended or already cancelled by the workers' guard.
  }
}
