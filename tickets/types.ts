// The ticket (工单) as the rest of the product sees it. API fields are English; values a
// user reads (category, satisfaction) are the Chinese terms of DOMAIN.md.

export const CHANNELS = ['12315', '12345', 'letter', 'visit', 'online', 'odr'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TICKET_KINDS = ['complaint', 'report', 'inquiry', 'suggestion'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];
/** What intake accepts: a mixed submission becomes a complaint and a report. */
export type SubmissionKind = TicketKind | 'mixed';

/** Kinds that run a process, and which one (processes/README.md). */
export const PROCESS_OF_KIND: Partial<Record<TicketKind, string>> = {
  complaint: 'complaint_handling',
  report: 'report_verification',
};

export const CATEGORIES = ['食品药品安全', '产品质量', '价格违法', '虚假宣传', '预付卡消费', '其他'] as const;
export type Category = (typeof CATEGORIES)[number];

export const REQUEST_TYPES = ['repair', 'replace', 'return', 'refund', 'compensation', 'other'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const ID_TYPES = ['resident_id', 'residence_permit', 'passport', 'hk_macao_pass', 'taiwan_pass', 'foreign_permanent', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

export const SATISFACTION = ['非常满意', '满意', '一般', '不满意'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

export interface Complainant {
  name: string | null;
  phone: string | null;
  idType: IdType | null;
  idNumber: string | null;
  address: string | null;
  /** 是否同意公示 */
  consentPublish: boolean;
  /** 是否同意委托调解 */
  consentMediation: boolean;
  /** Reports only. */
  anonymous: boolean;
}

export interface Respondent {
  name: string | null;
  /** 统一社会信用代码 */
  uscc: string | null;
  address: string | null;
  /** 行政区划代码 */
  regionCode: string | null;
  /** Online platform (e.g. 淘宝) and shop, for online business. */
  platform: string | null;
  shop: string | null;
}

export interface Facts {
  /** ISO date or date-time with offset. */
  occurredAt: string | null;
  place: string | null;
  goodsOrService: string | null;
  /** Amount involved, yuan. */
  amount: number | null;
  description: string | null;
}

export interface Attachment {
  name: string;
  url?: string;
  sha256?: string;
}

export interface Ticket {
  id: string;
  ticketNo: string;
  submissionId: string;
  channel: Channel;
  externalNo: string | null;
  kind: TicketKind;
  status: string;
  receivedAt: Date;
  registeredAt: Date;
  registeredBy: string | null;
  complainant: Complainant;
  respondent: Respondent;
  facts: Facts;
  requests: RequestType[];
  category: string | null;
  /** 12315 goods/services class. */
  goodsClass: string | null;
  online: boolean;
  odrChosen: boolean;
  attachments: Attachment[];
  professionalClaimant: boolean;
  repeatComplainant: boolean;
  department: string | null;
  returnCount: number;
  reopenCount: number;
  amountRecovered: number | null;
  satisfaction: Satisfaction | null;
  closedAt: Date | null;
  complainantKey: string | null;
  dedupKey: string | null;
  processId: string | null;
  processInstanceKey: string | null;
  processStartRequestedAt: Date | null;
  updatedAt: Date;
}

export type LinkKind = 'merged' | 'split' | 'duplicate' | 'converted';

export interface TicketLink {
  id: string;
  fromTicketId: string;
  toTicketId: string | null;
  toCaseId: string | null;
  kind: LinkKind;
  reason: string | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface Deadline {
  ticketId: string;
  step: string;
  startedAt: Date;
  dueDate: string;
  dueAt: Date;
  remindAt3: Date | null;
  remindAt2: Date | null;
  dueDayStart: Date | null;
  extendedDueAt: Date | null;
  regulation: string;
  article: string | null;
  citation: string | null;
  completedAt: Date | null;
}

export interface Notice {
  id: string;
  ticketId: string;
  noticeNo: string;
  template: string;
  title: string;
  data: Record<string, unknown>;
  html: string;
  issuedAt: Date;
  issuedBy: string | null;
}

/** 诉转案 stages, in order. */
export const CASE_STAGES = [
  'clue_verification', 'filing_approval', 'investigation', 'legal_review', 'penalty_notice',
  'statement_hearing', 'decision', 'service', 'enforcement', 'closed', 'published',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
export type CaseDecision = 'penalty' | 'no_penalty' | 'transfer' | 'transfer_police';

export interface Case {
  id: string;
  caseNo: string;
  ticketId: string;
  stage: CaseStage;
  decision: CaseDecision | null;
  processId: string | null;
  processInstanceKey: string | null;
  createdAt: Date;
  filedAt: Date | null;
  closedAt: Date | null;
}

export interface CaseStageEntry {
  stage: CaseStage;
  enteredAt: Date;
  actor: string;
  note: string | null;
}

export interface AuditEntry {
  id: string;
  ticketId: string;
  at: Date;
  actor: string;
  action: string;
  before: unknown;
  after: unknown;
  processInstanceKey: string | null;
}

export interface Notification {
  id: string;
  recipient: string;
  ticketId: string | null;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
}
