// Masking of personal data in lists, exports and the public disclosure page
// (ARCHITECTURE.md "Personal data"; DOMAIN.md "Public disclosure"). Masking is for
// display only: it never replaces the stored value.

import { compact, toHalfWidth } from './validation/result.ts';
import { validateMobile } from './validation/mobile.ts';

const STARS = '****';

/**
 * 138****1234: the first 3 (network) and last 4 digits of a mobile number. Any other
 * number (landline, foreign) keeps its first 3 and last 4 digits when it has more than
 * 7, else it is masked whole.
 */
export function maskPhone(phone: string): string {
  const mobile = validateMobile(phone);
  if (mobile.ok) return `${mobile.value.slice(0, 3)}${STARS}${mobile.value.slice(7)}`;
  const digits = toHalfWidth(phone).replace(/\D/g, '');
  if (digits.length <= 7) return STARS;
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/**
 * 110101********1234: the address code and the last 4 characters stay, the birth
 * date is hidden, the common practice of government service sites. Other documents
 * (passport, permits) keep only their first and last character.
 */
export function maskIdNumber(id: string, keep: { start: number; end: number } = { start: 6, end: 4 }): string {
  const value = compact(id).toUpperCase();
  if (value.length === 18 || value.length === 15) {
    // A 15-digit number has a 6-digit birth date (YYMMDD) and 3 more digits.
    const end = value.length === 15 ? Math.min(keep.end, 3) : keep.end;
    return value.slice(0, keep.start) + '*'.repeat(value.length - keep.start - end) + value.slice(value.length - end);
  }
  if (value.length <= 2) return '*'.repeat(value.length);
  return value[0] + '*'.repeat(value.length - 2) + value[value.length - 1];
}

// Address parts, outermost first. A name is Chinese characters; inside a name (after
// its first character) 镇 街 村 号 路 and digits mark a street, not a division, so
// "东莞市南城街道…小区" is not read as a district "南城街道…小区".
const CJK = '[\\u4e00-\\u9fff]';
const MUNICIPALITY = /^(北京|上海|天津|重庆)市/;
const PROVINCE = new RegExp(`^${CJK}{2,10}?(?:省|自治区|特别行政区)`);
const CITY = new RegExp(`^${CJK}{1,10}?(?:自治州|地区|盟|市)`);
const DISTRICT = new RegExp(`^${CJK}{1,12}?(?:自治县|自治旗|新区|林区|特区|区|县|旗|市)`);
const NOT_IN_A_NAME = /[镇街村号路省市区县]|街道|小区/;
// Prefecture-level cities without districts: the next part is already a town.
const CITIES_WITHOUT_DISTRICTS = new Set(['东莞市', '中山市', '儋州市', '嘉峪关市']);

function takePart(rest: string, pattern: RegExp, suffixes: RegExp): string | undefined {
  const m = pattern.exec(rest);
  if (!m) return undefined;
  const name = m[0].replace(suffixes, '');
  if (name.length === 0 || NOT_IN_A_NAME.test(name.slice(1))) return undefined;
  return m[0];
}

/**
 * Keeps the address down to the district or county (区/县/县级市/旗) and hides the
 * rest: 浙江省杭州市西湖区文三路90号 → 浙江省杭州市西湖区****. Free text that cannot
 * be read as divisions is hidden whole. A heuristic: an unusual address may keep less
 * than its district, never more.
 */
export function maskAddress(address: string): string {
  let rest = toHalfWidth(address).replace(/\s+/g, '');
  let kept = '';
  const keep = (part: string | undefined): boolean => {
    if (!part) return false;
    kept += part;
    rest = rest.slice(part.length);
    return true;
  };
  if (!keep(MUNICIPALITY.exec(rest)?.[0])) {
    keep(takePart(rest, PROVINCE, /(省|自治区|特别行政区)$/));
    const city = takePart(rest, CITY, /(自治州|地区|盟|市)$/);
    keep(city);
    if (city && CITIES_WITHOUT_DISTRICTS.has(city)) return finish(kept, rest);
  }
  keep(takePart(rest, DISTRICT, /(自治县|自治旗|新区|林区|特区|区|县|旗|市)$/));
  return finish(kept, rest);
}

function finish(kept: string, rest: string): string {
  return rest.length === 0 ? kept : kept + STARS;
}

// Two-character surnames, so 欧阳明 becomes 欧阳某 and not 欧某.
const COMPOUND_SURNAMES = new Set(
  ('欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 令狐 长孙 宇文 司徒 夏侯 轩辕 端木 独孤 南宫 西门 澹台 ' +
    '公冶 太史 申屠 赫连 闻人 万俟 呼延 百里 东郭 拓跋 钟离 濮阳 单于 左丘 第五 司空 司寇 仲孙 ' +
    '羊舌 微生 梁丘 公良 乐正 漆雕 壤驷 公西 巫马 谷梁 段干 闾丘 子车 颛孙 淳于 鲜于 东门 ' +
    '即墨 亓官').split(' '),
);

/** The surname of a Chinese name; for 买买提·艾力 or a Latin name, its first letter. */
export function surnameOf(name: string): string {
  const value = toHalfWidth(name).trim();
  if (value === '') return '';
  if (/[·•・.\s]/.test(value) || !/^[\u4e00-\u9fff]/.test(value)) return [...value][0];
  if (value.length >= 3 && COMPOUND_SURNAMES.has(value.slice(0, 2))) return value.slice(0, 2);
  return value[0];
}

export interface PublicNameOptions {
  /** 'mou' (default): 张某; 'honorific': 张先生 / 张女士 when the sex is known, else 张某. */
  style?: 'mou' | 'honorific';
  sex?: 'male' | 'female';
}

/** The complainant on the public disclosure page: reduced to the surname. */
export function publicName(name: string, options: PublicNameOptions = {}): string {
  const surname = surnameOf(name);
  if (surname === '') return '';
  if (options.style === 'honorific' && options.sex) return surname + (options.sex === 'male' ? '先生' : '女士');
  return `${surname}某`;
}
