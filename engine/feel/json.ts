// FEEL values as Zeebe writes them into variables and records (its FeelToMessagePackTransformer),
// in JSON terms: temporal values as Java's ISO strings, functions and ranges as null.

import { FeelDate, FeelDateTime, FeelDuration, FeelTime, isFunction, isRange } from 'feelin';

/** A FEEL value as Zeebe's FeelToMessagePackTransformer writes it, in JSON terms. */
export function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof FeelDate) return value.iso;
  if (value instanceof FeelDateTime) return dateTimeToJson(value);
  if (value instanceof FeelTime) return value.zone === null ? localTime(value) : String(value);
  if (value instanceof FeelDuration) return durationToJson(value);
  if (isFunction(value) || isRange(value)) return null; // Zeebe writes nil for these
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value as Record<string, unknown>)) out[key] = toJson(entry);
    return out;
  }
  return null;
}

// Java's ISO_ZONED_DATE_TIME: '2024-01-01T10:00:00Z', '...+02:00', '...+01:00[Europe/Berlin]';
// ISO_LOCAL_DATE_TIME without a zone.
function dateTimeToJson(value: FeelDateTime): string {
  const plain = value.value.toString();
  const zone = value.zone;
  if (zone === null) return plain;
  if (zone === 'UTC' || zone === 'Z') return `${plain}Z`;
  if (/^[+-]\d{2}:\d{2}$/.test(zone)) return zone === '+00:00' ? `${plain}Z` : `${plain}${zone}`;
  const offset = value.value.toZonedDateTime(zone).offset;
  return `${plain}${offset === '+00:00' ? 'Z' : offset}[${zone}]`;
}

// Java's LocalTime.toString: seconds only when not zero, fractions in groups of three digits.
function localTime(value: FeelTime): string {
  const t = value.value;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  let out = `${pad(t.hour)}:${pad(t.minute)}`;
  const nanos = t.millisecond * 1_000_000 + t.microsecond * 1000 + t.nanosecond;
  if (t.second > 0 || nanos > 0) out += `:${pad(t.second)}`;
  if (nanos > 0) {
    if (nanos % 1_000_000 === 0) out += `.${pad(nanos / 1_000_000, 3)}`;
    else if (nanos % 1000 === 0) out += `.${pad(nanos / 1000, 6)}`;
    else out += `.${pad(nanos, 9)}`;
  }
  return out;
}

// feel-scala writes zero durations as P0Y / P0D; otherwise its format matches feelin's.
function durationToJson(value: FeelDuration): string {
  if (value.value.sign === 0) return value.yearsMonths ? 'P0Y' : 'P0D';
  return value.iso;
}
