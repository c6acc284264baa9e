/**
 * What every 导出Excel shares: the row cap, the file's description (the filters applied and the
 * row count, truncation said out loud) and the answer's shape.
 */
import type { TObject } from '@sinclair/typebox';
import { writeWorkbook, type SheetCell, type SheetTable } from '../../files/xlsx-workbook.js';

/** More rows than anyone reads in a spreadsheet; the list's pages stay the way to the rest. */
export const EXPORT_MAX_ROWS = 50_000;

export interface ExportedWorkbook {
  /** Without extension, e.g. 收件箱_2026-11-28. */
  filename: string;
  bytes: Buffer;
}

/** 筛选条件：状态=已报送；单位=3 from a query and its schema's Chinese titles (paging left out). */
export function filterDescription(schema: TObject, query: object): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '' || key === 'page' || key === 'pageSize') continue;
    const title = (schema.properties[key] as { title?: string } | undefined)?.title ?? key;
    parts.push(`${title}=${String(value)}`);
  }
  return parts.length > 0 ? `筛选条件：${parts.join('；')}` : '筛选条件：无';
}

/** The row count and the cap, said out loud when the filters select more than it. */
export function rowCountNote(total: number, exported: number): string {
  return total > exported
    ? `共 ${total} 条，仅导出前 ${exported} 条（每次最多导出 ${EXPORT_MAX_ROWS} 条，请缩小筛选范围）`
    : `共 ${exported} 条（每次最多导出 ${EXPORT_MAX_ROWS} 条）`;
}

/** One table's headers and rows, from column titles and a cell per title for each entry. */
export function sheetOf<T, K extends string>(
  name: string,
  titles: Record<K, string>,
  keys: readonly K[],
  entries: readonly T[],
  cells: (entry: T) => Record<K, SheetCell>
): SheetTable {
  return {
    name,
    columns: keys.map((key) => ({ header: titles[key] })),
    rows: entries.map((entry) => {
      const row = cells(entry);
      return keys.map((key) => row[key]);
    }),
  };
}

export async function workbookOf(
  filename: string,
  tables: SheetTable[],
  title: string,
  description: string
): Promise<ExportedWorkbook> {
  return { filename, bytes: await writeWorkbook(tables, { title, description }) };
}
