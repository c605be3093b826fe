// Who may answer the live chat. Counsellors and supervisors take chats from the queue; only
// the counsellor who holds a chat writes in it, transfers it or ends it (a supervisor may
// step in on any). Nobody else sees chats; transcripts are read through their contact.
import type { Policy, Scope } from '../auth/policy';

export type ChatAction = 'answer' | 'write';
interface ChatRecord {
  counsellorId: string | null;
}

const heldByMe: Scope<ChatRecord, 'chats'> = {
  description: 'chats they hold',
  test: (actor, chat) => chat.counsellorId === actor.id,
  sql: (eb, actor) => eb('chats.counsellorId', '=', actor.id),
};

export const chatPolicy: Policy<ChatAction, ChatRecord, 'chats'> = {
  answer: { counsellor: true, supervisor: true },
  write: { counsellor: heldByMe, supervisor: true },
};
