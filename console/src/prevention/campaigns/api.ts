// The campaigns' API calls, typed from the zod schemas in common/schemas (the contract). A tour
// stop is an event: it is planned through the events part's API.
import type { z } from 'zod';
import { api } from '../../api';
import type {
  campaignListResponseSchema,
  campaignResponseSchema,
  createCampaignRequestSchema,
  createdResponseSchema,
  onlineActionRequestSchema,
  updateCampaignRequestSchema,
} from '../../../../common/schemas/prevention/campaigns';

export type CampaignSummary = z.infer<typeof campaignListResponseSchema>['campaigns'][number];
export type Campaign = z.infer<typeof campaignResponseSchema>['campaign'];
export type CampaignEvent = Campaign['route'][number];
export type OnlineAction = Campaign['onlineActions'][number];
export type Partner = Campaign['partners'][number];
export type CreateCampaignBody = z.input<typeof createCampaignRequestSchema>;
export type UpdateCampaignBody = z.input<typeof updateCampaignRequestSchema>;
export type OnlineActionBody = z.input<typeof onlineActionRequestSchema>;
type Created = z.infer<typeof createdResponseSchema>;
type Ok = { ok: true };

const campaignPath = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

export const campaignsApi = {
  list: () => api.get<z.infer<typeof campaignListResponseSchema>>('/campaigns').then((r) => r.campaigns),
  read: (id: string) => api.get<z.infer<typeof campaignResponseSchema>>(campaignPath(id)).then((r) => r.campaign),
  create: (body: CreateCampaignBody) => api.post<Created>('/campaigns', body),
  update: (id: string, body: UpdateCampaignBody) => api.patch<Ok>(campaignPath(id), body),
  addOnlineAction: (id: string, body: OnlineActionBody) => api.post<Created>(`${campaignPath(id)}/online-actions`, body),
  removeOnlineAction: (id: string, actionId: string) => api.delete<Ok>(`${campaignPath(id)}/online-actions/${encodeURIComponent(actionId)}`),
};
