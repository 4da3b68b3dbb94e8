// 统一社会信用代码, GB 32100-2015.
//
// 18 characters from the 31 of the standard (digits and capitals without I O Z S V):
// 1 registration authority, 2 organisation type, 3–8 administrative division code of
// the registering authority (digits), 9–17 organisation identifier, 18 check char.
// Check: weights 3^(i-1) mod 31 for positions 1–17, C18 = 31 − (Σ Ci·Wi mod 31), 31 → 0.
// Codes of positions 1–2 are not checked against the standard's tables: authorities
// were added since 2015 and a too-strict check would refuse real respondents.

import { compact, fail, ok, type ValidationResult } from './result.ts';

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters (already valid characters). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export function validateUscc(input: unknown): ValidationResult {
  if (typeof input !== 'string' || compact(input) === '') return fail('uscc.required', '请填写统一社会信用代码');
  const value = compact(input).toUpperCase();
  if (/^\d{15}$/.test(value)) return fail('uscc.legacyNumber', '这是15位旧版工商注册号，请填写18位统一社会信用代码（见营业执照）');
  if (value.length !== 18) return fail('uscc.length', `统一社会信用代码应为18位，当前为${value.length}位`);
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARSET.includes(value[i])) {
      return fail('uscc.charset', `第${i + 1}位“${value[i]}”不是有效字符：统一社会信用代码只含数字和大写字母，且不使用 I、O、Z、S、V`);
    }
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) return fail('uscc.region', '第3至8位应为6位数字的登记管理机关行政区划码');
  if (usccCheckChar(value) !== value[17]) return fail('uscc.checkDigit', '统一社会信用代码校验位不符，请逐位核对是否有字符抄错');
  return ok(value);
}
