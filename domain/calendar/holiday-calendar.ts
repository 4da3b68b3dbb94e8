// The working-day calendar of a bureau: package data 2004–2026 merged with the years
// and corrections an administrator entered.
//
// Counting rules (DOMAIN.md "Time limits"; 民法典 Art 201, 203):
// - the start day is not counted; counting starts the next day;
// - a limit in working days counts only working days, so it always ends on one;
// - a limit in calendar days whose last day is a rest day (a holiday or an ordinary
//   weekend: both are 法定休假日) ends on the next working day instead;
// - a 调休 weekend day entered as `workday` is a working day like any other.

import { DomainError } from '../errors.ts';
import { checkOverrides, type CalendarEntry, type CalendarOverride } from './entries.ts';
import { CalendarYearMissingError } from './errors.ts';
import {
  addDays,
  dayOfWeek,
  endOfShanghaiDay,
  parseInstant,
  shanghaiDate,
  startOfShanghaiDay,
  toDayNumber,
  toLocalDate,
  yearOf,
  type DateOrInstant,
  type InstantInput,
  type LocalDate,
} from './local-date.ts';
import { packageCalendarEntries } from './package-data.ts';
import { checkWorkingHours, DEFAULT_WORKING_HOURS, wallMinutes, workingMinutesPerDay, type WorkingHours } from './working-hours.ts';

export interface DayInfo {
  date: LocalDate;
  working: boolean;
  /** weekday/weekend: an ordinary day; holiday: a day off by notice; makeUpWorkday: 调休上班. */
  kind: 'weekday' | 'weekend' | 'holiday' | 'makeUpWorkday';
  /** Holiday name for holiday and makeUpWorkday, e.g. '国庆节'. */
  name?: string;
  source?: CalendarEntry['source'];
}

export interface HolidayCalendarOptions {
  /** Administrator entries; they win over the package for the same date. */
  overrides?: readonly CalendarOverride[];
  /** Replaces the package data (tests, or a bureau that keeps its own history). */
  baseEntries?: readonly CalendarEntry[];
}

const MINUTE_MS = 60_000;

export class HolidayCalendar {
  private readonly entries = new Map<LocalDate, CalendarEntry>();
  private readonly years = new Set<number>();

  constructor(options: HolidayCalendarOptions = {}) {
    const overrides = options.overrides ?? [];
    const issues = checkOverrides(overrides);
    if (issues.length > 0) {
      throw new DomainError('calendar.invalidOverrides', `节假日日历有 ${issues.length} 处错误：${issues[0].path} ${issues[0].message}`, issues);
    }
    for (const entry of options.baseEntries ?? packageCalendarEntries()) this.put(entry);
    for (const o of overrides) this.put({ date: o.date, kind: o.kind, name: o.name.trim(), source: 'override' });
  }

  private put(entry: CalendarEntry): void {
    this.entries.set(entry.date, entry);
    // Every notice has at least the New Year holiday, so one entry marks a year as entered.
    this.years.add(yearOf(entry.date));
  }

  /** Years with data, ascending. */
  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /** The entries of one year (package and overrides merged), for the admin UI. */
  entriesOfYear(year: number): CalendarEntry[] {
    return [...this.entries.values()].filter((e) => yearOf(e.date) === year).sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  dayInfo(day: DateOrInstant): DayInfo {
    const date = toLocalDate(day);
    const year = yearOf(date);
    if (!this.years.has(year)) throw new CalendarYearMissingError(year);
    const entry = this.entries.get(date);
    if (entry?.kind === 'holiday') return { date, working: false, kind: 'holiday', name: entry.name, source: entry.source };
    if (entry?.kind === 'workday') return { date, working: true, kind: 'makeUpWorkday', name: entry.name, source: entry.source };
    const weekend = dayOfWeek(date) === 0 || dayOfWeek(date) === 6;
    return weekend ? { date, working: false, kind: 'weekend' } : { date, working: true, kind: 'weekday' };
  }

  isWorkingDay(day: DateOrInstant): boolean {
    return this.dayInfo(day).working;
  }

  /** The first working day strictly after `day`. */
  nextWorkingDay(day: DateOrInstant): LocalDate {
    let date = addDays(toLocalDate(day), 1);
    while (!this.isWorkingDay(date)) date = addDays(date, 1);
    return date;
  }

  /**
   * The n-th working day after `start` (start not counted). Negative n counts back:
   * the n-th working day before it. n = 0 gives `start` if it is a working day, else
   * the next one.
   */
  addWorkingDays(start: DateOrInstant, n: number): LocalDate {
    requireInteger(n, 'n');
    let date = toLocalDate(start, 'start');
    if (n === 0) return this.isWorkingDay(date) ? date : this.nextWorkingDay(date);
    const step = n > 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0; ) {
      date = addDays(date, step);
      if (this.isWorkingDay(date)) left--;
    }
    return date;
  }

