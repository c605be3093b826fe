// The referral dossier PDF: rendered for real, then read back with poppler's `pdftotext` and
// `pdfinfo` (Debian package poppler-utils), so the tests check what a reader of the PDF gets:
// the Cyrillic and Latin text, every character of a long wrapped URL, page numbers, metadata.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayUrl, renderReferralDossier, resolveFontFile, wrapUrl, type ReferralDossier } from './dossier-pdf';

function requireTool(tool: string): void {
  const probe = spawnSync(tool, ['-v'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error(`${tool} not found (${probe.error.message}): these tests read the PDF back with poppler; install it with "apt-get install -y poppler-utils"`);
  }
}

let workDir = '';
let fileCounter = 0;

function writePdf(pdf: Buffer): string {
  const file = path.join(workDir, `dossier-${++fileCounter}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The PDF's text as pdftotext reads it (UTF-8, reading order); pages are separated by \f. */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', writePdf(pdf), '-'], { encoding: 'utf8' });
}

function pdfPages(pdf: Buffer): string[] {
  const pages = pdfText(pdf).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', '-isodates', writePdf(pdf)], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined) info[m[1]] = m[2];
  }
  return info;
}

const CYRILLIC_LETTERS = 'ђ ћ џ љ њ ж ш ч Ђ Ћ Џ Љ Њ';
const LATIN_LETTERS = 'đ ć č š ž Đ Ć Č Š Ž';

// 300 characters: an IDN host, separators of every kind, a long run with no separator at all
// (forces breaks between plain characters), a '-' (must never end a line), Cyrillic in the query.
const LONG_URL = (() => {
  const head = 'https://пример-форум.example.rs/teme/razgovori_sa-decom/2026/03/';
  const tail = '?session=AbC123&ref=đćčšž-ЂЋЏЉЊ&x=1#komentar-42';
  const token = 'QmFzZTY0VG9rZW5XaXRob3V0U2VwYXJhdG9ycw'.repeat(10);
  return head + token.slice(0, 300 - head.length - tail.length) + tail;
})();

const CREATED = new Date('2026-03-14T10:00:00Z');

function cyrillicDossier(): ReferralDossier {
  return {
    language: 'sr-Cyrl',
    title: 'Прослеђивање случаја',
    referenceNumber: 'BZ-2026-000123',
    labels: {
      reference: 'Број предмета',
      date: 'Датум',
      institution: 'Институција',
      urgency: 'Хитност',
      reason: 'Разлог прослеђивања',
      legalBasis: 'Правни основ',
      findings: 'Налази',
      links: 'Пријављене адресе',
      reporterContact: 'Контакт подносиоца пријаве',
      noContact: 'Подносилац пријаве није дао сагласност за контакт.',
      confidential: 'ПОВЕРЉИВО – само за службену употребу',
      page: 'страна',
    },
    date: '14. 3. 2026.',
    institutionName: 'Више јавно тужилаштво у Београду – Посебно одељење за борбу против високотехнолошког криминала',
    urgency: 'Хитно',
    isUrgent: true,
    reason: `Садржај указује на кривично дело према малолетном лицу. Слова: ${CYRILLIC_LETTERS}.`,
    legalBasis: [
      'чл. 185б КЗ – Искоришћавање рачунарске мреже или комуникације другим техничким средствима за извршење кривичних дела против полне слободе према малолетном лицу',
      'чл. 185 КЗ – Приказивање, прибављање и поседовање порнографског материјала',
    ],
    findings: Array.from({ length: 40 }, (_, i) => ({
      heading: `Налаз ${i + 1}: Ђорђе, Ћирило, Џон, Љиљана, Њутн`,
      text:
        'Аналитичар је утврдио да страница садржи разговоре у којима одрасла особа наводи дете да пошаље фотографије; ' +
        `ђак, ћерка, џеп, љубав, њива, жаба, шума, чаша. Latinica: ${LATIN_LETTERS}, đak i ćerka. ` +
        'English: the page was still reachable at the time of assessment.',
    })),
    links: [
      { url: LONG_URL, note: 'Доступно у тренутку процене' },
      { url: 'https://example.com/short' },
    ],
    reporterContact: { name: 'Јелена Ђорђевић', email: 'jelena@example.rs', phone: '+381 11 123 4567' },
    centreName: 'Национални контакт центар за безбедност деце на интернету',
    centreContact: '19833 · kontakt@example.rs',
  };
}

function englishDossier(): ReferralDossier {
  return {
    ...cyrillicDossier(),
    language: 'en',
    title: 'Case referral',
    labels: {
      reference: 'Reference',
      date: 'Date',
      institution: 'Institution',
      urgency: 'Urgency',
      reason: 'Reason for referral',
      legalBasis: 'Legal basis',
      findings: 'Findings',
      links: 'Reported URLs',
      reporterContact: 'Reporter contact',
      noContact: 'The reporter did not agree to be contacted.',
      confidential: 'CONFIDENTIAL – for official use only',
      page: 'page',
    },
    institutionName: 'Centre for Social Work Novi Sad',
    urgency: 'Normal',
    isUrgent: false,
    reason: 'The child and family need support.',
    legalBasis: [],
    findings: [{ heading: 'Assessment', text: 'Cyberbullying in a class group chat.' }],
    links: [{ url: 'https://example.org/post/1' }],
    reporterContact: null,
    centreName: 'National Contact Centre for Child Safety on the Internet',
  };
}

beforeAll(() => {
  requireTool('pdftotext');
  requireTool('pdfinfo');
  workDir = mkdtempSync(path.join(tmpdir(), 'dossier-pdf-'));
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('renderReferralDossier: a multi-page Serbian (Cyrillic) dossier', () => {
  let pdf: Buffer;
  let pages: string[];
  let text: string;
  let prose: string; // the text with line breaks and runs of spaces collapsed: wrapped prose compares whole

  beforeAll(async () => {
    pdf = await renderReferralDossier(cyrillicDossier(), { creationDate: CREATED });
    pages = pdfPages(pdf);
    text = pages.join('\n');
    prose = text.replace(/\s+/g, ' ');
  });

  it('is a PDF of several pages', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pdfInfo(pdf)['Pages']).toBe(String(pages.length));
  });

  it('carries the Cyrillic, Latin and English text as text', () => {
    expect(prose).toContain('Прослеђивање случаја');
    expect(prose).toContain(CYRILLIC_LETTERS);
    expect(prose).toContain('ђак, ћерка, џеп, љубав, њива, жаба, шума, чаша');
    expect(prose).toContain('Ђорђе, Ћирило, Џон, Љиљана, Њутн');
    expect(prose).toContain(LATIN_LETTERS);
    expect(prose).toContain('the page was');
    expect(prose).toContain('Искоришћавање рачунарске мреже');
    expect(prose).toContain('Јелена Ђорђевић');
    expect(prose).toContain('jelena@example.rs');
    expect(prose).not.toContain('Подносилац пријаве није дао сагласност');
    for (let i = 1; i <= 40; i++) expect(prose).toContain(`Налаз ${i}:`);
    // Every section heading, in order.
    const order = ['Разлог прослеђивања', 'Правни основ', 'Налази', 'Пријављене адресе', 'Контакт подносиоца пријаве'].map((h) => prose.indexOf(h));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('marks urgency in the text itself', () => {
    expect(text).toContain('⚠ ХИТНО ⚠');
  });

  it('has the header and "page N / M" on every page', () => {
    pages.forEach((page, i) => {
      expect(page).toContain('Број предмета: BZ-2026-000123');
      expect(page).toContain('Национални контакт центар');
      expect(page).toContain(`страна ${i + 1} / ${pages.length}`);
      expect(page).toContain('ПОВЕРЉИВО – само за службену употребу');
    });
    expect(text).toContain(`страна 1 / ${pages.length}`);
  });

  it('prints the 300-character URL in full, wrapped over lines that join back to it', () => {
    expect(LONG_URL).toHaveLength(300);
    // A URL's number may come out on the line of its first piece ("1. https://…"); drop it.
    const lines = text.split('\n').map((l) => l.trim().replace(/^\d+\.\s+/, ''));
    const first = lines.findIndex((l) => l !== '' && LONG_URL.startsWith(l) && l.startsWith('https://'));
    expect(first).toBeGreaterThanOrEqual(0);
    let joined = '';
    let used = 0;
    for (let i = first; i < lines.length && joined.length < LONG_URL.length; i++) {
      const next = joined + (lines[i] ?? '');
      expect(LONG_URL.startsWith(next), `line ${i} "${lines[i]}" does not continue the URL`).toBe(true);
      joined = next;
      used++;
    }
    expect(joined).toBe(LONG_URL);
    expect(used).toBeGreaterThan(1);
    expect(text).toContain('https://example.com/short');
  });

  it('sets Title, Author, Subject, CreationDate and Lang, embeds no images', () => {
    const info = pdfInfo(pdf);
    expect(info['Title']).toBe('Прослеђивање случаја BZ-2026-000123');
    expect(info['Author']).toBe('Национални контакт центар за безбедност деце на интернету');
    expect(info['Subject']).toContain('Више јавно тужилаштво у Београду');
    expect(info['CreationDate']).toBe('2026-03-14T10:00:00Z');
    expect(info['Page size']).toContain('595.28 x 841.89');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/Lang (sr-Cyrl)');
    expect(raw).not.toContain('/Subtype /Image');
    expect(raw).toContain('DejaVuSans');
  });

  it('is deterministic for a fixed creation date', async () => {
    const again = await renderReferralDossier(cyrillicDossier(), { creationDate: CREATED });
    expect(again.equals(pdf)).toBe(true);
  });
});

describe('renderReferralDossier: a short English dossier without reporter contact', () => {
  it('shows the noContact label, plain urgency and "page 1 / 1"', async () => {
    const pdf = await renderReferralDossier(englishDossier(), { creationDate: CREATED });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('page 1 / 1');
    expect(text).toContain('The reporter did not agree to be contacted.');
    expect(text).toContain('Normal');
    expect(text).not.toContain('⚠');
    expect(text).toContain('CONFIDENTIAL – for official use only');
    expect(text).toContain('https://example.org/post/1');
    expect(pdf.toString('latin1')).toContain('/Lang (en)');
  });

  it('renders Serbian Latin as well', async () => {
    const pdf = await renderReferralDossier(
      { ...englishDossier(), language: 'sr-Latn', title: 'Prosleđivanje slučaja', reason: 'Đorđe, Ćirić, Čačak, Šabac, Žabalj.' },
      { creationDate: CREATED },
    );
    const text = pdfText(pdf);
    expect(text).toContain('Prosleđivanje slučaja');
    expect(text).toContain('Đorđe, Ćirić, Čačak, Šabac, Žabalj.');
    expect(pdf.toString('latin1')).toContain('/Lang (sr-Latn)');
  });
});

describe('wrapUrl', () => {
  const perChar = (s: string) => Array.from(s).length * 5; // 5 points a code point

  it('returns pieces that fit and join back to the URL, never ending a line with "-"', () => {
    const pieces = wrapUrl(LONG_URL, 200, perChar);
    expect(pieces.join('')).toBe(LONG_URL);
    expect(pieces.length).toBeGreaterThan(5);
    for (const p of pieces) {
      expect(perChar(p)).toBeLessThanOrEqual(200);
      expect(p.endsWith('-')).toBe(false);
    }
  });

  it('prefers separators and hard-breaks a run without any', () => {
    expect(wrapUrl('https://a.example/path/segment', 100, perChar)).toEqual(['https://a.example/', 'path/segment']);
    expect(wrapUrl('x'.repeat(45), 100, perChar)).toEqual(['x'.repeat(20), 'x'.repeat(20), 'x'.repeat(5)]);
  });

  it('keeps surrogate pairs whole and gives an over-wide character its own line', () => {
    const pieces = wrapUrl('ab😀cd', 5, perChar);
    expect(pieces).toEqual(['a', 'b', '😀', 'c', 'd']);
    expect(wrapUrl('', 100, perChar)).toEqual([]);
  });
});

describe('displayUrl', () => {
  it('percent-encodes invisible and spacing characters only', () => {
    expect(displayUrl('https://example.com/a b\u202Ec\u200Bd')).toBe('https://example.com/a%20b%E2%80%AEc%E2%80%8Bd');
    expect(displayUrl(LONG_URL)).toBe(LONG_URL);
  });
});

describe('fonts', () => {
  it('come from the dejavu-fonts-ttf package inside node_modules', () => {
    const file = resolveFontFile('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
    expect(file.split(path.sep)).toContain('node_modules');
    expect(file.endsWith(path.join('dejavu-fonts-ttf', 'ttf', 'DejaVuSans.ttf'))).toBe(true);
  });
});
