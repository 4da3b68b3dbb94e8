// The holiday calendar in force: the chinese-days package data plus the administrator's
// entries, which are data in PostgreSQL. A year is saved as a whole (one State Council
// notice), checked first; workers read the calendar again for every deadline they count.
import type pg from 'pg';
import { checkOverrides, HolidayCalendar, type CalendarOverride } from '../domain/index.ts';
import type { FieldError } from './validate-submission.ts';
import { transaction } from './db.ts';

export async function calendarEntries(pool: pg.Pool, year?: number): Promise<CalendarOverride[]> {
  const result = await pool.query<{ date: string; kind: 'holiday' | 'workday'; name: string }>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, name FROM holiday_calendar_entries
     WHERE $1::int IS NULL OR extract(year FROM date) = $1 ORDER BY date`,
    [year ?? null],
  );
  return result.rows;
}

export async function loadHolidayCalendar(pool: pg.Pool): Promise<HolidayCalendar> {
  return new HolidayCalendar({ overrides: await calendarEntries(pool) });
}

/** Replaces one year's entries; answers the problems (field paths) and changes nothing when there are any. */
export async function saveCalendarYear(pool: pg.Pool, year: number, entries: unknown[], actor: string): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
  const errors: FieldError[] = checkOverrides(entries, 'entries').map((i) => ({ path: `/${i.path.replace(/\[(\d+)\]/g, '/$1').replace(/\./g, '/')}`, code: i.code, message: i.message }));
  (entries as CalendarOverride[]).forEach((e, i) => {
    if (typeof e?.date === 'string' && !e.date.startsWith(`${year}-`)) errors.push({ path: `/entries/${i}/date`, code: 'override.year', message: `日期应在 ${year} 年内` });
  });
  if (errors.length) return { ok: false, errors };
  await transaction(pool, async (client) => {
    await client.query('DELETE FROM holiday_calendar_entries WHERE extract(year FROM date) = $1', [year]);
    const rows = entries as CalendarOverride[];
    await client.query(
      `INSERT INTO holiday_calendar_entries (date, kind, name, updated_by)
       SELECT d, k, n, $4 FROM unnest($1::date[], $2::text[], $3::text[]) AS e(d, k, n)`,
      [rows.map((e) => e.date), rows.map((e) => e.kind), rows.map((e) => e.name), actor],
    );
  });
  return { ok: true };
}
