// One day that differs from the plain Monday–Friday week, from the package or entered
// by an administrator.

import type { Issue } from '../errors.ts';
import { isLocalDate, type LocalDate } from './local-date.ts';

export type DayKind = 'holiday' | 'workday';

/**
 * An administrator's entry, as the server stores it: `holiday` = a day off (法定节假日
 * or 调休 rest day), `workday` = a weekend day worked (调休上班).
 */
export interface CalendarOverride {
  date: LocalDate;
  kind: DayKind;
  name: string;
}

export interface CalendarEntry extends CalendarOverride {
  source: 'chinese-days' | 'override';
}

/** Checks overrides as an administrator entered them; an empty list means valid. */
export function checkOverrides(overrides: readonly unknown[], path = 'overrides'): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  overrides.forEach((raw, i) => {
    const at = `${path}[${i}]`;
    if (typeof raw !== 'object' || raw === null) {
      issues.push({ path: at, code: 'override.invalid', message: '每一条应包含日期、类型和名称' });
      return;
    }
    const o = raw as Record<string, unknown>;
    if (!isLocalDate(o.date)) {
      issues.push({ path: `${at}.date`, code: 'override.date', message: '日期应为 YYYY-MM-DD 格式的真实日期' });
    } else if (seen.has(o.date)) {
      issues.push({
        path: `${at}.date`,
        code: 'override.duplicate',
        message: `日期 ${o.date} 与第 ${seen.get(o.date)! + 1} 条重复，同一天只能有一条`,
      });
    } else {
      seen.set(o.date, i);
    }
    if (o.kind !== 'holiday' && o.kind !== 'workday') {
      issues.push({ path: `${at}.kind`, code: 'override.kind', message: '类型应为 holiday（放假）或 workday（调休上班）' });
    }
    if (typeof o.name !== 'string' || o.name.trim() === '') {
      issues.push({ path: `${at}.name`, code: 'override.name', message: '请填写节日名称，如“春节”' });
    }
  });
  return issues;
}
