// Submissions as a clerk or a platform sends them, with valid identifiers.
import { idCardCheckChar, usccCheckChar } from '../../domain/index.ts';

export const USCC = (first17 = '91310104MA1FL5LX3') => first17 + usccCheckChar(first17);
export const ID_CARD = (first17 = '11010519491231002') => first17 + idCardCheckChar(first17);

let serial = 0;
/** A unique external number per call, so tests do not see each other's tickets as the same. */
export const externalNo = (prefix = 'EXT') => `${prefix}-${Date.now().toString(36)}-${++serial}`;

export function complaint(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: '12315',
    externalNo: externalNo(),
    kind: 'complaint',
    receivedAt: '2026-09-30T09:15:00+08:00',
    complainant: { name: '张三', phone: '138 1234 5678', idType: 'resident_id', idNumber: ID_CARD(), address: '上海市徐汇区漕溪北路1号', consentPublish: true, consentMediation: true },
    respondent: { name: '上海某某电器有限公司', uscc: USCC(), address: '上海市徐汇区天钥桥路2号', regionCode: '310104' },
    facts: { occurredAt: '2026-09-20', place: '门店', goodsOrService: '空调', amount: 3999, description: '空调安装后不制冷，商家拒绝退货。' },
    requests: ['return', 'refund'],
    category: '产品质量',
    online: false,
    ...overrides,
  };
}

export function report(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: '12315',
    externalNo: externalNo(),
    kind: 'report',
    receivedAt: '2026-09-30T10:00:00+08:00',
    complainant: { anonymous: true },
    respondent: { name: '某某超市', address: '上海市徐汇区某路3号', regionCode: '310104' },
    facts: { description: '销售过期食品，货架上有过期牛奶。' },
    category: '食品药品安全',
    ...overrides,
  };
}
