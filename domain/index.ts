// Domain rules shared by the job workers and the server: the working-day calendar,
// the time limits of the regulations, validators of identifiers, and masking of
// personal data. No I/O: callers pass in what the database holds.

export { DomainError, type Issue } from './errors.ts';

export {
  addDays,
  dayOfWeek,
  endOfShanghaiDay,
  isLocalDate,
  parseInstant,
  shanghaiDate,
  startOfShanghaiDay,
  toLocalDate,
  type DateOrInstant,
  type InstantInput,
  type LocalDate,
} from './calendar/local-date.ts';
export { checkOverrides, type CalendarEntry, type CalendarOverride, type DayKind } from './calendar/entries.ts';
export { CalendarYearMissingError } from './calendar/errors.ts';
export { HolidayCalendar, type DayInfo, type HolidayCalendarOptions } from './calendar/holiday-calendar.ts';
export { packageCalendarEntries } from './calendar/package-data.ts';
export {
  checkWorkingHours,
  DEFAULT_WORKING_HOURS,
  workingMinutesPerDay,
  type OfficePeriod,
  type WallTime,
  type WorkingHours,
} from './calendar/working-hours.ts';

export type { CountsFrom, Extension, LimitUnit, Regulation, TimeLimitRule } from './time-limits/types.ts';
export { ORDER_121_FROM, ORDER_20_FROM, ORDER_20_UNTIL, TIME_LIMIT_RULES, TIME_LIMIT_STEPS } from './time-limits/rules.ts';
export { checkRuleTable, regulationFor, ruleFor } from './time-limits/select.ts';
export { deadlineFor, type Deadline, type DeadlineInput, type DeadlineOptions, type Pause } from './time-limits/deadline.ts';

export { toHalfWidth, type ValidationResult } from './validation/result.ts';
export { USCC_CHARSET, usccCheckChar, validateUscc } from './validation/uscc.ts';
export { idCardCheckChar, idCardInfo, upgradeIdCard15, validateIdCard, type IdCardInfo, type IdCardOptions } from './validation/id-card.ts';
export { validateMobile } from './validation/mobile.ts';

export { maskAddress, maskIdNumber, maskPhone, publicName, surnameOf, type PublicNameOptions } from './masking.ts';
