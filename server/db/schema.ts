// Table types for Kysely. Column names are snake_case in SQL; Kysely's CamelCasePlugin maps
// them to camelCase in code. Keep in step with migrations/.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { PreventionTables } from './schema-prevention';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface InstitutionsTable {
  id: Generated<string>;
  code: string;
  type: string;
  nameSr: string;
  nameEn: string;
  areaKind: string;
  areaCodes: ColumnType<string[], string[] | undefined, string[]>;
  isActive: Generated<boolean>;
  workingHours: Generated<string>;
  deputyUserId: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  roles: ColumnType<string[], string[], string[]>;
  institutionId: string | null;
  language: string;
  isActive: Generated<boolean>;
  isDemo: Generated<boolean>;
  mustChangePassword: Generated<boolean>;
  totpSecretEnc: string | null;
  totpEnabledAt: Timestamp | null;
  totpLastStep: ColumnType<string | null, number | string | null, number | string | null>;
  failedLoginCount: Generated<number>;
  lockedUntil: Timestamp | null;
  lastLoginAt: Timestamp | null;
  createdAt: CreatedAt;
  updatedAt: Generated<Date>;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  userId: string;
  codeHash: string;
  usedAt: Timestamp | null;
}

export interface SessionsTable {
  idHash: string;
  userId: string;
  csrfToken: string;
  stage: string;
  pendingTotpSecretEnc: string | null;
  createdAt: CreatedAt;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
}

export interface AuditLogTable {
  id: ColumnType<string, never, never>;
  occurredAt: Timestamp;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  prevHash: string;
  hash: string;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updatedAt: Generated<Date>;
  updatedBy: string | null;
}

export interface CasesTable {
  id: Generated<string>;
  number: ColumnType<string, never, never>;
  title: string;
  status: Generated<string>;
  priority: Generated<string>;
  assigneeId: string | null;
  createdBy: string;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  closedAt: Timestamp | null;
}

export interface ContentItemsTable {
  id: Generated<string>;
  contentKey: string;
  canonicalUrl: string;
  firstReportedOn: ColumnType<Date, string, string>;
  latestClassification: string | null;
  latestAssessedAt: Timestamp | null;
}

export interface ReportsTable {
  id: Generated<string>;
  number: ColumnType<string, never, never>;
  receivedAt: Timestamp;
  category: string;
  description: string;
  searchText: string;
  platform: string | null;
  childAgeGroup: string | null;
  municipality: string | null;
  language: string;
  contactEnc: string | null;
  hasContact: boolean;
  mayShareContact: boolean;
  receiptHash: string;
  receiptActiveOn: ColumnType<Date, string, string>;
  status: Generated<string>;
  isUrgent: Generated<boolean>;
  assigneeId: string | null;
  escalatedTo: string | null;
  caseId: string | null;
  closeReason: string | null;
  closeNote: string | null;
  closedAt: Timestamp | null;
  noticeTakedownAt: Timestamp | null;
  noticeTakedownNote: string | null;
  hasUnreadReporterMessage: Generated<boolean>;
}

export interface ReportUrlsTable {
  reportId: string;
  position: number;
  url: string;
  contentItemId: string;
}

export interface ReportAttachmentsTable {
  id: Generated<string>;
  reportId: string;
  contentType: string;
  byteSize: number;
  dataEnc: string;
}

export interface ReportMessagesTable {
  id: ColumnType<string, never, never>;
  reportId: string;
  author: 'reporter' | 'centre';
  authorId: string | null;
  body: string;
  sentAt: Timestamp;
}

export interface AssessmentsTable {
  id: Generated<string>;
  reportId: string;
  version: number;
  classification: string;
  legalBasis: ColumnType<string[], string[] | undefined, string[]>;
  legalBasisVersion: string;
  victimAgeGroup: string | null;
  victimGender: string | null;
  siteType: string | null;
  hostingCountry: string | null;
  isUrgent: boolean;
  rationale: string;
  assessedBy: string;
  assessedAt: Generated<Date>;
}

