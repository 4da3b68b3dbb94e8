// The supervision dashboard (监管看板) of one department and period: the KPIs, their trend
// per month, breakdowns, the ranking of the units below, and the hot spots.
import type pg from 'pg';
import { breakdowns, hotSpots } from './breakdowns.ts';
import { kpiValues, KPIS, type KpiValues } from './kpis.ts';
import { measure, ZERO } from './measures.ts';
import { monthPeriod, monthsEnding, type Period } from './period.ts';
import { ranking } from './ranking.ts';
import { cityOf, rankedUnits, type Unit } from './units.ts';

export const TREND_MONTHS = 12;

export async function dashboard(pool: pg.Pool, unit: Unit, period: Period, now: Date) {
  const months = monthsEnding(period.lastDay, TREND_MONTHS);
  const trendRange = { from: monthPeriod(months[0]!).from, to: monthPeriod(months.at(-1)!).to };
  const [whole, monthly, byKind, hot, table] = await Promise.all([
    measure(pool, [unit], period, now),
    measure(pool, [unit], trendRange, now, true),
    breakdowns(pool, unit, period),
    hotSpots(pool, unit, period),
    rankedUnits(pool, unit).then(async (units) => ranking(pool, units, await cityOf(pool, unit), period, now)),
  ]);
  const kpis: KpiValues = kpiValues(whole.get(`${unit.code}|all`) ?? ZERO);
  return {
    department: { code: unit.code, name: unit.name, kind: unit.kind },
    period: { kind: period.kind, label: period.label, firstDay: period.firstDay, lastDay: period.lastDay },
    definitions: KPIS.map(({ id, label, formula, unit: u, rate, higherIsBetter }) => ({ id, label, formula, unit: u, rate, higherIsBetter })),
    kpis,
    counts: whole.get(`${unit.code}|all`) ?? ZERO,
    trend: months.map((month) => ({ month, kpis: kpiValues(monthly.get(`${unit.code}|${month}`) ?? ZERO) })),
    breakdowns: { ...byKind, department: table.rows.map((r) => ({ key: r.name, code: r.code, count: r.kpis.received ?? 0 })) },
    ranking: table,
    hotSpots: hot,
  };
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
