// Files uploaded to a ticket (附件): the bytes in ticket_attachments, the metadata appended
// to the ticket's `attachments` list in the same transaction, with an audit entry, so an
// upload that was acknowledged is whole and listed.
import crypto from 'node:crypto';
import type pg from 'pg';
import { appendAudit } from './audit.ts';
import { transaction, type Queryable } from './db.ts';
import { lockTicket } from './ticket-store.ts';
import type { Ticket } from './types.ts';

/** An uploaded file as the ticket lists it (intake's `{ name, url }` references have no id). */
export interface StoredAttachment {
  id: string;
  name: string;
  size: number;
  contentType: string;
  sha256: string;
  uploadedAt: string;
  /** 'user:<id>'. */
  uploadedBy: string;
}

export interface NewAttachment {
  ticketId: string;
  name: string;
  contentType: string;
  content: Buffer;
  uploadedBy: string;
  at: Date;
}

/** Stores the file; undefined when the ticket does not exist. */
export async function addAttachment(pool: pg.Pool, a: NewAttachment): Promise<StoredAttachment | undefined> {
  return transaction(pool, async (db) => {
    if (!(await lockTicket(db, a.ticketId))) return undefined;
    const sha256 = crypto.createHash('sha256').update(a.content).digest('hex');
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO ticket_attachments (ticket_id, name, content_type, size, sha256, content, uploaded_at, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [a.ticketId, a.name, a.contentType, a.content.length, sha256, a.content, a.at, a.uploadedBy],
    );
    const stored: StoredAttachment = {
      id: rows[0]!.id, name: a.name, size: a.content.length, contentType: a.contentType, sha256,
      uploadedAt: a.at.toISOString(), uploadedBy: a.uploadedBy,
    };
    await db.query(`UPDATE tickets SET attachments = attachments || $2::jsonb, updated_at = now() WHERE id = $1`, [a.ticketId, JSON.stringify([stored])]);
    await appendAudit(db, { ticketId: a.ticketId, actor: a.uploadedBy, action: 'attachment.uploaded', at: a.at, after: { ...stored } });
    return stored;
  });
}

/** The file and its metadata, if it belongs to that ticket. */
export async function getAttachment(db: Queryable, ticketId: string, attachmentId: string): Promise<(StoredAttachment & { content: Buffer }) | undefined> {
  const { rows } = await db.query<{ id: string; name: string; size: number; content_type: string; sha256: string; content: Buffer; uploaded_at: Date; uploaded_by: string }>(
    'SELECT * FROM ticket_attachments WHERE id = $1 AND ticket_id = $2', [attachmentId, ticketId]);
  const r = rows[0];
  return r && {
    id: r.id, name: r.name, size: r.size, contentType: r.content_type, sha256: r.sha256,
    uploadedAt: r.uploaded_at.toISOString(), uploadedBy: r.uploaded_by, content: r.content,
  };
}

/** The uploaded files among a ticket's attachments (intake's `{ name, url }` references have no id). */
export function uploadedAttachments(ticket: Ticket): StoredAttachment[] {
  return (ticket.attachments as Array<Partial<StoredAttachment>>).filter((a): a is StoredAttachment => typeof a.id === 'string');
}
