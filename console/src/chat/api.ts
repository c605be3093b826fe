// The live chat's REST calls (the messages themselves travel over the WebSocket in socket.ts),
// typed from the zod schemas in common/schemas/chat.ts.
import type { z } from 'zod';
import { api } from '../api';
import type { Language } from '../../../common/roles';
import type {
  counsellorsResponseSchema,
  endChatResponseSchema,
  snippetsResponseSchema,
  staffChatListSchema,
  takenChatResponseSchema,
} from '../../../common/schemas/chat';

export type StaffChat = z.infer<typeof staffChatListSchema>['chats'][number];
export type Snippet = z.infer<typeof snippetsResponseSchema>['snippets'][number];
export type Counsellor = z.infer<typeof counsellorsResponseSchema>['counsellors'][number];

/** What the chat needs from the advice library (GET /api/v1/advice). */
export interface AdviceLink {
  id: string;
  titleSr: string;
  titleEn: string;
  publicPath: string;
}

/** A draft contact as far as finding the one a chat became (GET /api/v1/contacts). */
interface ContactSummary {
  id: string;
  startedAt: string;
}

const chatPath = (id: string) => `/chats/${encodeURIComponent(id)}`;

export const chatApi = {
  list: () => api.get<z.infer<typeof staffChatListSchema>>('/chats'),
  takeNext: () => api.post<z.infer<typeof takenChatResponseSchema>>('/chats/next'),
  accept: (id: string) => api.post<z.infer<typeof takenChatResponseSchema>>(`${chatPath(id)}/accept`),
  transfer: (id: string, counsellorId: string) => api.post<z.infer<typeof takenChatResponseSchema>>(`${chatPath(id)}/transfer`, { counsellorId }),
  end: (id: string) => api.post<z.infer<typeof endChatResponseSchema>>(`${chatPath(id)}/end`),
  snippets: (language: Language) => api.get<z.infer<typeof snippetsResponseSchema>>('/chat/snippets', { language }),
  counsellors: () => api.get<z.infer<typeof counsellorsResponseSchema>>('/chat/counsellors'),
  /** Published advice articles matching the words (the advice library's list). */
  advice: async (q: string): Promise<AdviceLink[]> => {
    const answer = await api.get<{ articles?: AdviceLink[] }>('/advice', { q: q.trim() || undefined, status: 'published' });
    return Array.isArray(answer?.articles) ? answer.articles.filter((a) => typeof a.publicPath === 'string') : [];
  },
  /**
   * The draft contact a chat became when the visitor ended it (the end call answers 403 then):
   * my draft chat contacts, the one that started when the chat was taken.
   */
  findChatContact: async (startedAt: string): Promise<string | null> => {
    const answer = await api.get<{ contacts?: ContactSummary[] }>('/contacts', { status: 'draft', channel: 'chat', counsellorId: 'me', limit: '50' });
    const target = new Date(startedAt).getTime();
    return answer?.contacts?.find((c) => new Date(c.startedAt).getTime() === target)?.id ?? null;
  },
};
