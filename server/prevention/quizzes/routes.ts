// (Being written: quizRoutes.)
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';

export async function quizRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
