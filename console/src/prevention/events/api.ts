// The events part's API calls, typed from the zod schemas in common/schemas (the contract).
// Photo uploads are multipart, which the JSON client does not send: they go through fetch here
// with the same CSRF header (read from the session) and the same error envelope.
import type { z } from 'zod';
import { api, ApiError, NETWORK_ERROR_STATUS } from '../../api';
import type { SessionResponse } from '../../endpoints';
import type {
  cancelEventRequestSchema,
  createEventRequestSchema,
  createEventResponseSchema,
  eventListQuerySchema,
  EventListResponse,
  Event,
  presentersResponseSchema,
  recordEventRequestSchema,
  updateEventRequestSchema,
  uploadPhotoResponseSchema,
} from '../../../../common/schemas/prevention/events';
import type { schoolListResponseSchema } from '../../../../common/schemas/prevention/schools';
import type { campaignListResponseSchema } from '../../../../common/schemas/prevention/campaigns';

export type { Event, EventListResponse };
export type EventSummary = EventListResponse['events'][number];
export type EventQuery = { [K in keyof z.input<typeof eventListQuerySchema>]?: string };
export type CreateEventBody = z.input<typeof createEventRequestSchema>;
export type UpdateEventBody = z.input<typeof updateEventRequestSchema>;
export type RecordEventBody = z.input<typeof recordEventRequestSchema>;
export type Presenter = z.infer<typeof presentersResponseSchema>['presenters'][number];
export type SchoolOption = z.infer<typeof schoolListResponseSchema>['schools'][number];
/** What the campaign picker needs of a campaign. */
export type CampaignOption = Pick<z.infer<typeof campaignListResponseSchema>['campaigns'][number], 'id' | 'name'>;

type Ok = { ok: true };
const eventPath = (id: string) => `/events/${encodeURIComponent(id)}`;
export const photoUrl = (eventId: string, photoId: string, download = false) =>
  `/api/v1/events/${encodeURIComponent(eventId)}/photos/${encodeURIComponent(photoId)}${download ? '?download=1' : ''}`;

async function uploadPhoto(eventId: string, form: FormData): Promise<z.infer<typeof uploadPhotoResponseSchema>> {
  const { csrfToken } = await api.get<SessionResponse>('/session', undefined, true);
  let response: Response;
  try {
    response = await fetch(`/api/v1${eventPath(eventId)}/photos`, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken, accept: 'application/json' } });
  } catch {
    throw new ApiError(NETWORK_ERROR_STATUS, { code: 'network', message: 'Network error' });
  }
  const body = (await response.json().catch(() => ({}))) as { id?: string; error?: { code: string; message: string; fields?: Record<string, string> } };
  if (!response.ok) throw new ApiError(response.status, body.error ?? { code: `http_${response.status}`, message: response.statusText });
  return { id: body.id! };
}

export const eventsApi = {
  list: (query: EventQuery) => api.get<EventListResponse>('/events', query),
  read: (id: string) => api.get<{ event: Event }>(eventPath(id)).then((r) => r.event),
  create: (body: CreateEventBody) => api.post<z.infer<typeof createEventResponseSchema>>('/events', body),
  update: (id: string, body: UpdateEventBody) => api.patch<Ok>(eventPath(id), body),
  cancel: (id: string, body: z.input<typeof cancelEventRequestSchema>) => api.post<Ok>(`${eventPath(id)}/cancel`, body),
  record: (id: string, body: RecordEventBody) => api.post<Ok>(`${eventPath(id)}/record`, body),
  presenters: () => api.get<z.infer<typeof presentersResponseSchema>>('/events/presenters').then((r) => r.presenters),
  uploadPhoto,
  deletePhoto: (id: string, photoId: string) => api.delete<Ok>(`${eventPath(id)}/photos/${encodeURIComponent(photoId)}`),
};

/** Schools of one municipality for the picker; null when the registry cannot be reached. */
export async function schoolsOf(municipalityId: string): Promise<SchoolOption[] | null> {
  try {
    return (await api.get<z.infer<typeof schoolListResponseSchema>>('/schools', { municipalityId, limit: '500' })).schools;
  } catch {
    return null;
  }
}

/** Campaigns for the filter and the form; none when the campaigns part cannot answer. */
export async function campaignOptions(): Promise<CampaignOption[]> {
  try {
    const response = await api.get<z.infer<typeof campaignListResponseSchema>>('/campaigns');
    return response.campaigns.map((c) => ({ id: c.id, name: c.name }));
  } catch {
    return [];
  }
}
