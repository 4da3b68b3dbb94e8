// The ranking table of departments, and the flag DOMAIN.md asks for: a department below
// the city average three months in a row is flagged for a talk (约谈). "Below" means worse:
// under the city's rate for a rate where higher is better, over it for the reopen rate.
import type pg from 'pg';
import { KPIS, kpiValues, type KpiValues } from './kpis.ts';
import { measure, ZERO, type Range } from './measures.ts';
import { monthPeriod, monthsEnding, type Period } from './period.ts';
import type { Unit } from './units.ts';

export const FLAG_MONTHS = 3;
/** The ranking orders by these, in turn (nulls last). */
const ORDER = ['closedOnTimeRate', 'acceptOnTimeRate', 'satisfactionRate'];

export interface BelowAverage {
  kpi: string;
  label: string;
  months: { month: string; value: number; city: number }[];
}

export interface RankingRow {
  rank: number;
  code: string;
  name: string;
  kpis: KpiValues;
  /** Rates worse than the city's in each of the last three months. */
  belowAverage: BelowAverage[];
  flagged: boolean;
}

export interface Ranking {
  city: { code: string; name: string; kpis: KpiValues };
  flagMonths: string[];
  rows: RankingRow[];
}

export async function ranking(pool: pg.Pool, units: Unit[], city: Unit, period: Period, now: Date): Promise<Ranking> {
  const all = [...units.filter((u) => u.code !== city.code), city];
  const flagMonths = monthsEnding(period.lastDay, FLAG_MONTHS);
  const flagRange: Range = { from: monthPeriod(flagMonths[0]!).from, to: monthPeriod(flagMonths.at(-1)!).to };
  const [whole, monthly] = await Promise.all([
    measure(pool, all, period, now),
    measure(pool, all, flagRange, now, true),
  ]);
  const periodValues = (code: string) => kpiValues(whole.get(`${code}|all`) ?? ZERO);
  const monthValues = (code: string, month: string) => kpiValues(monthly.get(`${code}|${month}`) ?? ZERO);
  const cityMonths = flagMonths.map((m) => monthValues(city.code, m));

  const rows = units.map((u) => {
    const belowAverage: BelowAverage[] = [];
    for (const kpi of KPIS.filter((k) => k.rate)) {
      const months = flagMonths.map((month, i) => ({ month, value: monthValues(u.code, month)[kpi.id], city: cityMonths[i]![kpi.id] }));
      const worse = months.every((m) => m.value !== null && m.city !== null && (kpi.higherIsBetter ? m.value < m.city : m.value > m.city));
      if (worse) belowAverage.push({ kpi: kpi.id, label: kpi.label, months: months as BelowAverage['months'] });
    }
    return { rank: 0, code: u.code, name: u.name, kpis: periodValues(u.code), belowAverage, flagged: belowAverage.length > 0 };
  });
  rows.sort((a, b) => {
    for (const id of ORDER) {
      const x = a.kpis[id] ?? -1;
      const y = b.kpis[id] ?? -1;
      if (x !== y) return y - x;
    }
    return a.code.localeCompare(b.code);
  });
  rows.forEach((row, i) => { row.rank = i + 1; });
  return { city: { code: city.code, name: city.name, kpis: periodValues(city.code) }, flagMonths, rows };
}
