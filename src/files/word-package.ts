import { checkZipArchive, isZipRefusal, type ZipLimits, type ZipRefusal } from './zip-archive.js';

/**
 * What a `.docx` attachment may hold. Attachments are stored, not parsed, but a reader who
 * downloads one opens it: a bomb must not be stored. A report with photos has a few dozen
 * parts and inflates to a few times its size; 100 MiB is five times the largest attachment.
 */
export const WORD_PACKAGE_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxRatio: 100,
};

/** The parts every Word document has (ECMA-376 Part 2; Word, WPS and LibreOffice all write these names). */
const REQUIRED_PARTS = ['[Content_Types].xml', 'word/document.xml'];

/**
 * Checks that a `.docx` is a real OOXML package within limits; answers why not (in Chinese,
 * without the file's name), or undefined when it is one.
 */
export async function wordPackageProblem(data: Buffer, limits = WORD_PACKAGE_LIMITS): Promise<ZipRefusal | undefined> {
  const entries = await checkZipArchive(data, limits);
  if (isZipRefusal(entries))
    return entries.kind === 'invalid'
      ? { kind: 'invalid', problem: `不是有效的 Word 文档（${entries.problem}）` }
      : entries;
  const names = new Set(entries.map((entry) => entry.name));
  const missing = REQUIRED_PARTS.filter((part) => !names.has(part));
  if (missing.length > 0) return { kind: 'invalid', problem: `不是 Word 文档（缺少 ${missing.join('、')}）` };
  return undefined;
}
