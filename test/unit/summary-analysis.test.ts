import { describe, expect, it } from 'vitest';
import {
  changeRate,
  changeWords,
  improvementRanking,
  seriesAnalysis,
  summaryTitle,
} from '../../src/domain/summary-analysis.js';

const unit = (name: string, points: number, met: boolean, quartersMet: number | null = met ? 2 : 1) => ({
  unit: name,
  points,
  met,
  quartersMet,
});

describe('summary wording', () => {
  it('names the half-year and the annual summary', () => {
    expect(summaryTitle('番禺区', 2011, 1)).toBe('番禺区2011年上半年政务信息工作小结');
    expect(summaryTitle('番禺区', 2011, null)).toBe('番禺区2011年政务信息工作总结');
  });

  it('states the change against last year in percent, one decimal, or that there is nothing to compare', () => {
    expect(changeRate(120, 100)).toBe(20);
    expect(changeRate(2, 3)).toBe(-33.3);
    expect(changeRate(5, 0)).toBeNull();
    expect(changeRate(10, -10)).toBe(200);
    expect(changeWords(120, 100)).toBe('较去年同期（100 分）增长 20%');
    expect(changeWords(80, 100)).toBe('较去年同期（100 分）下降 20%');
    expect(changeWords(100, 100)).toBe('与去年同期（100 分）持平');
    expect(changeWords(5, 0)).toBe('去年同期无得分记录');
    expect(changeWords(0, 0)).toBe('去年同期亦无得分');
  });
});

describe('seriesAnalysis', () => {
  it('drafts the half-year paragraph of a series from its figures', () => {
    const text = seriesAnalysis({
      name: '镇(街)序列',
      half: 1,
      target: 36,
      units: [
        unit('沙湾镇', 50, true),
        unit('石基镇', 40, true),
        unit('新造镇', 20, false),
        unit('南村镇', 0, false, 0),
      ],
      points: 110,
      previousPoints: 100,
    });
    expect(text).toBe(
      '上半年镇(街)序列 4 个单位中 2 个达到半年指标（36 分），两个季度均达标的 2 个；' +
        '序列合计得分 110 分、平均每个单位 27.5 分，较去年同期（100 分）增长 10%；' +
        '得分居前的是沙湾镇（50 分）、石基镇（40 分）、新造镇（20 分）。' +
        '南村镇、新造镇共 2 个单位未达到半年指标，须进一步加强信息报送工作。'
    );
  });

  it('leaves out quarters where the series has none, and lists at most five units that missed', () => {
    const units = ['甲', '乙', '丙', '丁', '戊', '己', '庚'].map((n, i) => unit(n, i, false, null));
    const text = seriesAnalysis({ name: '直报点序列', half: null, target: 12, units, points: 21, previousPoints: 30 });
    expect(text).toContain('全年直报点序列 7 个单位中 0 个达到年度指标（12 分）；');
    expect(text).not.toContain('季度');
    expect(text).toContain('较去年同期（30 分）下降 30%');
    expect(text).toMatch(/甲、乙、丙、丁、戊等 7 个单位未达到年度指标/);
  });

  it('says so when every unit met the target', () => {
    const text = seriesAnalysis({
      name: '工作部门序列B类',
      half: null,
      target: 48,
      units: [unit('区审计局', 60, true, 4)],
      points: 60,
      previousPoints: 0,
    });
    expect(text).toContain('四个季度均达标的 1 个');
    expect(text).toContain('去年同期无得分记录');
    expect(text.endsWith('全部单位均达到年度指标。')).toBe(true);
  });
});

describe('improvementRanking', () => {
  const units = [
    { unit: '沙湾镇', series: 'town', points: 40, previousPoints: 10 },
    { unit: '石基镇', series: 'town', points: 30, previousPoints: 0 },
    { unit: '新造镇', series: 'town', points: 10, previousPoints: 40 },
    { unit: '南村镇', series: 'town', points: 20, previousPoints: 20 },
    { unit: '化龙镇', series: 'town', points: 5, previousPoints: 10 },
    { unit: '石楼镇', series: 'town', points: 35, previousPoints: 5 },
  ];

  it('ranks gains and falls against last year, ties by name, unchanged units in neither', () => {
    const { mostImproved, mostBehind } = improvementRanking(units, 5);
    expect(mostImproved.map((u) => [u.unit, u.change])).toEqual([
      ['沙湾镇', 30],
      ['石基镇', 30],
      ['石楼镇', 30],
    ]);
    expect(mostBehind.map((u) => [u.unit, u.change])).toEqual([
      ['新造镇', -30],
      ['化龙镇', -5],
    ]);
  });

  it('keeps at most the limit of each', () => {
    const { mostImproved, mostBehind } = improvementRanking(units, 1);
    expect(mostImproved).toHaveLength(1);
    expect(mostBehind.map((u) => u.unit)).toEqual(['新造镇']);
  });
});
