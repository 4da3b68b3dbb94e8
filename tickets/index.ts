// Public entry of the tickets component: the product's ticket store in PostgreSQL, intake
// (JSON, the 12345 push, CSV back-fill) and starting each ticket's process.
export * from './types.ts';
export { TICKET_STATUSES, FINAL_STATUSES, isTicketStatus, statusLabel, type TicketStatus } from './status.ts';
export { migrateTickets } from './migrate.ts';
export { transaction, type Queryable } from './db.ts';
export { toShanghaiIso } from './time.ts';
export type { ZeebeClient, ProcessClient } from './zeebe.ts';

export {
  getTicket, getTickets, getTicketByNo, lockTicket, findTicketsByExternalNo, ticketsOfSubmission, updateTicket, insertTicket,
  insertSubmission, claimProcessInstance, ticketsWithoutProcess, isUuid,
  type NewTicket, type NewSubmission, type TicketPatch,
} from './ticket-store.ts';
export { listTickets, toListItem, type TicketFilter, type TicketPage, type TicketListItem } from './list.ts';
export { linkTickets, linkTicketToCase, linksOf } from './links.ts';
export { splitTicket, type SplitPart, type SplitOutcome } from './split.ts';
export { mergeTickets, type MergeDeps, type MergeOutcome } from './merge.ts';
export { addAttachment, getAttachment, uploadedAttachments, type NewAttachment, type StoredAttachment } from './attachments.ts';
export { upsertDeadline, completeDeadline, deadlinesOf, openDeadlinesDueBefore, type DeadlineInput } from './deadlines.ts';
export { insertNotice, getNotice, noticesOf, nextNoticeNo, type NewNotice } from './notices.ts';
export { createCase, getCase, casesOfTicket, casesInStage, setCaseStage, caseStages, type NewCase, type StageChange } from './cases.ts';
export { appendAudit, auditOf, type NewAuditEntry } from './audit.ts';
export { addNotification, notificationsFor, markNotificationRead, type NewNotification } from './notifications.ts';
export { complainantKeyOf, respondentKeyOf, dedupKeyOf } from './matching.ts';

export { SUBMISSION_SCHEMA, type TicketSubmission } from './submission.ts';
export { checkSubmission, type FieldError, type CheckOptions } from './validate-submission.ts';
export { FIELD_LABELS, labelOf, VALUE_LABELS } from './field-labels.ts';
export { registerTicket, type IntakeDeps, type IntakeOptions, type IntakeOutcome } from './intake.ts';
export { processVariables, startTicketProcess, startPendingProcesses, type ProcessStartDeps } from './process-start.ts';
export {
  handle12345Push, handleVerified12345Push, verify12345Signature, sign12345, TIMESTAMP_HEADER, SIGNATURE_HEADER,
  type Push12345, type Push12345Deps, type PushResponse, type SignatureOptions, type SignatureCheck,
} from './hotline-12345.ts';
export { importTicketsCsv, type CsvImportOptions, type CsvImportResult, type RowError } from './csv-import.ts';
export { CSV_COLUMNS } from './csv-columns.ts';
export { addToSupervision, clearSupervision, openSupervision, type SupervisionEntry, type NewSupervisionEntry } from './supervision.ts';
export {
  calendarEntries, checkCalendarYear, loadHolidayCalendar, rollbackCalendarYear, saveCalendarYear,
} from './holiday-calendar.ts';
export { calendarVersion, calendarVersions, diffCalendar, type CalendarChange, type CalendarVersion } from './holiday-calendar-versions.ts';
