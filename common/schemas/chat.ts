// The live chat: opening one (public), the counsellors' queue and actions. The messages
// themselves travel over the WebSockets described in docs/ARCHITECTURE.md.
import { z } from 'zod';
import { CHAT_AGE_GROUPS } from '../helpline';
import { LANGUAGES } from '../roles';
import { idSchema, isoDateTime } from './common';

export const chatStatusQuerySchema = z.strictObject({});
export const chatStatusResponseSchema = z.object({
  isOpen: z.boolean(),
  opensAt: isoDateTime.nullable().describe('When closed: the next opening'),
  closesAt: isoDateTime.nullable().describe('When open: closing time today'),
  waiting: z.number().int().describe('Chats waiting in the queue now'),
});

export const openChatRequestSchema = z.strictObject({
  language: z.enum(LANGUAGES),
  nickname: z.string().trim().max(40).optional().describe('A first name or nickname, if the visitor wants to give one'),
  ageGroup: z.enum(CHAT_AGE_GROUPS).optional(),
});
export const openChatResponseSchema = z.object({
  chatId: idSchema,
  token: z.string().describe('Proves the chat is the visitor\'s; sent in the socket\'s hello message. Kept only in the tab (sessionStorage).'),
});

export const staffChatSchema = z.object({
  id: idSchema,
  number: z.string(),
  status: z.enum(['waiting', 'active']),
  language: z.enum(LANGUAGES),
  ageGroup: z.string(),
  nickname: z.string().nullable(),
  waitingSince: isoDateTime,
  acceptedAt: isoDateTime.nullable(),
  counsellorId: idSchema.nullable(),
  counsellorName: z.string().nullable(),
  isMine: z.boolean(),
  lastSeq: z.number().int(),
  visitorSeenAt: isoDateTime.describe('Last sign of the visitor (their page reports every 25 s while connected)'),
});
export const staffChatListSchema = z.object({ chats: z.array(staffChatSchema) });
export const chatIdParamsSchema = z.strictObject({ id: idSchema });
export const takenChatResponseSchema = z.object({ chatId: idSchema });
export const transferChatRequestSchema = z.strictObject({ counsellorId: idSchema });
export const endChatResponseSchema = z.object({ contactId: idSchema.nullable().describe('The draft contact the counsellor completes') });
export const snippetsQuerySchema = z.strictObject({ language: z.enum(LANGUAGES).optional() });
export const snippetsResponseSchema = z.object({ snippets: z.array(z.object({ id: z.string(), title: z.string(), body: z.string() })) });
export const counsellorsResponseSchema = z.object({
  counsellors: z.array(z.object({ id: idSchema, name: z.string(), activeChats: z.number().int() })),
});
