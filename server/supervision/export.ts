// The due-today and overdue lists as Excel, with the statistics' shared xlsx helper.
import type { SessionUser } from '../auth/session-user.ts';
import type { ServerContext } from '../context.ts';
import { sheet, toXlsx } from '../statistics/index.ts';
import { dueList, type DueKind } from './due-lists.ts';

type Item = Awaited<ReturnType<typeof dueList>>['items'][number];

/** Enough for a bureau's day; the page shows the same rows a page at a time. */
const MAX_ROWS = 5000;

export const DUE_TITLES: Record<DueKind, string> = { dueToday: '今日到期工单', overdue: '超期督办工单' };

export async function dueListXlsx(ctx: ServerContext, user: SessionUser, kind: DueKind, department?: string): Promise<Buffer> {
  const rows: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await dueList(ctx, user, kind, { department, cursor, limit: 200 });
    rows.push(...page.items);
    cursor = page.next;
  } while (cursor && rows.length < MAX_ROWS);
  const now = ctx.clock();
  return toXlsx([sheet<Item>({
    name: DUE_TITLES[kind],
    caption: [DUE_TITLES[kind], `导出时间：${new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')}（个人信息已脱敏）`],
    rows,
    columns: [
      { header: '工单编号', value: (r) => r.ticket.ticketNo, width: 22 },
      { header: '状态', value: (r) => r.ticket.statusLabel },
      { header: '承办单位', value: (r) => r.departmentName, width: 24 },
      { header: '限时环节', value: (r) => r.step?.title, width: 30 },
      { header: '当前待办', value: (r) => r.tasks.map((t) => t.name).join('、'), width: 20 },
      { header: '办理人', value: (r) => r.tasks.map((t) => t.assigneeName ?? '未签收').join('、') },
      { header: '办理期限', value: (r) => (r.dueAt ? new Date(r.dueAt) : null), format: 'datetime', width: 18 },
      { header: '超期天数', value: (r) => r.daysOverdue, format: 'integer' },
      { header: '被投诉举报对象', value: (r) => r.ticket.respondentName, width: 28 },
      { header: '督办事由', value: (r) => r.supervised?.reason, width: 24 },
      { header: '最近催办', value: (r) => (r.lastUrgedAt ? new Date(r.lastUrgedAt) : null), format: 'datetime', width: 18 },
    ],
  })]);
}
