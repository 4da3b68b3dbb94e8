// Which row of the table applies: the one for the step whose date range holds the
// ticket's receipt date (Asia/Shanghai).

import { DomainError, type Issue } from '../errors.ts';
import { isLocalDate, toLocalDate, type DateOrInstant, type LocalDate } from '../calendar/local-date.ts';
import { ORDER_121_FROM, ORDER_20_FROM, TIME_LIMIT_RULES } from './rules.ts';
import type { Regulation, TimeLimitRule } from './types.ts';

/** The measures a ticket received at `receivedAt` is handled under. */
export function regulationFor(receivedAt: DateOrInstant): Exclude<Regulation, 'local target'> {
  const date = toLocalDate(receivedAt, 'receivedAt');
  if (date >= ORDER_121_FROM) return 'SAMR Order No. 121';
  if (date >= ORDER_20_FROM) return 'SAMR Order No. 20';
  throw new DomainError('timeLimits.beforeOrder20', `收到日期 ${date} 早于《市场监督管理投诉举报处理暂行办法》施行日 ${ORDER_20_FROM}，本系统无适用的时限规则`, [
    { path: 'receivedAt', code: 'timeLimits.beforeOrder20', message: `应不早于 ${ORDER_20_FROM}` },
  ]);
}

function applies(rule: TimeLimitRule, date: LocalDate): boolean {
  return rule.appliesFrom <= date && (rule.appliesUntil === undefined || date <= rule.appliesUntil);
}

export function ruleFor(step: string, receivedAt: DateOrInstant, rules: readonly TimeLimitRule[] = TIME_LIMIT_RULES): TimeLimitRule {
  const date = toLocalDate(receivedAt, 'receivedAt');
  const forStep = rules.filter((r) => r.step === step);
  if (forStep.length === 0) {
    throw new DomainError('timeLimits.unknownStep', `没有环节“${step}”的时限规则`, [{ path: 'step', code: 'timeLimits.unknownStep', message: '未知环节' }]);
  }
  const matching = forStep.filter((r) => applies(r, date));
  if (matching.length === 0) {
    throw new DomainError('timeLimits.noRule', `环节“${step}”没有适用于 ${date} 收到的工单的时限规则，请在规则表中补充`, [
      { path: 'receivedAt', code: 'timeLimits.noRule', message: `无适用于 ${date} 的规则` },
    ]);
  }
  if (matching.length > 1) {
    throw new DomainError('timeLimits.ambiguous', `环节“${step}”有 ${matching.length} 条规则同时适用于 ${date}，请修正规则表的适用日期`, [
      { path: 'rules', code: 'timeLimits.ambiguous', message: '适用日期重叠' },
    ]);
  }
  return matching[0];
}

/**
 * Checks a table (the built-in one, or one an administrator edited) before it is
 * used: valid dates and amounts, no two rows of a step overlapping in time.
 */
export function checkRuleTable(rules: readonly TimeLimitRule[], path = 'rules'): Issue[] {
  const issues: Issue[] = [];
  const add = (i: number, field: string, code: string, message: string) => issues.push({ path: `${path}[${i}].${field}`, code, message });
  rules.forEach((r, i) => {
    if (typeof r.step !== 'string' || r.step === '') add(i, 'step', 'rule.step', '请填写环节');
    if (!isLocalDate(r.appliesFrom)) add(i, 'appliesFrom', 'rule.date', '起始日期应为 YYYY-MM-DD');
    if (r.appliesUntil !== undefined) {
      if (!isLocalDate(r.appliesUntil)) add(i, 'appliesUntil', 'rule.date', '截止日期应为 YYYY-MM-DD');
      else if (isLocalDate(r.appliesFrom) && r.appliesUntil < r.appliesFrom) add(i, 'appliesUntil', 'rule.range', '截止日期不能早于起始日期');
    }
    if (!['workingDays', 'calendarDays', 'hours', 'elapsedWorkingDays'].includes(r.unit)) add(i, 'unit', 'rule.unit', '单位应为工作日、自然日、小时或工作时长');
    if (!(typeof r.amount === 'number' && Number.isFinite(r.amount) && r.amount > 0)) add(i, 'amount', 'rule.amount', '期限应为正数');
    else if ((r.unit === 'workingDays' || r.unit === 'calendarDays') && !Number.isInteger(r.amount)) {
      add(i, 'amount', 'rule.amountInteger', '按日计算的期限应为整数；半天请用“工作时长”单位');
    }
    if (r.extension) {
      if (!(Number.isInteger(r.extension.amount) && r.extension.amount > 0)) add(i, 'extension.amount', 'rule.amount', '延长期限应为正整数');
      if (r.extension.unit !== 'workingDays' && r.extension.unit !== 'calendarDays') add(i, 'extension.unit', 'rule.unit', '延长单位应为工作日或自然日');
    }
  });
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const [a, b] = [rules[i], rules[j]];
      if (a.step !== b.step || !isLocalDate(a.appliesFrom) || !isLocalDate(b.appliesFrom)) continue;
      const overlap = a.appliesFrom <= (b.appliesUntil ?? '9999-12-31') && b.appliesFrom <= (a.appliesUntil ?? '9999-12-31');
      if (overlap) add(j, 'appliesFrom', 'rule.overlap', `与第 ${i + 1} 条（${a.step}）的适用日期重叠`);
    }
  }
  return issues;
}
