// The ticket endpoints' shapes (server/routes/tickets.ts) as the pages read them.
import { api } from '../../api.ts';

export interface TicketView {
  id: string;
  ticketNo: string;
  channel: string;
  externalNo: string | null;
  kind: string;
  status: string;
  receivedAt: string;
  registeredAt: string;
  registeredBy: string | null;
  complainant: {
    name: string | null; phone: string | null; idType: string | null; idNumber: string | null; address: string | null;
    consentPublish: boolean; consentMediation: boolean; anonymous: boolean;
  };
  respondent: { name: string | null; uscc: string | null; address: string | null; regionCode: string | null; platform: string | null; shop: string | null };
  facts: { occurredAt: string | null; place: string | null; goodsOrService: string | null; amount: number | null; description: string | null };
  requests: string[];
  category: string | null;
  goodsClass: string | null;
  online: boolean;
  odrChosen: boolean;
  professionalClaimant: boolean;
  repeatComplainant: boolean;
  department: string | null;
  /** The unit's name from the organisation (null when the code is not in it). */
  departmentName: string | null;
  returnCount: number;
  reopenCount: number;
  amountRecovered: number | null;
  satisfaction: string | null;
  closedAt: string | null;
  processId: string | null;
  processInstanceKey: string | null;
  updatedAt: string;
}

export interface TimelineEntry {
  at: string;
  type: 'audit' | 'notice' | 'deadline' | 'link';
  action?: string;
  actor?: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  noticeId?: string;
  noticeNo?: string;
  title?: string;
  step?: string;
  dueDate?: string;
  dueAt?: string;
  completedAt?: string | null;
  kind?: string;
  fromTicketId?: string;
  toTicketId?: string | null;
  toCaseId?: string | null;
  reason?: string | null;
}

export interface NoticeItem {
  id: string;
  noticeNo: string;
  template: string;
  title: string;
  issuedAt: string;
  issuedBy: string | null;
}

export interface DeadlineItem {
  step: string;
  startedAt: string;
  dueDate: string;
  dueAt: string;
  extendedDueAt: string | null;
  regulation: string;
  article: string | null;
  citation: string | null;
  completedAt: string | null;
}

export interface AttachmentItem {
  id: string;
  name: string;
  size: number;
  contentType: string;
  uploadedAt: string;
  uploadedBy: string | null;
}

export interface TicketDetail {
  ticket: TicketView;
  personalData: 'full' | 'masked';
  timeline: TimelineEntry[];
  notices: NoticeItem[];
  deadlines: DeadlineItem[];
  /** From the attachments API; absent on servers without it. */
  attachments?: AttachmentItem[];
}

/** A list row (personal data masked). */
export interface TicketListItem {
  id: string;
  ticketNo: string;
  channel: string;
  externalNo: string | null;
  kind: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  category: string | null;
  department: string | null;
  complainantName: string | null;
  complainantPhone: string | null;
  anonymous: boolean;
  respondentName: string | null;
  online: boolean;
  professionalClaimant: boolean;
  reopenCount: number;
}

export interface ProcessPath {
  processInstanceKey: string;
  processDefinitionId: string;
  processDefinitionName: string;
  processDefinitionVersion: number;
  parentProcessInstanceKey: string | null;
  state: string;
  startDate: string;
  endDate: string | null;
  xml: string;
  completedElementIds: string[];
  activeElementIds: string[];
  incidentElementIds: string[];
  takenSequenceFlowIds: string[];
}

export const ticketApi = {
  get: (id: string) => api.get<TicketDetail>(`/api/tickets/${id}`, { quiet: true }),
  process: (id: string) => api.get<{ instances: ProcessPath[] }>(`/api/tickets/${id}/process`, { quiet: true }).then((r) => r.instances),
  noticeUrl: (id: string, noticeId: string) => `/api/tickets/${id}/notices/${noticeId}`,
  attachmentUrl: (id: string, attachmentId: string) => `/api/tickets/${id}/attachments/${attachmentId}`,
};
