// Reading record values: records are JSON objects, written by the runtime in Zeebe's shapes.

import type { HistoryRecord } from '../runtime/rows.ts';

/** How a projection sees records: it takes the ones of its value types, in log order. */
export interface Projection {
  readonly valueTypes: readonly string[];
  add(record: HistoryRecord): void;
  write(client: import('pg').ClientBase): Promise<void>;
}

export function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A key; Zeebe writes -1 for "none". */
export function key(value: unknown): number | null {
  const n = num(value);
  return n !== null && n > 0 ? n : null;
}

export function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** An ISO 8601 date-time as epoch milliseconds; null when absent or unreadable. */
export function epochMs(value: unknown): number | null {
  if (typeof value !== 'string' || value === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function headers(value: unknown): Record<string, string> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>) : {};
}
