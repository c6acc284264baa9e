/**
 * Reading generated documents back in tests: the parts of a `.docx` (an OOXML zip) as text, the
 * layout Word reads from them, and a PDF's page count. Parsing is by regular expression over the
 * XML the files really contain, so a test fails when the file says something else, whoever wrote it.
 */
import { execFileSync } from 'node:child_process';
import { text } from 'node:stream/consumers';
import { openZipEntry, readZipDirectory } from '../../src/files/zip-archive.js';

/** Every part of an OOXML package, by name, as text (binary parts such as images included as latin1). */
export async function readPackageParts(data: Buffer): Promise<Map<string, string>> {
  const entries = readZipDirectory(data, 10_000);
  if (!Array.isArray(entries)) throw new Error(`not a zip package: ${entries.problem}`);
  const parts = new Map<string, string>();
  for (const entry of entries) {
    const stream = openZipEntry(data, entry);
    if (!stream) throw new Error(`part ${entry.name} cannot be read`);
    parts.set(entry.name, await text(stream));
  }
  return parts;
}

/** One part of a `.docx` (e.g. word/document.xml) as text. */
export async function docxPart(docx: Buffer, name: string): Promise<string> {
  const part = (await readPackageParts(docx)).get(name);
  if (part === undefined) throw new Error(`no ${name} in the package`);
  return part;
}

/** The visible text of a WordprocessingML part, paragraph by paragraph (empty ones left out). */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .filter((paragraph) => paragraph.length > 0);
}

export interface DocxLayout {
  page: { width: number; height: number };
  /** In twips. */
  margin: { top: number; left: number; bottom: number; right: number };
  /** w:docGrid's line pitch (twips). */
  linePitch: number | null;
  /** The default paragraph's line height (twips) where it is exact. */
  exactLineHeight: number | null;
  /** The document's default East Asian font and size (half-points). */
  defaultEastAsiaFont: string | null;
  defaultSize: number | null;
  /** The document's default language of East Asian text (w:lang w:eastAsia), e.g. zh-CN. */
  defaultEastAsiaLanguage: string | null;
  /** Every East Asian font a run in the body names. */
  eastAsiaFonts: Set<string>;
  /** The body's text, paragraphs joined by newlines. */
  text: string;
  /** The text of the footers, with each PAGE field shown as {PAGE}. */
  footerText: string;
  /** The names of the media parts (pictures). */
  media: string[];
  /** Each table as rows of cell texts. */
  tables: string[][][];
}

const attribute = (xml: string, element: string, name: string): string | null =>
  new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1] ?? null;

const paragraphText = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join('');

function unescapeXml(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** A `.docx`'s page setup, fonts, text, footer and tables, as Word would read them. */
export async function readDocxLayout(data: Buffer): Promise<DocxLayout> {
  const parts = await readPackageParts(data);
  const document = parts.get('word/document.xml');
  if (!document) throw new Error('word/document.xml is missing');
  const styles = parts.get('word/styles.xml') ?? '';
  const defaults = /<w:docDefaults>([\s\S]*?)<\/w:docDefaults>/.exec(styles)?.[1] ?? '';
  const number = (value: string | null) => (value === null ? null : Number(value));
  const footers = [...parts.entries()].filter(([name]) => /^word\/footer\d*\.xml$/.test(name)).map(([, xml]) => xml);
  const footerText = footers
    .map((xml) =>
      xml
        .replace(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/g, '<w:t>{PAGE}</w:t>')
        .replace(/<w:fldSimple\b[^>]*w:instr="\s*PAGE\s*"[^>]*>/g, '<w:t>{PAGE}</w:t>')
    )
    .map(paragraphText)
    .join('\n');
  const tables = [...document.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...table[1].matchAll(/<w:tr\b[^>]*>([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...row[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => paragraphText(cell[1]))
    )
  );
  return {
    page: { width: Number(attribute(document, 'w:pgSz', 'w:w')), height: Number(attribute(document, 'w:pgSz', 'w:h')) },
    margin: {
      top: Number(attribute(document, 'w:pgMar', 'w:top')),
      left: Number(attribute(document, 'w:pgMar', 'w:left')),
      bottom: Number(attribute(document, 'w:pgMar', 'w:bottom')),
      right: Number(attribute(document, 'w:pgMar', 'w:right')),
    },
    linePitch: number(attribute(document, 'w:docGrid', 'w:linePitch')),
    exactLineHeight: /<w:spacing\b[^>]*\bw:lineRule="exact"/.test(defaults)
      ? number(attribute(defaults, 'w:spacing', 'w:line'))
      : null,
    defaultEastAsiaFont: attribute(defaults, 'w:rFonts', 'w:eastAsia'),
    defaultSize: number(attribute(defaults, 'w:sz', 'w:val')),
    defaultEastAsiaLanguage: attribute(defaults, 'w:lang', 'w:eastAsia'),
    eastAsiaFonts: new Set([...document.matchAll(/<w:rFonts\b[^>]*\bw:eastAsia="([^"]*)"/g)].map((m) => m[1])),
    text: [...document.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((p) => paragraphText(p[1])).join('\n'),
    footerText,
    media: [...parts.keys()].filter((name) => name.startsWith('word/media/')),
    tables,
  };
}

/** The runs of a `.docx` whose text contains `needle`, with their East Asian font and size (half-points). */
export async function runsContaining(
  data: Buffer,
  needle: string
): Promise<{ text: string; eastAsia: string | null; size: number | null; color: string | null }[]> {
  const document = (await readPackageParts(data)).get('word/document.xml') ?? '';
  return [...document.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
    .map((m) => m[1])
    .filter((run) => paragraphText(run).includes(needle))
    .map((run) => ({
      text: paragraphText(run),
      eastAsia: attribute(run, 'w:rFonts', 'w:eastAsia'),
      size: attribute(run, 'w:sz', 'w:val') === null ? null : Number(attribute(run, 'w:sz', 'w:val')),
      color: attribute(run, 'w:color', 'w:val'),
    }));
}

/** The text of one page of a PDF, by poppler's pdftotext. */
export function pdfPageText(pdf: Buffer, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', '-', '-'], {
    input: pdf,
  }).toString();
}

/** The number of pages of a PDF (its page objects). */
export function pdfPageCount(pdf: Buffer): number {
  const source = pdf.toString('latin1');
  if (!source.startsWith('%PDF-')) throw new Error('not a PDF');
  return (source.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}
