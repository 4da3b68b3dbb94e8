// Checks a submission: the JSON schema (ajv), then the identifiers (domain validators).
// Errors name the field by JSON pointer and say in Chinese what is wrong.
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { DomainError, regulationFor, shanghaiDate, toHalfWidth, validateIdCard, validateMobile, validateUscc } from '../domain/index.ts';
import { labelOf, VALUE_LABELS } from './field-labels.ts';
import { SUBMISSION_SCHEMA, type TicketSubmission } from './submission.ts';

export interface FieldError {
  /** JSON pointer into the submission, e.g. /complainant/phone. */
  path: string;
  code: string;
  message: string;
}

export type Checked = { ok: true; submission: TicketSubmission } | { ok: false; errors: FieldError[] };

export interface CheckOptions {
  /** Accept 15-digit first-generation ID numbers (back-filled records), upgraded to 18. */
  allowLegacyIdCards?: boolean;
}

// ajv-formats is CommonJS with a default export; under NodeNext it arrives as the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof import('ajv-formats').default;

// strictRequired off: the conditional parts (allOf/if/then) require fields declared at the top.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv, ['date-time', 'date', 'uri']);
ajv.addFormat('date-or-date-time', {
  type: 'string',
  validate: (s: string) => (ajv.formats.date as { validate: (s: string) => boolean }).validate(s)
    || (ajv.formats['date-time'] as { validate: (s: string) => boolean }).validate(s),
});
const validateSchema = ajv.compile(SUBMISSION_SCHEMA);

export function checkSubmission(input: unknown, options: CheckOptions = {}): Checked {
  const cleaned = clean(input);
  const valid = validateSchema(cleaned);
  const errors = valid ? [] : schemaErrors(validateSchema.errors ?? [], cleaned);
  if (!cleaned || typeof cleaned !== 'object' || Array.isArray(cleaned)) return { ok: false, errors };
  // Identifiers are checked even when other fields are wrong, so one answer lists every problem.
  const submission = cleaned as TicketSubmission;
  for (const e of checkIdentifiers(submission, options)) {
    if (!errors.some((s) => s.path === e.path)) errors.push(e);
  }
  return errors.length ? { ok: false, errors } : { ok: true, submission };
}

/** Trims text and drops empty strings, so "  " counts as not filled in. */
function clean(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v);
      if (c !== '' && c !== null && c !== undefined) out[k] = c;
    }
    return out;
  }
  return value;
}

const TYPE_NAMES: Record<string, string> = { string: '文字', number: '数字', boolean: '是或否（true/false）', object: '对象', array: '列表' };

