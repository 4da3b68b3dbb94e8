// The job types of processes/README.md, one module each.
import type { JobModule } from '../job-module.ts';
import { auditRecord } from './audit-record.ts';
import { caseClose } from './case-close.ts';
import { caseCreate } from './case-create.ts';
import { caseOpen } from './case-open.ts';
import { casePublish } from './case-publish.ts';
import { deadlineCompute } from './deadline-compute.ts';
import { deadlineExtend } from './deadline-extend.ts';
import { hotlineReply } from './hotline-reply.ts';
import { noticeIssue } from './notice-issue.ts';
import { notifySend } from './notify-send.ts';
import { orgCommonSuperior } from './org-common-superior.ts';
import { supervisionList } from './supervision-list.ts';
import { ticketEnrich } from './ticket-enrich.ts';
import { ticketReopen } from './ticket-reopen.ts';
import { ticketStatus } from './ticket-status.ts';
import { ticketValidate } from './ticket-validate.ts';

export const JOB_MODULES: readonly JobModule[] = [
  ticketValidate, ticketEnrich, ticketStatus, ticketReopen, deadlineCompute, deadlineExtend, noticeIssue, notifySend,
  hotlineReply, orgCommonSuperior, supervisionList, caseOpen, caseCreate, caseClose, casePublish, auditRecord,
];
