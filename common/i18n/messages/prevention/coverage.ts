// Prevention texts: coverage (console and, where it has one, its public page). Serbian is written
// once, in Cyrillic; sr-Latn is derived.
export const preventionCoverageMessages = {
  'sr-Cyrl': {},
  en: {},
};