export interface AnalystExposureTable {
  userId: string;
  day: ColumnType<Date, string, string>;
  seconds: number;
}

export interface PowSpentTable {
  challengeHash: string;
  expiresAt: Timestamp;
}

export interface OutgoingMailTable {
  id: Generated<string>;
  toEnc: string;
  subject: string;
  bodyText: string;
  confidential: Generated<boolean>;
  purpose: string;
  status: Generated<'queued' | 'sent' | 'kept-locally' | 'failed'>;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: Generated<Date>;
  sentAt: Timestamp | null;
}

export interface ReferralsTable {
  id: Generated<string>;
  number: ColumnType<string, never, never>;
  reference: string;
  caseId: string;
  institutionId: string;
  urgency: 'urgent' | 'normal';
  reason: string;
  legalBasis: ColumnType<string[], string[] | undefined, string[]>;
  includesReporterContact: boolean;
  routingRule: string | null;
  routingRulesVersion: string | null;
  status: Generated<'pending-approval' | 'sent' | 'acknowledged' | 'closed'>;
  approvedBy: string | null;
  approvedAt: Timestamp | null;
  sentBy: string;
  sentAt: Generated<Date>;
  acknowledgementDueAt: Timestamp | null;
  acknowledgedAt: Timestamp | null;
  acknowledgedBy: string | null;
  overdueAlertedAt: Timestamp | null;
  outcome: string | null;
  outcomeNote: string | null;
  outcomeAt: Timestamp | null;
  outcomeBy: string | null;
  outcomeReminderDueAt: Timestamp | null;
  outcomeRemindedAt: Timestamp | null;
}

export interface ReferralMessagesTable {
  id: ColumnType<string, never, never>;
  referralId: string;
  side: 'centre' | 'institution';
  authorId: string;
  body: string;
  sentAt: Generated<Date>;
}

export interface InstitutionApiTokensTable {
  id: Generated<string>;
  institutionId: string;
  name: string;
  tokenHash: string;
  createdBy: string;
  createdAt: Generated<Date>;
  lastUsedOn: ColumnType<Date | null, string | null, string | null>;
  revokedAt: Timestamp | null;
}

type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface ChatsTable {
  id: Generated<string>;
  number: ColumnType<string, never, never>;
  status: Generated<string>;
  language: string;
  nicknameEnc: string | null;
  ageGroup: Generated<string>;
  tokenHash: string;
  counsellorId: string | null;
  createdAt: Generated<Date>;
  acceptedAt: Timestamp | null;
  endedAt: Timestamp | null;
  endedBy: string | null;
  lastSeq: Generated<number>;
  visitorSeenAt: Generated<Date>;
  transcriptDeletedAt: Timestamp | null;
}

export interface ChatMessagesTable {
  chatId: string;
  seq: number;
  sender: string;
  authorId: string | null;
  clientId: string | null;
  bodyEnc: string;
  sentAt: Generated<Date>;
}

export interface EmailThreadsTable {
  id: Generated<string>;
  number: ColumnType<string, never, never>;
  subjectEnc: string;
  correspondentKey: string;
  correspondentEnc: string;
  status: Generated<string>;
  createdAt: Generated<Date>;
  lastMessageAt: Generated<Date>;
}

export interface EmailMessagesTable {
  id: Generated<string>;
  seq: ColumnType<string, never, never>;
  threadId: string;
  direction: string;
  messageId: string;
  inReplyTo: string | null;
  subjectEnc: string;
  bodyEnc: string;
  authorId: string | null;
  outgoingMailId: string | null;
  at: Generated<Date>;
}

export interface EmailAttachmentsTable {
  id: Generated<string>;
  messageId: string;
  filenameEnc: string;
  contentType: string;
  byteSize: number;
  dataEnc: string;
}

