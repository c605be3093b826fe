// How the schools screens say things: a school's place (municipality and district) in the
// script of the interface, and the districts a school can be in (Kosovo and Metohija's have no
// municipalities in the data, so no schools).
import { DISTRICTS, localName, unitName } from '../../../../common/geography';
import { districtOf } from '../../../../common/geography';
import type { Language } from '../../../../common/i18n';

export { inScript, municipalityOptions } from '../format';

export function districtOptions(language: Language): { id: string; name: string }[] {
  const collator = new Intl.Collator(language === 'en' ? 'sr-Latn' : language);
  return DISTRICTS.filter((d) => !d.kosovo)
    .map((d) => ({ id: d.id, name: localName(d, language) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export function districtName(id: string, language: Language): string {
  const district = DISTRICTS.find((d) => d.id === id);
  return district ? localName(district, language) : id;
}

/** "Ниш (Нишавски округ)". */
export const schoolPlace = (s: { municipalityId: string; districtId?: string }, language: Language) =>
  `${unitName(s.municipalityId, language)} (${districtName(s.districtId ?? districtOf(s.municipalityId), language)})`;
