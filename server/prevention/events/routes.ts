// (Being written: eventRoutes.)
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';

export async function eventRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
