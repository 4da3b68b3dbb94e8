// The deadline of one step of one ticket.

import { DomainError } from '../errors.ts';
import type { HolidayCalendar } from '../calendar/holiday-calendar.ts';
import {
  addDays,
  endOfShanghaiDay,
  isLocalDate,
  parseInstant,
  shanghaiDate,
  toLocalDate,
  type DateOrInstant,
  type LocalDate,
} from '../calendar/local-date.ts';
import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../calendar/working-hours.ts';
import { TIME_LIMIT_RULES } from './rules.ts';
import { ruleFor } from './select.ts';
import type { Extension, Regulation, TimeLimitRule } from './types.ts';

/** Days that do not count toward a limit (testing, appraisal), both ends included. */
export interface Pause {
  from: LocalDate;
  to: LocalDate;
}

export interface DeadlineInput {
  /** When the ticket was received: picks the regulation. */
  receivedAt: DateOrInstant;
  /** When the step's clock started (the rule's `countsFrom` event); defaults to receivedAt. */
  startedAt?: DateOrInstant;
  /** Only for day-based limits. */
  pauses?: readonly Pause[];
}

export interface DeadlineOptions {
  rules?: readonly TimeLimitRule[];
  workingHours?: WorkingHours;
}

export interface Deadline {
  step: string;
  regulation: Regulation;
  rule: TimeLimitRule;
  /** Asia/Shanghai date the clock started. */
  startDate: LocalDate;
  /** Last day of the limit (Asia/Shanghai). */
  dueDate: LocalDate;
  /** The instant the limit runs out: 24:00 of dueDate for day-based limits. */
  dueAt: Date;
  /** The deadline if the extension the rule allows is granted, counted on from dueDate. */
  extended?: { dueDate: LocalDate; dueAt: Date; needs: Extension['needs'] };
}

export function deadlineFor(step: string, input: DeadlineInput, calendar: HolidayCalendar, options: DeadlineOptions = {}): Deadline {
  const rule = ruleFor(step, input.receivedAt, options.rules ?? TIME_LIMIT_RULES);
  const started = input.startedAt ?? input.receivedAt;
  const startDate = toLocalDate(started, 'startedAt');
  if (startDate < toLocalDate(input.receivedAt, 'receivedAt')) {
    throw new DomainError('timeLimits.startBeforeReceipt', '起算时间不能早于收到工单的时间', [
      { path: 'startedAt', code: 'timeLimits.startBeforeReceipt', message: '不能早于收到时间' },
    ]);
  }
  const pauses = checkPauses(input.pauses ?? []);
  const base = { step, regulation: rule.regulation, rule, startDate };

  if (rule.unit === 'hours' || rule.unit === 'elapsedWorkingDays') {
    if (pauses.length > 0) {
      throw new DomainError('timeLimits.pauseNotSupported', '按小时或工作时长计算的期限不支持中止计时', [
        { path: 'pauses', code: 'timeLimits.pauseNotSupported', message: '仅按日计算的期限可中止' },
      ]);
    }
    const from = startInstant(started);
    const dueAt =
      rule.unit === 'hours'
        ? new Date(from.getTime() + rule.amount * 3_600_000)
        : calendar.addWorkingTime(from, rule.amount, options.workingHours ?? DEFAULT_WORKING_HOURS);
    // A limit running out at 24:00 falls on the day that ends there.
    return { ...base, dueDate: shanghaiDate(new Date(dueAt.getTime() - 1)), dueAt };
  }

  const dueDate = countDays(rule.unit, startDate, rule.amount, pauses, calendar);
  const deadline: Deadline = { ...base, dueDate, dueAt: endOfShanghaiDay(dueDate) };
  if (rule.extension) {
    const ext = rule.extension;
    const extendedDate = countDays(ext.unit, dueDate, ext.amount, pauses, calendar);
    deadline.extended = { dueDate: extendedDate, dueAt: endOfShanghaiDay(extendedDate), needs: ext.needs };
  }
  return deadline;
}

function startInstant(value: DateOrInstant): Date {
  if (typeof value === 'string' && isLocalDate(value)) {
    throw new DomainError('timeLimits.instantRequired', '按小时计算的期限需要精确到时分的起算时间，如 2026-09-30T10:00:00+08:00', [
      { path: 'startedAt', code: 'timeLimits.instantRequired', message: '需要带时区的时间，而非日期' },
    ]);
  }
  return parseInstant(value, 'startedAt');
}

function checkPauses(pauses: readonly Pause[]): Pause[] {
  pauses.forEach((p, i) => {
    if (!isLocalDate(p?.from) || !isLocalDate(p?.to) || p.to < p.from) {
      throw new DomainError('timeLimits.pause', `第 ${i + 1} 段中止期间无效：应为起止日期（YYYY-MM-DD），且止日不早于起日`, [
        { path: `pauses[${i}]`, code: 'timeLimits.pause', message: '起止日期无效' },
      ]);
    }
  });
  return [...pauses];
}

/**
 * n working or calendar days after start (start not counted), skipping paused days;
 * calendar-day limits then move off a rest day.
 */
function countDays(unit: 'workingDays' | 'calendarDays', start: LocalDate, n: number, pauses: readonly Pause[], calendar: HolidayCalendar): LocalDate {
  if (pauses.length === 0) return unit === 'workingDays' ? calendar.addWorkingDays(start, n) : calendar.addCalendarDays(start, n);
  const paused = (d: LocalDate) => pauses.some((p) => p.from <= d && d <= p.to);
  let date = start;
  for (let left = n; left > 0; ) {
    date = addDays(date, 1);
    if (paused(date)) continue;
    if (unit === 'calendarDays' || calendar.isWorkingDay(date)) left--;
  }
  if (unit === 'calendarDays' && !calendar.isWorkingDay(date)) date = calendar.nextWorkingDay(date);
  return date;
}

