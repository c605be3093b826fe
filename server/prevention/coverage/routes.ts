// (Being written: coverageRoutes.)
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';

export async function coverageRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
