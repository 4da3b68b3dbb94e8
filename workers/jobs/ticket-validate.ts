// ticket.validate: the stored ticket checked again by the intake rules (schema and
// identifiers), for tickets that reached the process another way (CSV back-fill, a message
// start, a data fix). Bad data → BPMN error INVALID_TICKET with `validationMessage` (zh-CN,
// for the clerk's correction task) and `validationErrors` (field paths).
import { checkSubmission, type Ticket } from '../../tickets/index.ts';
import { BpmnError } from '../job-errors.ts';
import type { JobModule } from '../job-module.ts';
import { jobTicket } from './job-ticket.ts';

export const ticketValidate: JobModule = {
  type: 'ticket.validate',
  fetchVariables: [],
  async handle(job, db) {
    const ticket = await jobTicket(db, job);
    const checked = checkSubmission(asSubmission(ticket), { allowLegacyIdCards: true });
    if (!checked.ok) {
      const validationMessage = `工单 ${ticket.ticketNo} 登记信息有误：${checked.errors.map((e) => e.message).join('；')}`;
      throw new BpmnError('INVALID_TICKET', validationMessage, { validationMessage, validationErrors: checked.errors });
    }
    return {};
  },
};

function asSubmission(t: Ticket): Record<string, unknown> {
  const c = t.complainant;
  const r = t.respondent;
  const f = t.facts;
  return {
    channel: t.channel,
    externalNo: t.externalNo ?? undefined,
    kind: t.kind,
    receivedAt: t.receivedAt.toISOString(),
    complainant: { name: c.name, phone: c.phone, idType: c.idNumber ? c.idType : undefined, idNumber: c.idNumber, address: c.address, consentPublish: c.consentPublish, consentMediation: c.consentMediation, anonymous: t.kind === 'report' ? c.anonymous : undefined },
    respondent: { name: r.name, uscc: r.uscc, address: r.address, regionCode: r.regionCode, platform: r.platform, shop: r.shop },
    facts: { occurredAt: f.occurredAt, place: f.place, goodsOrService: f.goodsOrService, amount: f.amount, description: f.description },
    requests: t.kind === 'complaint' ? t.requests : undefined,
    category: t.category,
    goodsClass: t.goodsClass,
    online: t.online,
    odrChosen: t.kind === 'complaint' ? t.odrChosen : undefined,
    attachments: t.attachments.length ? t.attachments : undefined,
  };
}
