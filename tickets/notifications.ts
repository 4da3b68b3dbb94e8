// In-platform notifications (站内提醒) for a user or a group (`dept:<code>`, `role:<role>`).
import type { Queryable } from './db.ts';
import type { Notification } from './types.ts';

interface NotificationRow {
  id: string;
  recipient: string;
  ticket_id: string | null;
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  recipient: r.recipient,
  ticketId: r.ticket_id,
  title: r.title,
  body: r.body,
  createdAt: r.created_at,
  readAt: r.read_at,
});

export interface NewNotification {
  recipient: string;
  ticketId?: string | null;
  title: string;
  body: string;
  idempotencyKey?: string | null;
  /** When it was sent: the process's time for a worker (default the database's). */
  createdAt?: Date;
}

/** Adds a notification; a second one with the same idempotency key is ignored. */
export async function addNotification(db: Queryable, n: NewNotification): Promise<void> {
  await db.query(
    `INSERT INTO notifications (recipient, ticket_id, title, body, idempotency_key, created_at) VALUES ($1, $2, $3, $4, $5, COALESCE($6, now()))
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [n.recipient, n.ticketId ?? null, n.title, n.body, n.idempotencyKey ?? null, n.createdAt ?? null],
  );
}

/** Newest first, for any of the recipient ids a user answers to (self, groups). */
export async function notificationsFor(db: Queryable, recipients: string[], options: { unreadOnly?: boolean; limit?: number } = {}): Promise<Notification[]> {
  const result = await db.query<NotificationRow>(
    `SELECT * FROM notifications WHERE recipient = ANY($1) ${options.unreadOnly ? 'AND read_at IS NULL' : ''}
     ORDER BY created_at DESC LIMIT $2`,
    [recipients, options.limit ?? 50],
  );
  return result.rows.map(toNotification);
}

export async function markNotificationRead(db: Queryable, id: string, at: Date = new Date()): Promise<void> {
  await db.query('UPDATE notifications SET read_at = $2 WHERE id = $1 AND read_at IS NULL', [id, at]);
}
