// The time limits of DOMAIN.md as data. The processes hold the same table as DMN;
// this is the reference it is checked against, and what statistics use.
//
// Order 20 applies to tickets received from its entry into force (2020-01-01) up to
// 2026-04-14, Order 121 from 2026-04-15. Rows DOMAIN.md marks "to confirm" carry
// `toConfirm`; article numbers of Order 121 that DOMAIN.md does not give are null.

import type { TimeLimitRule } from './types.ts';

export const ORDER_20_FROM = '2020-01-01';
export const ORDER_20_UNTIL = '2026-04-14';
export const ORDER_121_FROM = '2026-04-15';

const O20 = '《市场监督管理投诉举报处理暂行办法》';
const O121 = '《市场监督管理投诉举报处理办法》';
const PENALTY = '《市场监督管理行政处罚程序规定》';

const order20 = { regulation: 'SAMR Order No. 20', appliesFrom: ORDER_20_FROM, appliesUntil: ORDER_20_UNTIL } as const;
const order121 = { regulation: 'SAMR Order No. 121', appliesFrom: ORDER_121_FROM } as const;
const local = { regulation: 'local target', article: null, citation: '本局工作要求', appliesFrom: ORDER_20_FROM } as const;

export const TIME_LIMIT_RULES: readonly TimeLimitRule[] = Object.freeze([
  // 受理
  { ...order20, step: 'complaint.accept', title: '作出是否受理决定并告知投诉人', article: 'Art 14', citation: `${O20}第十四条`,
    amount: 7, unit: 'workingDays', countsFrom: 'receipt' },
  { ...order121, step: 'complaint.accept', title: '作出是否受理决定并告知投诉人', article: null, citation: O121,
    amount: 7, unit: 'workingDays', countsFrom: 'receipt', toConfirm: true },

  // 调解: testing and appraisal time is not counted (pass it as pauses).
  { ...order20, step: 'complaint.mediate', title: '调解（期满未达成调解协议的终止调解）', article: 'Art 21(5)', citation: `${O20}第二十一条第（五）项`,
    amount: 45, unit: 'workingDays', countsFrom: 'acceptance' },
  { ...order121, step: 'complaint.mediate', title: '调解（期满未达成调解协议的终止调解）', article: 'Art 23(5)', citation: `${O121}第二十三条第（五）项`,
    amount: 60, unit: 'calendarDays', countsFrom: 'acceptance' },

  // 终止调解告知
  { ...order20, step: 'complaint.notifyTermination', title: '将终止调解决定告知投诉人和被投诉人', article: 'Art 21', citation: `${O20}第二十一条`,
    amount: 7, unit: 'workingDays', countsFrom: 'decision' },
  { ...order121, step: 'complaint.notifyTermination', title: '将终止调解决定告知投诉人和被投诉人', article: null, citation: O121,
    amount: 7, unit: 'workingDays', countsFrom: 'decision', toConfirm: true },

  // 调解中发现违法线索的核查
  { ...order20, step: 'complaint.verifyClue', title: '核查调解中发现的违法线索', article: 'Art 23', citation: `${O20}第二十三条`,
    amount: 15, unit: 'workingDays', countsFrom: 'discovery', extension: { amount: 15, unit: 'workingDays', needs: 'approval' } },
  { ...order121, step: 'complaint.verifyClue', title: '核查调解中发现的违法线索', article: null, citation: O121,
    amount: 15, unit: 'workingDays', countsFrom: 'discovery', extension: { amount: 15, unit: 'workingDays', needs: 'approval' }, toConfirm: true },

  // 举报核查, under the penalty procedure whichever measures apply.
  { ...order20, step: 'report.verify', title: '核查举报并决定是否立案', article: 'Penalty procedure Art 18', citation: `${PENALTY}第十八条`,
    amount: 15, unit: 'workingDays', countsFrom: 'receipt', extension: { amount: 15, unit: 'workingDays', needs: 'head approval' } },
  { ...order121, step: 'report.verify', title: '核查举报并决定是否立案', article: 'Penalty procedure Art 18', citation: `${PENALTY}第十八条`,
    amount: 15, unit: 'workingDays', countsFrom: 'receipt', extension: { amount: 15, unit: 'workingDays', needs: 'head approval' } },

  // 实名举报人告知
  { ...order20, step: 'report.notifyReporter', title: '告知实名举报人是否立案', article: 'Art 31', citation: `${O20}第三十一条`,
    amount: 5, unit: 'workingDays', countsFrom: 'decision' },
  { ...order121, step: 'report.notifyReporter', title: '告知实名举报人是否立案', article: null, citation: O121,
    amount: 5, unit: 'workingDays', countsFrom: 'decision', toConfirm: true },

  // 管辖争议: unresolved after the limit → the common superior designates.
  { ...order20, step: 'jurisdiction.agree', title: '管辖争议协商（不成报共同上级指定）', article: 'Art 30', citation: `${O20}第三十条`,
    amount: 7, unit: 'workingDays', countsFrom: 'dispute' },
  { ...order121, step: 'jurisdiction.agree', title: '管辖争议协商（不成报共同上级指定）', article: null, citation: O121,
    amount: 7, unit: 'workingDays', countsFrom: 'dispute', note: 'DOMAIN.md: same limit; article number not given' },

  // 立案后作出处理决定: "九十日" are calendar days.
  { ...order20, step: 'case.decide', title: '立案后作出处理决定', article: 'Penalty procedure', citation: PENALTY,
    amount: 90, unit: 'calendarDays', countsFrom: 'filing', extension: { amount: 30, unit: 'calendarDays', needs: 'approval' },
    note: 'DOMAIN.md gives no article number' },
  { ...order121, step: 'case.decide', title: '立案后作出处理决定', article: 'Penalty procedure', citation: PENALTY,
    amount: 90, unit: 'calendarDays', countsFrom: 'filing', extension: { amount: 30, unit: 'calendarDays', needs: 'approval' },
    note: 'DOMAIN.md gives no article number' },

  // ODR 企业自行和解
  { ...order20, step: 'odr.selfSettle', title: 'ODR 企业自行和解', article: null, citation: '在线消费纠纷解决（ODR）机制',
    amount: 10, unit: 'workingDays', countsFrom: 'referral', note: 'DOMAIN.md gives no article' },
  { ...order121, step: 'odr.selfSettle', title: 'ODR 企业自行和解', article: null, citation: '在线消费纠纷解决（ODR）机制',
    amount: 10, unit: 'workingDays', countsFrom: 'referral', note: 'DOMAIN.md gives no article' },

  // Local targets (seeds), whichever measures apply.
  { ...local, step: 'intake.dispatch', title: '登记后分送承办单位', amount: 2, unit: 'hours', countsFrom: 'receipt' },
  { ...local, step: 'intake.respond', title: '回应诉求人', amount: 24, unit: 'hours', countsFrom: 'receipt' },
  { ...local, step: 'hotline12345.handle', title: '12345 热线工单办理', amount: 1.5, unit: 'elapsedWorkingDays', countsFrom: 'receipt' },
  { ...local, step: 'hotline.immediate', title: '接诉即办', amount: 1, unit: 'elapsedWorkingDays', countsFrom: 'receipt' },
] satisfies TimeLimitRule[]);

export const TIME_LIMIT_STEPS: readonly string[] = Object.freeze([...new Set(TIME_LIMIT_RULES.map((r) => r.step))]);
