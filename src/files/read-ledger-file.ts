import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  ID_LABEL,
  RECORD_FIELDS,
  RECORD_TYPE_LABELS,
  RECORD_TYPES,
  TYPE_LABEL,
  recordTypeOf,
  type RecordType,
} from '../domain/ledger-schema.js';
import { MAX_IMPORT_BYTES, MAX_SPREADSHEET_BYTES, MAX_SPREADSHEET_UNZIPPED_BYTES } from '../shared/limits.js';
import { readXlsxSheets, type XlsxSheet } from './xlsx-sheet-rows.js';
import { checkZipArchive, isZipRefusal } from './zip-archive.js';

/** One record as read from a file, keyed by field name, with where it stands in the file. */
export interface RawRecord {
  /** The record's fields; empty when `problem` says why the line could not be read. */
  fields: Record<string, unknown>;
  /** Why this line is not a record (not JSON, not an object); reported with the other problems. */
  problem?: string;
  /** The file name as the user gave it (one shared string, not one per record). */
  file: string;
  /** Line (JSON Lines, CSV) or row (XLSX), from 1. */
  line: number;
  /** The worksheet, for XLSX. */
  sheet?: string;
}

/** Where a record stands, as problems name it: `FILE:LINE`, or `FILE:SHEET:ROW` for spreadsheets. */
export function locationOf(raw: Pick<RawRecord, 'file' | 'line' | 'sheet'>): string {
  return raw.sheet === undefined ? `${raw.file}:${raw.line}` : `${raw.file}:${raw.sheet}:${raw.line}`;
}

/**
 * What a file holds. `records` is read lazily where the format allows (JSON Lines), so a
 * million parsed lines need not be held in memory at once. `problems` are the file's own
 * (size, encoding, layout), each prefixed with its location; they stop the import before it starts.
 */
export interface ReadResult {
  records: Iterable<RawRecord>;
  problems: string[];
}

/** The sheet of the template that explains the others; imports pass it over. */
export const GUIDE_SHEET = '说明';

/** How large a ledger file may be; the server takes them from its configuration. */
export interface LedgerFileLimits {
  /** Any ledger file, in bytes. */
  maxBytes: number;
  /** An `.xlsx` file, in bytes: it is held whole while its sheets are read (the ZIP directory is at its end). */
  maxSpreadsheetBytes: number;
  /** What an `.xlsx` may inflate to, all its parts together. */
  maxSpreadsheetUnzippedBytes: number;
}

export const DEFAULT_LEDGER_LIMITS: LedgerFileLimits = {
  maxBytes: MAX_IMPORT_BYTES,
  maxSpreadsheetBytes: MAX_SPREADSHEET_BYTES,
  maxSpreadsheetUnzippedBytes: MAX_SPREADSHEET_UNZIPPED_BYTES,
};

/** A workbook has a few dozen parts; thousands mean something else is inside. */
const MAX_SPREADSHEET_ENTRIES = 1000;
/** Ledger sheets compress about 9:1; a zip bomb compresses about 1000:1. */
const MAX_SPREADSHEET_RATIO = 100;

/** Reads a `.jsonl`, `.csv` or `.xlsx` ledger file into raw records, refusing what it cannot read. */
export async function readLedgerFile(file: string, given: Partial<LedgerFileLimits> = {}): Promise<ReadResult> {
  const limits = { ...DEFAULT_LEDGER_LIMITS, ...given };
  const name = file;
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return fail(`${name}: 不是文件`);
    size = stat.size;
  } catch {
    return fail(`${name}: 文件不存在或无法读取`);
  }
  const extension = path.extname(file).toLowerCase();
  const tooLarge = sizeProblem(name, extension, size, limits);
  if (tooLarge) return fail(tooLarge);
  if (size === 0) return fail(`${name}: 文件为空，没有可导入的记录`);

  if (extension === '.jsonl' || extension === '.ndjson') return readJsonLines(name, fs.readFileSync(file));
  if (extension === '.csv') return readCsv(name, fs.readFileSync(file));
  if (extension === '.xlsx') return readXlsx(name, fs.readFileSync(file), limits);
  return unsupported(name, extension);
}

/**
 * Reads a ledger uploaded through the web pages: the same formats and problems as
 * `readLedgerFile`, from the bytes received, named in problems by the name the user gave it.
 */
export async function readLedgerUpload(
  name: string,
  data: Buffer,
  given: Partial<LedgerFileLimits> = {}
): Promise<ReadResult> {
  const limits = { ...DEFAULT_LEDGER_LIMITS, ...given };
  const extension = path.extname(name).toLowerCase();
  const tooLarge = sizeProblem(name, extension, data.length, limits);
  if (tooLarge) return fail(tooLarge);
  if (data.length === 0) return empty(name);
  if (extension === '.jsonl' || extension === '.ndjson') return readJsonLines(name, data);
  if (extension === '.csv') return readCsv(name, data);
  if (extension === '.xlsx') return readXlsx(name, data, limits);
  return unsupported(name, extension);
}

