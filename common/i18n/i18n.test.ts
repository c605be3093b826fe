// Serbian is written once in Cyrillic; Latin is derived. Plurals follow Serbian rules.
import { describe, expect, it } from 'vitest';
import { catalogues, createI18n } from './index';
import { searchKey, toLatin } from './translit';

describe('transliteration', () => {
  it('maps every Serbian Cyrillic letter, digraphs included', () => {
    expect(toLatin('абвгдђежзијклљмнњопрстћуфхцчџш')).toBe('abvgdđežzijklljmnnjoprstćufhcčdžš');
    expect(toLatin('АБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШ')).toBe('ABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠ');
  });

  it('capitalises digraphs as titles or in full, as the word is written', () => {
    expect(toLatin('Љубав Њива Џеп')).toBe('Ljubav Njiva Džep');
    expect(toLatin('ЉУБАВ ЊИВА ЏЕП')).toBe('LJUBAV NJIVA DŽEP');
    expect(toLatin('Љ')).toBe('Lj');
    expect(toLatin('ПЉ')).toBe('PLJ');
  });

  it('leaves Latin text, digits, punctuation and placeholders alone', () => {
    expect(toLatin('Позови 19833, {{name}}! ok')).toBe('Pozovi 19833, {{name}}! ok');
  });

  it('derives the whole Latin catalogue from the Cyrillic one, with no Cyrillic left', () => {
    const latin = JSON.stringify(catalogues['sr-Latn']);
    expect(latin).not.toMatch(/[\u0400-\u04FF]/);
    expect(createI18n('sr-Latn').t('centre.name')).toBe('Nacionalni kontakt centar za bezbednost dece na internetu');
  });

  it('gives a search key on which Cyrillic, Latin and plain ASCII spellings meet', () => {
    expect(searchKey('Ђорђевић')).toBe(searchKey('Đorđević'));
    expect(searchKey('Đorđević')).toBe('djordjevic');
    expect(searchKey('Љубичић')).toBe('ljubicic');
  });
});

describe('catalogues', () => {
  // Keys without the plural suffix, so Serbian (one/few/other) and English (one/other) compare.
  const keys = (value: unknown, prefix = ''): string[] =>
    value && typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
      : [prefix.replace(/_(zero|one|two|few|many|other)$/, '')];

  it('has the same keys in Serbian and English', () => {
    const sr = [...new Set(keys(catalogues['sr-Cyrl']))].sort();
    const en = [...new Set(keys(catalogues.en))].sort();
    expect(en).toEqual(sr);
  });

  it('gives every Serbian plural the three forms one, few and other', () => {
    const all = keys(catalogues['sr-Cyrl']);
    const raw = JSON.stringify(catalogues['sr-Cyrl']);
    for (const base of new Set(all)) {
      if (raw.includes(`"${base.split('.').pop()}_one"`)) {
        for (const form of ['one', 'few', 'other']) expect(raw, `${base}_${form}`).toContain(`"${base.split('.').pop()}_${form}"`);
      }
    }
  });

  it('chooses Serbian plural forms by the rules (1, 21 one; 2-4, 22-24 few; 5-20, 11-14 other)', () => {
    const t = createI18n('sr-Cyrl').t;
    const i18n = createI18n('sr-Cyrl');
    i18n.addResourceBundle('sr-Cyrl', 'translation', { test: { items_one: '{{count}} ставка', items_few: '{{count}} ставке', items_other: '{{count}} ставки' } }, true);
    const tt = i18n.t;
    expect(tt('test.items', { count: 1 })).toBe('1 ставка');
    expect(tt('test.items', { count: 21 })).toBe('21 ставка');
    expect(tt('test.items', { count: 2 })).toBe('2 ставке');
    expect(tt('test.items', { count: 24 })).toBe('24 ставке');
    expect(tt('test.items', { count: 5 })).toBe('5 ставки');
    expect(tt('test.items', { count: 11 })).toBe('11 ставки');
    expect(tt('test.items', { count: 12 })).toBe('12 ставки');
    expect(t('centre.shortName')).toBe('Безбедно');
    const latin = createI18n('sr-Latn');
    latin.addResourceBundle('sr-Latn', 'translation', { test: { items_one: 'x', items_few: 'y', items_other: 'z' } }, true);
    expect([1, 3, 7].map((count) => latin.t('test.items', { count }))).toEqual(['x', 'y', 'z']);
  });
});
