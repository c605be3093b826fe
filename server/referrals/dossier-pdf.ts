// The referral dossier as a PDF: what the centre sends to an institution (prosecutor's office,
// police, Ministry of Education, Centre for Social Work, Health Centre) when it passes a case on.
//
// The caller translates everything into the institution's language; this module only lays the
// strings out, so it does not depend on i18n. Fonts are DejaVu Sans (regular, bold) and DejaVu
// Sans Mono (for URLs, so that l/1/I and O/0 stay distinguishable), read from the
// `dejavu-fonts-ttf` npm package — never from the system, never from the network — because
// pdfkit's built-in fonts have no Cyrillic. No images are ever embedded: the dossier carries
// the reported URLs as text only.
//
// URLs are not made clickable links (a reader should not open reported material by a stray
// click), are wrapped only by this module (see `wrapUrl`) so that every character is kept and
// the pieces concatenate back to the URL, and show invisible or spacing characters
// percent-encoded (see `displayUrl`) so that what is printed is exactly what was reported.
//
// Output is deterministic: the same dossier and `creationDate` give the same bytes (pdfkit
// derives the file ID from the document info, and its font subset tags from the font order).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

export interface ReferralDossier {
  /** For the PDF's Lang metadata. */
  language: 'sr-Cyrl' | 'sr-Latn' | 'en';
  /** E.g. 'Прослеђивање случаја'. */
  title: string;
  /** E.g. 'BZ-2026-000123'. */
  referenceNumber: string;
  labels: Record<
    | 'reference'
    | 'date'
    | 'institution'
    | 'urgency'
    | 'reason'
    | 'legalBasis'
    | 'findings'
    | 'links'
    | 'reporterContact'
    | 'noContact'
    | 'confidential'
    | 'page',
    string
  >;
  /** Already formatted. */
  date: string;
  institutionName: string;
  /** Translated. */
  urgency: string;
  isUrgent: boolean;
  /** Why this institution. */
  reason: string;
  /** E.g. 'чл. 185б КЗ – Искоришћавање рачунарске мреже…'. */
  legalBasis: string[];
  /** What the centre found (descriptions, assessment). */
  findings: { heading: string; text: string }[];
  /** The reported URLs (never images). */
  links: { url: string; note?: string }[];
  /** Only if the reporter agreed to be contacted. */
  reporterContact: { name?: string; email?: string; phone?: string } | null;
  /** Footer. */
  centreName: string;
  centreContact: string;
}

export interface RenderOptions {
  /** The PDF's CreationDate (default: now). Fix it to get byte-identical output. */
  creationDate?: Date;
}

// ---------------------------------------------------------------------------------------------
// Fonts

const FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
} as const;
type FontKey = keyof typeof FONT_FILES;

const requireFromHere = createRequire(import.meta.url);

/** Resolves a font file of an installed npm package; refuses anything outside node_modules. */
export function resolveFontFile(specifier: string): string {
  const file = requireFromHere.resolve(specifier);
  if (!file.split(path.sep).includes('node_modules')) {
    throw new Error(`dossier-pdf: font ${specifier} resolved outside node_modules (${file})`);
  }
  return file;
}

let fontsPromise: Promise<Record<FontKey, Buffer>> | undefined;

function loadFonts(): Promise<Record<FontKey, Buffer>> {
  fontsPromise ??= (async () => {
    const entries = await Promise.all(
      (Object.keys(FONT_FILES) as FontKey[]).map(async (key) => [key, await readFile(resolveFontFile(FONT_FILES[key]))] as const),
    );
    return Object.fromEntries(entries) as Record<FontKey, Buffer>;
  })();
  // A failed load (e.g. package missing) is not cached: the next call tries again.
  fontsPromise.catch(() => {
    fontsPromise = undefined;
  });
  return fontsPromise;
}

// ---------------------------------------------------------------------------------------------
// Text helpers (exported for tests)

/** Normalises caller text: NFC, line breaks to \n, tabs to spaces, other control characters removed. */
export function cleanText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '  ')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, ''); // eslint-disable-line no-control-regex
}

