// /api/v1/peer-cohorts, /api/v1/peer-training-modules, /api/v1/peer-educators (coordinators:
// the young people, their modules, consent, certification, account, deletion on request) and
// /api/v1/peer-sessions (peer educators record their own; coordinators confirm or return).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorSchema } from '../../../common/schemas/common';
import {
  certifyPeerEducatorRequestSchema,
  createdSchema,
  createPeerCohortRequestSchema,
  createPeerEducatorRequestSchema,
  createPeerTrainingModuleRequestSchema,
  idParamsSchema,
  linkPeerAccountRequestSchema,
  myPeerEducatorResponseSchema,
  peerAccountListResponseSchema,
  peerCohortListResponseSchema,
  peerCohortResponseSchema,
  peerEducatorListQuerySchema,
  peerEducatorListResponseSchema,
  peerEducatorResponseSchema,
  peerSessionListQuerySchema,
  peerSessionListResponseSchema,
  peerSessionRequestSchema,
  peerSessionResponseSchema,
  peerTrainingModuleListResponseSchema,
  peerTrainingModuleResponseSchema,
  returnPeerSessionRequestSchema,
  setPeerModulesRequestSchema,
  updatePeerCohortRequestSchema,
  updatePeerEducatorRequestSchema,
  updatePeerTrainingModuleRequestSchema,
} from '../../../common/schemas/prevention/peers';
import { requireActor } from '../../auth/request';
import { createModule, listModules, updateModule } from './modules';
import {
  certify,
  createCohort,
  createEducator,
  eraseEducator,
  getEducator,
  linkAccount,
  listCohorts,
  listEducators,
  listUnlinkedAccounts,
  myEducator,
  setModules,
  updateCohort,
  updateEducator,
  withdrawCertification,
} from './peers';
import { decideSession, getSession, listSessions, recordSession, resubmitSession } from './sessions';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['peer educators'];

