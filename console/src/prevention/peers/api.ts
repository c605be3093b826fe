// The peer-educator API calls the console makes, typed from the zod schemas in
// common/schemas/prevention/peers.ts (the contract), plus the schools registry for pickers.
import type { z } from 'zod';
import { api } from '../../api';
import type {
  certifyPeerEducatorRequestSchema,
  createPeerCohortRequestSchema,
  createPeerEducatorRequestSchema,
  createPeerTrainingModuleRequestSchema,
  myPeerEducatorResponseSchema,
  peerAccountListResponseSchema,
  peerCohortListResponseSchema,
  peerEducatorListResponseSchema,
  peerEducatorResponseSchema,
  peerSessionListResponseSchema,
  peerSessionRequestSchema,
  peerSessionResponseSchema,
  peerTrainingModuleListResponseSchema,
  setPeerModulesRequestSchema,
  updatePeerEducatorRequestSchema,
  updatePeerTrainingModuleRequestSchema,
} from '../../../../common/schemas/prevention/peers';
import type { schoolListResponseSchema } from '../../../../common/schemas/prevention/schools';

export type Cohort = z.infer<typeof peerCohortListResponseSchema>['cohorts'][number];
export type TrainingModule = z.infer<typeof peerTrainingModuleListResponseSchema>['modules'][number];
export type EducatorSummary = z.infer<typeof peerEducatorListResponseSchema>['educators'][number];
export type Educator = z.infer<typeof peerEducatorResponseSchema>['educator'];
export type PeerAccount = z.infer<typeof peerAccountListResponseSchema>['accounts'][number];
export type PeerSession = z.infer<typeof peerSessionResponseSchema>['session'];
export type MyEducator = z.infer<typeof myPeerEducatorResponseSchema>['educator'];
export type SessionRequest = z.input<typeof peerSessionRequestSchema>;
export type School = z.infer<typeof schoolListResponseSchema>['schools'][number];

type EducatorResponse = z.infer<typeof peerEducatorResponseSchema>;
const educatorPath = (id: string) => `/peer-educators/${encodeURIComponent(id)}`;
const sessionPath = (id: string) => `/peer-sessions/${encodeURIComponent(id)}`;

export const peersApi = {
  cohorts: () => api.get<z.infer<typeof peerCohortListResponseSchema>>('/peer-cohorts'),
  createCohort: (body: z.input<typeof createPeerCohortRequestSchema>) => api.post<{ cohort: Cohort }>('/peer-cohorts', body),
  modules: () => api.get<z.infer<typeof peerTrainingModuleListResponseSchema>>('/peer-training-modules'),
  createModule: (body: z.input<typeof createPeerTrainingModuleRequestSchema>) => api.post<{ module: TrainingModule }>('/peer-training-modules', body),
  updateModule: (id: string, body: z.input<typeof updatePeerTrainingModuleRequestSchema>) =>
    api.patch<{ module: TrainingModule }>(`/peer-training-modules/${encodeURIComponent(id)}`, body),
  educators: (cohortId?: string) => api.get<z.infer<typeof peerEducatorListResponseSchema>>('/peer-educators', { cohortId }),
  educator: (id: string) => api.get<EducatorResponse>(educatorPath(id)),
  createEducator: (body: z.input<typeof createPeerEducatorRequestSchema>) => api.post<{ id: string }>('/peer-educators', body),
  updateEducator: (id: string, body: z.input<typeof updatePeerEducatorRequestSchema>) => api.patch<EducatorResponse>(educatorPath(id), body),
  setModules: (id: string, body: z.input<typeof setPeerModulesRequestSchema>) => api.put<EducatorResponse>(`${educatorPath(id)}/modules`, body),
  certify: (id: string, body: z.input<typeof certifyPeerEducatorRequestSchema>) => api.post<EducatorResponse>(`${educatorPath(id)}/certification`, body),
  withdrawCertification: (id: string) => api.delete<EducatorResponse>(`${educatorPath(id)}/certification`),
  accounts: () => api.get<z.infer<typeof peerAccountListResponseSchema>>('/peer-educators/accounts'),
  linkAccount: (id: string, userId: string | null) => api.put<EducatorResponse>(`${educatorPath(id)}/account`, { userId }),
  erase: (id: string) => api.post<EducatorResponse>(`${educatorPath(id)}/erase`),
  me: () => api.get<z.infer<typeof myPeerEducatorResponseSchema>>('/peer-educators/me'),
  sessions: (query: { status?: string; peerEducatorId?: string } = {}) => api.get<z.infer<typeof peerSessionListResponseSchema>>('/peer-sessions', query),
  recordSession: (body: SessionRequest) => api.post<{ id: string }>('/peer-sessions', body),
  resubmitSession: (id: string, body: SessionRequest) => api.put<{ session: PeerSession }>(sessionPath(id), body),
  confirmSession: (id: string) => api.post<{ session: PeerSession }>(`${sessionPath(id)}/confirm`),
  returnSession: (id: string, reason: string) => api.post<{ session: PeerSession }>(`${sessionPath(id)}/return`, { reason }),
  /** The registry's schools of one municipality (peer educators may list schools too). */
  schoolsIn: (municipalityId: string) => api.get<z.infer<typeof schoolListResponseSchema>>('/schools', { municipalityId, limit: '500' }),
};
