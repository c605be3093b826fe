// The advice texts (public site and console). Serbian is written once, in Cyrillic; sr-Latn is derived.
export const adviceMessages = {
  'sr-Cyrl': {},
  en: {},
};
