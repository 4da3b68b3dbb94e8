// The holiday calendar in force: the chinese-days package data plus the administrator's
// entries, which are data in PostgreSQL. A year is saved as a whole (one State Council
// notice), checked first, and kept as a version (holiday-calendar-versions.ts) so it can be
// compared and rolled back; workers read the calendar again for every deadline they count.
import type pg from 'pg';
import { checkOverrides, HolidayCalendar, type CalendarOverride } from '../domain/index.ts';
import type { FieldError } from './validate-submission.ts';
import { transaction, type Queryable } from './db.ts';
import { calendarVersion, recordCalendarVersion } from './holiday-calendar-versions.ts';

export async function calendarEntries(db: Queryable, year?: number): Promise<CalendarOverride[]> {
  const result = await db.query<{ date: string; kind: 'holiday' | 'workday'; name: string }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM holiday_calendar_entries
     WHERE $1::int IS NULL OR extract(year FROM date) = $1 ORDER BY date`,
    [year ?? null],
  );
  return result.rows;
}

export async function loadHolidayCalendar(pool: pg.Pool): Promise<HolidayCalendar> {
  return new HolidayCalendar({ overrides: await calendarEntries(pool) });
}

/** The problems of a year's entries as field paths (/entries/1/date); none means it may be saved. */
export function checkCalendarYear(year: number, entries: unknown[]): FieldError[] {
  const errors: FieldError[] = checkOverrides(entries, 'entries').map((i) => ({ path: `/${i.path.replace(/\[(\d+)\]/g, '/$1').replace(/\./g, '/')}`, code: i.code, message: i.message }));
  (entries as CalendarOverride[]).forEach((e, i) => {
    if (typeof e?.date === 'string' && !e.date.startsWith(`${year}-`)) errors.push({ path: `/entries/${i}/date`, code: 'override.year', message: `日期应在 ${year} 年内` });
  });
  return errors;
}

export type SaveOutcome =
  | { ok: true; version: number | null; changed: boolean }
  | { ok: false; errors: FieldError[] };

export interface SaveOptions {
  actor: string;
  at: Date;
  /** The version whose entries a rollback saves again. */
  rolledBackFrom?: number;
}

/**
 * Replaces one year's entries and records them as its next version; entries equal to those
 * in force change nothing (changed: false). Answers the problems (field paths) and changes
 * nothing when there are any.
 */
export async function saveCalendarYear(pool: pg.Pool, year: number, entries: unknown[], options: SaveOptions): Promise<SaveOutcome> {
  const errors = checkCalendarYear(year, entries);
  if (errors.length) return { ok: false, errors };
  const rows = (entries as CalendarOverride[]).map((e) => ({ date: e.date, kind: e.kind, name: e.name })).sort((a, b) => a.date.localeCompare(b.date));
  return transaction(pool, async (client) => {
    // Two saves of a year at once get versions n and n+1, the later one in force.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`holiday-calendar:${year}`]);
    const inForce = await calendarEntries(client, year);
    const { rows: [latest] } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM holiday_calendar_versions WHERE year = $1', [year]);
    if (JSON.stringify(inForce) === JSON.stringify(rows)) return { ok: true, version: latest?.version ?? null, changed: false };
    await client.query('DELETE FROM holiday_calendar_entries WHERE extract(year FROM date) = $1', [year]);
    await client.query(
      `INSERT INTO holiday_calendar_entries (date, kind, name, updated_by, updated_at)
       SELECT d, k, n, $4, $5 FROM unnest($1::date[], $2::text[], $3::text[]) AS e(d, k, n)`,
      [rows.map((e) => e.date), rows.map((e) => e.kind), rows.map((e) => e.name), options.actor, options.at],
    );
    const version = await recordCalendarVersion(client, { year, entries: rows, savedBy: options.actor, savedAt: options.at, rolledBackFrom: options.rolledBackFrom ?? null });
    return { ok: true, version, changed: true };
  });
}

/** Saves a version's entries again as the year's next version, checked like any save; undefined: no such version. */
export async function rollbackCalendarYear(pool: pg.Pool, year: number, version: number, options: Omit<SaveOptions, 'rolledBackFrom'>): Promise<SaveOutcome | undefined> {
  const old = await calendarVersion(pool, year, version);
  return old && saveCalendarYear(pool, year, old.entries, { ...options, rolledBackFrom: version });
}
