// The helpline mailbox's API calls, typed from the zod schemas in common/schemas/inbox.ts.
import type { z } from 'zod';
import { api } from '../api';
import type {
  closeResponseSchema,
  replyResponseSchema,
  threadListQuerySchema,
  threadListResponseSchema,
  threadResponseSchema,
} from '../../../common/schemas/inbox';

export type ThreadPage = z.infer<typeof threadListResponseSchema>;
export type ThreadSummary = ThreadPage['threads'][number];
export type Thread = z.infer<typeof threadResponseSchema>['thread'];
export type ThreadMessage = Thread['messages'][number];
export type ThreadQuery = { [K in keyof z.input<typeof threadListQuerySchema>]?: string };

const thread = (id: string) => `/inbox/threads/${encodeURIComponent(id)}`;

export const inboxApi = {
  list: (query: ThreadQuery) => api.get<ThreadPage>('/inbox/threads', query),
  get: (id: string) => api.get<z.infer<typeof threadResponseSchema>>(thread(id)),
  reply: (id: string, body: string) => api.post<z.infer<typeof replyResponseSchema>>(`${thread(id)}/replies`, { body }),
  close: (id: string) => api.post<z.infer<typeof closeResponseSchema>>(`${thread(id)}/close`),
  /** A plain link: the browser downloads it with the session cookie (content-disposition: attachment). */
  attachmentUrl: (id: string, attachmentId: string) => `/api/v1${thread(id)}/attachments/${encodeURIComponent(attachmentId)}`,
};
