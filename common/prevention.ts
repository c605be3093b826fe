// Prevention and youth participation: the codes every part of it shares (the API, stored rows,
// the figures and the CSV export use them; labels live in the i18n catalogue under
// prevention.codes). Add to a list; never rename or remove a code that is in use.

export const SCHOOL_TYPES = ['primary', 'secondary'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

/** Who may ask for a presentation. */
export const ORGANISATION_TYPES = ['primary-school', 'secondary-school', 'parents-council', 'sports-camp', 'other'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const EVENT_TYPES = [
  'school-pupils',
  'school-parents',
  'school-teachers',
  'campaign-city-stop',
  'sports-camp',
  'peer-training',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** planned → held (audience recorded) or cancelled. */
export const EVENT_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/**
 * Pupils are counted by grade band: primary grades 1–4 (class teaching), 5–8 (subject
 * teaching) and secondary school. Each band is its own column of `events` (pupils_primary_lower…).
 */
export const GRADE_BANDS = ['primary-lower', 'primary-upper', 'secondary'] as const;
export type GradeBand = (typeof GRADE_BANDS)[number];

/** Topics of concern and of presentations (a request's topics, an event's, a quiz question's). */
export const PREVENTION_TOPICS = [
  'online-safety-basics',
  'cyberbullying',
  'hate-speech',
  'grooming',
  'sextortion',
  'sexting',
  'privacy',
  'passwords-and-accounts',
  'excessive-use',
  'gaming',
  'social-networks',
  'fake-news',
  'online-scams',
  'parental-controls',
  'reporting-and-help',
] as const;
export type PreventionTopic = (typeof PREVENTION_TOPICS)[number];

/** Peer educators: an age group, never a date of birth. Minors need recorded parental consent. */
export const PEER_AGE_GROUPS = ['12-14', '15-17', '18-24'] as const;
export type PeerAgeGroup = (typeof PEER_AGE_GROUPS)[number];
export const MINOR_PEER_AGE_GROUPS: readonly PeerAgeGroup[] = ['12-14', '15-17'];

export const PARTNER_KINDS = ['institution', 'organisation', 'company', 'media', 'influencer', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const ONLINE_ACTION_KINDS = ['social-post', 'video', 'live-stream', 'website', 'media', 'other'] as const;
export type OnlineActionKind = (typeof ONLINE_ACTION_KINDS)[number];
