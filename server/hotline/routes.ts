// /api/v1/reports: the public submission and follow-up (no account), and the analysts' API.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context';
import { errorSchema, okSchema } from '../../common/schemas/common';
import {
  assessRequestSchema,
  attachmentParamsSchema,
  closeRequestSchema,
  createReportRequestSchema,
  createReportResponseSchema,
  escalateRequestSchema,
  exposureRequestSchema,
  exposureResponseSchema,
  followUpMessageRequestSchema,
  followUpRequestSchema,
  followUpResponseSchema,
  legalBasesResponseSchema,
  messageRequestSchema,
  noticeTakedownRequestSchema,
  openCaseRequestSchema,
  powChallengeResponseSchema,
  reportIdParamsSchema,
  reportListQuerySchema,
  reportListResponseSchema,
  reportResponseSchema,
} from '../../common/schemas/reports';
import { requireActor } from '../auth/request';
import { ATTACHMENT_MAX_COUNT, ATTACHMENT_MAX_BYTES } from '../../common/hotline';
import { checkSolution, issueChallenge } from './pow';
import { submitReport } from './submit';
import { addReporterMessage, followUp } from './follow-up';
import { publicRateLimits } from './rate-limits';
import { publicAdmission } from './admission';
import {
  assessReport,
  claimReport,
  closeReport,
  escalateToCounsellor,
  exposureToday,
  getAttachment,
  getReport,
  listReports,
  markNoticeTakedown,
  messageReporter,
  openCaseFromReport,
  recordExposure,
} from './staff';
import { LEGAL_BASES, LEGAL_BASES_VERSION } from './legal-bases';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 429: errorSchema };
/** Room for the allowed screenshots, base64-encoded, plus the rest of the report. */
export const REPORT_BODY_LIMIT = Math.ceil((ATTACHMENT_MAX_COUNT * ATTACHMENT_MAX_BYTES * 4) / 3) + 64 * 1024;

