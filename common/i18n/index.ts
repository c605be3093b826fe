// i18n for the public site (server-rendered) and the staff console: i18next with catalogues
// written in Cyrillic and English; the sr-Latn catalogue is derived by transliteration.
// Plurals use i18next's _one/_few/_other keys, chosen by Intl.PluralRules for each language.
import i18next, { type i18n as I18n, type TFunction } from 'i18next';
import { LANGUAGES, DEFAULT_LANGUAGE, type Language, isLanguage } from '../roles';
import { catalogueToLatin, toLatin } from './translit';
import { sharedMessages } from './messages/shared';
import { publicMessages } from './messages/public';
import { consoleMessages } from './messages/console';
import { helplineMessages } from './messages/helpline';
import { chatMessages } from './messages/chat';
import { adviceMessages } from './messages/advice';
import { inboxMessages } from './messages/inbox';
import { preventionMessages } from './messages/prevention';

export type { Language };
export { LANGUAGES, DEFAULT_LANGUAGE, isLanguage };

type Catalogue = Record<string, unknown>;

function merge(lang: 'sr-Cyrl' | 'en'): Catalogue {
  return {
    ...sharedMessages[lang],
    public: publicMessages[lang],
    console: consoleMessages[lang],
    helpline: helplineMessages[lang],
    chat: chatMessages[lang],
    advice: adviceMessages[lang],
    inbox: inboxMessages[lang],
    prevention: preventionMessages[lang],
  };
}

export const catalogues: Record<Language, Catalogue> = (() => {
  const cyrillic = merge('sr-Cyrl');
  return { 'sr-Cyrl': cyrillic, 'sr-Latn': catalogueToLatin(cyrillic), en: merge('en') };
})();

export function createI18n(language: Language = DEFAULT_LANGUAGE): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LANGUAGES],
    nonExplicitSupportedLngs: false,
    load: 'currentOnly',
    initAsync: false,
    resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { translation: catalogues[lng] }])),
    interpolation: { escapeValue: false }, // React and the server renderer escape on output
    returnNull: false,
  });
  return instance;
}

const fixed = new Map<Language, TFunction>();
/** A translation function bound to one language (cached; i18next instances are not cheap). */
export function translator(language: Language): TFunction {
  let t = fixed.get(language);
  if (!t) {
    t = createI18n(language).t;
    fixed.set(language, t);
  }
  return t;
}

/** Language names in their own script, for the language switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  'sr-Cyrl': 'Српски (ћирилица)',
  'sr-Latn': toLatin('Српски (латиница)'),
  en: 'English',
};
