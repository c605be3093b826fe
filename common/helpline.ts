// The helpline's codes: stable (the API, stored contacts and statistics use them), shown
// translated. The issue categories are versioned data: each contact stores the version it
// was coded with, so a later change of the list never silently changes old figures.
export const CHANNELS = ['phone', 'chat', 'email', 'web-form', 'social-media', 'in-person', 'school-visit'] as const;
export type Channel = (typeof CHANNELS)[number];

/** `data`: a contact about a child or the caller; the others are counted but carry no case data. */
export const CONTACT_TYPES = ['data', 'silent', 'prank', 'abusive', 'wrong-number', 'thank-you', 'information'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

export const CALLER_TYPES = ['child', 'teen', 'parent', 'teacher', 'professional', 'other-adult'] as const;
export type CallerType = (typeof CALLER_TYPES)[number];

export const CONTACT_AGE_GROUPS = ['0-4', '5-11', '12-14', '15-17', '18+', 'unknown'] as const;
export type ContactAgeGroup = (typeof CONTACT_AGE_GROUPS)[number];

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

export const CONTACT_OUTCOMES = ['advice-given', 'referred-to-hotline', 'case-opened', 'forwarded-to-institution', 'call-back-agreed'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

/** awaiting: came in by e-mail or chat and no counsellor has completed it yet. */
export const CONTACT_STATUSES = ['awaiting', 'draft', 'final'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/**
 * Issue categories: the 16 of the Insafe helpline classification, then the centre's own
 * additions. Change the list only by adding a new version; old contacts keep theirs.
 */
export const CATEGORY_VERSIONS = {
  'insafe-2024+rs-1': [
    'cyberbullying',
    'sextortion',
    'grooming',
    'sexting',
    'e-crime',
    'excessive-use',
    'technical-settings',
    'data-privacy',
    'gaming',
    'love-relationships-sexuality',
    'online-reputation',
    'potentially-harmful-content',
    'hate-speech',
    'advertising-commercialism',
    'media-literacy',
    'sexual-harassment',
    'suicide',
    'self-harm',
    'pornography',
    'fake-news',
    'radicalisation',
  ],
} as const;
export const CURRENT_CATEGORY_VERSION = 'insafe-2024+rs-1' satisfies keyof typeof CATEGORY_VERSIONS;
export const HELPLINE_CATEGORIES = CATEGORY_VERSIONS[CURRENT_CATEGORY_VERSION];
export type HelplineCategory = (typeof HELPLINE_CATEGORIES)[number];

export const CASE_STATUSES = ['open', 'in-progress', 'waiting-institution', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_PRIORITIES = ['normal', 'urgent'] as const;

export const CHAT_STATUSES = ['waiting', 'active', 'ended'] as const;
export type ChatStatus = (typeof CHAT_STATUSES)[number];
/** Who can be on the other end of a chat: the age groups a child or parent picks from. */
export const CHAT_AGE_GROUPS = ['5-11', '12-14', '15-17', '18+', 'unknown'] as const;
export const CHAT_MESSAGE_MAX = 2000;
