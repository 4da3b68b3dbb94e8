// Time as processes carry it: FEEL's now() arrives as Java writes a ZonedDateTime
// ('2026-09-30T09:15:00.123+08:00[Asia/Shanghai]'), intake's as '2026-09-30T09:15:00+08:00'.
// A local date-time without a zone is Beijing time.

export function processInstant(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  let text = value.replace(/\[[^\]]+\]$/, '');
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) text += '+08:00';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) text += 'T00:00:00+08:00';
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const t = new Date(text);
  return Number.isNaN(t.getTime()) ? undefined : t;
}
