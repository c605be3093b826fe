// Prevention texts: quizzes (console and, where it has one, its public page). Serbian is written
// once, in Cyrillic; sr-Latn is derived.
export const preventionQuizzesMessages = {
  'sr-Cyrl': {},
  en: {},
};
