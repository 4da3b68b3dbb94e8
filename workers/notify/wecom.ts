// 企业微信群机器人: POST {msgtype: 'markdown'} to the group's webhook. The robot answers HTTP
// 200 with {errcode, errmsg}; a non-zero errcode (45009: too frequent, 93000: invalid key)
// is a failure too.
import { postJson } from './http.ts';
import { DeliveryError, type Notifier, type OutgoingMessage } from './notifier.ts';

export class WeComNotifier implements Notifier {
  readonly channel = 'wecom' as const;

  constructor(private readonly options: { timeoutMs: number }) {}

  async send(message: OutgoingMessage): Promise<void> {
    // The robot limits markdown content to 4096 bytes.
    const content = truncateBytes(`**${message.title}**\n${message.text}`, 4000);
    const { json } = await postJson(message.to, { msgtype: 'markdown', markdown: { content } }, { timeoutMs: this.options.timeoutMs, what: 'WeCom webhook' });
    const answer = json as { errcode?: number; errmsg?: string } | undefined;
    if (!answer || answer.errcode !== 0) {
      throw new DeliveryError(`WeCom webhook refused the message: errcode ${answer?.errcode ?? '?'} ${answer?.errmsg ?? ''}`.trim());
    }
  }
}

function truncateBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = text;
  while (Buffer.byteLength(out) > max - 3) out = out.slice(0, -1);
  return `${out}…`;
}
