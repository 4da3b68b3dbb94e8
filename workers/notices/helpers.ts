// Handlebars with the helpers notices and messages use. Each renderer gets its own
// instance, so partials of one template set do not leak into another.
import Handlebars from 'handlebars';

const SHANGHAI_MS = 8 * 3_600_000;

/** 2026年9月30日 (Asia/Shanghai) from a date-time, a YYYY-MM-DD date or a Date. */
export function chineseDate(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  }
  const t = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(t.getTime())) return String(value);
  const s = new Date(t.getTime() + SHANGHAI_MS);
  return `${s.getUTCFullYear()}年${s.getUTCMonth() + 1}月${s.getUTCDate()}日`;
}

/** 2026年9月30日 09:15 */
export function chineseDateTime(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  const t = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(t.getTime())) return String(value);
  const s = new Date(t.getTime() + SHANGHAI_MS);
  return `${chineseDate(t)} ${String(s.getUTCHours()).padStart(2, '0')}:${String(s.getUTCMinutes()).padStart(2, '0')}`;
}

export function createHandlebars(): typeof Handlebars {
  const hb = Handlebars.create();
  hb.registerHelper('date', (v: unknown) => chineseDate(v));
  hb.registerHelper('datetime', (v: unknown) => chineseDateTime(v));
  hb.registerHelper('yuan', (v: unknown) => (typeof v === 'number' || (typeof v === 'string' && v !== '' && !Number.isNaN(Number(v))) ? `${Number(v).toFixed(2)}元` : ''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).find(Boolean) ?? '');
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : '、') : ''));
  // The label of a coded choice from the options the process holds (refusalGrounds, terminationGrounds: [{value, label}]).
  hb.registerHelper('optionLabel', (options: unknown, value: unknown) => {
    if (!Array.isArray(options)) return '';
    const found = options.find((o) => o && typeof o === 'object' && (o as { value?: unknown }).value === value) as { label?: unknown } | undefined;
    return typeof found?.label === 'string' ? found.label : '';
  });
  return hb;
}
