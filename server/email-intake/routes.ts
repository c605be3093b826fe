// The helpline mailbox: threads read over IMAP, replies sent over SMTP.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';

export async function inboxRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
