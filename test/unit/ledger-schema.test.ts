import { describe, expect, it } from 'vitest';
import { validateLedgerRecord, type LedgerRecord } from '../../src/domain/ledger-schema.js';

const context = {
  earliestPolicyDate: '2010-04-07',
  hasUnit: (name: string) => ['沙湾镇', '石基镇', '区气象局'].includes(name),
};
const valid = (raw: Record<string, unknown>): LedgerRecord => {
  const result = validateLedgerRecord(raw, context);
  if ('problems' in result) throw new Error(result.problems.join('; '));
  return result.record;
};
const problems = (raw: Record<string, unknown>): string[] => {
  const result = validateLedgerRecord(raw, context);
  return 'problems' in result ? result.problems : [];
};

describe('validateLedgerRecord', () => {
  it('accepts the records of the contract example', () => {
    expect(
      valid({
        type: 'item',
        id: 'I-1',
        unit: '沙湾镇',
        title: '沙湾镇推进古镇保护（政务信息）',
        submitted: '2011-01-05',
      }).fields
    ).toEqual({
      unit: '沙湾镇',
      title: '沙湾镇推进古镇保护（政务信息）',
      submitted: '2011-01-05',
      body: null,
      category: null,
    });
    expect(
      valid({ type: 'adoption', id: 'A-1', item: 'I-1', outlet: 'report', kind: 'research', date: '2011-01-07' }).fields
        .kind
    ).toBe('research');
    expect(valid({ type: 'penalty', id: 'P-1', unit: '区气象局', reason: 'criticism', date: '2011-05-20' }).type).toBe(
      'penalty'
    );
  });

  it('accepts Chinese labels for types and enumerations, as a spreadsheet carries them', () => {
    const record = valid({
      type: '采用',
      id: 'A-1',
      item: 'I-1',
      outlet: '番府信息上报',
      kind: '综合调研',
      date: '2011-01-07',
    });
    expect(record).toMatchObject({ type: 'adoption', fields: { outlet: 'report', kind: 'research' } });
  });

  it('names the field and the value of each problem', () => {
    expect(problems({ type: 'adoption', id: 'A-1', item: 'I-1', outlet: 'web', date: '2011-02-30' })).toEqual([
      expect.stringContaining('outlet（采用载体） 的值 "web" 无效'),
      expect.stringContaining('date（日期） 的值 "2011-02-30" 不是有效日期'),
    ]);
  });

  it('refuses a date before the earliest policy, but not an item submitted before it', () => {
    expect(
      problems({ type: 'penalty', id: 'P-1', unit: '沙湾镇', reason: 'criticism', date: '2010-04-06' })[0]
    ).toContain('早于最早的考核政策生效日期 2010-04-07');
    expect(problems({ type: 'item', id: 'I-0', unit: '沙湾镇', title: 't', submitted: '2009-12-31' })).toEqual([]);
  });

  it('requires kind when the outlet is report, and drops it elsewhere', () => {
    expect(problems({ type: 'adoption', id: 'A-1', item: 'I-1', outlet: 'report', date: '2011-01-07' })[0]).toContain(
      '缺少字段 kind（信息类型）'
    );
    expect(
      valid({ type: 'adoption', id: 'A-1', item: 'I-1', outlet: 'portal', kind: 'brief', date: '2011-01-07' }).fields
        .kind
    ).toBeNull();
  });

  it('refuses unknown units, unknown types, unknown fields and missing ids', () => {
    expect(problems({ type: 'item', id: 'I-1', unit: '火星镇', title: 't', submitted: '2011-01-05' })[0]).toContain(
      '"火星镇" 不是已登记的报送单位'
    );
    expect(problems({ type: 'memo', id: 'M-1' })[0]).toContain('type（类型）的值 "memo" 无效');
    expect(
      problems({ type: 'penalty', id: 'P-1', unit: '沙湾镇', reason: 'criticism', date: '2011-05-20', points: -3 })[0]
    ).toContain('没有字段 points');
    expect(problems({ type: 'penalty', unit: '沙湾镇', reason: 'criticism', date: '2011-05-20' })[0]).toContain(
      '缺少字段 id（编号）'
    );
  });

  it('refuses values of the wrong JSON type', () => {
    expect(problems({ type: 'item', id: 'I-1', unit: '沙湾镇', title: 12, submitted: '2011-01-05' })[0]).toContain(
      'title（标题） 的值 12 无效，应为字符串'
    );
    expect(problems({ type: 'item', id: -1, unit: '沙湾镇', title: 't', submitted: '2011-01-05' })[0]).toContain(
      'id（编号）的值 -1 无效'
    );
  });

  it('a solicitation without units targets all; an empty list is refused; names are normalized', () => {
    expect(
      valid({ type: 'solicitation', id: 'S-1', issuer: 'city', title: 't', deadline: '2011-06-30' }).fields.units
    ).toBeNull();
    expect(
      problems({ type: 'solicitation', id: 'S-1', issuer: 'city', title: 't', deadline: '2011-06-30', units: [] })[0]
    ).toContain('不能为空列表');
    expect(
      valid({
        type: 'solicitation',
        id: 'S-1',
        issuer: 'city',
        title: 't',
        deadline: '2011-06-30',
        units: '石基镇、沙湾镇、石基镇',
      }).fields.units
    ).toEqual(['沙湾镇', '石基镇']);
    expect(
      problems({
        type: 'solicitation',
        id: 'S-1',
        issuer: 'city',
        title: 't',
        deadline: '2011-06-30',
        units: ['沙湾镇', '火星镇'],
      })[0]
    ).toContain('"火星镇"');
  });
});
