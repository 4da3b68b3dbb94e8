// The counts behind every KPI of DOMAIN.md ("What supervisors measure"), per unit and
// either for the whole range or per month, each one indexed SQL query on the ticket store.
// Which instant puts an event into a period:
//   received, online / professional shares — tickets.received_at
//   accept decisions (按时初查) — the complaint.accept deadline's completed_at
//   report verification (举报按时核查) — the report.verify deadline's completed_at
//   closing, reopen, satisfaction, amount recovered — tickets.closed_at
//   mediation concluded / agreed — the 调解书 or 终止调解决定书 notice's issued_at
//   accepted complaints — the 受理决定书's issued_at; 诉转案 — the case's created_at
//   overdue — the deadline's due time (extended if approved)
import type pg from 'pg';
import type { Unit } from './units.ts';

export interface Counts {
  received: number;
  complaints: number;
  reports: number;
  online: number;
  professional: number;
  acceptDecisions: number;
  acceptOnTime: number;
  verified: number;
  verifiedOnTime: number;
  closed: number;
  closedOnTime: number;
  reopened: number;
  recovered: number;
  visits: number;
  satisfied: number;
  mediationsConcluded: number;
  agreements: number;
  accepted: number;
  conversions: number;
  overdue: number;
}

export const ZERO: Readonly<Counts> = Object.freeze({
  received: 0, complaints: 0, reports: 0, online: 0, professional: 0, acceptDecisions: 0, acceptOnTime: 0, verified: 0,
  verifiedOnTime: 0, closed: 0, closedOnTime: 0, reopened: 0, recovered: 0, visits: 0, satisfied: 0, mediationsConcluded: 0,
  agreements: 0, accepted: 0, conversions: 0, overdue: 0,
});

/**
 * Steps whose deadline is the bureau's own duty. Mediation, ODR self-settlement and the
 * statement period end by themselves when their time runs out (the law ends mediation
 * at its limit), so finishing them at the limit is not late handling.
 */
export const HANDLING_STEPS = ['complaint.accept', 'report.verify', 'complaint.verifyClue', 'reopen.handle'];

const DUE = 'COALESCE(d.extended_due_at, d.due_at)';

/**
 * (unit, dept): the department codes of each unit ($1) and below. A ticket not routed yet
 * belongs to the bureau that received it, the top of the tree (server/tickets/access.ts):
 * it is matched as dept '' (no department code is empty), so the join stays an equality.
 */
const UNIT_DEPARTMENTS = `
  SELECT u.code AS unit, d.code AS dept FROM departments u JOIN departments d ON d.path LIKE u.path || '%' WHERE u.code = ANY($1::text[])
  UNION ALL SELECT u.code, '' FROM departments u WHERE u.code = ANY($1::text[]) AND u.parent_id IS NULL`;
const TICKET_UNIT = `u.dept = COALESCE(t.department, '')`;

