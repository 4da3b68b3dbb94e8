// The ticket search's result as Excel, with the statistics' shared xlsx helper. Personal data
// is masked as in the list (toListItem): an exported file leaves the system's audit trail.
import type pg from 'pg';
import { toListItem, VALUE_LABELS, type Ticket } from '../../tickets/index.ts';
import { sheet, toXlsx } from '../statistics/index.ts';

/** As the due lists' export: a bureau's search result, the page shows the rest a page at a time. */
export const EXPORT_MAX_ROWS = 5000;

const label = (path: string, code: string | null) => (code ? VALUE_LABELS[path]?.[code] ?? code : null);

export async function ticketsXlsx(pool: pg.Pool, tickets: Ticket[], now: Date): Promise<Buffer> {
  const codes = [...new Set(tickets.map((t) => t.department).filter((c): c is string => !!c))];
  const { rows } = await pool.query<{ code: string; name: string }>('SELECT code, name FROM departments WHERE code = ANY($1::text[])', [codes]);
  const names = new Map(rows.map((r) => [r.code, r.name]));
  const items = tickets.map((t) => ({ t, item: toListItem(t) }));
  return toXlsx([sheet<(typeof items)[number]>({
    name: '工单查询',
    caption: ['工单查询结果', `导出时间：${new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')}（个人信息已脱敏）`],
    rows: items,
    columns: [
      { header: '工单编号', value: (r) => r.t.ticketNo, width: 22 },
      { header: '平台编号', value: (r) => r.t.externalNo, width: 20 },
      { header: '类型', value: (r) => label('/kind', r.t.kind) },
      { header: '渠道', value: (r) => label('/channel', r.t.channel), width: 16 },
      { header: '状态', value: (r) => r.item.statusLabel },
      { header: '登记时间', value: (r) => r.t.receivedAt, format: 'datetime', width: 18 },
      { header: '类别', value: (r) => r.t.category, width: 14 },
      { header: '投诉举报人', value: (r) => (r.item.anonymous ? '匿名' : r.item.complainantName) },
      { header: '联系电话', value: (r) => r.item.complainantPhone, width: 16 },
      { header: '被投诉举报对象', value: (r) => r.t.respondent.name, width: 28 },
      { header: '统一社会信用代码', value: (r) => r.t.respondent.uscc, width: 22 },
      { header: '网络交易平台', value: (r) => r.t.respondent.platform, width: 16 },
      { header: '商品或服务', value: (r) => r.t.facts.goodsOrService, width: 16 },
      { header: '承办单位', value: (r) => (r.t.department ? names.get(r.t.department) ?? r.t.department : '未分派'), width: 24 },
      { header: '办结时间', value: (r) => r.t.closedAt, format: 'datetime', width: 18 },
      { header: '满意度', value: (r) => r.t.satisfaction },
      { header: '挽回经济损失（元）', value: (r) => r.t.amountRecovered, format: 'money' },
    ],
  })]);
}
