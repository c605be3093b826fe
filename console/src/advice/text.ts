// An article's title and summary in the interface language (Serbian Latin generated).
import { toLatin } from '../../../common/i18n/translit';
import type { Language } from '../../../common/roles';

interface Texts {
  titleSr: string;
  titleEn: string;
  summarySr: string;
  summaryEn: string;
}

export function titleIn(article: Texts, language: Language): string {
  if (language === 'en') return article.titleEn;
  return language === 'sr-Latn' ? toLatin(article.titleSr) : article.titleSr;
}

export function summaryIn(article: Texts, language: Language): string {
  if (language === 'en') return article.summaryEn;
  return language === 'sr-Latn' ? toLatin(article.summarySr) : article.summarySr;
}