export interface ImapStateTable {
  mailbox: string;
  uidValidity: ColumnType<string, string | number, string | number>;
  lastUid: ColumnType<string, string | number | undefined, string | number>;
  checkedAt: Generated<Date>;
}

export interface AdviceArticlesTable {
  id: Generated<string>;
  slug: string;
  categories: TextArray;
  titleSr: string;
  summarySr: Generated<string>;
  bodySr: string;
  titleEn: string;
  summaryEn: Generated<string>;
  bodyEn: string;
  status: Generated<string>;
  needsReview: Generated<boolean>;
  searchText: string;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  publishedAt: Timestamp | null;
}

export interface ContactsTable {
  id: Generated<string>;
  number: ColumnType<string, never, never>;
  status: Generated<string>;
  version: Generated<number>;
  channel: string;
  contactType: string;
  callerType: string | null;
  ageGroup: Generated<string>;
  gender: Generated<string>;
  municipality: string | null;
  language: Generated<string>;
  categoriesVersion: string;
  primaryCategory: string | null;
  peripheralCategories: TextArray;
  platform: string | null;
  summary: Generated<string>;
  adviceGiven: Generated<string>;
  adviceArticleIds: TextArray;
  outcome: string | null;
  callbackConsent: Generated<boolean>;
  callerKey: string | null;
  callerIdentifierEnc: string | null;
  durationSeconds: number | null;
  startedAt: ColumnType<Date, Date | string | undefined, Date | string>;
  counsellorId: string | null;
  caseId: string | null;
  reportId: string | null;
  chatId: string | null;
  emailThreadId: string | null;
  searchText: Generated<string>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
  finalisedAt: Timestamp | null;
}

export interface ContactVersionsTable {
  contactId: string;
  version: number;
  data: ColumnType<unknown, string, never>;
  changedBy: string;
  changedAt: Generated<Date>;
}

export interface CaseTasksTable {
  id: Generated<string>;
  caseId: string;
  title: string;
  dueOn: ColumnType<Date, string, string>;
  assigneeId: string | null;
  createdBy: string;
  createdAt: Generated<Date>;
  doneAt: Timestamp | null;
  doneBy: string | null;
}

export interface CaseNotesTable {
  id: Generated<string>;
  caseId: string;
  authorId: string;
  body: string;
  createdAt: Generated<Date>;
}

export interface Database extends PreventionTables {
  institutions: InstitutionsTable;
  users: UsersTable;
  recoveryCodes: RecoveryCodesTable;
  sessions: SessionsTable;
  auditLog: AuditLogTable;
  settings: SettingsTable;
  cases: CasesTable;
  contentItems: ContentItemsTable;
  reports: ReportsTable;
  reportUrls: ReportUrlsTable;
  reportAttachments: ReportAttachmentsTable;
  reportMessages: ReportMessagesTable;
  assessments: AssessmentsTable;
  analystExposure: AnalystExposureTable;
  powSpent: PowSpentTable;
  outgoingMail: OutgoingMailTable;
  referrals: ReferralsTable;
  referralMessages: ReferralMessagesTable;
  institutionApiTokens: InstitutionApiTokensTable;
  chats: ChatsTable;
  chatMessages: ChatMessagesTable;
  emailThreads: EmailThreadsTable;
  emailMessages: EmailMessagesTable;
  emailAttachments: EmailAttachmentsTable;
  imapState: ImapStateTable;
  adviceArticles: AdviceArticlesTable;
  contacts: ContactsTable;
  contactVersions: ContactVersionsTable;
  caseTasks: CaseTasksTable;
  caseNotes: CaseNotesTable;
}

export type ContactRow = Selectable<ContactsTable>;
export type ChatRow = Selectable<ChatsTable>;
export type AdviceArticleRow = Selectable<AdviceArticlesTable>;

export type ReferralRow = Selectable<ReferralsTable>;

export type ReportRow = Selectable<ReportsTable>;

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type InstitutionRow = Selectable<InstitutionsTable>;
export type SessionRow = Selectable<SessionsTable>;
