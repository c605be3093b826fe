// (Being written: campaignRoutes.)
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';

export async function campaignRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
