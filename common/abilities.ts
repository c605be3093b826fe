// Names of the things a signed-in person may do. The server computes them from the feature
// policies (server/*/policy.ts) and sends them with the session; the console only reads them
// to decide what to show, never to decide what is allowed.
export const ABILITIES = [
  'users.list',
  'users.manage',
  'institutions.list',
  'audit.read',
  'settings.manage',
  'reports.list',
  'reports.work',
  'mailbox.read',
  'contacts.list',
  'contacts.create',
  'cases.list',
  'chats.answer',
  'helpline.supervise',
  'advice.read',
  'advice.edit',
  'inbox.read',
  'schools.list',
  'schools.manage',
  'presentationRequests.list',
  'events.list',
  'events.create',
  'campaigns.list',
  'campaigns.manage',
  'quizzes.manage',
  'peerEducators.manage',
  'peerSessions.record',
  'prevention.figures',
] as const;

export type Ability = (typeof ABILITIES)[number];
export type Abilities = Record<Ability, boolean>;
