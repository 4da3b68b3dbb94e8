// How values leave the API: keys as strings, times as ISO 8601 UTC, absent fields left out.

export const TENANT = '<default>';
/** The tenant as an SQL value, for filters and sorts on tenantId. */
export const TENANT_SQL = `'${TENANT}'::text`;

export function keyOut(value: string | number | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

export function dateOut(epochMs: string | number | null | undefined): string | undefined {
  return epochMs === null || epochMs === undefined ? undefined : new Date(Number(epochMs)).toISOString();
}

export function orUndefined<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}
