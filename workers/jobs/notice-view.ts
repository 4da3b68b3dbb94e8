// The ticket as notices print it: Chinese labels, dates in 年月日.
import type { Queryable, Ticket } from '../../tickets/index.ts';
import { IncidentError } from '../job-errors.ts';
import type { WorkerContext } from '../job-module.ts';
import { chineseDate } from '../notices/helpers.ts';

const KIND: Record<string, string> = { complaint: '投诉', report: '举报', inquiry: '咨询', suggestion: '建议' };
const CHANNEL: Record<string, string> = { '12315': '全国12315平台', '12345': '12345政务服务便民热线', letter: '来信', visit: '来访', online: '网上', odr: '在线消费纠纷解决（ODR）企业' };
const REQUEST: Record<string, string> = { repair: '修理', replace: '更换', return: '退货', refund: '退款', compensation: '赔偿', other: '其他' };

export function ticketView(t: Ticket): Record<string, unknown> {
  return {
    ticketNo: t.ticketNo,
    kind: t.kind,
    kindLabel: KIND[t.kind] ?? t.kind,
    channelLabel: CHANNEL[t.channel] ?? t.channel,
    externalNo: t.externalNo,
    receivedAt: t.receivedAt.toISOString(),
    receivedDate: chineseDate(t.receivedAt),
    complainant: { ...t.complainant, name: t.complainant.anonymous ? '匿名举报人' : t.complainant.name },
    respondent: t.respondent,
    facts: t.facts,
    requests: t.requests.map((r) => REQUEST[r] ?? r),
    category: t.category,
    department: t.department,
    amountRecovered: t.amountRecovered,
  };
}

/**
 * A unit's name from the organisation the administrators keep (the server's `departments`
 * table, in the product database the workers share): the one list of names, so a renamed
 * unit is addressed by its new name and no model or setting repeats the organisation.
 */
export async function departmentName(db: Queryable, code: string): Promise<string> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM departments WHERE code = $1', [code]);
  if (!rows[0]) throw new IncidentError(`部门代码“${code}”不在组织机构中：请在“部门管理”中添加该部门，或改正流程中的部门代码`);
  return rows[0].name;
}

/**
 * The issuing bureau's name: the process variable `bureau` is a code (370102) or already a
 * name. Codes are named by the organisation, like units; BUREAU_NAME(S) only where the
 * organisation lacks the code.
 */
export async function bureauName(db: Queryable, ctx: WorkerContext, bureau: unknown): Promise<string> {
  if (typeof bureau !== 'string' || bureau === '') return ctx.settings.bureauName;
  if (!/^\d{6}$/.test(bureau)) return bureau;
  const { rows } = await db.query<{ name: string }>('SELECT name FROM departments WHERE code = $1', [bureau]);
  return rows[0]?.name ?? ctx.settings.bureauNames[bureau] ?? ctx.settings.bureauName;
}