function schemaErrors(raw: ErrorObject[], data: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of raw) {
    if (e.keyword === 'if') continue; // the failing `then` errors say what is missing
    const error = translate(e, data);
    const key = `${error.path}|${error.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(error);
  }
  return errors;
}

function translate(e: ErrorObject, data: unknown): FieldError {
  const path = e.instancePath;
  const label = labelOf(path);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const field = `${path}/${String(p.missingProperty)}`;
      return { path: field, code: 'required', message: `请填写${labelOf(field)}` };
    }
    case 'additionalProperties': {
      const field = `${path}/${String(p.additionalProperty)}`;
      return { path: field, code: 'unknownField', message: `不认识的字段“${String(p.additionalProperty)}”，请删除或检查拼写` };
    }
    case 'type':
      return { path, code: 'type', message: `${label}应为${TYPE_NAMES[String(p.type)] ?? String(p.type)}` };
    case 'enum': {
      const allowed = (p.allowedValues as string[]).map((v) => VALUE_LABELS[path.replace(/\/\d+$/, '/*')]?.[v] ?? VALUE_LABELS[path]?.[v] ?? v);
      return { path, code: 'enum', message: `${label}“${String(valueAt(data, path))}”无效，应为：${allowed.join('、')}` };
    }
    case 'const':
      if (path === '/complainant/anonymous') return { path, code: 'anonymousComplaint', message: '投诉须实名登记，不能匿名；匿名反映违法线索请按举报登记' };
      return { path, code: 'const', message: `${label}的值无效` };
    case 'format':
      if (p.format === 'date-time') return { path, code: 'format', message: `${label}应为带时区的时间，如 2026-09-30T09:15:00+08:00` };
      if (p.format === 'date-or-date-time') return { path, code: 'format', message: `${label}应为日期（2026-09-28）或带时区的时间（2026-09-28T20:00:00+08:00）` };
      if (p.format === 'uri') return { path, code: 'format', message: `${label}应为完整的网址` };
      return { path, code: 'format', message: `${label}格式不正确` };
    case 'minLength':
      return { path, code: 'required', message: `请填写${label}` };
    case 'maxLength':
      return { path, code: 'maxLength', message: `${label}最多${String(p.limit)}个字` };
    case 'pattern':
      if (path === '/respondent/regionCode') return { path, code: 'pattern', message: '行政区划代码应为6位数字（如 310104），或9位、12位的乡镇、村级代码' };
      if (path === '/externalNo') return { path, code: 'pattern', message: '外部工单编号只能包含字母、数字和符号，不能有空格' };
      return { path, code: 'pattern', message: `${label}格式不正确` };
    case 'minimum':
      return { path, code: 'minimum', message: `${label}不能小于${String(p.limit)}` };
    case 'maximum':
      return { path, code: 'maximum', message: `${label}不能大于${String(p.limit)}` };
    case 'minItems':
      return { path, code: 'required', message: `请至少选择一项${label}` };
    case 'maxItems':
      return { path, code: 'maxItems', message: `${label}最多${String(p.limit)}项` };
    case 'uniqueItems':
      return { path, code: 'uniqueItems', message: `${label}有重复项` };
    default:
      return { path, code: e.keyword, message: `${label}不符合要求` };
  }
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data as Record<string, unknown> | undefined;
  for (const part of pointer.split('/').slice(1)) node = node?.[part] as Record<string, unknown> | undefined;
  return node;
}

const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
// Documents that follow GB 11643 (the residence permits of HK, Macao and Taiwan residents too).
const GB11643_TYPES = new Set(['resident_id', 'residence_permit']);

/** Checks and normalises the identifiers in place. */
function checkIdentifiers(s: TicketSubmission, options: CheckOptions): FieldError[] {
  const errors: FieldError[] = [];
  const c = isObject(s.complainant) ? s.complainant : undefined;
  if (typeof c?.phone === 'string') {
    const mobile = validateMobile(c.phone);
    const landline = toHalfWidth(c.phone).replace(/[\s()（）]/g, '');
    if (mobile.ok) c.phone = mobile.value;
    else if (mobile.code === 'mobile.landline' && LANDLINE.test(landline)) c.phone = landline;
    else errors.push({ path: '/complainant/phone', code: mobile.code, message: mobile.code === 'mobile.landline' ? '固定电话应为区号加号码，如 021-12345678' : mobile.message });
  }
  if (typeof c?.idNumber === 'string') {
    c.idType ??= 'resident_id';
    if (GB11643_TYPES.has(c.idType)) {
      const today = safeDate(s.receivedAt);
      const id = validateIdCard(c.idNumber, { today, allowLegacy15: options.allowLegacyIdCards });
      if (id.ok) c.idNumber = id.value;
      else errors.push({ path: '/complainant/idNumber', code: id.code, message: id.message });
    }
  } else if (c?.idType !== undefined) {
    errors.push({ path: '/complainant/idNumber', code: 'required', message: '已选择证件类型，请填写证件号码' });
  }
  if (isObject(s.respondent) && typeof s.respondent.uscc === 'string') {
    const uscc = validateUscc(s.respondent.uscc);
    if (uscc.ok) s.respondent.uscc = uscc.value;
    else errors.push({ path: '/respondent/uscc', code: uscc.code, message: uscc.message });
  }
  if ((s.kind === 'complaint' || s.kind === 'report' || s.kind === 'mixed') && typeof s.receivedAt === 'string' && !Number.isNaN(Date.parse(s.receivedAt))) {
    try {
      regulationFor(s.receivedAt);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      errors.push({ path: '/receivedAt', code: err.code, message: err.message });
    }
  }
  return errors;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function safeDate(instant: unknown): string | undefined {
  if (typeof instant !== 'string') return undefined;
  const t = new Date(instant);
  return Number.isNaN(t.getTime()) ? undefined : shanghaiDate(t);
}
