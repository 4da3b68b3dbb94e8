// The statistics API as the dashboard reads it (server/routes/statistics.ts).

export interface KpiDefinition {
  id: string;
  label: string;
  formula: string;
  unit: '%' | '件' | '元';
  rate: boolean;
  higherIsBetter: boolean;
}

export type KpiValues = Record<string, number | null>;

export interface BelowAverage { kpi: string; label: string; months: { month: string; value: number; city: number }[] }
export interface RankingRow { rank: number; code: string; name: string; kpis: KpiValues; belowAverage: BelowAverage[]; flagged: boolean }
export interface HotSpot { key: string; label: string; count: number; usual: number; unusual: boolean }
export interface Count { key: string; count: number }

export interface Dashboard {
  department: { code: string; name: string; kind: string };
  period: { kind: 'month' | 'quarter' | 'year' | 'range'; label: string; firstDay: string; lastDay: string };
  definitions: KpiDefinition[];
  kpis: KpiValues;
  trend: { month: string; kpis: KpiValues }[];
  breakdowns: { category: Count[]; channel: Count[]; kind: Count[]; department: (Count & { code: string })[] };
  ranking: { city: { code: string; name: string; kpis: KpiValues }; flagMonths: string[]; rows: RankingRow[] };
  hotSpots: { respondent: HotSpot[]; category: HotSpot[]; area: HotSpot[] };
}

export interface StatisticsUnit { code: string; name: string; kind: string; parentCode: string | null }

/** A KPI value as a card or cell shows it. */
export function formatKpi(value: number | null | undefined, unit: KpiDefinition['unit']): string {
  if (value === null || value === undefined) return '—';
  if (unit === '%') return `${value.toFixed(1)}%`;
  if (unit === '元') return value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return String(value);
}
