// Notices (文书) issued for a ticket: the rendered page, with the template and data it came from.
import type { Queryable } from './db.ts';
import type { Notice } from './types.ts';

interface NoticeRow {
  id: string;
  ticket_id: string;
  notice_no: string;
  template: string;
  title: string;
  data: Record<string, unknown>;
  html: string;
  issued_at: Date;
  issued_by: string | null;
}

const toNotice = (r: NoticeRow): Notice => ({
  id: r.id,
  ticketId: r.ticket_id,
  noticeNo: r.notice_no,
  template: r.template,
  title: r.title,
  data: r.data,
  html: r.html,
  issuedAt: r.issued_at,
  issuedBy: r.issued_by,
});

/** The next notice number: 〔2026〕000123号 with the template's short prefix (投受, 投不受…). */
export async function nextNoticeNo(db: Queryable, prefix: string, year: number): Promise<string> {
  const seq = await db.query<{ n: string }>(`SELECT nextval('notice_no_seq')::text AS n`);
  return `${prefix}〔${year}〕${seq.rows[0]!.n.padStart(6, '0')}号`;
}

/** A notice to store: its content, dated now unless told; a repeated idempotency key stores nothing. */
export type NewNotice = Omit<Notice, 'id' | 'issuedAt' | 'issuedBy'> & Partial<Pick<Notice, 'issuedAt' | 'issuedBy'>> & { idempotencyKey?: string | null };

export async function insertNotice(db: Queryable, n: NewNotice): Promise<Notice> {
  const result = await db.query<NoticeRow>(
    `INSERT INTO notices (ticket_id, notice_no, template, title, data, html, issued_at, issued_by, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, now()), $8, $9) RETURNING *`,
    [n.ticketId, n.noticeNo, n.template, n.title, JSON.stringify(n.data), n.html, n.issuedAt ?? null, n.issuedBy ?? null, n.idempotencyKey ?? null],
  );
  return toNotice(result.rows[0]!);
}

export async function getNotice(db: Queryable, id: string): Promise<Notice | undefined> {
  const result = await db.query<NoticeRow>('SELECT * FROM notices WHERE id = $1', [id]);
  return result.rows[0] && toNotice(result.rows[0]);
}

export async function noticesOf(db: Queryable, ticketId: string): Promise<Notice[]> {
  const result = await db.query<NoticeRow>('SELECT * FROM notices WHERE ticket_id = $1 ORDER BY issued_at, notice_no', [ticketId]);
  return result.rows.map(toNotice);
}
