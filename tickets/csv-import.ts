// Back-filling tickets from a CSV file (an old system's export, or a sheet kept by hand).
// Every row is checked first; any error and nothing is imported (unless `partial`), with
// each error naming the line and column. Rows need the external number, so importing a
// file again adds nothing twice. Back-filled tickets start no process unless asked.
import { parse } from 'csv-parse/sync';
import { columnFor, CSV_COLUMNS, REQUEST_VALUES, SATISFACTION_VALUES, STATUS_VALUES, type Column } from './csv-columns.ts';
import { registerTicket, type IntakeDeps, type IntakeOptions } from './intake.ts';
import { checkSubmission, type FieldError } from './validate-submission.ts';
import { labelOf } from './field-labels.ts';

export interface RowError {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  /** The header as written in the file, or the expected one for a missing column. */
  column: string;
  /** Spreadsheet letter (A, B…), absent when the file has no such column. */
  columnLetter?: string;
  path: string;
  code: string;
  message: string;
}

export interface CsvImportOptions {
  actor?: string;
  /** Import the good rows even if others are bad. Default false: all or nothing. */
  partial?: boolean;
  /** Start the processes of open complaints and reports. Default false (history). */
  startProcesses?: boolean;
}

export interface CsvImportResult {
  /** Rows in the file. */
  rows: number;
  /** New tickets registered. */
  imported: number;
  /** Rows whose external number was already registered. */
  existing: number;
  errors: RowError[];
}

interface ParsedRow {
  line: number;
  submission: Record<string, unknown>;
  history: NonNullable<IntakeOptions['history']>;
  errors: RowError[];
}

export async function importTicketsCsv(deps: IntakeDeps, file: Buffer | string, options: CsvImportOptions = {}): Promise<CsvImportResult> {
  const text = typeof file === 'string' ? file : decode(file);
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as never;
  } catch (err) {
    const e = err as Error & { lines?: number };
    return { rows: 0, imported: 0, existing: 0, errors: [{ line: e.lines ?? 1, column: '', path: '', code: 'csv.syntax', message: `CSV 格式错误：${e.message}` }] };
  }
  const [header, ...body] = records;
  if (!header) return { rows: 0, imported: 0, existing: 0, errors: [{ line: 1, column: '', path: '', code: 'csv.empty', message: '文件为空' }] };
  const headerErrors: RowError[] = [];
  const columns = header.record.map((name, i) => {
    const c = columnFor(name);
    if (!c && name !== '') headerErrors.push({ line: 1, column: name, columnLetter: letter(i), path: '', code: 'csv.unknownColumn', message: `不认识的列“${name}”，请对照导入模板修改表头` });
    return c;
  });
  for (const required of ['/externalNo', '/channel', '/kind', '/receivedAt']) {
    if (!columns.some((c) => c?.path === required)) {
      headerErrors.push({ line: 1, column: labelOf(required), path: required, code: 'csv.missingColumn', message: `缺少“${labelOf(required)}”列` });
    }
  }
  if (headerErrors.length) return { rows: body.length, imported: 0, existing: 0, errors: headerErrors };

  const rows: ParsedRow[] = [];
  let previousEnd = header.info.lines;
  let previousEmpty = header.info.empty_lines;
  for (const { record, info } of body) {
    const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
    previousEnd = info.lines;
    previousEmpty = info.empty_lines;
    rows.push(parseRow(line, record, columns, header.record));
  }
  const errors = rows.flatMap((r) => r.errors);
  if (errors.length && !options.partial) return { rows: rows.length, imported: 0, existing: 0, errors };

  let imported = 0;
  let existing = 0;
  for (const row of rows.filter((r) => r.errors.length === 0)) {
    const outcome = await registerTicket(deps, row.submission, {
      actor: options.actor ?? 'import:csv',
      allowLegacyIdCards: true,
      startProcess: options.startProcesses ?? false,
      history: row.history,
    });
    if (!outcome.ok) {
      // Checked above; only a concurrent change could get here.
      errors.push(...outcome.errors.map((e) => rowError(row.line, e, columns, header.record)));
    } else if (outcome.created) imported++;
    else existing++;
  }
  return { rows: rows.length, imported, existing, errors };
}

/** UTF-8, else GB18030 (what Excel on a Chinese Windows saves as "CSV"). */
function decode(file: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return new TextDecoder('gb18030').decode(file);
  }
}

