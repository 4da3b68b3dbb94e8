import type { LocalDate } from '../calendar/local-date.ts';

/**
 * The measures a ticket is handled under, chosen by its receipt date, or a bureau's
 * own target on top of them (the seeds: dispatch in 2 h, 12345 in 1.5 WD).
 */
export type Regulation = 'SAMR Order No. 20' | 'SAMR Order No. 121' | 'local target';

/**
 * - workingDays / calendarDays: legal counting on dates, start day not counted, the
 *   limit runs to 24:00 of its last day; calendarDays move off rest days.
 * - hours: clock hours from the start instant, nights and holidays included
 *   (the 24-hour duty of the hotline).
 * - elapsedWorkingDays: office time from the start instant, fractions allowed
 *   (calendar/working-hours.ts).
 */
export type LimitUnit = 'workingDays' | 'calendarDays' | 'hours' | 'elapsedWorkingDays';

/** The event whose date or moment the caller passes as `startedAt`. */
export type CountsFrom = 'receipt' | 'acceptance' | 'decision' | 'discovery' | 'filing' | 'dispute' | 'referral';

export interface Extension {
  amount: number;
  unit: 'workingDays' | 'calendarDays';
  needs: 'approval' | 'head approval';
}

export interface TimeLimitRule {
  /** Stable id of the step, e.g. 'complaint.accept'; the DMN uses the same ids. */
  step: string;
  /** zh-CN label of the step. */
  title: string;
  regulation: Regulation;
  /** Article as cited in DOMAIN.md ('Art 21(5)'); null where the number is not known yet. */
  article: string | null;
  /** zh-CN citation for notices and the rules screen. */
  citation: string;
  /** First receipt date the row applies to. */
  appliesFrom: LocalDate;
  /** Last receipt date the row applies to (inclusive); open-ended when absent. */
  appliesUntil?: LocalDate;
  amount: number;
  unit: LimitUnit;
  countsFrom: CountsFrom;
  extension?: Extension;
  /** DOMAIN.md: "to confirm against the official text". */
  toConfirm?: true;
  note?: string;
}