export async function peerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (request: Parameters<typeof requireActor>[0]) => requireActor(request).actor;

  // ---- cohorts and modules ----
  api.get('/api/v1/peer-cohorts', {
    schema: { tags, summary: 'Cohorts of peer educators, newest first, with how many are in each and certified', response: { 200: peerCohortListResponseSchema, ...errors } },
    handler: async (request) => listCohorts(ctx.db, actorOf(request)),
  });
  api.post('/api/v1/peer-cohorts', {
    schema: { tags, summary: 'Start a cohort', body: createPeerCohortRequestSchema, response: { 201: peerCohortResponseSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await createCohort(ctx, actorOf(request), request.body)),
  });
  api.patch('/api/v1/peer-cohorts/:id', {
    schema: { tags, summary: "Change a cohort's name or period", params: idParamsSchema, body: updatePeerCohortRequestSchema, response: { 200: peerCohortResponseSchema, ...errors } },
    handler: async (request) => updateCohort(ctx, actorOf(request), request.params.id, request.body),
  });
  api.get('/api/v1/peer-training-modules', {
    schema: { tags, summary: 'The training modules (a starting set is added on every start; inactive ones included)', response: { 200: peerTrainingModuleListResponseSchema, ...errors } },
    handler: async (request) => listModules(ctx.db, actorOf(request)),
  });
  api.post('/api/v1/peer-training-modules', {
    schema: { tags, summary: 'Add a training module (names in Cyrillic and English)', body: createPeerTrainingModuleRequestSchema, response: { 201: peerTrainingModuleResponseSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await createModule(ctx, actorOf(request), request.body)),
  });
  api.patch('/api/v1/peer-training-modules/:id', {
    schema: {
      tags,
      summary: 'Rename, reorder or switch off a training module (an inactive module is not needed for certification)',
      params: idParamsSchema,
      body: updatePeerTrainingModuleRequestSchema,
      response: { 200: peerTrainingModuleResponseSchema, ...errors },
    },
    handler: async (request) => updateModule(ctx, actorOf(request), request.params.id, request.body),
  });

  // ---- peer educators ----
  api.get('/api/v1/peer-educators', {
    schema: { tags, summary: 'Peer educators (first name and initial; audited), optionally of one cohort', querystring: peerEducatorListQuerySchema, response: { 200: peerEducatorListResponseSchema, ...errors } },
    handler: async (request) => listEducators(ctx, actorOf(request), request.query),
  });
  api.post('/api/v1/peer-educators', {
    schema: {
      tags,
      summary: 'Add a peer educator: first name, initial, age group, municipality or school; a minor needs the parental consent record',
      body: createPeerEducatorRequestSchema,
      response: { 201: createdSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await createEducator(ctx, actorOf(request), request.body)),
  });
  api.get('/api/v1/peer-educators/accounts', {
    schema: { tags, summary: 'Active peer-educator accounts not yet linked to a peer educator (id and name)', response: { 200: peerAccountListResponseSchema, ...errors } },
    handler: async (request) => listUnlinkedAccounts(ctx.db, actorOf(request)),
  });
  api.get('/api/v1/peer-educators/me', {
    schema: { tags, summary: "The signed-in peer educator's own record (null when the account is not linked)", response: { 200: myPeerEducatorResponseSchema, ...errors } },
    handler: async (request) => myEducator(ctx, actorOf(request)),
  });
  api.get('/api/v1/peer-educators/:id', {
    schema: { tags, summary: 'One peer educator with modules, consent and account (audited)', params: idParamsSchema, response: { 200: peerEducatorResponseSchema, ...errors } },
    handler: async (request) => getEducator(ctx, actorOf(request), request.params.id),
  });
  api.patch('/api/v1/peer-educators/:id', {
    schema: { tags, summary: 'Change a peer educator (a minor keeps a consent record)', params: idParamsSchema, body: updatePeerEducatorRequestSchema, response: { 200: peerEducatorResponseSchema, ...errors } },
    handler: async (request) => updateEducator(ctx, actorOf(request), request.params.id, request.body),
  });
  api.put('/api/v1/peer-educators/:id/modules', {
    schema: {
      tags,
      summary: 'The training modules a peer educator completed and when (replaces the list)',
      params: idParamsSchema,
      body: setPeerModulesRequestSchema,
      response: { 200: peerEducatorResponseSchema, ...errors },
    },
    handler: async (request) => setModules(ctx, actorOf(request), request.params.id, request.body),
  });
  api.post('/api/v1/peer-educators/:id/certification', {
    schema: {
      tags,
      summary: 'Certify a peer educator who completed every active module (409 modules_incomplete otherwise)',
      params: idParamsSchema,
      body: certifyPeerEducatorRequestSchema,
      response: { 200: peerEducatorResponseSchema, ...errors },
    },
    handler: async (request) => certify(ctx, actorOf(request), request.params.id, request.body.certifiedOn),
  });
  api.delete('/api/v1/peer-educators/:id/certification', {
    schema: { tags, summary: 'Withdraw a certification given by mistake', params: idParamsSchema, response: { 200: peerEducatorResponseSchema, ...errors } },
    handler: async (request) => withdrawCertification(ctx, actorOf(request), request.params.id),
  });
  api.put('/api/v1/peer-educators/:id/account', {
    schema: {
      tags,
      summary: 'Link the console account the peer educator signs in with (userId null unlinks)',
      params: idParamsSchema,
      body: linkPeerAccountRequestSchema,
      response: { 200: peerEducatorResponseSchema, ...errors },
    },
    handler: async (request) => linkAccount(ctx, actorOf(request), request.params.id, request.body.userId),
  });
  api.post('/api/v1/peer-educators/:id/erase', {
    schema: {
      tags,
      summary:
        "Delete a peer educator's personal data on request: name, initial, school and the consent-giver's name are blanked, the account is closed and unlinked; cohort, municipality, age group, modules, certification and sessions stay for the counts",
      params: idParamsSchema,
      response: { 200: peerEducatorResponseSchema, ...errors },
    },
    handler: async (request) => eraseEducator(ctx, actorOf(request), request.params.id),
  });

  // ---- peer sessions ----
  api.get('/api/v1/peer-sessions', {
    schema: {
      tags,
      summary: "Peer sessions, newest first: a peer educator's own, or every one for coordinators (with names; audited)",
      querystring: peerSessionListQuerySchema,
      response: { 200: peerSessionListResponseSchema, ...errors },
    },
    handler: async (request) => listSessions(ctx, actorOf(request), request.query),
  });
  api.post('/api/v1/peer-sessions', {
    schema: {
      tags,
      summary: 'A peer educator records a session they held (403 not_linked for an account not linked to a peer educator)',
      body: peerSessionRequestSchema,
      response: { 201: createdSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await recordSession(ctx, actorOf(request), request.body)),
  });
  api.get('/api/v1/peer-sessions/:id', {
    schema: { tags, summary: 'One peer session (only their own for a peer educator)', params: idParamsSchema, response: { 200: peerSessionResponseSchema, ...errors } },
    handler: async (request) => getSession(ctx, actorOf(request), request.params.id),
  });
  api.put('/api/v1/peer-sessions/:id', {
    schema: {
      tags,
      summary: 'The peer educator corrects their session not yet confirmed; a returned one is resubmitted',
      params: idParamsSchema,
      body: peerSessionRequestSchema,
      response: { 200: peerSessionResponseSchema, ...errors },
    },
    handler: async (request) => resubmitSession(ctx, actorOf(request), request.params.id, request.body),
  });
  api.post('/api/v1/peer-sessions/:id/confirm', {
    schema: { tags, summary: 'Confirm a submitted session (it then counts in the figures)', params: idParamsSchema, response: { 200: peerSessionResponseSchema, ...errors } },
    handler: async (request) => decideSession(ctx, actorOf(request), request.params.id, { confirm: true }),
  });
  api.post('/api/v1/peer-sessions/:id/return', {
    schema: {
      tags,
      summary: 'Return a submitted session to the peer educator with what to fix',
      params: idParamsSchema,
      body: returnPeerSessionRequestSchema,
      response: { 200: peerSessionResponseSchema, ...errors },
    },
    handler: async (request) => decideSession(ctx, actorOf(request), request.params.id, { returnReason: request.body.reason }),
  });
}
