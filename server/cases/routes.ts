// /api/v1/cases: open a case from reports and contacts, list, read (audited), change its
// status, priority and assignee, add reports and contacts, tasks and notes. Forwarding a case
// to an institution is in referrals/routes.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../context';
import { errorSchema, okSchema } from '../../common/schemas/common';
import {
  caseIdParamsSchema,
  caseListQuerySchema,
  caseListResponseSchema,
  caseResponseSchema,
  createNoteRequestSchema,
  createTaskRequestSchema,
  linkToCaseRequestSchema,
  openCaseRequestSchema,
  openCaseResponseSchema,
  taskParamsSchema,
  updateCaseRequestSchema,
  updateTaskRequestSchema,
} from '../../common/schemas/cases';
import { requireActor } from '../auth/request';
import { addNote, addTask, getCase, linkToCase, listCases, openCase, setTaskDone, updateCase } from './cases';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['cases'];

export async function caseRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (request: Parameters<typeof requireActor>[0]) => requireActor(request).actor;

  api.post('/api/v1/cases', {
    schema: { tags, summary: 'Open a case from reports and helpline contacts', body: openCaseRequestSchema, response: { 201: openCaseResponseSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send({ id: await openCase(ctx, actorOf(request), request.body) }),
  });
  api.get('/api/v1/cases', {
    schema: { tags, summary: 'Cases (a counsellor sees those assigned to or opened by them)', querystring: caseListQuerySchema, response: { 200: caseListResponseSchema, ...errors } },
    handler: async (request) => listCases(ctx, actorOf(request), request.query),
  });
  api.get('/api/v1/cases/:id', {
    schema: { tags, summary: 'A case with its reports, contacts, referrals, tasks, notes and timeline (audited)', params: caseIdParamsSchema, response: { 200: caseResponseSchema, ...errors } },
    handler: async (request) => ({ case: await getCase(ctx, actorOf(request), request.params.id) }),
  });
  api.patch('/api/v1/cases/:id', {
    schema: { tags, summary: 'Change the title, status, priority or assignee', params: caseIdParamsSchema, body: updateCaseRequestSchema, response: { 200: okSchema, ...errors } },
    handler: async (request) => {
      await updateCase(ctx, actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });
  api.post('/api/v1/cases/:id/links', {
    schema: { tags, summary: 'Add reports and contacts to the case', params: caseIdParamsSchema, body: linkToCaseRequestSchema, response: { 200: okSchema, ...errors } },
    handler: async (request) => {
      await linkToCase(ctx, actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });
  api.post('/api/v1/cases/:id/tasks', {
    schema: { tags, summary: 'Add a follow-up task with a due date', params: caseIdParamsSchema, body: createTaskRequestSchema, response: { 201: openCaseResponseSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send({ id: await addTask(ctx, actorOf(request), request.params.id, request.body) }),
  });
  api.patch('/api/v1/cases/:id/tasks/:taskId', {
    schema: { tags, summary: 'Mark a task done (or not)', params: taskParamsSchema, body: updateTaskRequestSchema, response: { 200: okSchema, ...errors } },
    handler: async (request) => {
      await setTaskDone(ctx, actorOf(request), request.params.id, request.params.taskId, request.body.done);
      return { ok: true as const };
    },
  });
  api.post('/api/v1/cases/:id/notes', {
    schema: { tags, summary: 'Add a note to the case', params: caseIdParamsSchema, body: createNoteRequestSchema, response: { 201: okSchema, ...errors } },
    handler: async (request, reply) => {
      await addNote(ctx, actorOf(request), request.params.id, request.body.body);
      return reply.code(201).send({ ok: true as const });
    },
  });
}