/**
 * The URL as printed: every control, format (e.g. bidi overrides, zero-width) or space
 * character is shown percent-encoded (UTF-8), so nothing invisible hides in the printed URL
 * and a line break never falls on a space. Everything else is kept as reported.
 */
export function displayUrl(url: string): string {
  return url.replace(/[\p{Cc}\p{Cf}\p{Z}]/gu, (ch) =>
    Array.from(new TextEncoder().encode(ch), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

// A line may end after one of these characters...
const BREAK_AFTER = new Set(['/', '?', '&', '=', '#', '.', '_', '~', '+', ',', ';', ':', '@', '!', '$', '*', '|']);
// ...or before this one (never after it: text extractors treat a line-final '-' as a
// hyphenation and drop it when joining lines).
const BREAK_BEFORE = new Set(['-']);

/**
 * Splits `url` into pieces no wider than `maxWidth` (as measured by `measure`), to be printed
 * one per line. The pieces concatenate back to `url` exactly. Breaks fall at a URL separator
 * when one is in the second half of the line, otherwise between any two code points (never
 * inside a surrogate pair). A single code point wider than `maxWidth` gets a line of its own.
 */
export function wrapUrl(url: string, maxWidth: number, measure: (s: string) => number): string[] {
  const chars = Array.from(url);
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start + 1;
    while (end < chars.length && measure(chars.slice(start, end + 1).join('')) <= maxWidth) end++;
    if (end < chars.length) {
      const minEnd = start + Math.ceil((end - start) / 2);
      for (let k = end; k >= minEnd && k > start; k--) {
        if (BREAK_AFTER.has(chars[k - 1] ?? '') || BREAK_BEFORE.has(chars[k] ?? '')) {
          end = k;
          break;
        }
      }
    }
    pieces.push(chars.slice(start, end).join(''));
    start = end;
  }
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// Layout

const MARGINS = { top: 84, bottom: 76, left: 56, right: 56 };
const COLOR = {
  text: '#111111',
  muted: '#4a4a4a',
  heading: '#0b3558',
  rule: '#8a8a8a',
  labelCell: '#eef1f4',
  urgentCell: '#fde8e8',
  urgentText: '#9b0000',
};
const SIZE = { header: 8.5, footer: 8, title: 18, heading: 12, subheading: 10.5, body: 10, url: 9, note: 9 };
const LINE_GAP = 2;
const URL_INDENT = 22;
const BULLET_INDENT = 14;

type Doc = PDFKit.PDFDocument;

/** Renders the dossier as a PDF (A4, DejaVu Sans, page numbers "label N / M" on every page). */
export async function renderReferralDossier(dossier: ReferralDossier, options: RenderOptions = {}): Promise<Buffer> {
  const fonts = await loadFonts();
  const t = (s: string) => cleanText(s);
  const title = t(dossier.title);
  const reference = t(dossier.referenceNumber);
  const centreName = t(dossier.centreName);

  const doc: Doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: dossier.language,
    displayTitle: true,
    info: {
      Title: `${title} ${reference}`,
      Author: centreName,
      Subject: `${title}: ${t(dossier.institutionName)}`,
      Creator: centreName,
      CreationDate: options.creationDate ?? new Date(),
    },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('mono', fonts.mono);

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.addPage();
  const left = MARGINS.left;
  const width = doc.page.width - MARGINS.left - MARGINS.right;

  writeTitle(doc, title, left, width);
  writeConfidential(doc, t(dossier.labels.confidential), left, width);
  writeFacts(doc, dossier, left, width);

  section(doc, t(dossier.labels.reason), left, width);
  body(doc, t(dossier.reason) || '—', left, width);

  section(doc, t(dossier.labels.legalBasis), left, width);
  if (dossier.legalBasis.length === 0) body(doc, '—', left, width);
  for (const item of dossier.legalBasis) bullet(doc, t(item), left, width);

  section(doc, t(dossier.labels.findings), left, width);
  if (dossier.findings.length === 0) body(doc, '—', left, width);
  dossier.findings.forEach((f, i) => finding(doc, `${i + 1}. ${t(f.heading)}`, t(f.text), left, width));

  section(doc, t(dossier.labels.links), left, width);
  if (dossier.links.length === 0) body(doc, '—', left, width);
  dossier.links.forEach((l, i) => link(doc, i + 1, displayUrl(l.url), l.note === undefined ? '' : t(l.note), left, width));

  section(doc, t(dossier.labels.reporterContact), left, width);
  const contact = [dossier.reporterContact?.name, dossier.reporterContact?.email, dossier.reporterContact?.phone]
    .map((v) => t(v ?? '').trim())
    .filter((v) => v !== '');
  if (contact.length === 0) body(doc, t(dossier.labels.noContact), left, width);
  else for (const line of contact) body(doc, line, left, width, 0);

  doc.moveDown(1.2);
  ensureSpace(doc, lineHeight(doc, 'bold', SIZE.body));
  doc.font('bold').fontSize(SIZE.body).fillColor(COLOR.text).text(t(dossier.labels.confidential), left, doc.y, { width, lineGap: LINE_GAP });

  writeHeadersAndFooters(doc, {
    centreName,
    centreContact: t(dossier.centreContact),
    reference: `${t(dossier.labels.reference)}: ${reference}`,
    confidential: t(dossier.labels.confidential),
    pageLabel: t(dossier.labels.page),
  });

  doc.end();
  return done;
}

function lineHeight(doc: Doc, font: FontKey, size: number): number {
  return doc.font(font).fontSize(size).currentLineHeight(true) + LINE_GAP;
}

function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit below the current position. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

function writeTitle(doc: Doc, title: string, left: number, width: number): void {
  doc.font('bold').fontSize(SIZE.title).fillColor(COLOR.heading).text(title, left, doc.y, { width, lineGap: LINE_GAP });
  doc.moveDown(0.4);
}

function writeConfidential(doc: Doc, text: string, left: number, width: number): void {
  doc.font('bold').fontSize(SIZE.body);
  const pad = 5;
  const h = doc.heightOfString(text, { width: width - 2 * pad, lineGap: LINE_GAP }) + 2 * pad;
  ensureSpace(doc, h);
  const y = doc.y;
  doc.lineWidth(1).strokeColor(COLOR.text).rect(left, y, width, h).stroke();
  doc.fillColor(COLOR.text).text(text, left + pad, y + pad, { width: width - 2 * pad, lineGap: LINE_GAP });
  doc.y = y + h;
  doc.moveDown(0.8);
}

/** The table-like block: reference, date, institution, urgency. */
function writeFacts(doc: Doc, d: ReferralDossier, left: number, width: number): void {
  const labelWidth = Math.min(150, width * 0.3);
  const pad = 5;
  const urgency = cleanText(d.urgency);
  const rows: { label: string; value: string; urgent?: boolean }[] = [
    { label: cleanText(d.labels.reference), value: cleanText(d.referenceNumber) },
    { label: cleanText(d.labels.date), value: cleanText(d.date) },
    { label: cleanText(d.labels.institution), value: cleanText(d.institutionName) },
    // Urgency is marked in the text itself (warning sign, capitals, bold), not by colour alone.
    d.isUrgent
      ? { label: cleanText(d.labels.urgency), value: `⚠ ${urgency.toLocaleUpperCase(d.language)} ⚠`, urgent: true }
      : { label: cleanText(d.labels.urgency), value: urgency },
  ];
  for (const row of rows) {
    const valueFont: FontKey = row.urgent ? 'bold' : 'regular';
    const labelH = doc.font('bold').fontSize(SIZE.body).heightOfString(row.label, { width: labelWidth - 2 * pad, lineGap: LINE_GAP });
    const valueH = doc.font(valueFont).fontSize(SIZE.body).heightOfString(row.value, { width: width - labelWidth - 2 * pad, lineGap: LINE_GAP });
    const h = Math.max(labelH, valueH) + 2 * pad;
    ensureSpace(doc, h);
    const y = doc.y;
    doc.rect(left, y, labelWidth, h).fill(COLOR.labelCell);
    if (row.urgent) doc.rect(left + labelWidth, y, width - labelWidth, h).fill(COLOR.urgentCell);
    doc.lineWidth(0.5).strokeColor(COLOR.rule).rect(left, y, width, h).stroke();
    doc.moveTo(left + labelWidth, y).lineTo(left + labelWidth, y + h).stroke();
    doc.font('bold').fontSize(SIZE.body).fillColor(COLOR.text).text(row.label, left + pad, y + pad, { width: labelWidth - 2 * pad, lineGap: LINE_GAP });
    doc
      .font(valueFont)
      .fontSize(SIZE.body)
      .fillColor(row.urgent ? COLOR.urgentText : COLOR.text)
      .text(row.value, left + labelWidth + pad, y + pad, { width: width - labelWidth - 2 * pad, lineGap: LINE_GAP });
    doc.y = y + h;
  }
  doc.fillColor(COLOR.text);
}

function section(doc: Doc, heading: string, left: number, width: number): void {
  doc.moveDown(1);
  doc.font('bold').fontSize(SIZE.heading);
  const h = doc.heightOfString(heading, { width, lineGap: LINE_GAP });
  // Keep the heading with at least three lines of what follows.
  ensureSpace(doc, h + 6 + 3 * lineHeight(doc, 'regular', SIZE.body));
  doc.font('bold').fontSize(SIZE.heading).fillColor(COLOR.heading).text(heading, left, doc.y, { width, lineGap: LINE_GAP });
  const y = doc.y + 1;
  doc.lineWidth(0.75).strokeColor(COLOR.heading).moveTo(left, y).lineTo(left + width, y).stroke();
  doc.y = y + 5;
  doc.fillColor(COLOR.text);
}

function body(doc: Doc, text: string, left: number, width: number, after = 0.3): void {
  ensureSpace(doc, lineHeight(doc, 'regular', SIZE.body));
  doc.font('regular').fontSize(SIZE.body).fillColor(COLOR.text).text(text, left, doc.y, { width, lineGap: LINE_GAP });
  doc.moveDown(after);
}

function bullet(doc: Doc, text: string, left: number, width: number): void {
  doc.font('regular').fontSize(SIZE.body);
  const h = doc.heightOfString(text, { width: width - BULLET_INDENT, lineGap: LINE_GAP });
  ensureSpace(doc, Math.min(h, 3 * lineHeight(doc, 'regular', SIZE.body)));
  const y = doc.y;
  doc.fillColor(COLOR.text).text('•', left + 2, y, { lineBreak: false });
  doc.text(text, left + BULLET_INDENT, y, { width: width - BULLET_INDENT, lineGap: LINE_GAP });
  doc.moveDown(0.2);
}

function finding(doc: Doc, heading: string, text: string, left: number, width: number): void {
  const headingH = doc.font('bold').fontSize(SIZE.subheading).heightOfString(heading, { width, lineGap: LINE_GAP });
  const textH = text.trim() === '' ? 0 : doc.font('regular').fontSize(SIZE.body).heightOfString(text, { width, lineGap: LINE_GAP });
  // A short finding stays on one page; a long one keeps its heading with three lines of text.
  const pageRoom = bottomLimit(doc) - doc.page.margins.top;
  const whole = headingH + textH;
  ensureSpace(doc, whole <= pageRoom / 3 ? whole : headingH + 3 * lineHeight(doc, 'regular', SIZE.body));
  doc.font('bold').fontSize(SIZE.subheading).fillColor(COLOR.text).text(heading, left, doc.y, { width, lineGap: LINE_GAP });
  doc.moveDown(0.15);
  if (textH > 0) doc.font('regular').fontSize(SIZE.body).text(text, left, doc.y, { width, lineGap: LINE_GAP });
  doc.moveDown(0.6);
}

function link(doc: Doc, n: number, url: string, note: string, left: number, width: number): void {
  const urlWidth = width - URL_INDENT;
  doc.font('mono').fontSize(SIZE.url);
  const pieces = wrapUrl(url, urlWidth, (s) => doc.widthOfString(s));
  const urlLine = lineHeight(doc, 'mono', SIZE.url);
  const noteH = note === '' ? 0 : doc.font('regular').fontSize(SIZE.note).heightOfString(note, { width: urlWidth, lineGap: LINE_GAP });
  // Keep a URL and its note on one page when they fit on one.
  const block = pieces.length * urlLine + noteH;
  const pageRoom = bottomLimit(doc) - doc.page.margins.top;
  ensureSpace(doc, Math.min(block, pageRoom));

  doc.font('regular').fontSize(SIZE.url).fillColor(COLOR.text).text(`${n}.`, left, doc.y, { lineBreak: false });
  doc.font('mono').fontSize(SIZE.url);
  let y = doc.y;
  for (const piece of pieces) {
    if (y + urlLine > bottomLimit(doc)) {
      doc.addPage();
      y = doc.y;
      doc.font('mono').fontSize(SIZE.url);
    }
    doc.text(piece, left + URL_INDENT, y, { lineBreak: false });
    y += urlLine;
  }
  doc.x = left;
  doc.y = y;
  if (note !== '') {
    ensureSpace(doc, lineHeight(doc, 'regular', SIZE.note));
    doc.font('regular').fontSize(SIZE.note).fillColor(COLOR.muted).text(note, left + URL_INDENT, doc.y, { width: urlWidth, lineGap: LINE_GAP });
    doc.fillColor(COLOR.text);
  }
  doc.x = left;
  doc.moveDown(0.5);
}

interface Furniture {
  centreName: string;
  centreContact: string;
  reference: string;
  confidential: string;
  pageLabel: string;
}

/** Header (centre, reference number) and footer (centre contact, confidential, page N / M) on every page. */
function writeHeadersAndFooters(doc: Doc, f: Furniture): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    const page = doc.page;
    const savedBottom = page.margins.bottom;
    const savedTop = page.margins.top;
    // Writing in the margins must not trigger pdfkit's automatic page break.
    page.margins.bottom = 0;
    page.margins.top = 0;
    const left = MARGINS.left;
    const width = page.width - MARGINS.left - MARGINS.right;
    const half = width / 2 - 6;

    // Header
    const headerY = 36;
    doc.font('bold').fontSize(SIZE.header).fillColor(COLOR.muted);
    const headerLine = doc.currentLineHeight(true);
    doc.text(f.centreName, left, headerY, { width: half, height: headerLine * 2, ellipsis: true, lineGap: 0 });
    doc.font('regular').fontSize(SIZE.header).text(f.reference, left + width - half, headerY, { width: half, align: 'right', height: headerLine * 2, ellipsis: true });
    const ruleY = MARGINS.top - 16;
    doc.lineWidth(0.5).strokeColor(COLOR.rule).moveTo(left, ruleY).lineTo(left + width, ruleY).stroke();

    // Footer
    const footerRuleY = page.height - MARGINS.bottom + 18;
    doc.moveTo(left, footerRuleY).lineTo(left + width, footerRuleY).stroke();
    const footerY = footerRuleY + 6;
    const pageText = `${f.pageLabel} ${i - range.start + 1} / ${total}`;
    doc.font('regular').fontSize(SIZE.footer).fillColor(COLOR.muted);
    const pageTextWidth = doc.widthOfString(pageText) + 2;
    const footerLine = doc.currentLineHeight(true);
    doc.text(`${f.centreName} · ${f.centreContact}`, left, footerY, {
      width: width - pageTextWidth - 12,
      height: footerLine * 2,
      ellipsis: true,
    });
    doc.text(pageText, left + width - pageTextWidth, footerY, { width: pageTextWidth, align: 'right', lineBreak: false });
    doc.font('bold').fontSize(SIZE.footer).text(f.confidential, left, footerY + footerLine * 2 + 2, { width, height: footerLine, ellipsis: true });

    page.margins.bottom = savedBottom;
    page.margins.top = savedTop;
  }
  doc.fillColor(COLOR.text);
}
