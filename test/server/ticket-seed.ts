// Tickets in known states for the statistics and disclosure tests, written through the
// ticket store's own functions (tickets/), as intake, the workers and CSV back-fill do.
import type pg from 'pg';
import {
  appendAudit, completeDeadline, createCase, insertNotice, insertSubmission, insertTicket, nextNoticeNo, updateTicket, upsertDeadline,
  type Channel, type Satisfaction, type Ticket, type TicketKind,
} from '../../tickets/index.ts';

/** `2026-04-08 10:00` in Beijing time. */
export const bj = (wallClock: string) => new Date(`${wallClock.replace(' ', 'T')}${wallClock.length === 10 ? 'T00:00' : ''}:00+08:00`);

export interface SeedTicket {
  kind?: TicketKind;
  channel?: Channel;
  /** Left out: not routed yet. */
  department?: string;
  received: string;
  category?: string;
  online?: boolean;
  professional?: boolean;
  respondent?: { name: string; uscc?: string; regionCode?: string };
  complainant?: { name?: string; phone?: string; idNumber?: string; address?: string; consentPublish?: boolean; anonymous?: boolean };
  goods?: string;
  status?: string;
  closed?: string;
  satisfaction?: Satisfaction;
  amountRecovered?: number;
  reopenCount?: number;
  /** Deadlines: step, due (24:00 of this day, Beijing), completed. */
  deadlines?: { step: string; dueDay: string; completed?: string }[];
  notices?: { template: string; issued: string }[];
  caseOpened?: string;
  /** Statuses the process went through (audit entries as ticket.status writes them). */
  statusHistory?: { status: string; at: string }[];
}

let seeded = 0;
const nextDay = (day: string) => new Date(bj(day).getTime() + 86_400_000);

export async function seedTicket(pool: pg.Pool, s: SeedTicket): Promise<Ticket> {
  const receivedAt = bj(s.received);
  const channel = s.channel ?? '12315';
  const submission = await insertSubmission(pool, { channel, externalNo: null, payload: { seeded: true }, receivedAt });
  const c = s.complainant ?? {};
  // Each ticket without a named respondent has its own, so only named ones make hot spots.
  const respondentName = s.respondent?.name ?? `某商户${++seeded}`;
  const ticket = await insertTicket(pool, {
    submissionId: submission.id, channel, externalNo: null, kind: s.kind ?? 'complaint', receivedAt, registeredBy: 'test',
    complainant: {
      name: c.name ?? '张三', phone: c.phone ?? '13800138000', idType: c.idNumber ? 'resident_id' : null, idNumber: c.idNumber ?? null,
      address: c.address ?? null, consentPublish: c.consentPublish ?? false, consentMediation: false, anonymous: c.anonymous ?? false,
    },
    respondent: { name: respondentName, uscc: s.respondent?.uscc ?? null, address: null, regionCode: s.respondent?.regionCode ?? null, platform: null, shop: null },
    facts: { occurredAt: null, place: null, goodsOrService: s.goods ?? null, amount: null, description: '测试工单' },
    requests: [], category: s.category ?? '其他', goodsClass: null, online: s.online ?? false, odrChosen: false, attachments: [],
    complainantKey: null, dedupKey: null, processId: null,
    status: s.status ?? (s.closed ? 'closed' : 'dispatched'), department: s.department,
    closedAt: s.closed ? bj(s.closed) : null, satisfaction: s.satisfaction ?? null, amountRecovered: s.amountRecovered ?? null,
    reopenCount: s.reopenCount ?? 0,
  });
  if (s.professional) await updateTicket(pool, ticket.id, { professionalClaimant: true });
  for (const d of s.deadlines ?? []) {
    await upsertDeadline(pool, {
      ticketId: ticket.id, step: d.step, startedAt: receivedAt, dueDate: d.dueDay, dueAt: nextDay(d.dueDay),
      remindAt3: null, remindAt2: null, dueDayStart: null, extendedDueAt: null, regulation: 'SAMR Order No. 20', article: null, citation: null,
    });
    if (d.completed) await completeDeadline(pool, ticket.id, d.step, bj(d.completed));
  }
  for (const n of s.notices ?? []) {
    const issuedAt = bj(n.issued);
    await insertNotice(pool, {
      ticketId: ticket.id, noticeNo: await nextNoticeNo(pool, '测', issuedAt.getUTCFullYear()), template: n.template, title: n.template,
      data: {}, html: '<p>测试</p>', issuedAt,
    });
  }
  if (s.caseOpened) await createCase(pool, { ticketId: ticket.id, actor: 'test', createdAt: bj(s.caseOpened) });
  for (const h of s.statusHistory ?? []) {
    await appendAudit(pool, { ticketId: ticket.id, actor: 'test', action: 'ticket.status', at: bj(h.at), before: null, after: { status: h.status } });
  }
  return ticket;
}
