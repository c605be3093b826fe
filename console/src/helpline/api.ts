// The helpline's API calls (contacts, cases, the supervisor's overview, advice look-ups), typed
// from the zod schemas in common/schemas (the contract).
import type { z } from 'zod';
import { api } from '../api';
import type {
  callerLookupResponseSchema,
  contactListQuerySchema,
  contactListResponseSchema,
  contactResponseSchema,
  createContactRequestSchema,
  createContactResponseSchema,
  escalateContactRequestSchema,
  escalateContactResponseSchema,
  helplineOverviewSchema,
  updateContactRequestSchema,
} from '../../../common/schemas/helpline';
import type {
  caseListQuerySchema,
  caseListResponseSchema,
  createTaskRequestSchema,
  openCaseResponseSchema,
  updateCaseRequestSchema,
} from '../../../common/schemas/cases';
import type { userListResponseSchema } from '../../../common/schemas/users';

export type ContactPage = z.infer<typeof contactListResponseSchema>;
export type ContactSummary = ContactPage['contacts'][number];
export type Contact = z.infer<typeof contactResponseSchema>['contact'];
export type ContactQuery = { [K in keyof z.input<typeof contactListQuerySchema>]?: string };
export type CreateContactRequest = z.input<typeof createContactRequestSchema>;
export type UpdateContactRequest = z.input<typeof updateContactRequestSchema>;
export type EscalateContactRequest = z.input<typeof escalateContactRequestSchema>;
export type EscalateContactResponse = z.infer<typeof escalateContactResponseSchema>;
export type HelplineOverview = z.infer<typeof helplineOverviewSchema>;
export type CasePage = z.infer<typeof caseListResponseSchema>;
export type CaseSummary = CasePage['cases'][number];
export type CaseQuery = { [K in keyof z.input<typeof caseListQuerySchema>]?: string };
export type UpdateCaseRequest = z.input<typeof updateCaseRequestSchema>;
export type CreateTaskRequest = z.input<typeof createTaskRequestSchema>;
export type StaffMember = z.infer<typeof userListResponseSchema>['users'][number];

/** What the picker needs of an advice article (the advice API may add more). */
export interface AdviceArticleRef {
  id: string;
  titleSr: string;
  titleEn: string;
}

const contactPath = (id: string) => `/contacts/${encodeURIComponent(id)}`;
const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
type Ok = { ok: true };
type Created = z.infer<typeof createContactResponseSchema>;

export const contactsApi = {
  list: (query: ContactQuery) => api.get<ContactPage>('/contacts', query),
  create: (body: CreateContactRequest) => api.post<Created>('/contacts', body),
  read: (id: string) => api.get<{ contact: Contact }>(contactPath(id)),
  update: (id: string, body: UpdateContactRequest) => api.patch<Ok>(contactPath(id), body),
  finalise: (id: string, body: UpdateContactRequest = {}) => api.post<Ok>(`${contactPath(id)}/finalise`, body),
  /** Sent in the body so the number stays out of logs. */
  lookup: (identifier: string) => api.post<z.infer<typeof callerLookupResponseSchema>>('/contacts/lookup', { identifier }),
  escalate: (id: string, body: EscalateContactRequest) => api.post<EscalateContactResponse>(`${contactPath(id)}/report`, body),
};

export const helplineCasesApi = {
  list: (query: CaseQuery) => api.get<CasePage>('/cases', query),
  open: (body: { contactIds?: string[]; reportIds?: string[]; title?: string }) => api.post<z.infer<typeof openCaseResponseSchema>>('/cases', body),
  update: (id: string, body: UpdateCaseRequest) => api.patch<Ok>(casePath(id), body),
  link: (id: string, body: { contactIds?: string[]; reportIds?: string[] }) => api.post<Ok>(`${casePath(id)}/links`, body),
  addTask: (id: string, body: CreateTaskRequest) => api.post<{ id: string }>(`${casePath(id)}/tasks`, body),
  setTaskDone: (id: string, taskId: string, done: boolean) => api.patch<Ok>(`${casePath(id)}/tasks/${encodeURIComponent(taskId)}`, { done }),
  addNote: (id: string, body: string) => api.post<Ok>(`${casePath(id)}/notes`, { body }),
};

export const helplineApi = {
  overview: () => api.get<HelplineOverview>('/helpline/overview'),
  /** Active staff for assignee pickers (administrators and supervisors only: 'users.list'). */
  staff: () => api.get<z.infer<typeof userListResponseSchema>>('/users'),
};

export const adviceLookupApi = {
  search: (q: string) => api.get<{ articles: AdviceArticleRef[] }>('/advice', { q }),
  read: (id: string) => api.get<{ article: AdviceArticleRef }>(`/advice/${encodeURIComponent(id)}`),
};
