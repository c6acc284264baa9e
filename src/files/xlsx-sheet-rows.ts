import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import colCache from 'exceljs/lib/utils/col-cache.js';
import parseSax from 'exceljs/lib/utils/parse-sax.js';
import WorkbookXform from 'exceljs/lib/xlsx/xform/book/workbook-xform.js';
import RelationshipsXform from 'exceljs/lib/xlsx/xform/core/relationships-xform.js';
import type { CellModel, CellReadOptions } from 'exceljs/lib/xlsx/xform/sheet/cell-model.js';
import RowXform from 'exceljs/lib/xlsx/xform/sheet/row-xform.js';
import SharedStringsXform from 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform.js';
import { openZipEntry, type ZipEntry } from './zip-archive.js';

/**
 * The sheets of an `.xlsx` read one row at a time, their cells as the text a whole-workbook
 * load (`workbook.xlsx.load`) would give, without building a cell object per cell: a 3 MB
 * ledger no longer costs hundreds of megabytes. Each row is parsed and converted by ExcelJS's
 * own row parser (dates by their number format, rich text, formulas' results, shared
 * strings), and the parts a sheet depends on are read first whatever their order in the ZIP.
 */

/** One row that holds something, numbered from 1; `cells[i]` is column i + 1, null when empty. */
export interface SheetRow {
  number: number;
  cells: (string | null)[];
}

/** A worksheet, in workbook order, with its rows in row order. */
export interface XlsxSheet {
  name: string;
  rows: SheetRow[];
}

/** Thrown when the package is no workbook ExcelJS could open; callers answer "not a valid XLSX". */
export class InvalidWorkbookError extends Error {}

// Merged ranges are filled in cell by cell, as ExcelJS does; a range over millions of cells
// is no ledger, and refusing it keeps a small file from costing a large loop.
const MAX_MERGED_CELLS = 1_000_000;

