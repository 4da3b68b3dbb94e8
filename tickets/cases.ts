// Cases (诉转案): a violation found while handling a ticket, with the stages it went through.
import type { Queryable } from './db.ts';
import { linkTicketToCase } from './links.ts';
import { CASE_STAGES, type Case, type CaseDecision, type CaseStage, type CaseStageEntry } from './types.ts';

interface CaseRow {
  id: string;
  case_no: string;
  ticket_id: string;
  stage: CaseStage;
  decision: CaseDecision | null;
  process_id: string | null;
  process_instance_key: string | null;
  created_at: Date;
  filed_at: Date | null;
  closed_at: Date | null;
}

const toCase = (r: CaseRow): Case => ({
  id: r.id,
  caseNo: r.case_no,
  ticketId: r.ticket_id,
  stage: r.stage,
  decision: r.decision,
  processId: r.process_id,
  processInstanceKey: r.process_instance_key,
  createdAt: r.created_at,
  filedAt: r.filed_at,
  closedAt: r.closed_at,
});

export interface NewCase {
  ticketId: string;
  actor: string;
  processId?: string | null;
  processInstanceKey?: string | null;
  createdAt?: Date;
  idempotencyKey?: string | null;
}

/** Opens a case for a ticket at its first stage and links the two. */
export async function createCase(db: Queryable, c: NewCase): Promise<Case> {
  const createdAt = c.createdAt ?? new Date();
  const seq = await db.query<{ n: string }>(`SELECT nextval('case_no_seq')::text AS n`);
  // AJ2026000012: 案件, year of creation (Shanghai), serial.
  const year = new Date(createdAt.getTime() + 8 * 3_600_000).getUTCFullYear();
  const caseNo = `AJ${year}${seq.rows[0]!.n.padStart(6, '0')}`;
  const result = await db.query<CaseRow>(
    `INSERT INTO cases (case_no, ticket_id, process_id, process_instance_key, created_at, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [caseNo, c.ticketId, c.processId ?? null, c.processInstanceKey ?? null, createdAt, c.idempotencyKey ?? null],
  );
  const created = toCase(result.rows[0]!);
  await db.query('INSERT INTO case_stages (case_id, stage, entered_at, actor) VALUES ($1, $2, $3, $4)', [created.id, created.stage, createdAt, c.actor]);
  await linkTicketToCase(db, c.ticketId, created.id, { by: c.actor, at: createdAt });
  return created;
}

export async function getCase(db: Queryable, id: string): Promise<Case | undefined> {
  const result = await db.query<CaseRow>('SELECT * FROM cases WHERE id = $1', [id]);
  return result.rows[0] && toCase(result.rows[0]);
}

export async function casesOfTicket(db: Queryable, ticketId: string): Promise<Case[]> {
  const result = await db.query<CaseRow>('SELECT * FROM cases WHERE ticket_id = $1 ORDER BY created_at', [ticketId]);
  return result.rows.map(toCase);
}

/** Cases in a stage, newest first (the case officers' list). */
export async function casesInStage(db: Queryable, stage: CaseStage, limit = 100): Promise<Case[]> {
  const result = await db.query<CaseRow>('SELECT * FROM cases WHERE stage = $1 ORDER BY created_at DESC LIMIT $2', [stage, limit]);
  return result.rows.map(toCase);
}

export interface StageChange {
  stage: CaseStage;
  actor: string;
  at?: Date;
  note?: string;
  decision?: CaseDecision;
}

/** Moves a case to a stage and records it; 立案审批 passed sets filedAt, 结案 sets closedAt. */
export async function setCaseStage(db: Queryable, caseId: string, change: StageChange): Promise<Case> {
  if (!CASE_STAGES.includes(change.stage)) throw new Error(`unknown case stage '${change.stage}'`);
  const at = change.at ?? new Date();
  const result = await db.query<CaseRow>(
    `UPDATE cases SET stage = $2, decision = COALESCE($3, decision),
       filed_at = CASE WHEN $2 = 'investigation' AND filed_at IS NULL THEN $4 ELSE filed_at END,
       closed_at = CASE WHEN $2 = 'closed' THEN $4 ELSE closed_at END
     WHERE id = $1 RETURNING *`,
    [caseId, change.stage, change.decision ?? null, at],
  );
  if (!result.rows[0]) throw new Error(`case ${caseId} not found`);
  await db.query('INSERT INTO case_stages (case_id, stage, entered_at, actor, note) VALUES ($1, $2, $3, $4, $5)', [caseId, change.stage, at, change.actor, change.note ?? null]);
  return toCase(result.rows[0]);
}

export async function caseStages(db: Queryable, caseId: string): Promise<CaseStageEntry[]> {
  const result = await db.query<{ stage: CaseStage; entered_at: Date; actor: string; note: string | null }>(
    'SELECT stage, entered_at, actor, note FROM case_stages WHERE case_id = $1 ORDER BY id', [caseId]);
  return result.rows.map((r) => ({ stage: r.stage, enteredAt: r.entered_at, actor: r.actor, note: r.note }));
}
