// The SMS gateway: POST {phone, signName, text} with a bearer token and an Idempotency-Key
// header, so a gateway that honours it drops a repeat. A 2xx answer means accepted; a JSON
// answer with a `code` other than 0 or "OK" is a refusal (the shape of the common Chinese
// gateways, e.g. Aliyun's {Code: "OK"}).
import { postJson } from './http.ts';
import { DeliveryError, type Notifier, type OutgoingMessage } from './notifier.ts';

export class SmsNotifier implements Notifier {
  readonly channel = 'sms' as const;

  constructor(private readonly options: { url?: string; token?: string; signName: string; timeoutMs: number }) {}

  async send(message: OutgoingMessage): Promise<void> {
    if (!this.options.url) throw new DeliveryError('SMS_GATEWAY_URL is not set');
    const headers: Record<string, string> = { 'idempotency-key': message.idempotencyKey };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    const { json } = await postJson(this.options.url, { phone: message.to, signName: this.options.signName, text: message.text }, {
      timeoutMs: this.options.timeoutMs, headers, what: 'SMS gateway',
    });
    const answer = json as { code?: unknown; Code?: unknown; message?: string; Message?: string } | undefined;
    const code = answer?.code ?? answer?.Code;
    if (code !== undefined && code !== 0 && code !== '0' && code !== 'OK') {
      throw new DeliveryError(`SMS gateway refused the message: ${String(code)} ${answer?.message ?? answer?.Message ?? ''}`.trim());
    }
  }
}