/** Reads the sheets of a workbook whose archive `checkZipArchive` accepted, one after another. */
export async function* readXlsxSheets(data: Buffer, entries: ZipEntry[]): AsyncGenerator<XlsxSheet> {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const part = (name: string): Readable | undefined => {
    const entry = byName.get(name);
    // Decoded as text here: ExcelJS's XML parser decodes each chunk on its own, which would
    // break a Chinese character whose bytes fall on both sides of a chunk's end.
    return entry && openZipEntry(data, entry)?.setEncoding('utf8');
  };
  const workbookPart = part('xl/workbook.xml');
  const workbook = await parsePart(workbookPart, new WorkbookXform());
  // ExcelJS fails on a workbook part that ends before it closes; so does this reader.
  if (workbookPart && !workbook) throw new InvalidWorkbookError('工作簿部件不完整');
  const relationships = (await parsePart(part('xl/_rels/workbook.xml.rels'), new RelationshipsXform())) ?? [];
  const styles = await parsed(part('xl/styles.xml'), new StylesXform());
  const sharedStrings = await parsed(part('xl/sharedStrings.xml'), new SharedStringsXform());

  for (const sheet of workbook?.sheets ?? []) {
    const relationship = relationships.find((candidate) => candidate.Id === sheet.rId);
    if (!relationship) continue;
    // As ExcelJS resolves a target: relative to `xl/`, or absolute from `/xl/`; chart sheets have no rows.
    const path = `xl/${relationship.Target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!/^xl\/worksheets\/sheet\d+[.]xml$/.test(path)) continue;
    const stream = part(path);
    if (!stream) continue;
    const options: CellReadOptions = {
      styles,
      sharedStrings,
      date1904: workbook?.properties?.date1904,
      formulae: {},
      hyperlinkMap: {},
      commentsMap: {},
    };
    yield { name: sheet.name, rows: await readSheetRows(stream, options) };
  }
}

async function parsePart<T>(stream: Readable | undefined, xform: { parseStream(s: Readable): Promise<T> }) {
  return stream ? xform.parseStream(stream) : undefined;
}

/** The parser itself once it has read its part (it is what cells are reconciled against). */
async function parsed<T extends { parseStream(s: Readable): Promise<unknown> }>(
  stream: Readable | undefined,
  xform: T
): Promise<T | undefined> {
  if (!stream) return undefined;
  await xform.parseStream(stream);
  return xform;
}

/** The rows of one sheet, each converted when it closes; merged cells filled in at the end. */
async function readSheetRows(stream: Readable, options: CellReadOptions): Promise<SheetRow[]> {
  const rows = new Map<number, SheetRow>();
  const merges: string[] = [];
  const rowXform = new RowXform();
  let isInRow = false;
  let depth = 0;
  let hasRoot = false;
  for await (const events of parseSax(stream)) {
    for (const event of events) {
      if (event.eventType === 'opentag') {
        depth++;
        hasRoot = true;
      } else if (event.eventType === 'closetag') depth--;
      if (isInRow) {
        if (event.eventType === 'opentag') rowXform.parseOpen(event.value);
        else if (event.eventType === 'text') rowXform.parseText(event.value);
        else if (!rowXform.parseClose(event.value.name)) {
          isInRow = false;
          rowXform.reconcile(rowXform.model, options);
          const row = rowOf(rowXform.model.number, rowXform.model.cells);
          if (row) rows.set(row.number, row);
        }
      } else if (event.eventType === 'opentag' && event.value.name === 'row') {
        isInRow = rowXform.parseOpen(event.value);
      } else if (event.eventType === 'opentag' && event.value.name === 'mergeCell' && event.value.attributes.ref) {
        merges.push(event.value.attributes.ref);
      }
    }
  }
  // A sheet cut short reads without an error from the parser, but ExcelJS refuses it.
  if (!hasRoot || depth !== 0) throw new InvalidWorkbookError('工作表不完整');
  fillMergedCells(rows, merges);
  return [...rows.values()].sort((a, b) => a.number - b.number);
}

/** A row's cell texts, or nothing when no cell holds a value (ExcelJS's `hasValues`). */
function rowOf(number: number, models: CellModel[]): SheetRow | undefined {
  const cells: (string | null)[] = [];
  let hasValues = false;
  for (const model of models) {
    if (model.type !== ExcelJS.ValueType.Null) hasValues = true;
    cells[colCache.decodeAddress(model.address).col - 1] = cellText(valueOf(model));
  }
  if (!hasValues) return undefined;
  for (let i = 0; i < cells.length; i++) cells[i] ??= null;
  return { number, cells };
}

/** The value ExcelJS's `cell.value` would give for a parsed cell. */
function valueOf(model: CellModel): ExcelJS.CellValue {
  switch (model.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Formula:
      return { formula: '', result: model.result as ExcelJS.CellFormulaValue['result'] };
    default:
      return model.value ?? null;
  }
}

/**
 * Gives every cell of a merged range its top-left cell's value, as ExcelJS does on loading
 * (a unit name merged down several rows belongs to each of them). Ranges that overlap make
 * ExcelJS refuse the workbook, and so they do here.
 */
function fillMergedCells(rows: Map<number, SheetRow>, merges: string[]): void {
  const claimed = new Set<string>();
  let filled = 0;
  for (const ref of merges) {
    const range = colCache.decode(ref);
    if (!('top' in range)) continue;
    const master = rows.get(range.top)?.cells[range.left - 1] ?? null;
    for (let number = range.top; number <= range.bottom; number++) {
      for (let column = range.left; column <= range.right; column++) {
        if (claimed.has(`${number}:${column}`)) throw new InvalidWorkbookError('合并单元格相互重叠');
        claimed.add(`${number}:${column}`);
        if (++filled > MAX_MERGED_CELLS) throw new InvalidWorkbookError('合并单元格过多');
        if (number === range.top && column === range.left) continue;
        let row = rows.get(number);
        if (!row) rows.set(number, (row = { number, cells: [] }));
        for (let i = row.cells.length; i < column - 1; i++) row.cells[i] = null;
        row.cells[column - 1] = master;
      }
    }
  }
}

/** Cell values as plain text: dates as `YYYY-MM-DD`, numbers as written, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return cellText(value.result);
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}
