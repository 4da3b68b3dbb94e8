// The platform's own inbox (站内提醒): a row in `notifications`, written in the job's
// transaction, so it appears exactly once.
import { addNotification, type Queryable } from '../../tickets/index.ts';
import type { Notifier, OutgoingMessage } from './notifier.ts';

export class PlatformNotifier implements Notifier {
  readonly channel = 'platform' as const;

  async send(message: OutgoingMessage, db: Queryable): Promise<void> {
    await addNotification(db, { recipient: message.to, ticketId: message.ticketId, title: message.title, body: message.text, idempotencyKey: message.idempotencyKey, createdAt: message.at });
  }
}
