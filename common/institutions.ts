// Institution types: stable codes (the API and the registry use them), shown translated.
export const INSTITUTION_TYPES = ['prosecutor', 'police', 'education', 'social-work', 'health', 'other'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
