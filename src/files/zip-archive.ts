import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

/**
 * A ZIP archive (.xlsx, .docx) checked before anything inflates it for real: its central
 * directory is read by hand, its declared sizes held to limits, and then every entry is
 * inflated once into nothing, counting bytes, because a declared size may lie.
 */

/** How much an archive may hold; a zip bomb is refused by one of these. */
export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number;
  /** Bytes all entries inflate to together, declared and actual. */
  maxUncompressedBytes: number;
  /** Uncompressed bytes per compressed byte of one entry (real office files stay near 10). */
  maxRatio: number;
}

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the only methods office files use. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Why an archive is refused: `too_large` when it would expand past a limit, `invalid` when it is no archive. */
export interface ZipRefusal {
  kind: 'too_large' | 'invalid';
  /** In Chinese, without the file's name (callers prefix it). */
  problem: string;
}

// Ratios are not held against small entries: a few kilobytes of repetitive XML compress far
// beyond any bomb threshold and cost nothing to inflate.
const RATIO_FLOOR_BYTES = 1024 * 1024;

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;

const invalid = (problem: string): ZipRefusal => ({ kind: 'invalid', problem });

/** The end-of-central-directory record's offset, searched backwards past a comment of any length. */
function findEndRecord(data: Buffer): number {
  const lowest = Math.max(0, data.length - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  for (let at = data.length - END_RECORD_BYTES; at >= lowest; at--) {
    if (data.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** Reads the central directory without inflating anything; refuses ZIP64, split and encrypted archives. */
export function readZipDirectory(data: Buffer, maxEntries: number): ZipEntry[] | ZipRefusal {
  if (data.length < END_RECORD_BYTES) return invalid('不是 ZIP 压缩包');
  const end = findEndRecord(data);
  if (end === -1) return invalid('不是 ZIP 压缩包');
  const diskNumber = data.readUInt16LE(end + 4);
  const directoryDisk = data.readUInt16LE(end + 6);
  const entriesOnDisk = data.readUInt16LE(end + 8);
  const entryCount = data.readUInt16LE(end + 10);
  const directorySize = data.readUInt32LE(end + 12);
  const directoryOffset = data.readUInt32LE(end + 16);
  // ZIP64 marks its fields with all ones and adds a locator; office files of ledger size never need it.
  const isZip64 =
    entryCount === 0xffff ||
    directorySize === 0xffffffff ||
    directoryOffset === 0xffffffff ||
    (end >= 20 && data.readUInt32LE(end - 20) === ZIP64_END_LOCATOR);
  if (isZip64) return invalid('ZIP64 格式的压缩包不予接受（正常的 Office 文件不需要 ZIP64）');
  if (diskNumber !== 0 || directoryDisk !== 0 || entriesOnDisk !== entryCount) return invalid('分卷压缩包不予接受');
  if (entryCount > maxEntries)
    return { kind: 'too_large', problem: `压缩包包含 ${entryCount} 个文件，超过上限 ${maxEntries}` };
  if (directoryOffset + directorySize > end) return invalid('ZIP 中央目录已损坏');

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < entryCount; i++) {
    if (at + 46 > end || data.readUInt32LE(at) !== DIRECTORY_ENTRY) return invalid('ZIP 中央目录已损坏');
    const flags = data.readUInt16LE(at + 8);
    const method = data.readUInt16LE(at + 10);
    const compressedSize = data.readUInt32LE(at + 20);
    const uncompressedSize = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const localHeaderOffset = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff)
      return invalid('ZIP64 格式的压缩包不予接受（正常的 Office 文件不需要 ZIP64）');
    if (flags & 0x0001) return invalid(`压缩包中的“${name}”已加密，不予接受`);
    if (method !== 0 && method !== 8) return invalid(`压缩包中的“${name}”使用了不支持的压缩方式（${method}）`);
    entries.push({ name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (at > end) return invalid('ZIP 中央目录已损坏');
  return entries;
}

/** Refuses by what the directory declares: the total and each large entry's ratio. */
function declaredProblem(entries: ZipEntry[], limits: ZipLimits): ZipRefusal | undefined {
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes)
    return {
      kind: 'too_large',
      problem: `解压后共 ${megabytes(total)}，超过上限 ${megabytes(limits.maxUncompressedBytes)}`,
    };
  for (const entry of entries) {
    if (entry.uncompressedSize < RATIO_FLOOR_BYTES) continue;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (ratio > limits.maxRatio)
      return {
        kind: 'too_large',
        problem: `压缩包中的“${entry.name}”压缩比 ${Math.round(ratio)}:1 异常（上限 ${limits.maxRatio}:1），疑为压缩炸弹`,
      };
  }
  return undefined;
}

/** The bytes an entry's data occupies, located through its local header. */
function entryData(data: Buffer, entry: ZipEntry): Buffer | undefined {
  const at = entry.localHeaderOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_HEADER) return undefined;
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  if (start + entry.compressedSize > data.length) return undefined;
  return data.subarray(start, start + entry.compressedSize);
}

/**
 * Inflates `compressed` into nothing, counting bytes; stops as soon as more than `limit`
 * come out, so a lying entry costs at most one chunk of memory beyond the limit.
 */
function inflatedBytes(compressed: Buffer, limit: number): Promise<number | 'over' | 'corrupt'> {
  return new Promise((resolve) => {
    const inflater = createInflateRaw();
    let count = 0;
    inflater.on('data', (chunk: Buffer) => {
      count += chunk.length;
      if (count > limit) {
        inflater.destroy();
        resolve('over');
      }
    });
    inflater.on('end', () => resolve(count));
    inflater.on('error', () => resolve('corrupt'));
    inflater.end(compressed);
  });
}

/**
 * Checks an archive before it is opened for real: the directory is readable, within limits,
 * and each entry inflates to no more than it declares (and all together to no more than the
 * limit). Returns the entries, or why the archive is refused.
 */
export async function checkZipArchive(data: Buffer, limits: ZipLimits): Promise<ZipEntry[] | ZipRefusal> {
  const entries = readZipDirectory(data, limits.maxEntries);
  if (!Array.isArray(entries)) return entries;
  const declared = declaredProblem(entries, limits);
  if (declared) return declared;
  for (const entry of entries) {
    const compressed = entryData(data, entry);
    if (!compressed) return invalid(`压缩包中的“${entry.name}”已损坏`);
    if (entry.method === 0) {
      if (compressed.length !== entry.uncompressedSize) return invalid(`压缩包中的“${entry.name}”已损坏`);
      continue;
    }
    // Declared sizes may lie: nothing may inflate past what it declared, and the total was checked above.
    const actual = await inflatedBytes(compressed, entry.uncompressedSize);
    if (actual === 'corrupt') return invalid(`压缩包中的“${entry.name}”已损坏，无法解压`);
    if (actual === 'over')
      return { kind: 'too_large', problem: `压缩包中的“${entry.name}”解压后超过其声明的大小，疑为压缩炸弹` };
  }
  return entries;
}

/**
 * The inflated bytes of one entry of an archive `checkZipArchive` accepted, as a stream: a
 * part is read as it inflates, never held whole. Undefined when the entry's data cannot be found.
 */
export function openZipEntry(data: Buffer, entry: ZipEntry): Readable | undefined {
  const compressed = entryData(data, entry);
  if (!compressed) return undefined;
  if (entry.method === 0) return Readable.from([compressed]);
  const inflater = createInflateRaw();
  inflater.end(compressed);
  return inflater;
}

/** Whether a refusal came from the archive reader. */
export function isZipRefusal(value: ZipEntry[] | ZipRefusal): value is ZipRefusal {
  return !Array.isArray(value);
}
