// Small presentation helpers for referrals: the institution's name in the script of the
// interface and the overdue mark (always words and colour, never colour alone).
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/i18n';
import { toLatin } from '../../../common/i18n/translit';

/**
 * A referral carries the institution's name as kept in the registry (Cyrillic); the Latin
 * interface gets it transliterated. (The API gives no English name for a referral yet.)
 */
export function referralInstitutionName(name: string, language: Language): string {
  return language === 'sr-Latn' ? toLatin(name) : name;
}

/** The routing rule that produced a suggestion, in the interface language. */
export function ruleText(rule: string, ruleEn: string, language: Language): string {
  if (language === 'en') return ruleEn;
  return language === 'sr-Latn' ? toLatin(rule) : rule;
}

export function OverdueMark() {
  const { t } = useTranslation();
  return <span className="badge badge-overdue">{t('console.referrals.overdue')}</span>;
}
