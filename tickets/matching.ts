// Keys that find the same complainant and the same matter across tickets: intake links
// duplicates by them, ticket.enrich counts repeat complainants by them.
import crypto from 'node:crypto';
import { toHalfWidth } from '../domain/index.ts';
import type { Complainant, Facts, Respondent, TicketKind } from './types.ts';

const normal = (s: string | null | undefined) => (s ? toHalfWidth(s).replace(/\s+/g, '').toLowerCase() : '');

/** Who complains: the (normalised) phone, else the ID number; none for anonymous reporters. */
export function complainantKeyOf(c: Complainant): string | null {
  if (c.anonymous) return null;
  if (c.phone) return `tel:${normal(c.phone)}`;
  if (c.idNumber) return `id:${normal(c.idNumber)}`;
  return null;
}

/** Whom about: the credit code, else the name. */
export function respondentKeyOf(r: Respondent): string | null {
  if (r.uscc) return `uscc:${r.uscc}`;
  if (r.name) return `name:${normal(r.name)}`;
  return null;
}

/**
 * The same matter: for a complaint, the same complainant about the same respondent, category
 * and goods or service; for a report, anyone about the same respondent and matter (Order 121:
 * repeat reports of one matter are merged or not handled again).
 */
export function dedupKeyOf(kind: TicketKind, c: Complainant, r: Respondent, category: string | null, facts: Facts): string | null {
  if (kind !== 'complaint' && kind !== 'report') return null;
  const respondent = respondentKeyOf(r);
  const complainant = complainantKeyOf(c);
  if (!respondent || (kind === 'complaint' && !complainant)) return null;
  const parts = [kind, kind === 'complaint' ? complainant : '', respondent, category ?? '', normal(facts.goodsOrService)];
  return crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex');
}
