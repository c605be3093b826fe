// (Being written: quizPageRoutes.)
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context';

export async function quizPageRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
