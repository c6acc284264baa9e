import { isZipRefusal, openZipEntry, readZipDirectory } from '../../src/files/zip-archive.js';

/** One part of a `.docx` (e.g. word/document.xml) as text, read through the central directory. */
export async function docxPart(docx: Buffer, name: string): Promise<string> {
  const entries = readZipDirectory(docx, 1000);
  if (isZipRefusal(entries)) throw new Error(entries.problem);
  const entry = entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the package`);
  const stream = openZipEntry(docx, entry);
  if (!stream) throw new Error(`cannot open ${name}`);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The visible text of a WordprocessingML part, paragraph by paragraph. */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .filter((text) => text.length > 0);
}
