/**
 * Writes tables as an `.xlsx` workbook: one sheet per table, Chinese headers on row 1 (bold,
 * frozen, filterable), numbers stored as numbers, and an optional note above nothing — the filters
 * a page applied go into the workbook's description, so row 1 stays the header row that readers
 * (and `govinfo bulletin --out *.xlsx` checks) expect.
 */
import ExcelJS from 'exceljs';

export interface SheetColumn {
  header: string;
  /** Width in characters; guessed from the header and values when omitted. */
  width?: number;
}

export type SheetCell = string | number | boolean | null | undefined;

export interface SheetTable {
  /** The sheet's name (at most 31 characters; `[]:*?/\` are replaced). */
  name: string;
  columns: SheetColumn[];
  rows: SheetCell[][];
}

export interface WorkbookOptions {
  /** e.g. "筛选条件：状态=待处理；单位=沙湾镇", kept in the file's properties. */
  description?: string;
  title?: string;
}

const SHEET_NAME_REFUSED = /[[\]:*?/\\]/g;

/** A valid, unique sheet name for `name`. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(SHEET_NAME_REFUSED, '_').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base.slice(0, 28)}(${n})`;
  taken.add(candidate);
  return candidate;
}

/** Display width of a value: CJK characters count twice. */
function displayWidth(value: SheetCell): number {
  const text = value === null || value === undefined ? '' : String(value);
  let width = 0;
  for (const ch of text) width += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return width;
}

/** The `.xlsx` bytes of the tables. */
export async function writeWorkbook(tables: SheetTable[], options: WorkbookOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '政务信息报送与考核系统';
  if (options.title) workbook.title = options.title;
  if (options.description) workbook.description = options.description;
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column, index) => ({
      header: column.header,
      width:
        column.width ??
        Math.min(
          60,
          Math.max(8, displayWidth(column.header), ...table.rows.slice(0, 500).map((r) => displayWidth(r[index]))) + 2
        ),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((value) => (value === undefined ? null : value)));
    if (table.columns.length > 0)
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  if (tables.length === 0) workbook.addWorksheet('Sheet1');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
