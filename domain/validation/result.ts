// What every validator returns: the normalised value, or why not in zh-CN with a
// stable code. The API adds the field path.

export type ValidationResult = { ok: true; value: string } | { ok: false; message: string; code: string };

export function ok(value: string): ValidationResult {
  return { ok: true, value };
}

export function fail(code: string, message: string): ValidationResult {
  return { ok: false, code, message };
}

/**
 * Full-width letters, digits and spaces (typed with a Chinese input method) to ASCII,
 * so '１３８' is read as '138'.
 */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Half-width, no whitespace at all. */
export function compact(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, '');
}
