// The period a statistic covers: a month (2026-05), a quarter (2026-Q2), a year (2026) or a
// custom range of Shanghai calendar days. Instants are [from, to): from 00:00 of the first
// day to 00:00 after the last, in Asia/Shanghai.
import { addDays, isLocalDate, startOfShanghaiDay, type LocalDate } from '../../domain/index.ts';
import { invalidField } from '../http/errors.ts';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'range';

export interface Period {
  kind: PeriodKind;
  /** 2026-05, 2026-Q2, 2026, or 2026-05-01~2026-05-20 */
  label: string;
  firstDay: LocalDate;
  lastDay: LocalDate;
  from: Date;
  to: Date;
}

export const PERIOD_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$';
/** Custom ranges longer than this are refused: a year of days is what the UI offers. */
const MAX_RANGE_DAYS = 366 * 2;

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number): LocalDate =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

function make(kind: PeriodKind, label: string, firstDay: LocalDate, lastDay: LocalDate): Period {
  return { kind, label, firstDay, lastDay, from: startOfShanghaiDay(firstDay), to: startOfShanghaiDay(addDays(lastDay, 1)) };
}

export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return make('month', month, `${month}-01`, lastDayOfMonth(y, m));
}

/** `period` (month, quarter, year) or `from` + `to` (days, both included); `fallback` when neither is given. */
export function parsePeriod(q: { period?: string; from?: string; to?: string }, fallback: () => string): Period {
  if (q.from !== undefined || q.to !== undefined) {
    if (q.period !== undefined) throw invalidField('query.period', '自定义起止日期时不要同时给出 period');
    if (!isLocalDate(q.from)) throw invalidField('query.from', '起始日期须为 YYYY-MM-DD 格式的有效日期');
    if (!isLocalDate(q.to)) throw invalidField('query.to', '截止日期须为 YYYY-MM-DD 格式的有效日期');
    if (q.to < q.from) throw invalidField('query.to', '截止日期不能早于起始日期');
    const p = make('range', `${q.from}~${q.to}`, q.from, q.to);
    if (p.to.getTime() - p.from.getTime() > MAX_RANGE_DAYS * 86_400_000) throw invalidField('query.to', '自定义区间最长两年');
    return p;
  }
  const label = q.period ?? fallback();
  const year = Number(label.slice(0, 4));
  if (/^\d{4}$/.test(label)) return make('year', label, `${year}-01-01`, `${year}-12-31`);
  const quarter = /^\d{4}-Q([1-4])$/.exec(label);
  if (quarter) {
    const first = (Number(quarter[1]) - 1) * 3 + 1;
    return make('quarter', label, `${year}-${pad(first)}-01`, lastDayOfMonth(year, first + 2));
  }
  return monthPeriod(label);
}

/** The `count` months ending with the month of `lastDay`, oldest first (2026-05 …). */
export function monthsEnding(lastDay: LocalDate, count: number): string[] {
  const [y, m] = lastDay.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const index = y * 12 + (m - 1) - i;
    months.push(`${Math.floor(index / 12)}-${pad((index % 12) + 1)}`);
  }
  return months;
}

/** The period of the same length right before this one (hot spots compare against it). */
export function shiftBack(p: Period, times: number): { from: Date; to: Date } {
  const span = p.to.getTime() - p.from.getTime();
  return { from: new Date(p.from.getTime() - span * times), to: p.from };
}
