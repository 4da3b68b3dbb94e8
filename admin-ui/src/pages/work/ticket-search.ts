// The filters of 工单查询 and the query string they make for GET /api/tickets and its
// export (server/routes/tickets.ts `searchFilters`).
import type { Role } from '../../roles.ts';

/** Who may search by the complainant's name and phone: the roles that see personal data (server/tickets/access.ts FULL_VIEW_ROLES). */
export const PERSONAL_SEARCH_ROLES: readonly Role[] = ['dispatcher', 'handler', 'legal', 'deputy-leader', 'principal-leader'];

export const SATISFACTIONS = ['非常满意', '满意', '一般', '不满意'] as const;

type DayRange = [string, string] | null;

export const blankFilter = () => ({
  ticketNo: '', respondentName: '', status: [] as string[], department: '', due: null as DayRange, overdue: false, dueToday: false,
  kind: '', channel: '', category: '', received: null as DayRange, externalNo: '', complainantName: '', complainantPhone: '',
  respondentUscc: '', regionCode: '', platform: '', goods: '', description: '', dueWithin: undefined as number | undefined,
  closed: null as DayRange, satisfaction: [] as string[], amountRecovered: false, flags: [] as string[], reopened: false,
});

export type TicketFilter = ReturnType<typeof blankFilter>;

/** Beijing midnight of a picked day; the end day is included, so its bound is the next midnight. */
function dayStart(day: string, plusDays = 0): string {
  const d = new Date(`${day}T00:00:00+08:00`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString();
}

const TEXT_FIELDS = [
  'ticketNo', 'respondentName', 'kind', 'channel', 'category', 'department', 'externalNo', 'complainantName', 'complainantPhone',
  'respondentUscc', 'regionCode', 'platform', 'goods', 'description',
] as const;

export function toQuery(f: TicketFilter): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of TEXT_FIELDS) if (f[key].trim()) q.set(key, f[key].trim());
  for (const s of f.status) q.append('status', s);
  for (const flag of f.flags) q.append('flags', flag);
  for (const s of f.satisfaction) q.append('satisfaction', s);
  if (f.received) {
    q.set('receivedFrom', dayStart(f.received[0]));
    q.set('receivedBefore', dayStart(f.received[1], 1));
  }
  if (f.closed) {
    q.set('closedFrom', dayStart(f.closed[0]));
    q.set('closedBefore', dayStart(f.closed[1], 1));
  }
  if (f.due) {
    q.set('dueFrom', f.due[0]);
    q.set('dueTo', f.due[1]);
  }
  if (f.dueWithin !== undefined && f.dueWithin !== null) q.set('dueWithin', String(f.dueWithin));
  if (f.overdue) q.set('overdue', 'true');
  if (f.dueToday) q.set('dueToday', 'true');
  if (f.reopened) q.set('reopened', 'true');
  if (f.amountRecovered) q.set('amountRecovered', 'true');
  return q;
}

/** How many of the 更多条件 are set: shown on the fold-out's button while it is closed. */
export function moreCount(f: TicketFilter): number {
  const blank = blankFilter();
  const more = ['kind', 'channel', 'category', 'received', 'externalNo', 'complainantName', 'complainantPhone', 'respondentUscc', 'regionCode',
    'platform', 'goods', 'description', 'dueWithin', 'closed', 'satisfaction', 'amountRecovered', 'flags', 'reopened'] as const;
  return more.filter((k) => JSON.stringify(f[k] ?? null) !== JSON.stringify(blank[k] ?? null)).length;
}

export interface DepartmentItem { code: string; name: string; parentCode: string | null }
export interface DepartmentNode { value: string; label: string; children: DepartmentNode[] }

/** GET /api/tickets/departments (sorted by path) as the tree of the department picker. */
export function departmentTree(items: DepartmentItem[]): DepartmentNode[] {
  const nodes = new Map(items.map((d) => [d.code, { value: d.code, label: d.name, children: [] as DepartmentNode[] }]));
  const roots: DepartmentNode[] = [];
  for (const d of items) (d.parentCode && nodes.get(d.parentCode) ? nodes.get(d.parentCode)!.children : roots).push(nodes.get(d.code)!);
  return roots;
}
