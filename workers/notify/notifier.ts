// Sending a message to people: a WeCom group robot (企业微信群机器人), the SMS gateway, or the
// platform's own inbox. One interface, so notify.send and the tests see them alike.
import type { Queryable } from '../../tickets/index.ts';

export const NOTIFY_CHANNELS = ['wecom', 'sms', 'platform'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export interface OutgoingMessage {
  /** The address in the channel's terms: a webhook URL, a mobile number, a recipient id (dept:…). */
  to: string;
  title: string;
  text: string;
  ticketId?: string;
  /** Stable per job: the gateway or table may use it to drop a repeat. */
  idempotencyKey: string;
  /** The process's time when it is sent (never the machine's clock). */
  at: Date;
}

export interface Notifier {
  readonly channel: NotifyChannel;
  /** Resolves when the channel accepted the message; throws DeliveryError otherwise. */
  send(message: OutgoingMessage, db: Queryable): Promise<void>;
}

export type Notifiers = Record<NotifyChannel, Notifier>;

/** The channel refused or could not be reached; the job is retried. */
export class DeliveryError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'DeliveryError';
  }
}
