// Small helpers the quiz screens share: option letters, shares as percentages, the server's
// refusal codes as sentences, and field errors by their exact path (sr.options.1).
import type { TFunction } from 'i18next';
import type { ApiError } from '../../api';
import { describeError } from '../../errors';
import type { Language } from '../../../../common/roles';

export const optionLetter = (index: number) => String.fromCharCode(65 + index);

const LOCALES: Record<Language, string> = { 'sr-Cyrl': 'sr-Cyrl-RS', 'sr-Latn': 'sr-Latn-RS', en: 'en-GB' };

/** 0.456 → "46 %" (Serbian) or "46%" (English); null → the dash. */
export function percent(share: number | null, language: Language, noValue: string): string {
  if (share === null) return noValue;
  return new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A change in percentage points, always signed: +32, −5, 0. */
export function signedPoints(change: number, language: Language): string {
  const points = Math.round(change * 100);
  return new Intl.NumberFormat(LOCALES[language], { signDisplay: 'exceptZero' }).format(points);
}

/** A refusal the quiz screens know by its code (409 question_in_use…), else the general description. */
export function refusal(t: TFunction, error: ApiError, group: 'bank' | 'panel'): string {
  const key = `prevention.quizzes.${group}.errors.${error.code}`;
  return t(key, { defaultValue: '' }) || describeError(t, error);
}

/** The server's message for exactly this field path or one inside it. */
export function fieldAt(error: ApiError | null, path: string): string | undefined {
  if (!error) return undefined;
  for (const [field, message] of Object.entries(error.fields)) {
    if (field === path || field.startsWith(`${path}.`)) return message;
  }
  return undefined;
}
