// The advice library: staff API and the public pages.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';

export async function adviceRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