export async function hotlineRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const limits = publicRateLimits(ctx);
  const admission = publicAdmission(ctx);

  // ----- public -----
  // No request log lines for the public endpoints: a line's precise time could be matched
  // with a report (reports keep only the hour). Errors are still logged.

  api.get('/api/v1/reports/challenge', {
    schema: { tags: ['reports (public)'], summary: 'A proof-of-work challenge for the next submission', response: { 200: powChallengeResponseSchema, 429: errorSchema } },
    logLevel: 'warn',
    config: { rateLimit: limits.challenge },
    handler: async () => issueChallenge(ctx.keys, ctx.config.publicPowDifficulty),
  });

  api.post('/api/v1/reports', {
    schema: {
      tags: ['reports (public)'],
      summary: 'Report harmful or illegal content (anonymous unless contact details are given). 201 = committed.',
      body: createReportRequestSchema,
      response: { 201: createReportResponseSchema, ...errors },
    },
    bodyLimit: REPORT_BODY_LIMIT,
    logLevel: 'warn',
    config: { rateLimit: limits.submission },
    handler: async (request, reply) => {
      const spent = checkSolution(ctx.keys, ctx.config.publicPowDifficulty, request.body.pow);
      return reply.code(201).send(await admission.run(() => submitReport(ctx, request.body, spent)));
    },
  });

  api.post('/api/v1/reports/follow-up', {
    schema: { tags: ['reports (public)'], summary: 'Status and messages of a report, with its receipt', body: followUpRequestSchema, response: { 200: followUpResponseSchema, ...errors } },
    logLevel: 'warn',
    config: { rateLimit: limits.followUp },
    handler: async (request) => followUp(ctx, request.body.receipt),
  });

  api.post('/api/v1/reports/follow-up/messages', {
    schema: { tags: ['reports (public)'], summary: 'Write to the analyst, with the receipt', body: followUpMessageRequestSchema, response: { 201: okSchema, ...errors } },
    logLevel: 'warn',
    config: { rateLimit: limits.followUp },
    handler: async (request, reply) => {
      await addReporterMessage(ctx, request.body.receipt, request.body.body);
      return reply.code(201).send({ ok: true as const });
    },
  });

  // ----- staff -----

  api.get('/api/v1/reports', {
    schema: { tags: ['reports'], summary: 'The report queue (urgent first, then newest), filtered', querystring: reportListQuerySchema, response: { 200: reportListResponseSchema, ...errors } },
    handler: async (request) => listReports(ctx, requireActor(request).actor, request.query),
  });

  api.get('/api/v1/reports/:id', {
    schema: { tags: ['reports'], summary: 'One report with its links, content history, assessments and messages (audited)', params: reportIdParamsSchema, response: { 200: reportResponseSchema, ...errors } },
    handler: async (request) => ({ report: await getReport(ctx, requireActor(request).actor, request.params.id) }),
  });

  const act = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B | null,
    run: (actorAndId: { actor: ReturnType<typeof requireActor>['actor']; id: string }, body: z.infer<B>) => Promise<unknown>,
  ) =>
    api.post(`/api/v1/reports/:id/${path}`, {
      schema: { tags: ['reports'], summary, params: reportIdParamsSchema, ...(body ? { body } : {}), response: { 200: reportResponseSchema, ...errors } },
      handler: async (request) => {
        const { actor } = requireActor(request);
        await run({ actor, id: request.params.id }, request.body as z.infer<B>);
        return { report: await getReport(ctx, actor, request.params.id) };
      },
    });

  act('claim', 'Take the report (assign it to yourself)', null, ({ actor, id }) => claimReport(ctx, actor, id));
  act('assessments', 'Add an assessment (a new version; earlier ones are kept)', assessRequestSchema, ({ actor, id }, b) => assessReport(ctx, actor, id, b));
  act('messages', 'Write to the reporter (they read it with their receipt)', messageRequestSchema, ({ actor, id }, b) => messageReporter(ctx, actor, id, b.body));
  act('close', 'Close the report with a reason', closeRequestSchema, ({ actor, id }, b) => closeReport(ctx, actor, id, b.reason, b.note));
  act('notice-takedown', 'Record a notice-and-takedown request to the platform', noticeTakedownRequestSchema, ({ actor, id }, b) => markNoticeTakedown(ctx, actor, id, b.note));
  act('case', 'Open a case from the report, or attach it to an existing case', openCaseRequestSchema, ({ actor, id }, b) => openCaseFromReport(ctx, actor, id, b));
  act('escalate', 'Hand the report to a counsellor for support (not for abuse material)', escalateRequestSchema, ({ actor, id }, b) => escalateToCounsellor(ctx, actor, id, b.counsellorId));

  api.get('/api/v1/reports/:id/attachments/:attachmentId', {
    schema: { tags: ['reports'], summary: 'One screenshot, on purpose (audited)', params: attachmentParamsSchema, response: { 200: z.unknown().describe('The picture (PNG, JPEG or WebP)'), ...errors } },
    handler: async (request, reply) => {
      const attachment = await getAttachment(ctx, requireActor(request).actor, request.params.id, request.params.attachmentId);
      return reply
        .header('content-type', attachment!.contentType)
        .header('cache-control', 'no-store')
        .header('content-disposition', 'inline')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(attachment!.bytes);
    },
  });

  api.post('/api/v1/reports/:id/exposure', {
    schema: { tags: ['reports'], summary: 'Count time spent on an abuse-material report (the console sends this while one is open)', params: reportIdParamsSchema, body: exposureRequestSchema, response: { 200: exposureResponseSchema, ...errors } },
    handler: async (request) => recordExposure(ctx, requireActor(request).actor, request.params.id, request.body.seconds),
  });

  api.get('/api/v1/hotline/exposure', {
    schema: { tags: ['reports'], summary: 'Your time on abuse-material reports today, and the daily limit', response: { 200: exposureResponseSchema, ...errors } },
    handler: async (request) => exposureToday(ctx, requireActor(request).actor),
  });

  api.get('/api/v1/hotline/legal-bases', {
    schema: { tags: ['reports'], summary: 'Legal bases an assessment may cite (versioned data)', response: { 200: legalBasesResponseSchema, ...errors } },
    handler: async (request) => {
      requireActor(request);
      return { version: LEGAL_BASES_VERSION, legalBases: LEGAL_BASES.map((b) => ({ ...b })) };
    },
  });
}
