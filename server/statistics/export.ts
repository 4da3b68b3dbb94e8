// The dashboard as an Excel workbook: the KPI table, the ranking (with the flag), the trend.
import type { Dashboard } from './dashboard.ts';
import { sheet, toXlsx, type XlsxColumn } from './xlsx.ts';

const FORMAT = { '%': 'percent', 元: 'money', 件: 'integer' } as const;

/** A unit of the ranking, or the city average under it (no rank, no flag). */
interface RankedLine {
  rank: number | null;
  name: string;
  kpis: Record<string, number | null>;
  belowAverage: { label: string }[];
  flagged: boolean | null;
}

export function dashboardXlsx(d: Dashboard, exportedAt: Date): Promise<Buffer> {
  const caption = [`${d.department.name} 投诉举报处置统计（${d.period.label}）`, `统计区间：${d.period.firstDay} 至 ${d.period.lastDay}`];
  const stamp = new Date(exportedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  const kpiColumns = <Row extends { kpis: Record<string, number | null> }>(): XlsxColumn<Row>[] =>
    d.definitions.map((k) => ({ header: k.unit === '%' ? k.label : `${k.label}（${k.unit}）`, value: (r: Row) => r.kpis[k.id], format: FORMAT[k.unit] }));
  return toXlsx([
    sheet({
      name: '指标',
      caption: [...caption, `导出时间：${stamp}（北京时间）`],
      columns: [
        { header: '指标', value: (k: Dashboard['definitions'][number]) => k.label, width: 18 },
        { header: '数值', value: (k) => d.kpis[k.id], width: 14 },
        { header: '单位', value: (k) => k.unit },
        { header: '计算方法', value: (k) => k.formula, width: 44 },
      ],
      rows: d.definitions,
    }),
    sheet<RankedLine>({
      name: '排名',
      caption: [...caption, `连续 ${d.ranking.flagMonths.length} 个月低于全市平均的单位标注“约谈”（${d.ranking.flagMonths.join('、')}）`],
      columns: [
        { header: '名次', value: (r) => r.rank, format: 'integer' },
        { header: '单位', value: (r) => r.name, width: 24 },
        ...kpiColumns<RankedLine>(),
        { header: '连续低于全市平均', value: (r) => r.belowAverage.map((b) => b.label).join('、'), width: 24 },
        { header: '约谈', value: (r) => (r.flagged === null ? null : r.flagged ? '是' : '否') },
      ],
      rows: [
        ...d.ranking.rows,
        { rank: null, name: `全市平均（${d.ranking.city.name}）`, kpis: d.ranking.city.kpis, belowAverage: [], flagged: null },
      ],
    }),
    sheet({ name: '月度趋势', caption, columns: [{ header: '月份', value: (r: Dashboard['trend'][number]) => r.month }, ...kpiColumns<Dashboard['trend'][number]>()], rows: d.trend }),
  ]);
}
