// /api/v1/prevention/coverage, /inactive-municipalities, /figures and /figures.csv: the
// coverage map, the municipalities with no activity and the figures for the centre's reports
// (coordinators and supervisors; counts only).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { errorSchema } from '../../../common/schemas/common';
import {
  coverageResponseSchema,
  figuresCsvQuerySchema,
  figuresResponseSchema,
  inactiveMunicipalitiesResponseSchema,
  periodQuerySchema,
} from '../../../common/schemas/prevention/coverage';
import { requireActor } from '../../auth/request';
import { districtCoverage, inactiveMunicipalities } from './coverage';
import { figuresCsv, preventionFigures } from './figures';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };
const tags = ['prevention'];

export async function coverageRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const actorOf = (request: Parameters<typeof requireActor>[0]) => requireActor(request).actor;

  api.get('/api/v1/prevention/coverage', {
    schema: {
      tags,
      summary: 'Per district: events held, people reached, schools visited, confirmed peer sessions (period: Belgrade days, the current year by default)',
      querystring: periodQuerySchema,
      response: { 200: coverageResponseSchema, ...errors },
    },
    handler: async (request) => districtCoverage(ctx, actorOf(request), request.query),
  });
  api.get('/api/v1/prevention/inactive-municipalities', {
    schema: {
      tags,
      summary: 'Municipalities (Belgrade by its city municipalities) with no held event and no confirmed peer session in the last twelve months',
      response: { 200: inactiveMunicipalitiesResponseSchema, ...errors },
    },
    handler: async (request) => inactiveMunicipalities(ctx, actorOf(request)),
  });
  api.get('/api/v1/prevention/figures', {
    schema: {
      tags,
      summary: 'Figures for reports: events by type, audiences, schools visited and their share, knowledge gain from quizzes, peer sessions',
      querystring: periodQuerySchema,
      response: { 200: figuresResponseSchema, ...errors },
    },
    handler: async (request) => preventionFigures(ctx, actorOf(request), request.query),
  });
  api.get('/api/v1/prevention/figures.csv', {
    schema: {
      tags,
      summary: 'The same figures and the per-district coverage as a CSV download (UTF-8 with BOM; one figure a row: section, item, figure, value)',
      querystring: figuresCsvQuerySchema,
      produces: ['text/csv'],
      response: {
        200: { description: 'The CSV file (content-disposition: attachment)', content: { 'text/csv': { schema: z.string() } } },
        ...errors,
      },
    },
    handler: async (request, reply) => {
      const { language, ...period } = request.query;
      const { filename, csv } = await figuresCsv(ctx, actorOf(request), period, language ?? 'sr-Cyrl');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  });
}
