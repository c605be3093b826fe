// The API calls the console makes, typed from the zod schemas in common/schemas (the contract).
import type { z } from 'zod';
import { api } from './api';
import type {
  sessionResponseSchema,
  loginRequestSchema,
  totpSetupResponseSchema,
  totpConfirmResponseSchema,
  changePasswordRequestSchema,
  updateAccountRequestSchema,
  accountResponseSchema,
} from '../../common/schemas/session';
import type {
  userListResponseSchema,
  userResponseSchema,
  userWithPasswordResponseSchema,
  createUserRequestSchema,
  updateUserRequestSchema,
  institutionListResponseSchema,
} from '../../common/schemas/users';
import type { auditListResponseSchema, auditVerifyResponseSchema, auditQuerySchema } from '../../common/schemas/audit';
import type { settingsResponseSchema, updateSettingsRequestSchema } from '../../common/schemas/settings';
import type {
  assessRequestSchema,
  closeRequestSchema,
  escalateRequestSchema,
  exposureResponseSchema,
  legalBasesResponseSchema,
  noticeTakedownRequestSchema,
  openCaseRequestSchema,
  reportListQuerySchema,
  reportListResponseSchema,
  reportResponseSchema,
} from '../../common/schemas/reports';
import type { caseResponseSchema, openCaseResponseSchema } from '../../common/schemas/cases';
import type {
  createReferralRequestSchema,
  outcomeRequestSchema,
  referralListQuerySchema,
  referralListResponseSchema,
  referralResponseSchema,
  routingQuerySchema,
  routingResponseSchema,
} from '../../common/schemas/referrals';

export type SessionResponse = z.infer<typeof sessionResponseSchema>;
export type SessionUser = SessionResponse['user'];
export type TotpSetup = z.infer<typeof totpSetupResponseSchema>;
export type TotpConfirmed = z.infer<typeof totpConfirmResponseSchema>;
export type StaffUser = z.infer<typeof userResponseSchema>['user'];
export type UserWithPassword = z.infer<typeof userWithPasswordResponseSchema>;
export type CreateUserRequest = z.input<typeof createUserRequestSchema>;
export type UpdateUserRequest = z.input<typeof updateUserRequestSchema>;
export type Institution = z.infer<typeof institutionListResponseSchema>['institutions'][number];
export type AuditPage = z.infer<typeof auditListResponseSchema>;
export type AuditEntry = AuditPage['entries'][number];
export type AuditQuery = { [K in keyof z.input<typeof auditQuerySchema>]?: string };
export type AuditVerification = z.infer<typeof auditVerifyResponseSchema>;
export type Settings = z.infer<typeof settingsResponseSchema>['settings'];

export type ReportPage = z.infer<typeof reportListResponseSchema>;
export type ReportSummary = ReportPage['reports'][number];
export type ReportCounts = ReportPage['counts'];
export type ReportQuery = { [K in keyof z.input<typeof reportListQuerySchema>]?: string };
export type ReportDetail = z.infer<typeof reportResponseSchema>['report'];
export type ContentItem = ReportDetail['contentItems'][number];
export type Assessment = ReportDetail['assessments'][number];
export type AssessRequest = z.input<typeof assessRequestSchema>;
export type CloseRequest = z.input<typeof closeRequestSchema>;
export type OpenCaseRequest = z.input<typeof openCaseRequestSchema>;
export type Exposure = z.infer<typeof exposureResponseSchema>;
export type LegalBases = z.infer<typeof legalBasesResponseSchema>;
export type LegalBasis = LegalBases['legalBases'][number];

export type Case = z.infer<typeof caseResponseSchema>['case'];
export type TimelineEntry = Case['timeline'][number];
export type ReferralPage = z.infer<typeof referralListResponseSchema>;
export type ReferralSummary = ReferralPage['referrals'][number];
export type ReferralQuery = { [K in keyof z.input<typeof referralListQuerySchema>]?: string };
export type ReferralDetail = z.infer<typeof referralResponseSchema>['referral'];
export type ReferralFinding = ReferralDetail['findings'][number];
export type Routing = z.infer<typeof routingResponseSchema>;
export type RoutingSuggestion = Routing['suggestions'][number];
export type RoutingQuery = { [K in keyof z.input<typeof routingQuerySchema>]?: string };
export type CreateReferralRequest = z.input<typeof createReferralRequestSchema>;
export type OutcomeRequest = z.input<typeof outcomeRequestSchema>;

type AccountResponse = z.infer<typeof accountResponseSchema>;

export const sessionApi = {
  read: () => api.get<SessionResponse>('/session', undefined, true),
  signIn: (body: z.input<typeof loginRequestSchema>) => api.post<SessionResponse>('/session', body, true),
  signOut: (everywhere = false) =>
    api.delete<void>('/session', everywhere ? { everywhere: 'true' } : undefined, true),
};

export const accountApi = {
  update: (body: z.input<typeof updateAccountRequestSchema>) => api.patch<AccountResponse>('/account', body),
  changePassword: (body: z.input<typeof changePasswordRequestSchema>) =>
    api.put<AccountResponse>('/account/password', body),
  startTotp: () => api.post<TotpSetup>('/account/totp/setup'),
  confirmTotp: (otp: string) => api.post<TotpConfirmed>('/account/totp/confirm', { otp }),
};

