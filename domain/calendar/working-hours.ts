// Office hours, for targets in fractional working days (12345 tickets within 1.5 WD).
//
// Definition: such a target is elapsed working time. The clock starts at the moment
// the ticket arrives (at the next office period if it arrives outside one), runs only
// during the office periods of working days, and one working day is the total length
// of one day's periods. With the default 08:30–17:30 (9 h), 1.5 WD = 13 h 30 min of
// office time. A bureau with a lunch break lists two periods; a bureau that counts
// whole days lists one period 00:00–24:00.
//
// Integer limits of the regulations are counted in dates instead (start day not
// counted, the last day runs to 24:00): see HolidayCalendar.addWorkingDays.

import type { Issue } from '../errors.ts';

/** 'HH:MM', 24-hour, Asia/Shanghai wall time; '24:00' allowed as an end. */
export type WallTime = string;

export interface OfficePeriod {
  from: WallTime;
  to: WallTime;
}

export interface WorkingHours {
  /** Office periods of a working day, in order, not overlapping. */
  periods: OfficePeriod[];
}

export const DEFAULT_WORKING_HOURS: WorkingHours = Object.freeze({
  periods: Object.freeze([{ from: '08:30', to: '17:30' }]) as OfficePeriod[],
});

const WALL_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

export function wallMinutes(value: string): number | undefined {
  const m = WALL_RE.exec(value);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= 24 * 60 ? minutes : undefined;
}

export function checkWorkingHours(hours: WorkingHours, path = 'workingHours'): Issue[] {
  const issues: Issue[] = [];
  if (!Array.isArray(hours?.periods) || hours.periods.length === 0) {
    return [{ path: `${path}.periods`, code: 'workingHours.empty', message: '至少需要一个办公时段，如 08:30–17:30' }];
  }
  let previousEnd = -1;
  hours.periods.forEach((p, i) => {
    const at = `${path}.periods[${i}]`;
    const from = wallMinutes(p?.from);
    const to = wallMinutes(p?.to);
    if (from === undefined) issues.push({ path: `${at}.from`, code: 'workingHours.time', message: '时间应为 HH:MM，如 08:30' });
    if (to === undefined) issues.push({ path: `${at}.to`, code: 'workingHours.time', message: '时间应为 HH:MM，如 17:30' });
    if (from === undefined || to === undefined) return;
    if (from >= to) {
      issues.push({ path: at, code: 'workingHours.order', message: '时段的结束时间应晚于开始时间' });
    } else if (from < previousEnd) {
      issues.push({ path: at, code: 'workingHours.overlap', message: '时段应按时间先后排列且互不重叠' });
    }
    previousEnd = Math.max(previousEnd, to);
  });
  return issues;
}

export function workingMinutesPerDay(hours: WorkingHours): number {
  return hours.periods.reduce((sum, p) => sum + wallMinutes(p.to)! - wallMinutes(p.from)!, 0);
}
