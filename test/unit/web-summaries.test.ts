import { describe, expect, it } from 'vitest';
import {
  changedParagraphs,
  documentUrl,
  editable,
  percent,
  signed,
  type SummaryView,
} from '../../web/src/pages/scores/summaries/service.js';

const view = (status: SummaryView['status']) =>
  ({
    status,
    paragraphs: [
      { series: 'town', name: '镇(街)序列', text: '已保存的镇街分析', drafted: '自动生成的镇街分析' },
      { series: 'direct', name: '直报点序列', text: '自动生成的直报点分析', drafted: '自动生成的直报点分析' },
    ],
  }) as unknown as SummaryView;

describe('工作总结 page logic', () => {
  it('lets only the editor edit, and only before submission or after a return', () => {
    expect(editable('none', 'editor')).toBe(true);
    expect(editable('draft', 'editor')).toBe(true);
    expect(editable('returned', 'editor')).toBe(true);
    expect(editable('pending', 'editor')).toBe(false);
    expect(editable('approved', 'editor')).toBe(false);
    expect(editable('draft', 'office_leader')).toBe(false);
  });

  it('saves the paragraphs that changed, trimmed; a first save keeps every paragraph as shown', () => {
    expect(changedParagraphs(view('draft'), { town: '  新的镇街分析 ' })).toEqual([
      { series: 'town', text: '新的镇街分析' },
    ]);
    expect(changedParagraphs(view('draft'), { town: '已保存的镇街分析' })).toEqual([]);
    expect(changedParagraphs(view('draft'), { town: '   ' })).toEqual([]);
    expect(changedParagraphs(view('none'), {}).map((p) => p.series)).toEqual(['town', 'direct']);
  });

  it('formats changes and download addresses', () => {
    expect([signed(3), signed(-2), signed(0)]).toEqual(['+3', '−2', '0']);
    expect([percent(12.5), percent(-3), percent(0), percent(null)]).toEqual(['+12.5%', '−3%', '0%', '—']);
    expect(documentUrl(2011, 1, 'pdf')).toBe('/api/summaries/document?year=2011&half=1&format=pdf');
    expect(documentUrl(2011, null, 'docx')).toBe('/api/summaries/document?year=2011&format=docx');
  });
});
