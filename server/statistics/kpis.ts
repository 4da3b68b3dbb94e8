// The KPIs of DOMAIN.md, computed from the counts: the label users see, the formula, and
// whether higher is better (the ranking and the below-average flag need to know).
import type { Counts } from './measures.ts';

export interface KpiDefinition {
  id: string;
  label: string;
  /** How it is computed, shown next to the figure. */
  formula: string;
  unit: '%' | '件' | '元';
  /** Rates take part in the ranking and the three-months-below-average flag. */
  rate: boolean;
  higherIsBetter: boolean;
  value(c: Counts): number | null;
}

/** A percentage with one decimal; null when nothing was there to count. */
export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export const KPIS: readonly KpiDefinition[] = [
  { id: 'acceptOnTimeRate', label: '按时初查率', formula: '按时作出受理决定数 / 受理决定数', unit: '%', rate: true, higherIsBetter: true,
    value: (c) => percent(c.acceptOnTime, c.acceptDecisions) },
  { id: 'closedOnTimeRate', label: '按时办结率', formula: '按时办结数 / 办结数', unit: '%', rate: true, higherIsBetter: true,
    value: (c) => percent(c.closedOnTime, c.closed) },
  { id: 'reportVerifiedOnTimeRate', label: '举报按时核查率', formula: '按时核查完毕的举报 / 核查完毕的举报', unit: '%', rate: true, higherIsBetter: true,
    value: (c) => percent(c.verifiedOnTime, c.verified) },
  { id: 'mediationSuccessRate', label: '调解成功率', formula: '达成调解协议数 / 调解终结数', unit: '%', rate: true, higherIsBetter: true,
    value: (c) => percent(c.agreements, c.mediationsConcluded) },
  { id: 'satisfactionRate', label: '满意率', formula: '回访“满意”及以上 / 回访数', unit: '%', rate: true, higherIsBetter: true,
    value: (c) => percent(c.satisfied, c.visits) },
  { id: 'amountRecovered', label: '挽回经济损失', formula: '办结工单挽回金额合计', unit: '元', rate: false, higherIsBetter: true,
    value: (c) => Math.round(c.recovered * 100) / 100 },
  { id: 'conversions', label: '诉转案数', formula: '投诉转立案件数', unit: '件', rate: false, higherIsBetter: true, value: (c) => c.conversions },
  { id: 'conversionRate', label: '诉转案率', formula: '诉转案数 / 受理投诉数', unit: '%', rate: true, higherIsBetter: true,
    value: (c) => percent(c.conversions, c.accepted) },
  { id: 'reopenRate', label: '重办率', formula: '办结工单中重办过的 / 办结数', unit: '%', rate: true, higherIsBetter: false,
    value: (c) => percent(c.reopened, c.closed) },
  { id: 'overdue', label: '超期件数', formula: '期限届满仍未完成的办理环节所属工单数', unit: '件', rate: false, higherIsBetter: false, value: (c) => c.overdue },
  { id: 'received', label: '登记量', formula: '期间收到的工单数', unit: '件', rate: false, higherIsBetter: true, value: (c) => c.received },
  { id: 'closed', label: '办结量', formula: '期间办结的工单数', unit: '件', rate: false, higherIsBetter: true, value: (c) => c.closed },
  { id: 'onlineShare', label: '网络交易占比', formula: '网络交易工单 / 登记量', unit: '%', rate: false, higherIsBetter: true,
    value: (c) => percent(c.online, c.received) },
  { id: 'professionalShare', label: '职业索赔占比', formula: '职业索赔举报人工单 / 登记量', unit: '%', rate: false, higherIsBetter: false,
    value: (c) => percent(c.professional, c.received) },
];

export type KpiValues = Record<string, number | null>;

export const kpiValues = (c: Counts): KpiValues => Object.fromEntries(KPIS.map((k) => [k.id, k.value(c)]));
