// The columns of a back-fill CSV: a Chinese header (as an old system or Excel writes it) or
// the submission's English path, and how a cell becomes a field.
import { FIELD_LABELS, VALUE_LABELS } from './field-labels.ts';
import { TICKET_STATUSES } from './status.ts';
import { SATISFACTION } from './types.ts';

export type CellKind = 'text' | 'boolean' | 'number' | 'integer' | 'instant' | 'dateOrInstant' | 'requests' | 'enum' | 'status' | 'satisfaction';

export interface Column {
  /** Path in the submission, or #history fields for back-filled results. */
  path: string;
  header: string;
  aliases: string[];
  kind: CellKind;
  /** enum: cell text (Chinese label or code) → value. */
  values?: Record<string, string>;
}

const invert = (labels: Record<string, string>) => Object.fromEntries(Object.entries(labels).flatMap(([code, label]) => [[label, code], [code, code]]));

const column = (path: string, kind: CellKind, aliases: string[] = [], values?: Record<string, string>): Column => ({
  path, header: FIELD_LABELS[path] ?? path, aliases, kind, values,
});

export const CSV_COLUMNS: Column[] = [
  column('/channel', 'enum', ['来源渠道'], { ...invert(VALUE_LABELS['/channel']!), 来信: 'letter', 来访: 'visit', 网上: 'online', 网络: 'online', ODR: 'odr', '12315': '12315', '12345': '12345' }),
  column('/externalNo', 'text', ['外部编号', '原工单编号', '工单编号']),
  column('/kind', 'enum', ['工单类型', '诉求类型'], { ...invert(VALUE_LABELS['/kind']!), 投诉举报: 'mixed' }),
  column('/receivedAt', 'instant', ['受理时间', '登记时间']),
  column('/registeredBy', 'text'),
  column('/complainant/name', 'text', ['投诉人姓名', '举报人姓名', '姓名']),
  column('/complainant/phone', 'text', ['电话', '手机号码']),
  column('/complainant/idType', 'enum', [], invert(VALUE_LABELS['/complainant/idType']!)),
  column('/complainant/idNumber', 'text', ['身份证号码', '身份证号']),
  column('/complainant/address', 'text', ['地址']),
  column('/complainant/consentPublish', 'boolean', ['同意公示']),
  column('/complainant/consentMediation', 'boolean', ['同意委托调解']),
  column('/complainant/anonymous', 'boolean', ['匿名']),
  column('/respondent/name', 'text', ['被投诉人', '被举报人', '被投诉举报人', '被投诉单位']),
  column('/respondent/uscc', 'text', ['信用代码']),
  column('/respondent/address', 'text', ['被投诉人地址', '经营地址']),
  column('/respondent/regionCode', 'text', ['区划代码']),
  column('/respondent/platform', 'text', ['网络平台', '平台']),
  column('/respondent/shop', 'text', ['网店', '店铺']),
  column('/facts/occurredAt', 'dateOrInstant', ['消费时间']),
  column('/facts/place', 'text', ['消费地点']),
  column('/facts/goodsOrService', 'text', ['商品服务名称']),
  column('/facts/amount', 'number', ['金额', '涉及金额']),
  column('/facts/description', 'text', ['内容', '投诉内容', '举报内容', '诉求内容']),
  column('/requests', 'requests', ['诉求类型']),
  column('/category', 'text', ['类别']),
  column('/goodsClass', 'text', ['12315分类']),
  column('/online', 'boolean', ['网络交易']),
  column('/odrChosen', 'boolean', ['ODR']),
  { path: '#status', header: '状态', aliases: ['办理状态'], kind: 'status' },
  { path: '#department', header: '承办部门', aliases: ['承办单位'], kind: 'text' },
  { path: '#closedAt', header: '办结时间', aliases: [], kind: 'instant' },
  { path: '#satisfaction', header: '满意度', aliases: ['回访结果'], kind: 'satisfaction' },
  { path: '#amountRecovered', header: '挽回经济损失', aliases: ['挽回金额'], kind: 'number' },
  { path: '#reopenCount', header: '重办次数', aliases: [], kind: 'integer' },
];

/** Column of a header cell: its Chinese header, an alias, or the English path (complainant.phone). */
export function columnFor(header: string): Column | undefined {
  const h = header.trim();
  const dotted = `/${h.replaceAll('.', '/')}`;
  return CSV_COLUMNS.find((c) => c.header === h || c.aliases.includes(h) || c.path === dotted || c.path === `#${h}`);
}

export const STATUS_VALUES: Record<string, string> = invert(TICKET_STATUSES);
export const SATISFACTION_VALUES: readonly string[] = SATISFACTION;
export const REQUEST_VALUES: Record<string, string> = { ...invert(VALUE_LABELS['/requests/*']!), 退款: 'refund', 退货: 'return', 换货: 'replace', 维修: 'repair' };
