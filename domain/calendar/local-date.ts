// Calendar dates as plain 'YYYY-MM-DD' strings in Asia/Shanghai.
//
// Deadlines are counted in calendar days of the bureau, never in the machine's time
// zone: arithmetic runs on UTC day numbers, and an instant becomes a date by adding
// China Standard Time's fixed +08:00 (no daylight saving since 1991, and the holiday
// data starts in 2004).

import { DomainError } from '../errors.ts';

/** A calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** A moment in time: a Date, or an ISO 8601 string with an explicit offset. */
export type InstantInput = Date | string;

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Time part with a mandatory zone designator: a string without one would be read in
// the machine's zone.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function assertLocalDate(value: unknown, path = 'date'): LocalDate {
  if (!isLocalDate(value)) {
    throw new DomainError('date.invalid', `日期“${String(value)}”无效，应为 YYYY-MM-DD 格式的真实日期`, [
      { path, code: 'date.invalid', message: '日期应为 YYYY-MM-DD 格式的真实日期' },
    ]);
  }
  return value;
}

/** Days since 1970-01-01 (a plain counter, no time zone involved). */
export function toDayNumber(date: LocalDate): number {
  const m = DATE_RE.exec(assertLocalDate(date))!;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

export function fromDayNumber(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay();
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function parseInstant(value: InstantInput, path = 'instant'): Date {
  const bad = () =>
    new DomainError('instant.invalid', `时间“${String(value)}”无效，应为带时区的 ISO 8601 时间，如 2026-09-30T10:00:00+08:00`, [
      { path, code: 'instant.invalid', message: '时间应带时区，如 2026-09-30T10:00:00+08:00' },
    ]);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw bad();
    return value;
  }
  if (typeof value !== 'string' || !INSTANT_RE.test(value)) throw bad();
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) throw bad();
  return t;
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date): LocalDate {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which a Shanghai calendar day starts (00:00 +08:00). */
export function startOfShanghaiDay(date: LocalDate): Date {
  return new Date(toDayNumber(date) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** The instant a day-based limit runs out: 24:00 of its last day (民法典 Art 203). */
export function endOfShanghaiDay(date: LocalDate): Date {
  return startOfShanghaiDay(addDays(date, 1));
}

/**
 * A date or an instant, as both the tickets' `receivedAt` (instants) and the
 * administrators' dates ('YYYY-MM-DD') reach the rules.
 */
export type DateOrInstant = LocalDate | Date | string;

export function toLocalDate(value: DateOrInstant, path = 'date'): LocalDate {
  if (typeof value === 'string' && DATE_RE.test(value)) return assertLocalDate(value, path);
  return shanghaiDate(parseInstant(value, path));
}
