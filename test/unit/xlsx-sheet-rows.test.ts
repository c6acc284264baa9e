import v8 from 'node:v8';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLedgerUpload } from '../../src/files/read-ledger-file.js';
import { cellText, readXlsxSheets, type XlsxSheet } from '../../src/files/xlsx-sheet-rows.js';
import { checkZipArchive, isZipRefusal } from '../../src/files/zip-archive.js';
import { buildZip, workbookParts } from '../helpers/zip-builder.js';

const LIMITS = { maxEntries: 1000, maxUncompressedBytes: 64 * 1024 * 1024, maxRatio: 100 };

/** The sheets as the whole-workbook load sees them: what the streamed reader must agree with. */
async function wholeLoadSheets(data: Buffer): Promise<XlsxSheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  return workbook.worksheets.map((sheet) => {
    const rows: XlsxSheet['rows'] = [];
    sheet.eachRow((row, number) => {
      const cells: (string | null)[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cellText(cell.value);
      });
      rows.push({ number, cells: withoutTrailingNulls(cells) });
    });
    return { name: sheet.name, rows };
  });
}

async function streamedSheets(data: Buffer): Promise<XlsxSheet[]> {
  const entries = await checkZipArchive(data, LIMITS);
  if (isZipRefusal(entries)) throw new Error(entries.problem);
  const sheets: XlsxSheet[] = [];
  for await (const sheet of readXlsxSheets(data, entries)) {
    sheets.push({
      name: sheet.name,
      rows: sheet.rows.map((row) => ({ ...row, cells: withoutTrailingNulls(row.cells) })),
    });
  }
  return sheets;
}

// A trailing empty cell is no value; the two readers may differ in whether they keep one.
function withoutTrailingNulls(cells: (string | null)[]): (string | null)[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? null) === null) end--;
  return Array.from({ length: end }, (_, i) => cells[i] ?? null);
}

/** A cell as the test writes it: a value and, for dates, its number format. */
interface CellSpec {
  value: ExcelJS.CellValue;
  numFmt?: string;
}

const cellValue: fc.Arbitrary<CellSpec> = fc.oneof<fc.Arbitrary<CellSpec>[]>(
  fc
    .constantFrom('沙湾镇', '关于防汛工作的报告', '区政务信息', ' 前后空格 ', 'A&B <c> "d"')
    .map((value) => ({ value })),
  fc.string({ maxLength: 12 }).map((value) => ({ value })),
  fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })).map((value) => ({
    value,
  })),
  fc
    .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
    .map((date) => ({ value: new Date(date.toISOString().slice(0, 10)), numFmt: 'yyyy-mm-dd' })),
  fc.constant({ value: { richText: [{ text: '富' }, { text: '文本', font: { bold: true } }] } }),
  fc.constant({ value: null }),
  fc.constant({ value: { formula: 'DATE(2024,1,6)', result: new Date('2024-01-06') }, numFmt: 'yyyy-mm-dd' }),
  fc.constant({ value: { formula: 'TRUE()', result: true } }),
  fc.constant({ value: { formula: '1+1', result: 2 } }),
  fc.constant({ value: { formula: '"甲"&"乙"', result: '甲乙' } }),
  fc.constant({ value: { formula: 'NA()', result: { error: '#N/A' as ExcelJS.CellErrorValue['error'] } } }),
  fc.constant({ value: true })
);

const workbookSpec: fc.Arbitrary<WorkbookSpec> = fc.record({
  sheets: fc.uniqueArray(fc.constantFrom('信息稿件', '采用', '说明', '未知表', '批示'), { minLength: 1, maxLength: 4 }),
  rows: fc.array(fc.array(cellValue, { minLength: 1, maxLength: 6 }), { minLength: 0, maxLength: 8 }),
  mergeRows: fc.integer({ min: 0, max: 3 }),
  date1904: fc.boolean(),
});

/** A workbook as the test builds it. */
interface WorkbookSpec {
  sheets: string[];
  rows: CellSpec[][];
  /** How many rows below the first data row its unit cell is merged over. */
  mergeRows: number;
  date1904: boolean;
}

