// Holidays and make-up working days (调休) 2004–2026 from the npm package
// `chinese-days`, which transcribes each year's State Council notice
// (国务院办公厅关于部分节假日安排的通知). Only its data is used: its functions treat a
// year without data as plain weekdays and weekends, which would silently give wrong
// deadlines.

import { createRequire } from 'node:module';
import type { CalendarEntry } from './entries.ts';

interface PackageData {
  /** date → "English name,中文名,n": rest days, weekends inside the holiday included. */
  holidays: Record<string, string>;
  /** date → same: weekend days that are working days (调休上班). */
  workdays: Record<string, string>;
}

const require = createRequire(import.meta.url);

let cached: CalendarEntry[] | undefined;

export function packageCalendarEntries(): CalendarEntry[] {
  if (cached) return cached;
  const data = require('chinese-days/dist/chinese-days.json') as PackageData;
  const entries: CalendarEntry[] = [];
  for (const [date, value] of Object.entries(data.holidays)) {
    entries.push({ date, kind: 'holiday', name: chineseName(value), source: 'chinese-days' });
  }
  for (const [date, value] of Object.entries(data.workdays)) {
    entries.push({ date, kind: 'workday', name: chineseName(value), source: 'chinese-days' });
  }
  cached = entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return cached;
}

function chineseName(value: string): string {
  return value.split(',')[1]?.trim() || value;
}
