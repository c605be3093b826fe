// Serbian Cyrillic -> Serbian Latin (Gaj's alphabet). Serbian text is written once, in
// Cyrillic; every Latin string the platform shows is made here. Digraphs (lj, nj, dž) are
// capitalised as a title (Љубав -> Ljubav) or in full inside upper-case words (ЉУБАВ -> LJUBAV).
const LOWER: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j',
  к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
};

const isUpper = (ch: string | undefined): boolean => !!ch && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLower = (ch: string | undefined): boolean => !!ch && ch !== ch.toUpperCase() && ch === ch.toLowerCase();

export function toLatin(cyrillic: string): string {
  const chars = Array.from(cyrillic);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const lower = ch.toLowerCase();
    const latin = LOWER[lower];
    if (latin === undefined) {
      out += ch;
      continue;
    }
    if (ch === lower) {
      out += latin;
      continue;
    }
    // An upper-case letter. Single letters simply upper-case; digraphs depend on the neighbours.
    if (latin.length === 1) {
      out += latin.toUpperCase();
      continue;
    }
    const next = chars[i + 1];
    const prev = chars[i - 1];
    const wholeWordUpper = isUpper(next) || (isUpper(prev) && !isLower(next));
    out += wholeWordUpper ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1);
  }
  return out;
}

/** Transliterates every string inside a nested message catalogue. */
export function catalogueToLatin<T>(catalogue: T): T {
  if (typeof catalogue === 'string') return toLatin(catalogue) as T;
  if (Array.isArray(catalogue)) return catalogue.map((item) => catalogueToLatin(item)) as T;
  if (catalogue && typeof catalogue === 'object') {
    return Object.fromEntries(
      Object.entries(catalogue as Record<string, unknown>).map(([key, value]) => [key, catalogueToLatin(value)]),
    ) as T;
  }
  return catalogue;
}

/**
 * A form of text for matching: Latin script, lower case, without diacritics, so that
 * "Ђорђе", "Đorđe" and "djordje"... meet. đ becomes dj, the usual keyboard spelling.
 */
export function searchKey(text: string): string {
  return toLatin(text)
    .toLowerCase()
    .replace(/đ/g, 'dj')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}
