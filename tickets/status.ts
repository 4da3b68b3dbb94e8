// Ticket statuses the processes set through `ticket.status` (header `status`), with the
// label users see. A status outside this list is refused (an incident names it), so a typo
// in a model shows up at once instead of as a ticket no list can find.

export const TICKET_STATUSES = {
  registered: '已登记',
  dispatched: '已分派',
  returned: '已退回分派',
  accepted: '已受理',
  rejected: '不予受理',
  odr: '企业自行和解中',
  'odr-settled': '企业和解成功',
  mediating: '调解中',
  agreed: '已达成调解协议',
  terminated: '已终止调解',
  verifying: '核查中',
  'case-clue': '线索核查中',
  filed: '已立案',
  'not-filed': '不予立案',
  converted: '已转立案',
  consulting: '会商中',
  replied: '已答复',
  visiting: '待回访',
  reopened: '重办中',
  merged: '已并案',
  'not-handled': '重复举报不再处理',
  withdrawn: '已撤诉',
  voided: '已作废',
  closed: '已办结',
} as const;

export type TicketStatus = keyof typeof TICKET_STATUSES;

/** Statuses after which a ticket is no longer open (duplicates link only to open tickets). */
export const FINAL_STATUSES: readonly TicketStatus[] = ['rejected', 'not-filed', 'merged', 'not-handled', 'withdrawn', 'voided', 'closed'];

export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === 'string' && Object.hasOwn(TICKET_STATUSES, value);
}

export function statusLabel(status: string): string {
  return isTicketStatus(status) ? TICKET_STATUSES[status] : status;
}
