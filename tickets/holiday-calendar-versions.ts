// The versions of the holiday calendar (migration 006): every save of a year, who and when,
// and what changed between two sets of entries, described in Chinese for the page.
import type { CalendarOverride } from '../domain/index.ts';
import type { Queryable } from './db.ts';

export interface CalendarVersion {
  year: number;
  version: number;
  entries: CalendarOverride[];
  savedBy: string;
  savedAt: Date;
  rolledBackFrom: number | null;
}

export interface CalendarChange {
  date: string;
  change: 'added' | 'removed' | 'changed';
  before: { kind: CalendarOverride['kind']; name: string } | null;
  after: { kind: CalendarOverride['kind']; name: string } | null;
  /** The change in one Chinese phrase, e.g. 新增 放假（元旦）. */
  text: string;
}

interface VersionRow {
  year: number;
  version: number;
  entries: CalendarOverride[];
  saved_by: string;
  saved_at: Date;
  rolled_back_from: number | null;
}

const toVersion = (r: VersionRow): CalendarVersion =>
  ({ year: r.year, version: r.version, entries: r.entries, savedBy: r.saved_by, savedAt: r.saved_at, rolledBackFrom: r.rolled_back_from });

/** Every version of a year, newest (the one in force) first. */
export async function calendarVersions(db: Queryable, year: number): Promise<CalendarVersion[]> {
  const { rows } = await db.query<VersionRow>('SELECT * FROM holiday_calendar_versions WHERE year = $1 ORDER BY version DESC', [year]);
  return rows.map(toVersion);
}

export async function calendarVersion(db: Queryable, year: number, version: number): Promise<CalendarVersion | undefined> {
  const { rows } = await db.query<VersionRow>('SELECT * FROM holiday_calendar_versions WHERE year = $1 AND version = $2', [year, version]);
  return rows[0] && toVersion(rows[0]);
}

/** Records the next version of a year; the caller's transaction holds the year's lock. */
export async function recordCalendarVersion(db: Queryable, v: Omit<CalendarVersion, 'version'>): Promise<number> {
  const { rows } = await db.query<{ version: number }>(
    `INSERT INTO holiday_calendar_versions (year, version, entries, saved_by, saved_at, rolled_back_from)
     SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5 FROM holiday_calendar_versions WHERE year = $1
     RETURNING version`,
    [v.year, JSON.stringify(v.entries), v.savedBy, v.savedAt, v.rolledBackFrom],
  );
  return rows[0]!.version;
}

const KIND = { holiday: '放假', workday: '调休上班' } as const;
const describe = (e: { kind: CalendarOverride['kind']; name: string }) => `${KIND[e.kind]}（${e.name}）`;

/** What turns `from` into `to`, day by day in date order. */
export function diffCalendar(from: readonly CalendarOverride[], to: readonly CalendarOverride[]): CalendarChange[] {
  const before = new Map(from.map((e) => [e.date, e]));
  const after = new Map(to.map((e) => [e.date, e]));
  const changes: CalendarChange[] = [];
  for (const date of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(date);
    const a = after.get(date);
    const was = b && { kind: b.kind, name: b.name };
    const is = a && { kind: a.kind, name: a.name };
    if (was && is) {
      if (was.kind !== is.kind || was.name !== is.name) changes.push({ date, change: 'changed', before: was, after: is, text: `${describe(was)} 改为 ${describe(is)}` });
    } else if (is) {
      changes.push({ date, change: 'added', before: null, after: is, text: `新增 ${describe(is)}` });
    } else if (was) {
      changes.push({ date, change: 'removed', before: was, after: null, text: `删除 ${describe(was)}` });
    }
  }
  return changes;
}
