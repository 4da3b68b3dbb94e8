// Syntax of static timer values, as Zeebe parses them (java.time plus Spring's cron format).
// Checked at deploy so a typo fails the deployment instead of raising an incident later.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?$/;
const OFFSET = /^(?:Z|[+-](?:0\d|1[0-8]):[0-5]\d(?::[0-5]\d)?)$/;

/**
 * ISO 8601 date-time with a zone, as ZonedDateTime.parse takes it:
 * 2025-10-01T09:00:00+08:00, 2025-10-01T01:00Z, 2025-10-01T09:00:00+08:00[Asia/Shanghai].
 */
export function isTimerDate(value: string): boolean {
  const m = /^([^T]+)T(.+?)(Z|[+-][\d:]+)(\[[\w/+\-]+\])?$/.exec(value);
  if (!m) return false;
  const [, date, time, offset] = m;
  const d = DATE.exec(date);
  if (!d || !TIME.test(time) || !OFFSET.test(offset)) return false;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO 8601 duration as Zeebe reads it (period and time parts): P14D, PT15M, P1Y2M3DT4H30M, PT0.5S. */
export function isTimerDuration(value: string): boolean {
  return /^P(?=[\dT])(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,9})?S)?)?$/i.test(value) && !/T$/i.test(value);
}

/** R[n]/[start/]duration, or a cron expression. */
export function isTimerCycle(value: string): boolean {
  const repeating = /^R(-1|\d+)?\/(?:(.+)\/)?([^/]+)$/.exec(value);
  if (repeating) {
    const [, , start, duration] = repeating;
    return (start === undefined || isTimerDate(start)) && isTimerDuration(duration);
  }
  return isCron(value);
}

const MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface CronField {
  min: number;
  max: number;
  names?: string[];
  nameBase?: number;
  /** Day fields: '?' and the L / W / # forms. */
  day?: 'month' | 'week';
}

const FIELDS: CronField[] = [
  { min: 0, max: 59 }, // second
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31, day: 'month' },
  { min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { min: 0, max: 7, names: DAYS, nameBase: 0, day: 'week' },
];

/** Spring's six-field cron (second minute hour day-of-month month day-of-week), or a macro. */
export function isCron(value: string): boolean {
  const text = value.trim();
  if (MACROS.has(text.toLowerCase())) return true;
  const parts = text.split(/\s+/);
  return parts.length === 6 && parts.every((part, i) => isCronField(part.toUpperCase(), FIELDS[i]));
}

function isCronField(text: string, field: CronField): boolean {
  if (text === '?' && field.day) return true;
  return text.split(',').every((item) => isCronItem(item, field));
}

function isCronItem(item: string, field: CronField): boolean {
  if (field.day === 'month') {
    if (item === 'L' || item === 'LW') return true;
    const offset = /^L-(\d{1,2})$/.exec(item); // days before the last day of the month
    if (offset) return Number(offset[1]) <= 30;
    const weekday = /^(\d{1,2})W$/.exec(item); // nearest weekday to that day
    if (weekday) return cronValue(weekday[1], field) !== undefined;
  }
  if (field.day === 'week') {
    const special = /^([A-Z]{3}|\d)(L|#[1-5])$/.exec(item);
    if (special) return cronValue(special[1], field) !== undefined;
    if (item === 'L') return true;
  }
  const [range, step, extra] = item.split('/');
  if (extra !== undefined) return false;
  if (step !== undefined && !/^\d+$/.test(step)) return false;
  if (range === '*') return true;
  const [from, to, more] = range.split('-');
  if (more !== undefined) return false;
  const a = cronValue(from, field);
  if (a === undefined) return false;
  if (to === undefined) return true;
  const b = cronValue(to, field);
  return b !== undefined && a <= b;
}

function cronValue(text: string, field: CronField): number | undefined {
  const named = field.names?.indexOf(text) ?? -1;
  if (named >= 0) return named + (field.nameBase ?? 0);
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= field.min && n <= field.max ? n : undefined;
}
