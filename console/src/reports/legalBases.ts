// The legal bases an assessment may cite (versioned data from the server), named in the
// language of the interface: "чл. 185 – …".
import type { TFunction } from 'i18next';
import type { Language } from '../../../common/i18n';
import type { LegalBasis } from '../endpoints';
import { localName } from '../i18n';

export function legalBasisLabel(t: TFunction, basis: LegalBasis, language: Language): string {
  return t('console.hotline.assessments.legalBasisItem', { article: basis.article, title: localName(basis.title, basis.titleEn, language) });
}

/** A cited code as a label; codes from an older list that is no longer served are shown as they are. */
export function legalBasisByCode(t: TFunction, code: string, bases: readonly LegalBasis[], language: Language): string {
  const basis = bases.find((b) => b.code === code);
  return basis ? legalBasisLabel(t, basis, language) : code;
}
