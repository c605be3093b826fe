// What every prevention screen says the same way: places and names typed in Cyrillic shown in
// the script of the interface, the municipalities to choose from, and counts.
import { UNITS, localName, unitName } from '../../../common/geography';
import type { Language } from '../../../common/i18n';
import { toLatin } from '../../../common/i18n/translit';

/** Every municipality, sorted by its name in the script shown. */
export function municipalityOptions(language: Language): { id: string; name: string }[] {
  const collator = new Intl.Collator(language === 'en' ? 'sr-Latn' : language);
  return UNITS.map((unit) => ({ id: unit.id, name: localName(unit, language) })).sort((a, b) => collator.compare(a.name, b.name));
}

/** A name kept as typed (often Cyrillic): Latin in the Latin and English interfaces. */
export const inScript = (text: string, language: Language) => (language === 'sr-Cyrl' ? text : toLatin(text));

export const municipalityName = (id: string, language: Language) => unitName(id, language);

/** The school (in Cyrillic as registered, shown in the script of the interface) or the venue, and the municipality. */
export function placeLabel(s: { schoolName: string | null; venue?: string; municipalityId: string }, language: Language): string {
  const where = s.schoolName ?? s.venue ?? '';
  const municipality = municipalityName(s.municipalityId, language);
  return where ? `${inScript(where, language)}, ${municipality}` : municipality;
}

export const formatCount = (value: number, language: Language) => new Intl.NumberFormat(language).format(value);
