import { describe, expect, it } from 'vitest';
import { bodySimilarity, findDuplicates, normalizeBody, withoutUnitName } from '../../src/domain/duplicates.js';

const BODY = '沙湾镇多措并举做好防汛防风工作，排查隐患点12处，转移群众300余人，确保人民群众生命财产安全。';
const item = (
  id: number,
  unitId: number,
  unitName: string,
  title: string,
  body: string | null,
  submitted = '2026-03-20'
) => ({ id, unitId, unitName, title, body, submitted });

describe('疑似重复: the same unit with a look-alike title, or a near-identical body from anyone', () => {
  it('does not flag a templated title that two units share when their bodies differ', () => {
    const a = item(1, 1, '沙湾镇', '沙湾镇扎实推进防汛防风工作（政务信息）', BODY);
    const b = item(
      2,
      2,
      '石基镇',
      '石基镇扎实推进防汛防风工作（政务信息）',
      '石基镇召开防汛工作会议，部署汛期各项防御措施，落实值班值守制度。'
    );
    expect(findDuplicates([a], [a, b]).get(1)).toEqual([]);
  });

  it('always flags the same body sent by two units, whatever the titles, for its body', () => {
    const a = item(1, 1, '沙湾镇', '沙湾镇扎实推进防汛防风工作', BODY);
    const b = item(2, 2, '石基镇', '石基镇开展安全生产大检查', `  ${BODY.replace('，', ', ')}\n`);
    expect(findDuplicates([a], [b]).get(1)).toEqual([{ item: b, score: 1, reason: 'body' }]);
    // Identical short bodies count; different short ones never do.
    expect(bodySimilarity(normalizeBody('正文'), normalizeBody('正文。'))).toBe(1);
    expect(bodySimilarity(normalizeBody('第1篇稿件的正文'), normalizeBody('第2篇稿件的正文'))).toBe(0);
  });

  it('flags a near-identical body (a sentence changed) and not a merely related one', () => {
    const edited = BODY.replace('300余人', '310余人');
    expect(bodySimilarity(normalizeBody(BODY), normalizeBody(edited))).toBeGreaterThanOrEqual(0.8);
    expect(
      bodySimilarity(normalizeBody(BODY), normalizeBody('沙湾镇多措并举做好防汛防风工作，全镇上下齐心协力。'))
    ).toBeLessThan(0.8);
  });

  it("flags one unit's look-alike titles, judged without the unit name every title of it carries", () => {
    const a = item(1, 1, '区人力资源和社会保障局', '区人力资源和社会保障局凝聚部门合力加强基层医疗卫生服务', null);
    const b = item(2, 1, '区人力资源和社会保障局', '区人力资源和社会保障局凝聚部门合力加强食品安全监管', null);
    const c = item(3, 1, '区人力资源和社会保障局', '区人力资源和社会保障局凝聚部门合力加强基层医疗卫生服务工作', null);
    expect(withoutUnitName(a.title, a.unitName)).toBe('凝聚部门合力加强基层医疗卫生服务');
    expect(
      findDuplicates([a], [b, c])
        .get(1)!
        .map((m) => [m.item.id, m.reason])
    ).toEqual([[3, 'title']]);
  });

  it('looks only within ±30 days', () => {
    const a = item(1, 1, '沙湾镇', '沙湾镇推进防汛工作', BODY, '2026-03-20');
    const far = item(2, 2, '石基镇', '石基镇推进防汛工作', BODY, '2026-04-20');
    const near = item(3, 2, '石基镇', '石基镇推进防汛工作', BODY, '2026-04-19');
    expect(
      findDuplicates([a], [far, near])
        .get(1)!
        .map((m) => m.item.id)
    ).toEqual([3]);
  });
});
