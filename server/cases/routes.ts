// Cases: the centre's working file.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';

export async function caseRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
