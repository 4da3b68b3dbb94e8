// The sample ticket notices are previewed and checked on: the data notice.issue hands a
// template (workers/jobs/notice-issue.ts, config/notice-templates/README.md), with every
// field a template of the product prints filled in, so a mistake shows before it goes live.
import type { NoticeRenderer } from '../../workers/index.ts';

const REGULATION = 'SAMR Order No. 20';

export async function sampleNoticeData(renderer: NoticeRenderer, name: string): Promise<Record<string, unknown>> {
  const entry = await renderer.entry(name);
  return {
    bureau: '济南市市场监督管理局',
    notice: { no: `${entry.prefix}〔2026〕000123号`, title: entry.title, date: '2026年9月30日', issuedAt: '2026-09-30T09:20:00+08:00' },
    ticket: {
      ticketNo: 'TS20260930000123',
      kind: 'complaint',
      kindLabel: '投诉',
      channelLabel: '全国12315平台',
      externalNo: '1237010000202609300001',
      receivedAt: '2026-09-28T01:15:00.000Z',
      receivedDate: '2026年9月28日',
      complainant: { name: '张三', phone: '13800000000', address: '济南市历下区泉城路1号', anonymous: false },
      respondent: { name: '济南某某商贸有限公司', uscc: '91370102MA3C000000', address: '济南市历下区经十路100号' },
      facts: { occurredAt: '2026-09-20', place: '经十路门店', goodsOrService: '电热水壶', amount: 299, description: '购买的电热水壶使用三天后无法加热，商家拒绝退换。' },
      requests: ['退货', '赔偿'],
      category: '产品质量',
      department: '历下区市场监督管理局',
      amountRecovered: 299,
    },
    regulation: { id: REGULATION, order121: false },
    law: await renderer.basis(name, REGULATION),
    deadline: { title: '调解时限', dueDate: '2026-10-30', citation: '《市场监督管理投诉举报处理暂行办法》第二十条' },
    vars: {
      departmentName: '历下区市场监督管理局',
      mediationMethod: 'onsite',
      mediationScheduledAt: '2026-10-09T09:00:00+08:00',
      mediationPlace: '历下区市场监督管理局调解室',
      agreementSummary: '被投诉人为投诉人办理退货，退还货款299元。',
      amountRecovered: 299,
      refusalGround: 'NOT_CONSUMER',
      refusalGrounds: [{ value: 'NOT_CONSUMER', label: '不是为生活消费需要购买、使用商品或者接受服务' }],
      refusalReason: '投诉人购买商品用于经营。',
      terminationGround: 'NO_AGREEMENT',
      terminationGrounds: [{ value: 'NO_AGREEMENT', label: '投诉人和被投诉人未能达成调解协议' }],
      terminationReason: '双方对赔偿金额分歧较大。',
      resultSummary: '经核查，被举报人存在价格违法行为，已依法立案查处。',
      caseNo: '济市监立〔2026〕88号',
      investigationFindings: '当事人销售的电热水壶经抽检不合格。',
      proposedPenalty: '没收违法所得，并处罚款5000元',
      fineAmount: 5000,
      confiscationAmount: 1200,
      legalBasis: '《中华人民共和国产品质量法》第四十九条',
      filingOpinion: '建议立案调查。',
      transferType: 'agency',
      transferTo: '济南市公安局',
      contact: '0531-12315',
    },
  };
}
