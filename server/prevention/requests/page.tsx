// (Being written: requestPageRoutes.)
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';

export async function requestPageRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
