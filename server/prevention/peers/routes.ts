// (Being written: peerRoutes.)
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';

export async function peerRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
