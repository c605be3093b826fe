// The presentation requests' API calls, typed from the zod schemas in common/schemas (the contract).
import type { z } from 'zod';
import { api } from '../../api';
import type { acceptResponseSchema, declineRequestSchema, requestListQuerySchema, requestListResponseSchema, requestResponseSchema } from '../../../../common/schemas/prevention/requests';
import type { CreateEventInput, presentersResponseSchema } from '../../../../common/schemas/prevention/events';

export type RequestPage = z.infer<typeof requestListResponseSchema>;
export type RequestSummary = RequestPage['requests'][number];
export type PresentationRequest = z.infer<typeof requestResponseSchema>['request'];
export type RequestQuery = { [K in keyof z.input<typeof requestListQuerySchema>]?: string };
export type Presenter = z.infer<typeof presentersResponseSchema>['presenters'][number];

const requestPath = (id: string) => `/presentation-requests/${encodeURIComponent(id)}`;

export const requestsApi = {
  list: (query: RequestQuery) => api.get<RequestPage>('/presentation-requests', query),
  read: (id: string) => api.get<z.infer<typeof requestResponseSchema>>(requestPath(id)).then((r) => r.request),
  accept: (id: string, event: CreateEventInput) => api.post<z.infer<typeof acceptResponseSchema>>(`${requestPath(id)}/accept`, event),
  decline: (id: string, body: z.input<typeof declineRequestSchema>) => api.post<{ ok: true }>(`${requestPath(id)}/decline`, body),
  /** The people who can be named presenters (the events part's endpoint). */
  presenters: () => api.get<z.infer<typeof presentersResponseSchema>>('/events/presenters').then((r) => r.presenters),
};
