// 居民身份证号码, GB 11643-1999.
//
// 18 characters: 6 address code, 8 birth date YYYYMMDD, 3 sequence (odd = male),
// 1 check character by ISO 7064 MOD 11-2: weight 2^(18−i) mod 11 for position
// i = 1…17, check value (12 − Σ mod 11) mod 11 with 10 written 'X'.
// The province part of the address code must be a real one (11–65, 71 Taiwan, and
// 81/82/83 used by the residence permits of Hong Kong, Macao and Taiwan residents,
// which follow the same standard). The birth date must exist, not lie in the future,
// and not before 1900.
// 15-digit numbers (first-generation cards, invalid since 2013-01-01) are refused by
// default with a clear message; `allowLegacy15` accepts them for importing old
// records and returns the upgraded 18-digit number.

import { shanghaiDate, isLocalDate, type LocalDate } from '../calendar/local-date.ts';
import { compact, fail, ok, type ValidationResult } from './result.ts';

export const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432'; // indexed by Σ mod 11

const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);
const EARLIEST_BIRTH = '1900-01-01';

export interface IdCardOptions {
  /** Today in Asia/Shanghai, for the "not born in the future" check; defaults to now. */
  today?: LocalDate;
  /** Accept 15-digit first-generation numbers and return them upgraded to 18. */
  allowLegacy15?: boolean;
}

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_CARD_WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** 15 → 18 digits: the century '19' is inserted and the check character appended. */
export function upgradeIdCard15(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + idCardCheckChar(first17);
}

export function validateIdCard(input: unknown, options: IdCardOptions = {}): ValidationResult {
  if (typeof input !== 'string' || compact(input) === '') return fail('idCard.required', '请填写身份证号码');
  const value = compact(input).toUpperCase();
  if (value.length === 15) {
    if (!options.allowLegacy15) return fail('idCard.legacy15', '15位第一代身份证号码已于2013年停止使用，请填写18位身份证号码');
    if (!/^\d{15}$/.test(value)) return fail('idCard.format', '15位身份证号码应全部为数字');
    const upgraded = upgradeIdCard15(value);
    const result = checkBody(upgraded, options);
    return result ?? ok(upgraded);
  }
  if (value.length !== 18) return fail('idCard.length', `身份证号码应为18位，当前为${value.length}位`);
  if (!/^\d{17}[\dX]$/.test(value)) return fail('idCard.format', '身份证号码应为17位数字加1位数字或字母 X');
  const problem = checkBody(value, options);
  if (problem) return problem;
  if (idCardCheckChar(value) !== value[17]) return fail('idCard.checkDigit', '身份证号码校验位不符，请逐位核对是否有数字抄错');
  return ok(value);
}

function checkBody(value: string, options: IdCardOptions): ValidationResult | undefined {
  if (!PROVINCES.has(value.slice(0, 2))) return fail('idCard.region', `前两位“${value.slice(0, 2)}”不是有效的省级行政区划代码`);
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const today = options.today ?? shanghaiDate(new Date());
  if (!isLocalDate(birth) || birth < EARLIEST_BIRTH || birth > today) {
    return fail('idCard.birthDate', `第7至14位出生日期“${value.slice(6, 14)}”无效`);
  }
  return undefined;
}

export interface IdCardInfo {
  regionCode: string;
  birthDate: LocalDate;
  sex: 'male' | 'female';
}

/** Facts the number carries; for an already validated 18-character number. */
export function idCardInfo(valid18: string): IdCardInfo {
  return {
    regionCode: valid18.slice(0, 6),
    birthDate: `${valid18.slice(6, 10)}-${valid18.slice(10, 12)}-${valid18.slice(12, 14)}`,
    sex: Number(valid18[16]) % 2 === 1 ? 'male' : 'female',
  };
}