type UserResponse = z.infer<typeof userResponseSchema>;
const userPath = (id: string) => `/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (q: string, includeInactive: boolean) =>
    api.get<z.infer<typeof userListResponseSchema>>('/users', {
      q: q.trim() || undefined,
      includeInactive: includeInactive ? 'true' : undefined,
    }),
  read: (id: string) => api.get<UserResponse>(userPath(id)),
  create: (body: CreateUserRequest) => api.post<UserWithPassword>('/users', body),
  update: (id: string, body: UpdateUserRequest) => api.patch<UserResponse>(userPath(id), body),
  resetPassword: (id: string) => api.post<UserWithPassword>(`${userPath(id)}/reset-password`),
  resetTotp: (id: string) => api.post<UserResponse>(`${userPath(id)}/reset-totp`),
  unlock: (id: string) => api.post<UserResponse>(`${userPath(id)}/unlock`),
};

export const institutionsApi = {
  list: () => api.get<z.infer<typeof institutionListResponseSchema>>('/institutions'),
};

export type Mailbox = { isDemo: boolean; messages: { id: string; to: string; subject: string; text: string; purpose: string; status: 'queued' | 'sent' | 'kept-locally' | 'failed'; attempts: number; lastError: string | null; createdAt: string }[] };
export const mailboxApi = {
  list: (status?: string) => api.get<Mailbox>('/mailbox', { status }),
};

export const auditApi = {
  list: (query: AuditQuery) => api.get<AuditPage>('/audit', query),
  verify: () => api.get<AuditVerification>('/audit/verify'),
};

export const settingsApi = {
  read: () => api.get<z.infer<typeof settingsResponseSchema>>('/settings'),
  update: (body: z.input<typeof updateSettingsRequestSchema>) =>
    api.patch<z.infer<typeof settingsResponseSchema>>('/settings', body),
};

type ReportResponse = z.infer<typeof reportResponseSchema>;
const reportPath = (id: string) => `/reports/${encodeURIComponent(id)}`;

export const reportsApi = {
  list: (query: ReportQuery) => api.get<ReportPage>('/reports', query),
  read: (id: string) => api.get<ReportResponse>(reportPath(id)),
  /** A screenshot, fetched only when the analyst asks for it. */
  attachment: (id: string, attachmentId: string) =>
    api.blob(`${reportPath(id)}/attachments/${encodeURIComponent(attachmentId)}`),
  claim: (id: string) => api.post<ReportResponse>(`${reportPath(id)}/claim`),
  assess: (id: string, body: AssessRequest) => api.post<ReportResponse>(`${reportPath(id)}/assessments`, body),
  message: (id: string, body: string) => api.post<ReportResponse>(`${reportPath(id)}/messages`, { body }),
  close: (id: string, body: CloseRequest) => api.post<ReportResponse>(`${reportPath(id)}/close`, body),
  noticeTakedown: (id: string, body: z.input<typeof noticeTakedownRequestSchema>) =>
    api.post<ReportResponse>(`${reportPath(id)}/notice-takedown`, body),
  openCase: (id: string, body: OpenCaseRequest) => api.post<ReportResponse>(`${reportPath(id)}/case`, body),
  escalate: (id: string, body: z.input<typeof escalateRequestSchema>) =>
    api.post<ReportResponse>(`${reportPath(id)}/escalate`, body),
  recordExposure: (id: string, seconds: number, isPageClosing = false) =>
    isPageClosing
      ? api.postKeepalive<Exposure>(`${reportPath(id)}/exposure`, { seconds })
      : api.post<Exposure>(`${reportPath(id)}/exposure`, { seconds }),
};

export const hotlineApi = {
  exposureToday: () => api.get<Exposure>('/hotline/exposure'),
  legalBases: () => api.get<LegalBases>('/hotline/legal-bases'),
};

type ReferralResponse = z.infer<typeof referralResponseSchema>;
const casePath = (id: string) => `/cases/${encodeURIComponent(id)}`;
const referralPath = (id: string) => `/referrals/${encodeURIComponent(id)}`;

export const casesApi = {
  read: (id: string) => api.get<z.infer<typeof caseResponseSchema>>(casePath(id)),
  routing: (id: string, query: RoutingQuery) => api.get<Routing>(`${casePath(id)}/routing`, query),
  forward: (id: string, body: CreateReferralRequest) =>
    api.post<z.infer<typeof openCaseResponseSchema>>(`${casePath(id)}/referrals`, body),
};

export const referralsApi = {
  list: (query: ReferralQuery) => api.get<ReferralPage>('/referrals', query),
  read: (id: string) => api.get<ReferralResponse>(referralPath(id)),
  acknowledge: (id: string) => api.post<ReferralResponse>(`${referralPath(id)}/acknowledgement`),
  approve: (id: string) => api.post<ReferralResponse>(`${referralPath(id)}/approval`),
  recordOutcome: (id: string, body: OutcomeRequest) => api.post<ReferralResponse>(`${referralPath(id)}/outcome`, body),
  message: (id: string, body: string) => api.post<ReferralResponse>(`${referralPath(id)}/messages`, { body }),
  /** A plain link (same origin, the session cookie goes with it); the server sends the PDF as an attachment. */
  dossierUrl: (id: string, language: string) =>
    `/api/v1${referralPath(id)}/dossier.pdf?${new URLSearchParams({ language }).toString()}`,
};
