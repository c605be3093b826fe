// Staff roles: the one list every part of the platform uses. The code names are a contract
// (data/demo-accounts.json, the API, the audit log); labels live in the i18n catalogues.
export const ROLES = [
  'administrator',
  'supervisor',
  'counsellor',
  'analyst',
  'prevention-coordinator',
  'presenter',
  'institution-contact',
  'peer-educator',
  'dpo',
] as const;

export type Role = (typeof ROLES)[number];

/** Roles whose holders work with case data (reports, contacts, cases, referrals). */
export const CASE_ROLES: readonly Role[] = ['supervisor', 'counsellor', 'analyst', 'institution-contact'];

/** A contact person always belongs to exactly one institution. */
export const INSTITUTION_BOUND_ROLES: readonly Role[] = ['institution-contact'];

export const LANGUAGES = ['sr-Cyrl', 'sr-Latn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'sr-Cyrl';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