// $1 unit codes, $2 from, $3 to, $4 handling steps, $5 now. Each query: unit, bucket, counts.
const QUERIES: ((bucket: (instant: string) => string) => string)[] = [
  (b) => `SELECT u.unit, ${b('t.received_at')} AS bucket, count(*) AS received,
            count(*) FILTER (WHERE t.kind = 'complaint') AS complaints, count(*) FILTER (WHERE t.kind = 'report') AS reports,
            count(*) FILTER (WHERE t.online) AS online, count(*) FILTER (WHERE t.professional_claimant) AS professional
          FROM tickets t JOIN units u ON ${TICKET_UNIT}
          WHERE t.received_at >= $2 AND t.received_at < $3 GROUP BY 1, 2`,
  (b) => `SELECT u.unit, ${b('d.completed_at')} AS bucket,
            count(*) FILTER (WHERE d.step = 'complaint.accept') AS "acceptDecisions",
            count(*) FILTER (WHERE d.step = 'complaint.accept' AND d.completed_at <= ${DUE}) AS "acceptOnTime",
            count(*) FILTER (WHERE d.step = 'report.verify') AS verified,
            count(*) FILTER (WHERE d.step = 'report.verify' AND d.completed_at <= ${DUE}) AS "verifiedOnTime"
          FROM ticket_deadlines d JOIN tickets t ON t.id = d.ticket_id JOIN units u ON ${TICKET_UNIT}
          WHERE d.step IN ('complaint.accept', 'report.verify') AND d.completed_at >= $2 AND d.completed_at < $3 GROUP BY 1, 2`,
  (b) => `SELECT u.unit, ${b('t.closed_at')} AS bucket, count(*) AS closed,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM ticket_deadlines d WHERE d.ticket_id = t.id AND d.step = ANY($4::text[])
              AND COALESCE(d.completed_at, t.closed_at) > ${DUE})) AS "closedOnTime",
            count(*) FILTER (WHERE t.reopen_count > 0) AS reopened,
            COALESCE(sum(t.amount_recovered), 0) AS recovered,
            count(t.satisfaction) AS visits, count(*) FILTER (WHERE t.satisfaction IN ('非常满意', '满意')) AS satisfied
          FROM tickets t JOIN units u ON ${TICKET_UNIT}
          WHERE t.status = 'closed' AND t.closed_at >= $2 AND t.closed_at < $3 GROUP BY 1, 2`,
  (b) => `SELECT u.unit, ${b('n.issued_at')} AS bucket,
            count(DISTINCT n.ticket_id) FILTER (WHERE n.template IN ('mediation-agreement', 'termination-decision')) AS "mediationsConcluded",
            count(DISTINCT n.ticket_id) FILTER (WHERE n.template = 'mediation-agreement') AS agreements,
            count(DISTINCT n.ticket_id) FILTER (WHERE n.template = 'accept-decision') AS accepted
          FROM notices n JOIN tickets t ON t.id = n.ticket_id JOIN units u ON ${TICKET_UNIT}
          WHERE n.template IN ('mediation-agreement', 'termination-decision', 'accept-decision') AND n.issued_at >= $2 AND n.issued_at < $3
          GROUP BY 1, 2`,
  (b) => `SELECT u.unit, ${b('c.created_at')} AS bucket, count(DISTINCT t.id) AS conversions
          FROM cases c JOIN tickets t ON t.id = c.ticket_id JOIN units u ON ${TICKET_UNIT}
          WHERE t.kind = 'complaint' AND c.created_at >= $2 AND c.created_at < $3
            AND NOT EXISTS (SELECT 1 FROM cases e WHERE e.ticket_id = t.id AND e.created_at < c.created_at)
          GROUP BY 1, 2`,
  (b) => `SELECT u.unit, ${b(DUE)} AS bucket, count(DISTINCT t.id) AS overdue
          FROM ticket_deadlines d JOIN tickets t ON t.id = d.ticket_id JOIN units u ON ${TICKET_UNIT}
          WHERE d.step = ANY($4::text[]) AND ${DUE} >= $2 AND ${DUE} < $3 AND ${DUE} < COALESCE(d.completed_at, $5)
          GROUP BY 1, 2`,
];

export interface Range {
  from: Date;
  to: Date;
}

/** Counts keyed `<unit code>|<bucket>`; bucket is 'all', or the month (2026-05) with `byMonth`. */
export async function measure(pool: pg.Pool, units: readonly Unit[], range: Range, now: Date, byMonth = false): Promise<Map<string, Counts>> {
  const bucket = (instant: string) => (byMonth ? `to_char(${instant} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')` : `'all'`);
  const units_ = `WITH units AS (${UNIT_DEPARTMENTS}) `;
  const params = [units.map((u) => u.code), range.from, range.to, HANDLING_STEPS, now];
  const results = await Promise.all(QUERIES.map((q) => {
    const sql = units_ + q(bucket);
    // PostgreSQL refuses a parameter the statement does not use: pass only up to the last one it names.
    const used = Math.max(...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    return pool.query(sql, params.slice(0, used));
  }));
  const out = new Map<string, Counts>();
  for (const { rows } of results) {
    for (const row of rows) {
      const key = `${row.unit}|${row.bucket}`;
      const counts = out.get(key) ?? { ...ZERO };
      for (const [name, value] of Object.entries(row)) if (name !== 'unit' && name !== 'bucket') (counts as any)[name] = Number(value);
      out.set(key, counts);
    }
  }
  return out;
}
