// Anonymous live chat: the public side, the counsellors' side and the WebSocket.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';

export async function chatRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