function parseRow(line: number, cells: string[], columns: (Column | undefined)[], headers: string[]): ParsedRow {
  const submission: Record<string, unknown> = {};
  const history: ParsedRow['history'] = {};
  const errors: RowError[] = [];
  cells.forEach((raw, i) => {
    const c = columns[i];
    if (!c || raw === '') return;
    const fail = (code: string, message: string) => errors.push({ line, column: headers[i]!, columnLetter: letter(i), path: c.path, code, message });
    const value = convert(c, raw, fail);
    if (value === undefined) return;
    if (c.path.startsWith('#')) (history as Record<string, unknown>)[c.path.slice(1)] = value;
    else setPath(submission, c.path, value);
  });
  // Old records of reports seldom say "anonymous": a report without a reporter is one.
  const reporter = submission.complainant as Record<string, unknown> | undefined;
  if (submission.kind === 'report' && !reporter?.name && !reporter?.phone && reporter?.anonymous === undefined) {
    submission.complainant = { ...reporter, anonymous: true };
  }
  if (errors.length === 0) {
    const checked = checkSubmission(structuredClone(submission), { allowLegacyIdCards: true });
    if (!checked.ok) errors.push(...checked.errors.map((e) => rowError(line, e, columns, headers)));
    if (!submission.externalNo) {
      errors.push(rowError(line, { path: '/externalNo', code: 'required', message: '导入的每一行都需要外部工单编号，以免重复导入' }, columns, headers));
    }
  }
  return { line, submission, history, errors };
}

function convert(c: Column, raw: string, fail: (code: string, message: string) => void): unknown {
  switch (c.kind) {
    case 'text':
      return raw;
    case 'boolean':
      if (/^(是|true|1|y|yes|同意)$/i.test(raw)) return true;
      if (/^(否|false|0|n|no|不同意)$/i.test(raw)) return false;
      return fail('csv.boolean', `“${raw}”应为“是”或“否”`);
    case 'number':
    case 'integer': {
      const n = Number(raw.replace(/[,，¥￥元\s]/g, ''));
      if (!Number.isFinite(n) || (c.kind === 'integer' && !Number.isInteger(n))) return fail('csv.number', `“${raw}”不是有效的${c.kind === 'integer' ? '整数' : '数字'}`);
      return n;
    }
    case 'instant':
    case 'dateOrInstant':
      return instant(raw, c.kind === 'dateOrInstant');
    case 'enum':
      return c.values?.[raw] ?? raw; // unknown values are named by the schema check
    case 'requests': {
      const parts = raw.split(/[、,，;；/\s]+/).filter(Boolean);
      const bad = parts.filter((p) => !REQUEST_VALUES[p]);
      if (bad.length) return fail('csv.requests', `诉求“${bad.join('、')}”无效，应为：修理、更换、退货、退款、赔偿、其他`);
      return [...new Set(parts.map((p) => REQUEST_VALUES[p]))];
    }
    case 'status':
      return STATUS_VALUES[raw] ?? fail('csv.status', `状态“${raw}”无效`);
    case 'satisfaction':
      return SATISFACTION_VALUES.includes(raw) ? raw : fail('csv.satisfaction', `满意度“${raw}”无效，应为：${SATISFACTION_VALUES.join('、')}`);
  }
}

/** 2026/9/30 9:15 or 2026-09-30 09:15:00 (Beijing time) → ISO with +08:00; dates stay dates. */
function instant(raw: string, dateAllowed: boolean): unknown {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(raw);
  if (!m) return raw; // ISO with an offset passes; anything else is named by the schema check
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  if (m[4] === undefined) return dateAllowed ? date : `${date}T00:00:00+08:00`;
  return `${date}T${m[4].padStart(2, '0')}:${m[5]}:${m[6] ?? '00'}+08:00`;
}

function setPath(target: Record<string, unknown>, pointer: string, value: unknown): void {
  const parts = pointer.split('/').slice(1);
  let node = target;
  for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
  node[parts.at(-1)!] = value;
}

function rowError(line: number, e: FieldError, columns: (Column | undefined)[], headers: string[]): RowError {
  // A missing group (/complainant) is reported at its first column.
  const i = columns.findIndex((c) => c && (c.path === e.path || c.path.startsWith(`${e.path}/`)));
  const expected = CSV_COLUMNS.find((c) => c.path === e.path || c.path.startsWith(`${e.path}/`));
  return {
    line,
    column: i >= 0 ? headers[i]! : expected?.header ?? labelOf(e.path),
    ...(i >= 0 ? { columnLetter: letter(i) } : {}),
    path: e.path,
    code: e.code,
    message: e.message,
  };
}

function letter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
