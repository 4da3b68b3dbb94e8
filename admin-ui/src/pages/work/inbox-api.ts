// The inbox endpoints' shapes (server/routes/inbox.ts) and the calls the inbox makes.
import { api } from '../../api.ts';

export interface InboxTask {
  taskKey: string;
  name: string;
  elementId: string;
  processDefinitionId: string;
  processInstanceKey: string;
  assignee: string | null;
  candidateGroups: string[];
  dueDate: string | null;
  priority: number;
  creationDate: string;
  ticket: { id: string; ticketNo: string; title: string; status?: string } | null;
}

export interface TaskForm {
  task: InboxTask;
  formId?: string;
  formKey?: string;
  version?: number;
  schema: { components?: unknown[] } & Record<string, unknown>;
  variables: Record<string, unknown>;
  fields: string[];
}

export type InboxScope = 'mine' | 'groups';

export const inboxApi = {
  list: (scope: InboxScope) => api.get<{ items: InboxTask[] }>('/api/inbox', { query: { scope } }).then((r) => r.items),
  claim: (taskKey: string) => api.post<InboxTask>(`/api/inbox/${taskKey}/claim`),
  unclaim: (taskKey: string) => api.post<InboxTask>(`/api/inbox/${taskKey}/unclaim`),
  form: (taskKey: string) => api.get<TaskForm>(`/api/inbox/${taskKey}/form`, { quiet: true }),
  complete: (taskKey: string, variables: Record<string, unknown>) =>
    api.post<void>(`/api/inbox/${taskKey}/complete`, { variables }, { quiet: true }),
};
