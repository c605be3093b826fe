// Who may do what in prevention and youth participation. Coordinators plan and run it all;
// presenters see the calendar and campaigns and work on the events they present; peer
// educators record their own peer sessions and see nothing else of anyone's; supervisors read
// the figures. Nothing here grants case data.
import type { Policy, Scope } from '../auth/policy';

/** What a scope needs to know of one event: who presents it. */
export interface EventAccess {
  presenterIds: readonly string[];
}

const ownEvent: Scope<EventAccess, 'events'> = {
  description: 'events they present',
  test: (actor, event) => event.presenterIds.includes(actor.id),
  sql: (eb, actor) =>
    eb.exists(
      eb
        .selectFrom('eventPresenters')
        .select('eventPresenters.userId')
        .whereRef('eventPresenters.eventId', '=', 'events.id')
        .where('eventPresenters.userId', '=', actor.id),
    ),
};

export const schoolPolicy: Policy<'list' | 'readContacts' | 'manage'> = {
  list: { 'prevention-coordinator': true, presenter: true, 'peer-educator': true, supervisor: true },
  /** The school's contact person, e-mail and phone: for those who arrange visits, not for peer educators or supervisors. */
  readContacts: { 'prevention-coordinator': true, presenter: true },
  manage: { 'prevention-coordinator': true },
};

export const presentationRequestPolicy: Policy<'list' | 'decide'> = {
  list: { 'prevention-coordinator': true },
  decide: { 'prevention-coordinator': true },
};

export const eventPolicy: Policy<'list' | 'read' | 'create' | 'edit' | 'record' | 'cancel', EventAccess, 'events'> = {
  // The calendar shows everyone's events to the whole prevention team.
  list: { 'prevention-coordinator': true, presenter: true },
  read: { 'prevention-coordinator': true, presenter: true },
  create: { 'prevention-coordinator': true },
  edit: { 'prevention-coordinator': true, presenter: ownEvent },
  /** Audience counts, duration, notes and photos after the event. */
  record: { 'prevention-coordinator': true, presenter: ownEvent },
  cancel: { 'prevention-coordinator': true },
};

export const campaignPolicy: Policy<'list' | 'manage'> = {
  list: { 'prevention-coordinator': true, presenter: true, supervisor: true },
  manage: { 'prevention-coordinator': true },
};

export const quizPolicy: Policy<'manage' | 'run' | 'results', EventAccess, 'events'> = {
  /** The question bank and attaching a quiz to an event. */
  manage: { 'prevention-coordinator': true },
  /** Open and close the before/after phases and show the code at the event. */
  run: { 'prevention-coordinator': true, presenter: ownEvent },
  results: { 'prevention-coordinator': true, presenter: true },
};

/** Cohorts, peer educators (minors' personal data), training modules, certification. */
export const peerEducatorPolicy: Policy<'manage'> = {
  manage: { 'prevention-coordinator': true },
};

/** What a scope needs to know of one peer session: the account of the peer educator who held it. */
export interface PeerSessionAccess {
  educatorUserId: string | null;
}

const ownSession: Scope<PeerSessionAccess, 'peerSessions'> = {
  description: 'sessions they held',
  test: (actor, session) => session.educatorUserId === actor.id,
  sql: (eb, actor) =>
    eb.exists(
      eb
        .selectFrom('peerEducators')
        .select('peerEducators.id')
        .whereRef('peerEducators.id', '=', 'peerSessions.peerEducatorId')
        .where('peerEducators.userId', '=', actor.id),
    ),
};

export const peerSessionPolicy: Policy<'list' | 'read' | 'record' | 'confirm', PeerSessionAccess, 'peerSessions'> = {
  list: { 'prevention-coordinator': true, 'peer-educator': ownSession },
  read: { 'prevention-coordinator': true, 'peer-educator': ownSession },
  /** A peer educator records sessions as themselves only. */
  record: { 'peer-educator': true },
  confirm: { 'prevention-coordinator': true },
};

/** The coverage map and the figures for the centre's reports (counts only, no personal data). */
export const preventionFiguresPolicy: Policy<'read'> = {
  read: { 'prevention-coordinator': true, supervisor: true },
};
