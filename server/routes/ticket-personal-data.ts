// The complainant's personal data in full (phone, ID number, address), on an explicit request
// from a role that needs it. Lists and exports stay masked; each view here is written to the
// ticket's audit trail with who looked.
import { appendAudit } from '../../tickets/index.ts';
import { forbidden } from '../http/errors.ts';
import { seesFullData } from '../tickets/access.ts';
import { visibleTicket } from '../tickets/visible.ts';
import type { Endpoint } from './endpoint.ts';
import { idParams } from './schemas.ts';

export const reveal: Endpoint = {
  summary: '查看投诉举报人完整个人信息（记入审计）',
  description: '登记员、法制审核、领导，以及工单所在部门（含上级所辖）的承办人可查看；每次查看都记入工单审计记录（ticket.personalDataViewed）。',
  tag: '工单',
  params: idParams,
  responses: {
    200: {
      description: '完整个人信息',
      schema: {
        type: 'object',
        properties: {
          ticketId: { type: 'string' },
          ticketNo: { type: 'string' },
          complainant: { type: 'object', properties: { name: { type: ['string', 'null'] }, phone: { type: ['string', 'null'] }, idType: { type: ['string', 'null'] }, idNumber: { type: ['string', 'null'] }, address: { type: ['string', 'null'] }, anonymous: { type: 'boolean' } } },
        },
      },
    },
  },
  async handle({ ctx, user, params }) {
    const ticket = await visibleTicket(ctx, user!, params.id);
    if (!(await seesFullData(ctx.pool, user!, ticket))) throw forbidden('只有本部门承办人和登记员、法制审核、领导可以查看完整个人信息');
    await appendAudit(ctx.pool, {
      ticketId: ticket.id, actor: `user:${user!.id}`, action: 'ticket.personalDataViewed', at: ctx.clock(),
      after: { login: user!.login, roles: user!.roles, via: 'personal-data' },
    });
    const { name, phone, idType, idNumber, address, anonymous } = ticket.complainant;
    return { body: { ticketId: ticket.id, ticketNo: ticket.ticketNo, complainant: { name, phone, idType, idNumber, address, anonymous } } };
  },
};
