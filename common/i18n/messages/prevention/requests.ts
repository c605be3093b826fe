// Prevention texts: requests (console and, where it has one, its public page). Serbian is written
// once, in Cyrillic; sr-Latn is derived.
export const preventionRequestsMessages = {
  'sr-Cyrl': {},
  en: {},
};
