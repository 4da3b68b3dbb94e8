// 投诉公示 (DOMAIN.md "Public disclosure"): concluded complaints whose complainant agreed to
// publication — respondent, issue, result — with the complainant reduced to a surname and
// the phone masked; per respondent the year's complaint count, resolution rate and ODR
// status. Anonymous reports and anything without consent never appear.
import type pg from 'pg';
import { maskPhone, publicName, shanghaiDate, startOfShanghaiDay } from '../../domain/index.ts';

export interface DisclosureItem {
  ticketNo: string;
  receivedOn: string;
  closedOn: string;
  respondent: string;
  category: string | null;
  issue: string;
  result: string;
  amountRecovered: number | null;
  complainant: string;
  phone: string | null;
}

export interface RespondentSummary {
  respondent: string;
  complaints: number;
  concluded: number;
  resolved: number;
  resolutionRate: number | null;
  odr: boolean;
}

export interface DisclosurePage {
  year: number;
  total: number;
  items: DisclosureItem[];
  respondents: RespondentSummary[];
}

/** Published: a complaint, closed in the year, whose complainant consented and is not anonymous. */
const PUBLISHED = `t.kind = 'complaint' AND t.status = 'closed' AND t.consent_publish AND NOT t.anonymous AND t.respondent_name IS NOT NULL
  AND t.closed_at >= $1 AND t.closed_at < $2`;
const AGREED = `EXISTS (SELECT 1 FROM notices n WHERE n.ticket_id = t.id AND n.template = 'mediation-agreement')`;
const ODR_SETTLED = `EXISTS (SELECT 1 FROM ticket_audit a WHERE a.ticket_id = t.id AND a.action = 'ticket.status' AND a.after->>'status' = 'odr-settled')`;
const TERMINATED = `EXISTS (SELECT 1 FROM notices n WHERE n.ticket_id = t.id AND n.template = 'termination-decision')`;
const RESPONDENT_KEY = 'COALESCE(t.respondent_uscc, t.respondent_name)';

interface Row {
  ticket_no: string;
  received_at: Date;
  closed_at: Date;
  respondent_name: string;
  category: string | null;
  goods_or_service: string | null;
  amount_recovered: string | null;
  complainant_name: string | null;
  complainant_phone: string | null;
  result: string;
}

export interface DisclosureQuery {
  year: number;
  /** Part of the respondent's name. */
  respondent?: string;
  limit: number;
  offset: number;
}

export async function disclosure(pool: pg.Pool, q: DisclosureQuery): Promise<DisclosurePage> {
  const params: unknown[] = [startOfShanghaiDay(`${q.year}-01-01`), startOfShanghaiDay(`${q.year + 1}-01-01`)];
  let where = PUBLISHED;
  if (q.respondent) {
    params.push(`%${q.respondent.replace(/[\\%_]/g, '\\$&')}%`);
    where += ` AND t.respondent_name LIKE $${params.length}`;
  }
  const [{ rows }, count] = await Promise.all([
    pool.query<Row>(
      `SELECT t.ticket_no, t.received_at, t.closed_at, t.respondent_name, t.category, t.goods_or_service, t.amount_recovered,
              t.complainant_name, t.complainant_phone,
              CASE WHEN ${AGREED} THEN '调解成功' WHEN ${ODR_SETTLED} THEN '企业和解' WHEN ${TERMINATED} THEN '终止调解' ELSE '已办结' END AS result
         FROM tickets t WHERE ${where}
        ORDER BY t.closed_at DESC, t.id LIMIT ${q.limit} OFFSET ${q.offset}`, params),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM tickets t WHERE ${where}`, params),
  ]);
  const items = rows.map((r): DisclosureItem => ({
    ticketNo: r.ticket_no,
    receivedOn: shanghaiDate(r.received_at),
    closedOn: shanghaiDate(r.closed_at),
    respondent: r.respondent_name,
    category: r.category,
    issue: [r.category, r.goods_or_service].filter(Boolean).join(' · ') || '消费纠纷',
    result: r.result,
    amountRecovered: r.amount_recovered === null ? null : Number(r.amount_recovered),
    complainant: r.complainant_name ? publicName(r.complainant_name) : '匿名',
    phone: r.complainant_phone ? maskPhone(r.complainant_phone) : null,
  }));
  return { year: q.year, total: count.rows[0]!.n, items, respondents: await respondentSummaries(pool, q.year, rows.map((r) => r.respondent_name)) };
}

/** The year's record of the respondents on the page, over all their complaints (an aggregate, no personal data). */
async function respondentSummaries(pool: pg.Pool, year: number, names: string[]): Promise<RespondentSummary[]> {
  if (names.length === 0) return [];
  const { rows } = await pool.query<{ respondent: string; complaints: number; concluded: number; resolved: number; odr: boolean }>(
    `SELECT max(t.respondent_name) AS respondent, count(*)::int AS complaints,
            count(*) FILTER (WHERE t.status = 'closed')::int AS concluded,
            count(*) FILTER (WHERE t.status = 'closed' AND (${AGREED} OR ${ODR_SETTLED}))::int AS resolved,
            bool_or(t.channel = 'odr' OR t.odr_chosen) AS odr
       FROM tickets t
      WHERE t.kind = 'complaint' AND t.received_at >= $1 AND t.received_at < $2
        AND ${RESPONDENT_KEY} IN (SELECT ${RESPONDENT_KEY} FROM tickets t WHERE t.respondent_name = ANY($3::text[]))
      GROUP BY ${RESPONDENT_KEY} ORDER BY 2 DESC, 1`,
    [startOfShanghaiDay(`${year}-01-01`), startOfShanghaiDay(`${year + 1}-01-01`), [...new Set(names)]]);
  return rows.map((r) => ({ ...r, resolutionRate: r.concluded === 0 ? null : Math.round((r.resolved / r.concluded) * 1000) / 10 }));
}
