// Mainland mobile numbers: 11 digits, 1[3-9]…; typed with +86 / 0086 / 86, spaces,
// dashes or brackets, and normalised to the 11 digits.

import { fail, ok, toHalfWidth, type ValidationResult } from './result.ts';

export function validateMobile(input: unknown): ValidationResult {
  if (typeof input !== 'string' || toHalfWidth(input).trim() === '') return fail('mobile.required', '请填写手机号码');
  let value = toHalfWidth(input).replace(/[\s\-()（）]/g, '');
  if (value.startsWith('+86')) value = value.slice(3);
  else if (value.startsWith('0086')) value = value.slice(4);
  else if (value.length === 13 && value.startsWith('86')) value = value.slice(2);
  if (!/^\d+$/.test(value)) return fail('mobile.format', '手机号码只能包含数字（可带 +86 前缀、空格或短横线）');
  if (value.startsWith('0')) return fail('mobile.landline', '这像是固定电话号码，请填写11位手机号码');
  if (value.length !== 11) return fail('mobile.length', `手机号码应为11位，当前为${value.length}位`);
  if (!/^1[3-9]\d{9}$/.test(value)) return fail('mobile.prefix', '手机号码应以13至19开头');
  return ok(value);
}
