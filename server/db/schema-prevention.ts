// Table types for prevention and youth participation (migrations/0005_prevention.ts). Kept
// apart from schema.ts so the prevention tables read as one set; Database includes them.
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { PreferredDate, RequestAudience } from '../../common/schemas/prevention/requests';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: read as a calendar day string via dateColumn() where it matters. */
type DateOnly = ColumnType<Date | string, Date | string, Date | string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Json<T> = ColumnType<T, string | T, string | T>;

export interface SchoolsTable {
  id: Generated<string>;
  code: string | null;
  name: string;
  type: string;
  municipalityId: string;
  districtId: string;
  address: Generated<string>;
  contactPerson: Generated<string>;
  email: string | null;
  phone: string | null;
  isActive: Generated<boolean>;
  /** searchKey of name, code, address and place (server/prevention/schools/schools.ts). */
  searchText: Generated<string>;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface CampaignPartner {
  name: string;
  kind: string;
  note?: string;
}

export interface CampaignsTable {
  id: Generated<string>;
  number: Generated<string>;
  name: string;
  goal: Generated<string>;
  startsOn: DateOnly;
  endsOn: DateOnly | null;
  partners: Json<CampaignPartner[]>;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface CampaignOnlineActionsTable {
  id: Generated<string>;
  campaignId: string;
  kind: string;
  title: string;
  platform: Generated<string>;
  happenedOn: DateOnly;
  peopleReached: Generated<number>;
  engagements: number | null;
  notes: Generated<string>;
  createdBy: string | null;
  createdAt: Generated<Date>;
}

export interface EventsTable {
  id: Generated<string>;
  number: Generated<string>;
  type: string;
  status: Generated<string>;
  title: Generated<string>;
  startsAt: Timestamp;
  endsAt: Timestamp;
  schoolId: string | null;
  venue: Generated<string>;
  municipalityId: string;
  districtId: string;
  campaignId: string | null;
  language: Generated<string>;
  topics: TextArray;
  materials: Generated<string>;
  pupilsPrimaryLower: number | null;
  pupilsPrimaryUpper: number | null;
  pupilsSecondary: number | null;
  parents: number | null;
  teachers: number | null;
  otherAttendees: number | null;
  durationMinutes: number | null;
  notes: Generated<string>;
  recordedBy: string | null;
  recordedAt: Timestamp | null;
  cancelReason: string | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface EventPresentersTable {
  eventId: string;
  userId: string;
  remindedFor: Timestamp | null;
}

export interface EventPhotosTable {
  id: Generated<string>;
  eventId: string;
  contentType: string;
  byteSize: number;
  data: Buffer | Uint8Array;
  caption: Generated<string>;
  noChildrenFaces: boolean;
  uploadedBy: string;
  uploadedAt: Generated<Date>;
}

export interface PresentationRequestsTable {
  id: Generated<string>;
  number: Generated<string>;
  status: Generated<string>;
  organisation: string;
  organisationType: string;
  municipalityId: string;
  districtId: string;
  schoolId: string | null;
  contactNameEnc: string;
  emailEnc: string;
  phoneEnc: string | null;
  /** common/schemas/prevention/requests.ts: requestAudienceSchema. */
  audience: Json<RequestAudience>;
  /** common/schemas/prevention/requests.ts: preferredDateSchema[]. */
  preferredDates: Json<PreferredDate[]>;
  language: string;
  topics: TextArray;
  messageEnc: string | null;
  eventId: string | null;
  declineReason: string | null;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
  createdAt: Generated<Date>;
}

/** One language's wording of a quiz question (Serbian in Cyrillic; Latin is derived). */
export interface QuizQuestionText {
  prompt: string;
  options: string[];
  /** Why the right answer is right, shown to pupils after the post quiz ('' if none). */
  explanation: string;
}

export interface QuizQuestionTexts {
  sr: QuizQuestionText;
  en: QuizQuestionText;
}

export interface QuizQuestionsTable {
  id: Generated<string>;
  topic: string;
  texts: Json<QuizQuestionTexts>;
  correctOption: number;
  isActive: Generated<boolean>;
  needsReview: Generated<boolean>;
  starterKey: string | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

export interface EventQuizzesTable {
  eventId: string;
  questionIds: TextArray;
  code: string | null;
  phase: Generated<string>;
  codeExpiresAt: Timestamp | null;
  preOpenedAt: Timestamp | null;
  postOpenedAt: Timestamp | null;
  createdBy: string | null;
  createdAt: Generated<Date>;
  updatedAt: Generated<Date>;
}

/** answers[i] is the option chosen for the quiz's questionIds[i]. */
export interface QuizResponsesTable {
  id: Generated<string>;
  eventId: string;
  phase: string;
  submissionId: string;
  answers: ColumnType<number[], number[], number[]>;
  language: string;
  submittedAt: Generated<Date>;
}

export interface PeerCohortsTable {
  id: Generated<string>;
  name: string;
  startsOn: DateOnly;
  endsOn: DateOnly | null;
  createdAt: Generated<Date>;
}

export interface PeerTrainingModulesTable {
  id: Generated<string>;
  code: string;
  names: Json<Record<string, string>>;
  position: Generated<number>;
  isActive: Generated<boolean>;
}

export interface PeerEducatorsTable {
  id: Generated<string>;
  cohortId: string;
  userId: string | null;
  firstName: string | null;
  lastInitial: string | null;
  schoolId: string | null;
  municipalityId: string;
  districtId: string;
  ageGroup: string;
  consentObtainedOn: DateOnly | null;
  consentObtainedBy: string | null;
  consentRecordedBy: string | null;
  certifiedOn: DateOnly | null;
  personalDataDeletedAt: Timestamp | null;
  createdAt: Generated<Date>;
}

export interface PeerModuleCompletionsTable {
  peerEducatorId: string;
  moduleId: string;
  completedOn: DateOnly;
}

export interface PeerSessionsTable {
  id: Generated<string>;
  peerEducatorId: string;
  heldOn: DateOnly;
  schoolId: string | null;
  venue: Generated<string>;
  municipalityId: string;
  districtId: string;
  peersReached: number;
  topics: TextArray;
  notes: Generated<string>;
  status: Generated<string>;
  returnReason: string | null;
  confirmedBy: string | null;
  confirmedAt: Timestamp | null;
  createdAt: Generated<Date>;
}

export interface PreventionTables {
  schools: SchoolsTable;
  campaigns: CampaignsTable;
  campaignOnlineActions: CampaignOnlineActionsTable;
  events: EventsTable;
  eventPresenters: EventPresentersTable;
  eventPhotos: EventPhotosTable;
  presentationRequests: PresentationRequestsTable;
  quizQuestions: QuizQuestionsTable;
  eventQuizzes: EventQuizzesTable;
  quizResponses: QuizResponsesTable;
  peerCohorts: PeerCohortsTable;
  peerTrainingModules: PeerTrainingModulesTable;
  peerEducators: PeerEducatorsTable;
  peerModuleCompletions: PeerModuleCompletionsTable;
  peerSessions: PeerSessionsTable;
}

export type EventRow = Selectable<EventsTable>;
export type SchoolRow = Selectable<SchoolsTable>;
export type PeerSessionRow = Selectable<PeerSessionsTable>;
