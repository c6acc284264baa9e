import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeWorkbook } from '../../src/files/xlsx-workbook.js';

async function load(data: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

describe('tables written as a workbook', () => {
  it('puts the Chinese headers on row 1 and keeps numbers as numbers', async () => {
    const workbook = await load(
      await writeWorkbook([
        {
          name: '镇(街)序列',
          columns: [{ header: '单位' }, { header: '本季度得分' }],
          rows: [
            ['沙湾镇', 12.5],
            ['大石街', null],
          ],
        },
      ])
    );
    const sheet = workbook.getWorksheet('镇(街)序列')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '单位', '本季度得分']);
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('B2').value).toBe(12.5);
    expect(sheet.getCell('B3').value).toBeNull();
  });

  it('makes every sheet name valid and unique', async () => {
    const workbook = await load(
      await writeWorkbook([
        { name: '2011/Q1: 得分', columns: [], rows: [] },
        { name: '2011/Q1: 得分', columns: [], rows: [] },
        { name: '很长的名字'.repeat(10), columns: [], rows: [] },
      ])
    );
    const names = workbook.worksheets.map((s) => s.name);
    expect(names[0]).toBe('2011_Q1_ 得分');
    expect(new Set(names).size).toBe(3);
    expect(names.every((n) => n.length <= 31)).toBe(true);
  });

  it('keeps the filters a page applied in the file description', async () => {
    const workbook = await load(await writeWorkbook([], { title: '收件箱', description: '筛选条件：状态=待处理' }));
    expect(workbook.description).toBe('筛选条件：状态=待处理');
    expect(workbook.worksheets).toHaveLength(1);
  });
});
