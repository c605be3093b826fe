// Peer educators: cohorts, training modules, the young people themselves (the least data: a
// first name, the initial of the last name, an age group, never a date of birth; for minors the
// record of parental consent), their modules and certification, erasure on request, and the
// peer sessions they hold (recorded by themselves, confirmed or returned by a coordinator).
//
// Days (`startsOn`, `completedOn`, `heldOn`, …) are calendar days `YYYY-MM-DD` in Belgrade.
import { z } from 'zod';
import { MINOR_PEER_AGE_GROUPS, PEER_AGE_GROUPS, PREVENTION_TOPICS, type PeerAgeGroup } from '../../prevention';
import { isMunicipality } from '../../geography';
import { idSchema, isoDateTime } from '../common';

export const peerAgeGroupSchema = z.enum(PEER_AGE_GROUPS);
const topicSchema = z.enum(PREVENTION_TOPICS);
const daySchema = z.iso.date().describe('A calendar day, YYYY-MM-DD');
const municipalityIdSchema = z.string().refine(isMunicipality, 'Unknown municipality code (see common/data/serbia-admin.json)');

export const PEER_SESSION_STATUSES = ['submitted', 'confirmed', 'returned'] as const;
export const peerSessionStatusSchema = z.enum(PEER_SESSION_STATUSES);
export type PeerSessionStatus = (typeof PEER_SESSION_STATUSES)[number];

export const isMinorAgeGroup = (ageGroup: string): boolean => (MINOR_PEER_AGE_GROUPS as readonly string[]).includes(ageGroup);

export const idParamsSchema = z.strictObject({ id: idSchema });

// ---- cohorts ----------------------------------------------------------------------------------

const cohortFields = {
  name: z.string().trim().min(2).max(120).describe('e.g. "Ниш, пролеће 2026"'),
  startsOn: daySchema,
  endsOn: daySchema.nullable().optional(),
};
const endsAfterStart = (c: { startsOn?: string | undefined; endsOn?: string | null | undefined }, ctx: z.RefinementCtx) => {
  if (c.startsOn && c.endsOn && c.endsOn < c.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The end cannot be before the start' });
};
export const createPeerCohortRequestSchema = z.strictObject(cohortFields).superRefine(endsAfterStart).meta({ id: 'CreatePeerCohortRequest' });
export type CreatePeerCohortRequest = z.infer<typeof createPeerCohortRequestSchema>;
export const updatePeerCohortRequestSchema = z
  .strictObject({ name: cohortFields.name.optional(), startsOn: daySchema.optional(), endsOn: cohortFields.endsOn })
  .superRefine(endsAfterStart)
  .meta({ id: 'UpdatePeerCohortRequest' });
export type UpdatePeerCohortRequest = z.infer<typeof updatePeerCohortRequestSchema>;

export const peerCohortSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    educators: z.number().int().describe('Peer educators in the cohort, including those whose personal data was deleted'),
    certified: z.number().int(),
  })
  .meta({ id: 'PeerCohort' });
export const peerCohortListResponseSchema = z.object({ cohorts: z.array(peerCohortSchema) });
export const peerCohortResponseSchema = z.object({ cohort: peerCohortSchema });

// ---- training modules -------------------------------------------------------------------------

const moduleNamesSchema = z.strictObject({
  'sr-Cyrl': z.string().trim().min(2).max(160).describe('Serbian, in Cyrillic (Latin is derived)'),
  en: z.string().trim().min(2).max(160),
});
export const createPeerTrainingModuleRequestSchema = z
  .strictObject({
    code: z.string().trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lower-case letters, digits and hyphens').max(60),
    names: moduleNamesSchema,
    position: z.number().int().min(0).max(1000).optional(),
  })
  .meta({ id: 'CreatePeerTrainingModuleRequest' });
export type CreatePeerTrainingModuleRequest = z.infer<typeof createPeerTrainingModuleRequestSchema>;
export const updatePeerTrainingModuleRequestSchema = z
  .strictObject({
    names: moduleNamesSchema.optional(),
    position: z.number().int().min(0).max(1000).optional(),
    isActive: z.boolean().optional().describe('An inactive module is no longer needed for certification; completions are kept'),
  })
  .meta({ id: 'UpdatePeerTrainingModuleRequest' });
export type UpdatePeerTrainingModuleRequest = z.infer<typeof updatePeerTrainingModuleRequestSchema>;
export const peerTrainingModuleSchema = z
  .object({ id: idSchema, code: z.string(), names: z.object({ 'sr-Cyrl': z.string(), en: z.string() }), position: z.number().int(), isActive: z.boolean() })
  .meta({ id: 'PeerTrainingModule' });
