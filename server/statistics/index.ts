// Public entry of the statistics: the KPIs of DOMAIN.md per department and period, the
// trend, breakdowns, ranking with the three-months-below-average flag, hot spots, and
// Excel export (a generic helper other list pages use too).
export { dashboard, type Dashboard } from './dashboard.ts';
export { dashboardXlsx } from './export.ts';
export { KPIS, type KpiDefinition, type KpiValues } from './kpis.ts';
export { parsePeriod, PERIOD_PATTERN, type Period } from './period.ts';
export type { Ranking, RankingRow } from './ranking.ts';
export { unitInScope, unitsInScope, type Unit } from './units.ts';
export { attachment, sheet, toXlsx, XLSX_TYPE, type XlsxColumn, type XlsxSheet } from './xlsx.ts';
