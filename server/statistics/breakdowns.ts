// Breakdowns of the tickets received in a period (by category, channel, kind), and the hot
// spots: respondents, categories and areas with unusual counts against their usual level
// (未诉先办, 消费警示) — the usual level is the average of the same-length periods before.
import type pg from 'pg';
import type { Range } from './measures.ts';
import { shiftBack, type Period } from './period.ts';
import type { Unit } from './units.ts';

export const BREAKDOWNS = {
  category: `COALESCE(t.category, '未分类')`,
  channel: 't.channel',
  kind: 't.kind',
} as const;

// The unit ($1, its path) and below; a ticket not routed yet counts for the top of the tree (measures.ts).
const IN_UNIT = `COALESCE(t.department, '') IN (SELECT d.code FROM departments d WHERE d.path LIKE $1 || '%'
  UNION ALL SELECT '' FROM departments r WHERE r.path = $1 AND r.parent_id IS NULL)`;

export async function breakdowns(pool: pg.Pool, unit: Unit, range: Range): Promise<Record<keyof typeof BREAKDOWNS, { key: string; count: number }[]>> {
  const entries = await Promise.all(Object.entries(BREAKDOWNS).map(async ([name, expr]) => {
    const { rows } = await pool.query<{ key: string; count: number }>(
      `SELECT ${expr} AS key, count(*)::int AS count FROM tickets t
        WHERE ${IN_UNIT} AND t.received_at >= $2 AND t.received_at < $3 GROUP BY 1 ORDER BY 2 DESC, 1`,
      [unit.path, range.from, range.to]);
    return [name, rows] as const;
  }));
  return Object.fromEntries(entries) as Record<keyof typeof BREAKDOWNS, { key: string; count: number }[]>;
}

/** What a hot spot groups by: the respondent (by credit code, else name), the category, the respondent's area (county code). */
export const HOTSPOT_DIMENSIONS = {
  respondent: { key: `COALESCE(t.respondent_uscc, t.respondent_name)`, label: `max(t.respondent_name)`, where: 't.respondent_name IS NOT NULL' },
  category: { key: 't.category', label: 't.category', where: 't.category IS NOT NULL' },
  area: { key: 'left(t.respondent_region_code, 6)', label: 'left(t.respondent_region_code, 6)', where: 't.respondent_region_code IS NOT NULL' },
} as const;

/** Periods before this one whose average is the usual level. */
export const BASELINE_PERIODS = 4;
/** Unusual: at least this many, and at least twice the usual level. */
export const HOTSPOT_MIN = 3;
const HOTSPOT_LIMIT = 10;

export interface HotSpot {
  key: string;
  label: string;
  count: number;
  usual: number;
  unusual: boolean;
}

export async function hotSpots(pool: pg.Pool, unit: Unit, period: Period): Promise<Record<keyof typeof HOTSPOT_DIMENSIONS, HotSpot[]>> {
  const baseline = shiftBack(period, BASELINE_PERIODS);
  const entries = await Promise.all(Object.entries(HOTSPOT_DIMENSIONS).map(async ([name, d]) => {
    const { rows } = await pool.query<{ key: string; label: string; count: number; before: number }>(
      `SELECT ${d.key} AS key, ${d.label} AS label,
              count(*) FILTER (WHERE t.received_at >= $2)::int AS count,
              count(*) FILTER (WHERE t.received_at < $2)::int AS before
         FROM tickets t
        WHERE ${IN_UNIT} AND ${d.where} AND t.received_at >= $4 AND t.received_at < $3
        GROUP BY ${d.key} HAVING count(*) FILTER (WHERE t.received_at >= $2) > 0
        ORDER BY 3 DESC, 1 LIMIT ${HOTSPOT_LIMIT}`,
      [unit.path, period.from, period.to, baseline.from]);
    return [name, rows.map((r) => {
      const usual = Math.round((r.before / BASELINE_PERIODS) * 10) / 10;
      return { key: r.key, label: r.label, count: r.count, usual, unusual: r.count >= HOTSPOT_MIN && r.count >= 2 * usual };
    })] as const;
  }));
  return Object.fromEntries(entries) as Record<keyof typeof HOTSPOT_DIMENSIONS, HotSpot[]>;
}