export const peerTrainingModuleListResponseSchema = z.object({ modules: z.array(peerTrainingModuleSchema) });
export const peerTrainingModuleResponseSchema = z.object({ module: peerTrainingModuleSchema });

// ---- peer educators ---------------------------------------------------------------------------

/** A first name as people write it: letters, with spaces, hyphens or apostrophes between. */
const firstNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^\p{L}[\p{L}\p{M}' -]*$/u, 'Letters only (a first name, nothing else)');
/** The initial of the last name: one letter (Serbian Latin digraphs Lj, Nj, Dž count as one), a dot allowed. */
export const LAST_INITIAL_PATTERN = /^(\p{L}|Lj|LJ|Nj|NJ|Dž|DŽ)\.?$/u;
const lastInitialSchema = z.string().trim().regex(LAST_INITIAL_PATTERN, 'Only the initial of the last name (one letter)');

export const parentalConsentSchema = z
  .strictObject({
    obtainedOn: daySchema.describe('The day the parent or guardian gave consent (not in the future)'),
    obtainedBy: z.string().trim().min(2).max(120).describe('Who obtained it: a person or role, e.g. "школски педагог"'),
  })
  .meta({ id: 'ParentalConsent' });

/** The rule both the console and the server check: a minor needs recorded parental consent. */
export function consentIssue(ageGroup: PeerAgeGroup | string | undefined, consent: unknown): string | null {
  if (ageGroup && isMinorAgeGroup(ageGroup) && !consent) {
    return 'A peer educator under 18 needs a record of parental consent: the day and who obtained it';
  }
  return null;
}

const educatorFields = {
  cohortId: idSchema,
  firstName: firstNameSchema,
  lastInitial: lastInitialSchema,
  schoolId: idSchema.nullable().optional().describe('From the schools registry (/api/v1/schools); optional'),
  municipalityId: municipalityIdSchema.optional().describe("Where the peer educator is active; taken from the school when omitted"),
  ageGroup: peerAgeGroupSchema.describe('An age group, never a date of birth'),
  consent: parentalConsentSchema.nullable().optional().describe('Required for the age groups 12-14 and 15-17'),
};

export const createPeerEducatorRequestSchema = z
  .strictObject(educatorFields)
  .superRefine((e, ctx) => {
    const issue = consentIssue(e.ageGroup, e.consent);
    if (issue) ctx.addIssue({ code: 'custom', path: ['consent'], message: issue });
    if (!e.schoolId && !e.municipalityId) ctx.addIssue({ code: 'custom', path: ['municipalityId'], message: 'Choose the municipality (or a school)' });
  })
  .meta({ id: 'CreatePeerEducatorRequest' });
export type CreatePeerEducatorRequest = z.infer<typeof createPeerEducatorRequestSchema>;

export const updatePeerEducatorRequestSchema = z
  .strictObject({
    cohortId: idSchema.optional(),
    firstName: firstNameSchema.optional(),
    lastInitial: lastInitialSchema.optional(),
    schoolId: educatorFields.schoolId,
    municipalityId: municipalityIdSchema.optional(),
    ageGroup: peerAgeGroupSchema.optional(),
    consent: educatorFields.consent,
  })
  .meta({ id: 'UpdatePeerEducatorRequest' });
export type UpdatePeerEducatorRequest = z.infer<typeof updatePeerEducatorRequestSchema>;

export const peerEducatorListQuerySchema = z.strictObject({ cohortId: idSchema.optional() });

export const peerEducatorSummarySchema = z
  .object({
    id: idSchema,
    cohortId: idSchema,
    cohortName: z.string(),
    firstName: z.string().nullable().describe('null once the personal data was deleted'),
    lastInitial: z.string().nullable(),
    schoolId: idSchema.nullable(),
    schoolName: z.string().nullable(),
    municipalityId: z.string(),
    ageGroup: peerAgeGroupSchema,
    hasConsent: z.boolean(),
    modulesCompleted: z.number().int(),
    certifiedOn: z.string().nullable(),
    hasAccount: z.boolean(),
    sessionsConfirmed: z.number().int(),
    peersReached: z.number().int().describe('Peers reached in confirmed sessions'),
    personalDataDeletedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'PeerEducatorSummary' });
export type PeerEducatorSummary = z.infer<typeof peerEducatorSummarySchema>;
export const peerEducatorListResponseSchema = z.object({ educators: z.array(peerEducatorSummarySchema) });

export const peerEducatorSchema = peerEducatorSummarySchema
  .extend({
    consent: z.object({ obtainedOn: z.string(), obtainedBy: z.string(), recordedByName: z.string().nullable() }).nullable(),
    account: z.object({ id: idSchema, displayName: z.string(), username: z.string() }).nullable(),
    modules: z.array(z.object({ moduleId: idSchema, completedOn: z.string() })),
    sessionsSubmitted: z.number().int().describe('Sessions waiting for confirmation'),
    createdAt: isoDateTime,
  })
  .meta({ id: 'PeerEducator' });
export type PeerEducator = z.infer<typeof peerEducatorSchema>;
export const peerEducatorResponseSchema = z.object({ educator: peerEducatorSchema });
export const createdSchema = z.object({ id: idSchema });

export const setPeerModulesRequestSchema = z
  .strictObject({
    completions: z
      .array(z.strictObject({ moduleId: idSchema, completedOn: daySchema }))
      .max(100)
      .describe('Every module completed and when (replaces the list)'),
  })
  .meta({ id: 'SetPeerModulesRequest' });
export type SetPeerModulesRequest = z.infer<typeof setPeerModulesRequestSchema>;

export const certifyPeerEducatorRequestSchema = z
  .strictObject({ certifiedOn: daySchema.describe('Not before the last module was completed, not in the future') })
  .meta({ id: 'CertifyPeerEducatorRequest' });

export const linkPeerAccountRequestSchema = z
  .strictObject({ userId: idSchema.nullable().describe('An active account with the role peer-educator not linked to anyone else; null unlinks') })
  .meta({ id: 'LinkPeerAccountRequest' });

export const peerAccountListResponseSchema = z.object({
  accounts: z.array(z.object({ id: idSchema, displayName: z.string() })).describe('Active peer-educator accounts not linked to a peer educator'),
});

/** The signed-in peer educator's own record (what the minimal view needs). */
export const myPeerEducatorResponseSchema = z.object({
  educator: z
    .object({ id: idSchema, firstName: z.string(), cohortName: z.string(), municipalityId: z.string(), schoolId: idSchema.nullable(), certifiedOn: z.string().nullable() })
    .nullable()
    .describe('null when the account is not linked to a peer educator: the console says so and offers no form'),
});

// ---- peer sessions ----------------------------------------------------------------------------

export const MAX_PEERS_PER_SESSION = 500;
const sessionFields = {
  heldOn: daySchema.describe('The day it was held (not in the future)'),
  schoolId: idSchema.nullable().optional().describe('The school it was held at (or give venue and municipalityId)'),
  venue: z.string().trim().max(200).optional().describe('Where, when not at a school in the registry'),
  municipalityId: municipalityIdSchema.optional().describe('Taken from the school when omitted; required with a venue'),
  peersReached: z.number().int().min(1).max(MAX_PEERS_PER_SESSION).describe('How many peers took part'),
  topics: z.array(topicSchema).min(1).max(PREVENTION_TOPICS.length),
  notes: z.string().trim().max(1000).default('').describe('Short notes; no names of the peers'),
};

/** A session happens at a school from the registry or at a named venue in a municipality. */
export function sessionPlaceIssues(s: { schoolId?: string | null | undefined; venue?: string | undefined; municipalityId?: string | undefined }) {
  const issues: { path: string; message: string }[] = [];
  if (!s.schoolId && !s.venue) issues.push({ path: 'venue', message: 'Choose the school or name the venue' });
  if (!s.schoolId && !s.municipalityId) issues.push({ path: 'municipalityId', message: 'Choose the municipality of the venue' });
  return issues;
}

export const peerSessionRequestSchema = z
  .strictObject(sessionFields)
  .superRefine((s, ctx) => {
    for (const issue of sessionPlaceIssues(s)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  })
  .meta({ id: 'PeerSessionRequest' });
export type PeerSessionRequest = z.infer<typeof peerSessionRequestSchema>;

export const peerSessionListQuerySchema = z.strictObject({
  status: peerSessionStatusSchema.optional(),
  peerEducatorId: idSchema.optional(),
});

export const peerSessionSchema = z
  .object({
    id: idSchema,
    peerEducatorId: idSchema,
    educatorName: z.string().nullable().describe("Coordinators only: first name and initial (null when deleted, and in a peer educator's own list)"),
    heldOn: z.string(),
    schoolId: idSchema.nullable(),
    schoolName: z.string().nullable(),
    venue: z.string(),
    municipalityId: z.string(),
    peersReached: z.number().int(),
    topics: z.array(topicSchema),
    notes: z.string(),
    status: peerSessionStatusSchema,
    returnReason: z.string().nullable(),
    confirmedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'PeerSession' });
export type PeerSession = z.infer<typeof peerSessionSchema>;
export const peerSessionListResponseSchema = z.object({ sessions: z.array(peerSessionSchema) });
export const peerSessionResponseSchema = z.object({ session: peerSessionSchema });
export const returnPeerSessionRequestSchema = z
  .strictObject({ reason: z.string().trim().min(3).max(500).describe('What to fix; shown to the peer educator') })
  .meta({ id: 'ReturnPeerSessionRequest' });
