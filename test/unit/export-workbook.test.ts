/** The 导出Excel helpers: the file's description (filters in Chinese, the row cap said out loud) and a sheet from column titles. */
import { describe, expect, it } from 'vitest';
import {
  EXPORT_MAX_ROWS,
  filterDescription,
  rowCountNote,
  sheetOf,
} from '../../src/services/exports/export-workbook.js';
import { ItemListQuery } from '../../src/shared/api/items.js';
import { PENALTY_COLUMNS } from '../../src/shared/tables/list-columns.js';
import { scoreColumnTitles } from '../../src/shared/tables/score-columns.js';

describe('导出Excel helpers', () => {
  it('names the filters by their Chinese titles and leaves out paging and empty ones', () => {
    expect(
      filterDescription(ItemListQuery, { status: '已接收', q: '防汛', page: 3, pageSize: 20, unitId: undefined })
    ).toBe('筛选条件：状态=已接收；关键词=防汛');
    expect(filterDescription(ItemListQuery, { page: 1 })).toBe('筛选条件：无');
  });

  it('says when the cap cut the file short', () => {
    expect(rowCountNote(12, 12)).toBe(`共 12 条（每次最多导出 ${EXPORT_MAX_ROWS} 条）`);
    expect(rowCountNote(EXPORT_MAX_ROWS + 5, EXPORT_MAX_ROWS)).toContain(
      `共 ${EXPORT_MAX_ROWS + 5} 条，仅导出前 ${EXPORT_MAX_ROWS} 条`
    );
  });

  it('builds a sheet in the order of the keys, headers from the shared titles, numbers kept numbers', () => {
    const sheet = sheetOf('扣分记录', PENALTY_COLUMNS, ['unit', 'points'] as const, [{ u: '沙湾镇', p: -5 }], (e) => ({
      unit: e.u,
      points: e.p,
    }));
    expect(sheet).toEqual({
      name: '扣分记录',
      columns: [{ header: '单位' }, { header: '分值' }],
      rows: [['沙湾镇', -5]],
    });
  });

  it("titles the scores table's columns by the period shown", () => {
    expect(scoreColumnTitles(null)).toMatchObject({ rank: '年度排名', points: '全年得分', target: '年度指标' });
    expect(scoreColumnTitles(3)).toMatchObject({ rank: '季度排名', points: '第三季度得分', target: '季度指标' });
  });
});
