// Campaigns: name, goal, period, partners (influencers among them), online actions with the
// people they reached, the reach figures computed from the campaign's held events plus those
// actions, and the tour — the campaign's city-stop events in date order.
import { z } from 'zod';
import { ONLINE_ACTION_KINDS, PARTNER_KINDS } from '../../prevention';
import { idSchema, isoDateTime } from '../common';
import { eventSummarySchema } from './events';

const day = z.iso.date().describe('YYYY-MM-DD');

export const partnerSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    kind: z.enum(PARTNER_KINDS),
    note: z.string().trim().max(500).default('').describe('What they do in the campaign; for an influencer, the channel'),
  })
  .meta({ id: 'CampaignPartner' });
export type Partner = z.infer<typeof partnerSchema>;

const campaignFields = {
  name: z.string().trim().min(2).max(200),
  goal: z.string().trim().max(2000),
  startsOn: day,
  endsOn: day.nullable().describe('Null while the campaign runs without a planned end'),
  partners: z.array(partnerSchema).max(50),
};

const periodIsOrdered = (v: { startsOn?: string | undefined; endsOn?: string | null | undefined }) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;
const periodMessage = { message: 'The end cannot be before the start', path: ['endsOn'] };

export const createCampaignRequestSchema = z
  .strictObject({
    name: campaignFields.name,
    goal: campaignFields.goal.default(''),
    startsOn: campaignFields.startsOn,
    endsOn: campaignFields.endsOn.default(null),
    partners: campaignFields.partners.default([]),
  })
  .refine(periodIsOrdered, periodMessage)
  .meta({ id: 'CreateCampaignRequest' });
export type CreateCampaignRequest = z.infer<typeof createCampaignRequestSchema>;

/** An edit sends what changes; `partners` replaces the whole list. */
export const updateCampaignRequestSchema = z
  .strictObject({
    name: campaignFields.name.optional(),
    goal: campaignFields.goal.optional(),
    startsOn: campaignFields.startsOn.optional(),
    endsOn: campaignFields.endsOn.optional(),
    partners: campaignFields.partners.optional(),
  })
  .refine(periodIsOrdered, periodMessage)
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change', path: ['name'] })
  .meta({ id: 'UpdateCampaignRequest' });
export type UpdateCampaignRequest = z.infer<typeof updateCampaignRequestSchema>;

const reached = z.number().int().min(0).max(100_000_000);

export const onlineActionRequestSchema = z
  .strictObject({
    kind: z.enum(ONLINE_ACTION_KINDS),
    title: z.string().trim().min(2).max(200),
    platform: z.string().trim().max(100).default('').describe('Instagram, TikTok, YouTube, a portal…'),
    happenedOn: day,
    peopleReached: reached.describe('People reached (the platform’s reach, or the audience of a programme)'),
    engagements: reached.nullable().default(null).describe('Likes, comments, shares, when known'),
    notes: z.string().trim().max(2000).default(''),
  })
  .meta({ id: 'CampaignOnlineActionRequest' });
export type OnlineActionRequest = z.infer<typeof onlineActionRequestSchema>;

export const updateOnlineActionRequestSchema = z
  .strictObject({
    kind: z.enum(ONLINE_ACTION_KINDS).optional(),
    title: z.string().trim().min(2).max(200).optional(),
    platform: z.string().trim().max(100).optional(),
    happenedOn: day.optional(),
    peopleReached: reached.optional(),
    engagements: reached.nullable().optional(),
    notes: z.string().trim().max(2000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change', path: ['title'] })
  .meta({ id: 'UpdateCampaignOnlineActionRequest' });
export type UpdateOnlineActionRequest = z.infer<typeof updateOnlineActionRequestSchema>;

export const onlineActionSchema = z
  .object({
    id: idSchema,
    kind: z.enum(ONLINE_ACTION_KINDS),
    title: z.string(),
    platform: z.string(),
    happenedOn: day,
    peopleReached: z.number().int(),
    engagements: z.number().int().nullable(),
    notes: z.string(),
  })
  .meta({ id: 'CampaignOnlineAction' });
export type OnlineAction = z.infer<typeof onlineActionSchema>;

/** Computed on every read from the events and online actions; never stored. */
export const campaignFiguresSchema = z
  .object({
    peopleReached: z.number().int().describe('audienceAtEvents + reachedOnline'),
    audienceAtEvents: z.number().int().describe('Everyone counted at the held events (pupils, parents, teachers, others)'),
    reachedOnline: z.number().int().describe('People reached by the online actions'),
    engagements: z.number().int().describe('Engagements of the online actions, where known'),
    eventsHeld: z.number().int(),
    eventsPlanned: z.number().int().describe('Planned and not yet held or cancelled'),
    municipalitiesCovered: z.number().int().describe('Distinct municipalities of the held events'),
    onlineActions: z.number().int(),
  })
  .meta({ id: 'CampaignFigures' });
export type CampaignFigures = z.infer<typeof campaignFiguresSchema>;

export const campaignSummarySchema = z
  .object({
    id: idSchema,
    number: z.string(),
    name: z.string(),
    goal: z.string(),
    startsOn: day,
    endsOn: day.nullable(),
    partners: z.array(partnerSchema),
    figures: campaignFiguresSchema,
  })
  .meta({ id: 'CampaignSummary' });
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

/** One event of a campaign: a stop of the tour or another activity. */
export const campaignEventSchema = eventSummarySchema
  .pick({ id: true, number: true, type: true, status: true, title: true, startsAt: true, endsAt: true, municipalityId: true, districtId: true, venue: true, schoolName: true })
  .extend({ audience: z.number().int().nullable().describe('Everyone counted, once the event is recorded as held') })
  .meta({ id: 'CampaignEvent' });
export type CampaignEvent = z.infer<typeof campaignEventSchema>;

export const campaignSchema = campaignSummarySchema
  .extend({
    onlineActions: z.array(onlineActionSchema),
    route: z.array(campaignEventSchema).describe('The tour: city-stop events in date order'),
    otherEvents: z.array(campaignEventSchema).describe('The campaign’s other events (presentations…) in date order'),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'Campaign' });
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignListResponseSchema = z.object({ campaigns: z.array(campaignSummarySchema) });
export const campaignIdParamsSchema = z.strictObject({ id: idSchema });
export const onlineActionParamsSchema = z.strictObject({ id: idSchema, actionId: idSchema });
export const campaignResponseSchema = z.object({ campaign: campaignSchema });
export const createdResponseSchema = z.object({ id: idSchema });
