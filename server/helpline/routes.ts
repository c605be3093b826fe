// Helpline contacts: logging, search, repeat callers, escalation.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';

export async function contactRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