  /**
   * A limit of n calendar days (e.g. Order 121's 60 days of mediation): start not
   * counted; if the last day is a rest day, the next working day is the last day.
   */
  addCalendarDays(start: DateOrInstant, n: number): LocalDate {
    requireInteger(n, 'n');
    if (n < 0) throw new DomainError('calendar.negative', '自然日期限不能为负数', [{ path: 'n', code: 'calendar.negative', message: '应为 0 或正整数' }]);
    const end = addDays(toLocalDate(start, 'start'), n);
    return this.isWorkingDay(end) ? end : this.nextWorkingDay(end);
  }

  /**
   * Working days d with a < d ≤ b, so that addWorkingDays(a, workingDaysBetween(a, b))
   * is b when b is a working day. Negative when b is before a: a deadline's
   * "working days left" is workingDaysBetween(today, dueDate), 0 on the day it is due.
   */
  workingDaysBetween(a: DateOrInstant, b: DateOrInstant): number {
    const from = toLocalDate(a, 'a');
    const to = toLocalDate(b, 'b');
    if (toDayNumber(to) < toDayNumber(from)) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let date = addDays(from, 1); toDayNumber(date) <= toDayNumber(to); date = addDays(date, 1)) {
      if (this.isWorkingDay(date)) count++;
    }
    return count;
  }

  /**
   * Elapsed office time: the instant at which `workingDays` (fractional allowed) of
   * office time have passed since `start`. See working-hours.ts for the definition.
   */
  addWorkingTime(start: InstantInput, workingDays: number, hours: WorkingHours = DEFAULT_WORKING_HOURS): Date {
    if (!Number.isFinite(workingDays) || workingDays < 0) {
      throw new DomainError('calendar.negative', '工作日时长应为 0 或正数', [{ path: 'workingDays', code: 'calendar.negative', message: '应为 0 或正数' }]);
    }
    const hourIssues = checkWorkingHours(hours);
    if (hourIssues.length > 0) throw new DomainError('workingHours.invalid', `办公时间设置有误：${hourIssues[0].message}`, hourIssues);
    const from = parseInstant(start, 'start');
    let remaining = Math.round(workingDays * workingMinutesPerDay(hours) * MINUTE_MS);
    for (let date = shanghaiDate(from); ; date = addDays(date, 1)) {
      if (!this.isWorkingDay(date)) continue;
      const dayStart = startOfShanghaiDay(date).getTime();
      for (const period of hours.periods) {
        const periodStart = dayStart + wallMinutes(period.from)! * MINUTE_MS;
        const periodEnd = dayStart + wallMinutes(period.to)! * MINUTE_MS;
        if (periodEnd <= from.getTime()) continue;
        const begin = Math.max(periodStart, from.getTime());
        if (remaining <= periodEnd - begin) return new Date(begin + remaining);
        remaining -= periodEnd - begin;
      }
    }
  }

  /** The instant a day-based limit ending on `date` runs out: 24:00 Asia/Shanghai. */
  endOfDay(date: LocalDate): Date {
    return endOfShanghaiDay(date);
  }
}

function requireInteger(n: number, path: string): void {
  if (!Number.isInteger(n)) {
    throw new DomainError('calendar.notInteger', `天数应为整数，收到 ${n}`, [{ path, code: 'calendar.notInteger', message: '应为整数' }]);
  }
}
