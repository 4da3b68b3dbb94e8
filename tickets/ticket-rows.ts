// Between the tickets table and the Ticket type.
import { toNumber } from './db.ts';
import type { Ticket } from './types.ts';

export interface TicketRow {
  id: string;
  ticket_no: string;
  submission_id: string;
  channel: Ticket['channel'];
  external_no: string | null;
  kind: Ticket['kind'];
  status: string;
  received_at: Date;
  registered_at: Date;
  registered_by: string | null;
  complainant_name: string | null;
  complainant_phone: string | null;
  complainant_id_type: Ticket['complainant']['idType'];
  complainant_id_number: string | null;
  complainant_address: string | null;
  consent_publish: boolean;
  consent_mediation: boolean;
  anonymous: boolean;
  respondent_name: string | null;
  respondent_uscc: string | null;
  respondent_address: string | null;
  respondent_region_code: string | null;
  respondent_platform: string | null;
  respondent_shop: string | null;
  fact_occurred_at: string | null;
  fact_place: string | null;
  goods_or_service: string | null;
  amount_involved: string | null;
  description: string | null;
  requests: Ticket['requests'];
  category: string | null;
  goods_class: string | null;
  online: boolean;
  odr_chosen: boolean;
  attachments: Ticket['attachments'];
  professional_claimant: boolean;
  repeat_complainant: boolean;
  department: string | null;
  return_count: number;
  reopen_count: number;
  amount_recovered: string | null;
  satisfaction: Ticket['satisfaction'];
  closed_at: Date | null;
  complainant_key: string | null;
  dedup_key: string | null;
  process_id: string | null;
  process_instance_key: string | null;
  process_start_requested_at: Date | null;
  updated_at: Date;
}

export function toTicket(r: TicketRow): Ticket {
  return {
    id: r.id,
    ticketNo: r.ticket_no,
    submissionId: r.submission_id,
    channel: r.channel,
    externalNo: r.external_no,
    kind: r.kind,
    status: r.status,
    receivedAt: r.received_at,
    registeredAt: r.registered_at,
    registeredBy: r.registered_by,
    complainant: {
      name: r.complainant_name,
      phone: r.complainant_phone,
      idType: r.complainant_id_type,
      idNumber: r.complainant_id_number,
      address: r.complainant_address,
      consentPublish: r.consent_publish,
      consentMediation: r.consent_mediation,
      anonymous: r.anonymous,
    },
    respondent: {
      name: r.respondent_name,
      uscc: r.respondent_uscc,
      address: r.respondent_address,
      regionCode: r.respondent_region_code,
      platform: r.respondent_platform,
      shop: r.respondent_shop,
    },
    facts: {
      occurredAt: r.fact_occurred_at,
      place: r.fact_place,
      goodsOrService: r.goods_or_service,
      amount: toNumber(r.amount_involved),
      description: r.description,
    },
    requests: r.requests,
    category: r.category,
    goodsClass: r.goods_class,
    online: r.online,
    odrChosen: r.odr_chosen,
    attachments: r.attachments,
    professionalClaimant: r.professional_claimant,
    repeatComplainant: r.repeat_complainant,
    department: r.department,
    returnCount: r.return_count,
    reopenCount: r.reopen_count,
    amountRecovered: toNumber(r.amount_recovered),
    satisfaction: r.satisfaction,
    closedAt: r.closed_at,
    complainantKey: r.complainant_key,
    dedupKey: r.dedup_key,
    processId: r.process_id,
    processInstanceKey: r.process_instance_key,
    processStartRequestedAt: r.process_start_requested_at,
    updatedAt: r.updated_at,
  };
}