async function buildWorkbook(spec: WorkbookSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = spec.date1904;
  for (const name of spec.sheets) {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(['编号', '单位', '标题', '报送日期']);
    spec.rows.forEach((cells, i) => {
      const row = sheet.getRow(i + 2);
      cells.forEach(({ value, numFmt }, column) => {
        const cell = row.getCell(column + 1);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
      });
    });
    // A unit name merged down several rows, as offices lay out their ledgers.
    if (spec.mergeRows > 0 && spec.rows.length >= spec.mergeRows + 1) sheet.mergeCells(2, 2, 2 + spec.mergeRows, 2);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('reading the sheets of an .xlsx row by row', () => {
  it('gives every cell the text the whole-workbook load gives it', async () => {
    await fc.assert(
      fc.asyncProperty(workbookSpec, async (spec) => {
        const data = await buildWorkbook(spec);
        expect(await streamedSheets(data)).toEqual(await wholeLoadSheets(data));
      }),
      { numRuns: 40 }
    );
  }, 60_000);

  it('reads formulas’ results, merged cells and dates as the whole-workbook load does', async () => {
    const data = await buildWorkbook({
      sheets: ['信息稿件'],
      rows: [
        [
          { value: 'I1' },
          { value: '沙湾镇' },
          { value: '标题' },
          { value: new Date('2024-01-05'), numFmt: 'yyyy-mm-dd' },
        ],
        [{ value: 'I2' }, { value: null }, { value: { formula: 'TRUE()', result: true } }],
        [
          { value: 'I3' },
          { value: null },
          { value: '标题' },
          { value: { formula: 'D2+1', result: new Date('2024-01-06') }, numFmt: 'yyyy-mm-dd' },
        ],
      ],
      mergeRows: 2,
      date1904: false,
    });
    const [sheet] = await streamedSheets(data);
    expect(sheet.rows.map((row) => row.cells)).toEqual([
      ['编号', '单位', '标题', '报送日期'],
      ['I1', '沙湾镇', '标题', '2024-01-05'],
      ['I2', '沙湾镇', 'true'],
      ['I3', '沙湾镇', '标题', '2024-01-06'],
    ]);
  });

  it('keeps Chinese text whole where a part is read in more than one chunk', async () => {
    const rows: CellSpec[][] = Array.from({ length: 3000 }, (_, i) => [
      { value: `I${i}` },
      { value: '沙湾镇' },
      { value: `关于第${i}项防汛工作的情况报告` },
    ]);
    const data = await buildWorkbook({ sheets: ['信息稿件'], rows, mergeRows: 0, date1904: false });
    const [sheet] = await streamedSheets(data);
    expect(sheet.rows[3000].cells).toEqual(['I2999', '沙湾镇', '关于第2999项防汛工作的情况报告']);
    expect([sheet]).toEqual(await wholeLoadSheets(data));
  });

  it('answers a workbook whose sheet is not XML with one clear problem, as before', async () => {
    const invalid = ['台账.xlsx: 不是有效的 XLSX 文件（请用 Excel 或 WPS 另存为 .xlsx）'];
    for (const sheetXml of [
      '<worksheet><sheetData><row r="1"><c r="A1" <</row></sheetData></worksheet>',
      '<worksheet><sheetData><row r="1"><c r="A1"',
    ]) {
      const broken = buildZip(workbookParts({ content: Buffer.from(sheetXml) }));
      expect(await readLedgerUpload('台账.xlsx', broken)).toEqual({ records: [], problems: invalid });
    }
    const overlapping = buildZip(
      workbookParts({
        content: Buffer.from(
          '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c></row></sheetData><mergeCells><mergeCell ref="A1:A3"/><mergeCell ref="A2:B2"/></mergeCells></worksheet>'
        ),
      })
    );
    expect((await readLedgerUpload('台账.xlsx', overlapping)).problems).toEqual([
      '台账.xlsx: 不是有效的 XLSX 文件（请用 Excel 或 WPS 另存为 .xlsx）',
    ]);
  });

  it('holds no more than a few rows of cell objects at a time', async () => {
    // Forty columns without a header beside each record: the whole-workbook load builds a cell
    // object for every one of them (about 25 MB live for 5,000 rows), the streamed read none.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('信息稿件');
    const padding = Array.from({ length: 40 }, () => '备注');
    sheet.addRow(['编号', '单位', '标题', '报送日期', '内容类别']);
    for (let i = 1; i <= 5_000; i++) sheet.addRow([`I${i}`, '沙湾镇', '标题', '2024-01-05', '工作动态', ...padding]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());

    const growth = await peakLiveHeapGrowth(async () => {
      const result = await readLedgerUpload('台账.xlsx', data);
      expect([...result.records]).toHaveLength(5_000);
    });
    expect(growth).toBeLessThan(12 * 1024 * 1024);
  }, 120_000);
});

/** The most the live heap (after a full collection) grew while `work` ran, sampled every 100 ms. */
async function peakLiveHeapGrowth(work: () => Promise<void>): Promise<number> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = () => {
    gc();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 100);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return peak - base;
}
