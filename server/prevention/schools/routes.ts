// (Being written: schoolRoutes.)
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';

export async function schoolRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
