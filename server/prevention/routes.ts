// Prevention and youth participation: every route of its parts, registered together.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';
import { schoolRoutes } from './schools/routes';
import { campaignRoutes } from './campaigns/routes';
import { eventRoutes } from './events/routes';
import { requestRoutes } from './requests/routes';
import { requestPageRoutes } from './requests/page';
import { quizRoutes } from './quizzes/routes';
import { quizPageRoutes } from './quizzes/page';
import { peerRoutes } from './peers/routes';
import { coverageRoutes } from './coverage/routes';

export async function preventionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  for (const routes of [schoolRoutes, campaignRoutes, eventRoutes, requestRoutes, requestPageRoutes, quizRoutes, quizPageRoutes, peerRoutes, coverageRoutes]) {
    await routes(app, ctx);
  }
}
