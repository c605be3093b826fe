// (Being written: requestRoutes.)
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';

export async function requestRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
