// Dates as staff read them (Beijing time, whatever the device's zone) and how urgent a
// due date is, as the colour of its tag.

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
});
const dateOnly = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export const formatDateTime = (value: string | null | undefined): string => (value ? dateTime.format(new Date(value)) : '—');
export const formatDate = (value: string | null | undefined): string => {
  if (!value) return '—';
  // A plain date (2026-10-15) is a calendar day, not an instant.
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value.replaceAll('-', '/') : dateOnly.format(new Date(value));
};

/**
 * A due instant as staff read it: the engine's due dates are the end of the last day (the next
 * midnight, Beijing time), which is shown as that last day, 24:00 being no one's habit.
 */
export function formatDue(value: string | null | undefined): string {
  if (!value) return '—';
  const at = new Date(value);
  if ((at.getTime() + 8 * 3_600_000) % 86_400_000 !== 0) return formatDateTime(value);
  return `${dateOnly.format(new Date(at.getTime() - 1))} 当日`;
}

export const formatMoney = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;

const DAY = 86_400_000;

export interface Urgency {
  /** Element Plus tag type. */
  type: 'danger' | 'warning' | 'primary' | 'info';
  text: string;
}

/** Overdue red, due within a day orange, within three days blue, later grey. */
export function dueUrgency(due: string | null | undefined, now = Date.now()): Urgency {
  if (!due) return { type: 'info', text: '无时限' };
  const left = new Date(due).getTime() - now;
  if (left < 0) return { type: 'danger', text: `已超期 ${Math.ceil(-left / DAY)} 天` };
  if (left < DAY) return { type: 'warning', text: '今日到期' };
  if (left < 3 * DAY) return { type: 'primary', text: `剩 ${Math.ceil(left / DAY)} 天` };
  return { type: 'info', text: `剩 ${Math.ceil(left / DAY)} 天` };
}

/** Zeebe task priority 0–100 (default 50). */
export function priorityTag(priority: number | undefined): Urgency {
  const p = priority ?? 50;
  if (p >= 75) return { type: 'danger', text: `紧急 ${p}` };
  if (p > 50) return { type: 'warning', text: `较急 ${p}` };
  return { type: 'info', text: `普通 ${p}` };
}
