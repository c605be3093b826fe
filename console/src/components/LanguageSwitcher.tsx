// The interface language, on every screen. Signed in, the choice is also saved to the account.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage } from '../../../common/i18n';
import { useLanguage } from '../i18n';
import { useSession } from '../session';

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const id = useId();
  const language = useLanguage();
  const { chooseLanguage } = useSession();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        data-testid="language-switcher"
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) chooseLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
