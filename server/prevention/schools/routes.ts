// /api/v1/schools: the registry (list with filters and search, one school, create, edit) and
// the all-or-nothing CSV import with its dry run.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { errorSchema, okSchema } from '../../../common/schemas/common';
import {
  createSchoolRequestSchema,
  createSchoolResponseSchema,
  importRejectedSchema,
  importSchoolsQuerySchema,
  importSchoolsRequestSchema,
  importSchoolsResponseSchema,
  MAX_IMPORT_CHARS,
  schoolIdParamsSchema,
  schoolListQuerySchema,
  schoolListResponseSchema,
  schoolResponseSchema,
  updateSchoolRequestSchema,
} from '../../../common/schemas/prevention/schools';
import { requireActor } from '../../auth/request';
import { can } from '../../auth/policy';
import { forbidden } from '../../http/errors';
import { schoolPolicy } from '../policy';
import { createSchool, getSchool, listSchools, updateSchool } from './schools';
import { ImportRejectedError, importSchools } from './import';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['prevention'];
// Cyrillic is two bytes a character in UTF-8, and JSON escapes may add more.
const IMPORT_BODY_LIMIT = MAX_IMPORT_CHARS * 2 + 64 * 1024;

export async function schoolRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (request: Parameters<typeof requireActor>[0]) => requireActor(request).actor;

  api.get('/api/v1/schools', {
    schema: { tags, summary: 'Schools in the registry, by name, with filters and search in either script', querystring: schoolListQuerySchema, response: { 200: schoolListResponseSchema, ...errors } },
    handler: async (request) => listSchools(ctx, actorOf(request), request.query),
  });
  api.post('/api/v1/schools', {
    schema: { tags, summary: 'Register a school (coordinators)', body: createSchoolRequestSchema, response: { 201: createSchoolResponseSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send({ id: await createSchool(ctx, actorOf(request), request.body) }),
  });
  api.post('/api/v1/schools/import', {
    bodyLimit: IMPORT_BODY_LIMIT,
    // The large body is read only for someone who may import (the session is known by now).
    preParsing: async (request, _reply, payload) => {
      if (!can(schoolPolicy, actorOf(request), 'manage')) throw forbidden();
      return payload;
    },
    schema: {
      tags,
      summary: 'Import schools from CSV (coordinators): all rows or none',
      description:
        'Send the file as text in `csv`. Every row is checked first; if any has a problem, nothing is imported and the answer is ' +
        '400 `import_rejected` with every problem (line, column, problem code). Otherwise all rows are written in one transaction; ' +
        'a row whose code, or else whose name in its municipality, is already registered updates that school. `?dryRun=true` ' +
        'checks and reports what would be created and updated without writing.',
      querystring: importSchoolsQuerySchema,
      body: importSchoolsRequestSchema,
      response: { 200: importSchoolsResponseSchema, ...errors, 400: importRejectedSchema },
    },
    handler: async (request, reply) => {
      try {
        return await importSchools(ctx, actorOf(request), request.body.csv, { dryRun: request.query.dryRun === 'true' });
      } catch (error) {
        if (!(error instanceof ImportRejectedError)) throw error;
        return reply.code(400).send({
          error: { code: 'import_rejected', message: error.message, fields: { csv: error.message } },
          problems: error.problems,
        });
      }
    },
  });
  api.get('/api/v1/schools/:id', {
    schema: { tags, summary: 'One school, with the events held there', params: schoolIdParamsSchema, response: { 200: schoolResponseSchema, ...errors } },
    handler: async (request) => ({ school: await getSchool(ctx, actorOf(request), request.params.id) }),
  });
  api.patch('/api/v1/schools/:id', {
    schema: { tags, summary: 'Change a school, or take it out of the lists (coordinators)', params: schoolIdParamsSchema, body: updateSchoolRequestSchema, response: { 200: okSchema, ...errors } },
    handler: async (request) => {
      await updateSchool(ctx, actorOf(request), request.params.id, request.body);
      return { ok: true as const };
    },
  });
}
