// The holiday calendar API's shapes (server/routes/calendar.ts), as the page uses them.
export type Kind = 'holiday' | 'workday';

export interface Entry {
  date: string;
  kind: Kind;
  name: string;
}

/** One day that differs between two sets of entries; `text` is the server's Chinese phrase. */
export interface Change {
  date: string;
  change: 'added' | 'removed' | 'changed';
  before: { kind: Kind; name: string } | null;
  after: { kind: Kind; name: string } | null;
  text: string;
}

/** 对比: an earlier version → the one in force. */
export interface Comparison {
  version: number;
  to: number | null;
  changes: Change[];
}

export interface Version {
  year: number;
  version: number;
  savedAt: string;
  savedBy: { login: string; displayName: string } | null;
  holidays: number;
  workdays: number;
  rolledBackFrom: number | null;
}
