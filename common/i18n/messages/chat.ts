// The chat texts (public site and console). Serbian is written once, in Cyrillic; sr-Latn is derived.
export const chatMessages = {
  'sr-Cyrl': {},
  en: {},
};