/** The size limit a file of this type is held to, or undefined when it is within it. */
function sizeProblem(name: string, extension: string, size: number, limits: LedgerFileLimits): string | undefined {
  if (extension === '.xlsx' && size > limits.maxSpreadsheetBytes)
    return `${name}: 文件过大（${formatMegabytes(size)}），.xlsx 台账最多 ${formatMegabytes(limits.maxSpreadsheetBytes)}；请按年度拆分，或另存为 .csv（最多 ${formatMegabytes(limits.maxBytes)}）后导入`;
  if (size > limits.maxBytes)
    return `${name}: 文件过大（${formatMegabytes(size)}），单个台账文件最多 ${formatMegabytes(limits.maxBytes)}；请按年度或记录类型拆分后分别导入`;
  return undefined;
}

function unsupported(name: string, extension: string): ReadResult {
  return fail(`${name}: 不支持的文件类型“${extension || '无扩展名'}”，应为 .jsonl、.csv 或 .xlsx`);
}

const empty = (name: string) => fail(`${name}: 文件为空，没有可导入的记录`);

function fail(problem: string): ReadResult {
  return { records: [], problems: [problem] };
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Names the first line holding a byte that is not UTF-8, or nothing when the whole file is UTF-8. */
function utf8Problem(name: string, buffer: Buffer, advice: string): string | undefined {
  // isUtf8 checks natively, several times faster than a fatal TextDecoder on a 100 MB ledger.
  if (isUtf8(buffer)) return undefined;
  let line = 1;
  for (let start = 0; start <= buffer.length; line++) {
    let end = buffer.indexOf(0x0a, start);
    if (end === -1) end = buffer.length;
    if (!isUtf8(buffer.subarray(start, end))) break;
    start = end + 1;
  }
  return `${name}:${line}: 文件不是 UTF-8 编码（例如 GBK）；${advice}`;
}

function readJsonLines(name: string, buffer: Buffer): ReadResult {
  const problem = utf8Problem(name, buffer, '请用文本编辑器以 UTF-8 编码另存后再导入');
  if (problem) return fail(problem);
  if (!hasContent(buffer)) return empty(name);
  return { records: jsonLines(name, buffer), problems: [] };
}

/** Whether a file holds anything but a byte-order mark and white space. */
function hasContent(buffer: Buffer): boolean {
  const start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  for (let i = start; i < buffer.length; i++) {
    const byte = buffer[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return true;
  }
  return false;
}

/**
 * Decodes and parses one line at a time, so only the records being validated are held as
 * objects; a line of plain ASCII (most ledger lines but items) stays a one-byte string,
 * which V8 parses faster than a slice of one large two-byte text.
 */
function* jsonLines(name: string, buffer: Buffer): Generator<RawRecord> {
  let start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  for (let line = 1; start < buffer.length; line++) {
    let end = buffer.indexOf(0x0a, start);
    if (end === -1) end = buffer.length;
    const source = buffer.toString('utf8', start, end).trim();
    start = end + 1;
    if (source === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      yield { fields: {}, problem: `不是有效的 JSON（${(error as Error).message}）`, file: name, line };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield {
        fields: {},
        problem: `每行应为一个 JSON 对象，实际为 ${Array.isArray(value) ? '数组' : JSON.stringify(value)}`,
        file: name,
        line,
      };
      continue;
    }
    yield { fields: value as Record<string, unknown>, file: name, line };
  }
}

/** Column headers a spreadsheet may use: the Chinese label or the field name, for each field. */
function headerIndex(types: readonly RecordType[]): Map<string, string> {
  const index = new Map<string, string>([
    [TYPE_LABEL, 'type'],
    ['type', 'type'],
    [ID_LABEL, 'id'],
    ['id', 'id'],
  ]);
  for (const type of types) {
    for (const spec of RECORD_FIELDS[type]) {
      index.set(spec.label, spec.name);
      index.set(spec.name, spec.name);
    }
  }
  return index;
}

function mapHeaders(
  location: string,
  headers: string[],
  types: readonly RecordType[],
  requireType: boolean
): { columns: (string | null)[] } | { problems: string[] } {
  const index = headerIndex(types);
  const problems: string[] = [];
  const columns = headers.map((header) => {
    const text = header
      .trim()
      .replace(/^\uFEFF/, '')
      .replace(/\s*[*＊]$/, '');
    if (text === '') return null;
    const field = index.get(text);
    if (field === undefined)
      problems.push(
        `${location}: 未知的列“${text}”；可用的列：${[...new Set([...index.keys()].filter((k) => /[^\x00-\x7f]/.test(k)))].join('、')}`
      );
    return field ?? null;
  });
  columns.forEach((field, i) => {
    const first = columns.indexOf(field);
    if (field !== null && first !== i)
      problems.push(`${location}: 第 ${first + 1} 列和第 ${i + 1} 列是同一列“${headers[i].trim()}”，请删去其一`);
  });
  if (requireType && !columns.includes('type'))
    problems.push(
      `${location}: 缺少“${TYPE_LABEL}”列（记录类型：${RECORD_TYPES.map((t) => RECORD_TYPE_LABELS[t]).join('、')}）`
    );
  if (!columns.includes('id')) problems.push(`${location}: 缺少“${ID_LABEL}”列`);
  return problems.length > 0 ? { problems } : { columns };
}

function rowToFields(columns: (string | null)[], cells: unknown[]): Record<string, unknown> | null {
  const fields: Record<string, unknown> = {};
  let isEmpty = true;
  columns.forEach((field, i) => {
    const value = cells[i];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return;
    isEmpty = false;
    if (field !== null) fields[field] = value;
  });
  return isEmpty ? null : fields;
}

function readCsv(name: string, buffer: Buffer): ReadResult {
  const problem = utf8Problem(name, buffer, '请在 Excel 或 WPS 中另存为“CSV UTF-8”后再导入');
  if (problem) return fail(problem);
  let rows: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    rows = parseCsv(buffer.toString('utf8'), {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as typeof rows;
  } catch (error) {
    const err = error as Error & { lines?: number };
    return fail(`${name}:${err.lines ?? 1}: CSV 格式错误（${err.message}）`);
  }
  if (rows.length === 0) return empty(name);

  const headerLine = rows[0].info.lines;
  const header = mapHeaders(`${name}:${headerLine}`, rows[0].record, RECORD_TYPES, true);
  if ('problems' in header) return { records: [], problems: header.problems };

  const records: RawRecord[] = [];
  let previous = rows[0].info;
  for (const row of rows.slice(1)) {
    // csv-parse reports the line a record ends on; a quoted field may span lines, so count from the last record.
    const startLine = previous.lines + (row.info.empty_lines - previous.empty_lines) + 1;
    previous = row.info;
    const extra = row.record.slice(header.columns.length).findIndex((cell) => cell.trim() !== '');
    if (extra !== -1) {
      const column = header.columns.length + extra;
      records.push({
        fields: {},
        problem: `第 ${column + 1} 列没有列名，其值 ${JSON.stringify(row.record[column])} 无法导入`,
        file: name,
        line: startLine,
      });
      continue;
    }
    const fields = rowToFields(header.columns, row.record);
    if (fields) records.push({ fields, file: name, line: startLine });
  }
  return records.length === 0 ? empty(name) : { records, problems: [] };
}

async function readXlsx(name: string, data: Buffer, limits: LedgerFileLimits): Promise<ReadResult> {
  // The archive is checked first, so a bomb never reaches the parsers.
  const checked = await checkZipArchive(data, {
    maxEntries: MAX_SPREADSHEET_ENTRIES,
    maxUncompressedBytes: limits.maxSpreadsheetUnzippedBytes,
    maxRatio: MAX_SPREADSHEET_RATIO,
  });
  if (isZipRefusal(checked))
    return fail(
      checked.kind === 'too_large'
        ? `${name}: ${checked.problem}，不予读取；请按年度拆分，或另存为 .csv 后导入`
        : `${name}: 不是有效的 XLSX 文件（${checked.problem}）；请用 Excel 或 WPS 另存为 .xlsx`
    );
  const records: RawRecord[] = [];
  const problems: string[] = [];
  try {
    for await (const sheet of readXlsxSheets(data, checked)) {
      sheetRecords(name, sheet, records, problems);
    }
  } catch {
    // Whatever the parts hold, a workbook that cannot be read is one problem for the user, never a crash.
    return fail(`${name}: 不是有效的 XLSX 文件（请用 Excel 或 WPS 另存为 .xlsx）`);
  }
  return records.length === 0 && problems.length === 0 ? empty(name) : { records, problems };
}

/** Adds one worksheet's records, or why it cannot be read, to those of the workbook. */
function sheetRecords(name: string, sheet: XlsxSheet, records: RawRecord[], problems: string[]): void {
  if (sheet.name.trim() === GUIDE_SHEET) return;
  const type = recordTypeOf(sheet.name);
  if (type === undefined) {
    problems.push(
      `${name}:${sheet.name}: 未知的工作表“${sheet.name}”；工作表名应为记录类型：${RECORD_TYPES.map((t) => RECORD_TYPE_LABELS[t]).join('、')}`
    );
    return;
  }
  if (sheet.rows.length === 0) return;
  const headerCells = (sheet.rows[0].number === 1 ? sheet.rows[0].cells : []).map((v) => v ?? '');
  const header = mapHeaders(`${name}:${sheet.name}:1`, headerCells, [type], false);
  if ('problems' in header) {
    problems.push(...header.problems);
    return;
  }
  for (const row of sheet.rows) {
    if (row.number === 1) continue;
    const fields = rowToFields(header.columns, row.cells);
    if (!fields) continue;
    if (fields.type !== undefined && recordTypeOf(fields.type) !== type) {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a spreadsheet cell's value, as written.
      problems.push(`${name}:${sheet.name}:${row.number}: 类型“${String(fields.type)}”与工作表“${sheet.name}”不符`);
      continue;
    }
    records.push({ fields: { ...fields, type }, file: name, line: row.number, sheet: sheet.name });
  }
}
