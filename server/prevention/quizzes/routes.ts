// /api/v1/quiz-questions: the question bank (coordinators); /api/v1/events/:id/quiz: the quiz
// of one event — attach or change (coordinators), open and close its phases (coordinators and
// the event's presenters), and its results. Pupils answer on the public page (page.tsx).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorSchema, okSchema } from '../../../common/schemas/common';
import {
  attachQuizRequestSchema,
  createQuizQuestionRequestSchema,
  createQuizQuestionResponseSchema,
  eventQuizParamsSchema,
  eventQuizResponseSchema,
  quizPhaseRequestSchema,
  quizQuestionIdParamsSchema,
  quizQuestionListQuerySchema,
  quizQuestionListResponseSchema,
  quizQuestionResponseSchema,
  quizResultsSchema,
  updateQuizQuestionRequestSchema,
} from '../../../common/schemas/prevention/quizzes';
import { requireActor } from '../../auth/request';
import { createQuestion, deleteQuestion, getQuestion, listQuestions, updateQuestion } from './questions';
import { attachQuiz, getEventQuiz, quizResults, removeQuiz, setQuizPhase } from './quizzes';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['quizzes'];

export async function quizRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (request: FastifyRequest) => requireActor(request).actor;
  /** Where pupils open the quiz: PUBLIC_BASE_URL, or the address the console itself was reached at. */
  const originOf = (request: FastifyRequest) => ctx.config.publicBaseUrl ?? `${request.protocol}://${request.host}`;

  api.get('/api/v1/quiz-questions', {
    schema: { tags, summary: 'The question bank, by topic (coordinators)', querystring: quizQuestionListQuerySchema, response: { 200: quizQuestionListResponseSchema, ...errors } },
    handler: async (request) => ({ questions: await listQuestions(ctx, actorOf(request), request.query) }),
  });
  api.post('/api/v1/quiz-questions', {
    schema: {
      tags,
      summary: 'Write a question: Serbian in Cyrillic (Latin is generated) and English, 3–4 options, one right (coordinators; audited)',
      body: createQuizQuestionRequestSchema,
      response: { 201: createQuizQuestionResponseSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send({ id: await createQuestion(ctx, actorOf(request), request.body) }),
  });
  api.get('/api/v1/quiz-questions/:id', {
    schema: { tags, summary: 'One question of the bank', params: quizQuestionIdParamsSchema, response: { 200: quizQuestionResponseSchema, ...errors } },
    handler: async (request) => ({ question: await getQuestion(ctx, actorOf(request), request.params.id) }),
  });
  api.patch('/api/v1/quiz-questions/:id', {
    schema: {
      tags,
      summary: 'Change, retire (isActive false) or mark reviewed a question; a question a quiz has used keeps its wording and answer (409 question_in_use)',
      params: quizQuestionIdParamsSchema,
      body: updateQuizQuestionRequestSchema,
      response: { 200: quizQuestionResponseSchema, ...errors },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await updateQuestion(ctx, actor, request.params.id, request.body);
      return { question: await getQuestion(ctx, actor, request.params.id) };
    },
  });
  api.delete('/api/v1/quiz-questions/:id', {
    schema: {
      tags,
      summary: 'Delete a question no quiz has used (a used or starter question is retired instead: 409)',
      params: quizQuestionIdParamsSchema,
      response: { 200: okSchema, ...errors },
    },
    handler: async (request) => {
      await deleteQuestion(ctx, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  api.get('/api/v1/events/:id/quiz', {
    schema: {
      tags,
      summary: "The event's quiz (null when none): questions, phase, code, short link and its QR code (SVG), answer counts, and what the caller may do",
      params: eventQuizParamsSchema,
      response: { 200: eventQuizResponseSchema, ...errors },
    },
    handler: async (request) => getEventQuiz(ctx, actorOf(request), request.params.id, originOf(request)),
  });
  api.put('/api/v1/events/:id/quiz', {
    schema: {
      tags,
      summary: 'Attach a quiz of 3–10 active questions to the event, or change its questions while closed and unanswered (coordinators; audited)',
      params: eventQuizParamsSchema,
      body: attachQuizRequestSchema,
      response: { 200: eventQuizResponseSchema, 201: eventQuizResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const isNew = await attachQuiz(ctx, actor, request.params.id, request.body);
      return reply.code(isNew ? 201 : 200).send(await getEventQuiz(ctx, actor, request.params.id, originOf(request)));
    },
  });
  api.delete('/api/v1/events/:id/quiz', {
    schema: { tags, summary: 'Remove a quiz nobody has answered (coordinators; audited)', params: eventQuizParamsSchema, response: { 200: okSchema, ...errors } },
    handler: async (request) => {
      await removeQuiz(ctx, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });
  api.post('/api/v1/events/:id/quiz/phase', {
    schema: {
      tags,
      summary:
        "Open the before ('pre') or after ('post') phase, or close the quiz (coordinators and the event's presenters; audited). Opening makes the event code if needed; refused before the event day (too_early), after the code expires (event_over), and for 'pre' once 'post' has opened (post_started)",
      params: eventQuizParamsSchema,
      body: quizPhaseRequestSchema,
      response: { 200: eventQuizResponseSchema, ...errors },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await setQuizPhase(ctx, actor, request.params.id, request.body.phase);
      return getEventQuiz(ctx, actor, request.params.id, originOf(request));
    },
  });
  api.get('/api/v1/events/:id/quiz/results', {
    schema: {
      tags,
      summary: 'Answers before and after, and per question the share of right answers before and after and the change (coordinators and presenters)',
      params: eventQuizParamsSchema,
      response: { 200: quizResultsSchema, ...errors },
    },
    handler: async (request) => quizResults(ctx, actorOf(request), request.params.id),
  });
}
