// When a timer is due: ISO 8601 dates, durations and repeating intervals (R5/PT10S,
// R/2026-01-01T09:00:00+08:00/P1D), and cron expressions for cycles, as Zeebe accepts them.

import { CronExpressionParser } from 'cron-parser';

export interface Schedule {
  dueDate: number;
  /** Triggers left including this one; -1 repeats for ever. */
  repetitions: number;
  interval?: string;
  cron?: string;
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

export function isDuration(text: string): boolean {
  const m = DURATION.exec(text);
  return m !== null && text !== 'P' && !text.endsWith('T');
}

/** Adds an ISO 8601 duration to a time, with calendar months and years (UTC). */
export function addDuration(from: number, duration: string): number {
  const m = DURATION.exec(duration);
  if (!m || !isDuration(duration)) throw new Error(`'${duration}' is not an ISO 8601 duration such as PT1H or P3D`);
  const [, y, mo, w, d, h, mi, s] = m;
  const date = new Date(from);
  if (y || mo) date.setUTCMonth(date.getUTCMonth() + Number(y ?? 0) * 12 + Number(mo ?? 0));
  const ms = ((Number(w ?? 0) * 7 + Number(d ?? 0)) * 86_400 + Number(h ?? 0) * 3600 + Number(mi ?? 0) * 60 + Number((s ?? '0').replace(',', '.'))) * 1000;
  return date.getTime() + ms;
}

function parseDate(text: string): number {
  const time = Date.parse(text.replace(/\[.*\]$/, ''));
  if (Number.isNaN(time) || !/T/.test(text)) throw new Error(`'${text}' is not an ISO 8601 date-time such as 2026-10-08T09:00:00+08:00`);
  return time;
}

function nextCron(cron: string, after: number): number {
  return CronExpressionParser.parse(cron, { currentDate: new Date(after), tz: 'UTC' }).next().toDate().getTime();
}

export function firstSchedule(kind: 'date' | 'duration' | 'cycle', value: unknown, now: number): Schedule {
  if (typeof value !== 'string' || value === '') throw new Error(`Expected the timer's ${kind} to be a string, but was '${JSON.stringify(value)}'`);
  if (kind === 'date') return { dueDate: parseDate(value), repetitions: 1 };
  if (kind === 'duration') return { dueDate: addDuration(now, value), repetitions: 1 };
  const parts = value.split('/');
  const repeat = /^R(\d*)$/.exec(parts[0]);
  if (!repeat) {
    try {
      return { dueDate: nextCron(value, now), repetitions: -1, cron: value };
    } catch {
      throw new Error(`'${value}' is neither a repeating interval such as R5/PT10S nor a cron expression such as '0 0 9 * * MON-FRI'`);
    }
  }
  const repetitions = repeat[1] === '' ? -1 : Number(repeat[1]);
  if (parts.length === 2) return { dueDate: addDuration(now, parts[1]), repetitions, interval: parts[1] };
  if (parts.length === 3) {
    addDuration(0, parts[2]);
    return { dueDate: parseDate(parts[1]), repetitions, interval: parts[2] };
  }
  throw new Error(`'${value}' is not a repeating interval such as R5/PT10S or R/2026-01-01T09:00:00+08:00/P1D`);
}

/** The next occurrence after one fired, or undefined when the cycle is done. */
export function nextSchedule(schedule: Schedule): Schedule | undefined {
  const left = schedule.repetitions === -1 ? -1 : schedule.repetitions - 1;
  if (left === 0) return undefined;
  if (schedule.cron) return { ...schedule, repetitions: left, dueDate: nextCron(schedule.cron, schedule.dueDate) };
  if (schedule.interval) return { ...schedule, repetitions: left, dueDate: addDuration(schedule.dueDate, schedule.interval) };
  return undefined;
}
