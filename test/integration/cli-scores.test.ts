import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { govinfo, writeJsonl } from '../helpers/cli.js';
import { createTestDatabase, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';
import { snapshot } from '../helpers/snapshot.js';

/** The contract's example ledger (ledger-and-cli.md), extended along the scoring rules. */
const LEDGER = [
  { type: 'item', id: 'I-1', unit: '沙湾镇', title: '沙湾镇推进古镇保护（政务信息）', submitted: '2011-01-05' },
  { type: 'adoption', id: 'A-1', item: 'I-1', outlet: 'report', kind: 'research', date: '2011-01-07' },
  { type: 'upward', id: 'U-1', item: 'I-1', level: 'city', date: '2011-03-01' },
  { type: 'instruction', id: 'N-1', item: 'I-1', level: 'province', date: '2011-05-10', leader: '省长' },
  { type: 'penalty', id: 'P-1', unit: '区气象局', reason: 'criticism', date: '2011-05-20' },
  // A district instruction on a portal-only item earns nothing.
  { type: 'item', id: 'I-2', unit: '石基镇', title: '石基镇开展安全生产检查（政务信息）', submitted: '2011-02-01' },
  { type: 'adoption', id: 'A-2', item: 'I-2', outlet: 'portal', date: '2011-02-03' },
  { type: 'instruction', id: 'N-2', item: 'I-2', level: 'district', date: '2011-02-10' },
  // A solicitation of two units: 沙湾镇 answers a day late (no +2, still −5), 石基镇 on time (+2 once adopted).
  {
    type: 'solicitation',
    id: 'S-1',
    issuer: 'district',
    title: '关于报送防汛工作情况的约稿',
    deadline: '2011-06-30',
    units: ['沙湾镇', '石基镇'],
  },
  { type: 'item', id: 'I-3', unit: '沙湾镇', title: '沙湾镇防汛工作（政务信息）', submitted: '2011-07-01' },
  { type: 'response', id: 'R-1', solicitation: 'S-1', item: 'I-3' },
  { type: 'adoption', id: 'A-3', item: 'I-3', outlet: 'dynamic', date: '2011-07-04' },
  { type: 'item', id: 'I-4', unit: '石基镇', title: '石基镇防汛工作（政务信息）', submitted: '2011-06-30' },
  { type: 'response', id: 'R-2', solicitation: 'S-1', item: 'I-4' },
  { type: 'adoption', id: 'A-4', item: 'I-4', outlet: 'report', kind: 'headline', date: '2011-07-02' },
  { type: 'instruction', id: 'N-4', item: 'I-4', level: 'district', date: '2011-07-20' },
  // Direct-report units are assessed by year only.
  { type: 'item', id: 'I-5', unit: '区妇联', title: '区妇联开展维权宣传（政务信息）', submitted: '2011-08-01' },
  { type: 'adoption', id: 'A-5', item: 'I-5', outlet: 'report', kind: 'research', date: '2011-08-03' },
];

interface UnitScore {
  unit: string;
  series: string;
  quarters: {
    quarter: number;
    points: number;
    target: number | null;
    met: boolean | null;
    failed_streak: number | null;
  }[];
  annual: { points: number; target: number; met: boolean };
  rank: number;
  all_quarters_met: boolean;
}

describe.skipIf(!isDialectAvailable)('govinfo import → scores through the real command line', () => {
  let database: TestDatabase;
  let ledger: string;
  const run = (...args: string[]) => govinfo(database.location, ...args);
  const scores = async (...args: string[]) => {
    const result = await run('scores', '--json', ...args);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout) as { year: number; quarter?: number; policy: string; units: UnitScore[] };
  };
  const unitOf = (document: { units: UnitScore[] }, name: string) => document.units.find((u) => u.unit === name)!;

  beforeAll(async () => {
    database = await createTestDatabase();
    ledger = writeJsonl(database.dir, 'ledger.jsonl', LEDGER);
    const result = await run('import', ledger);
    // The district instruction on the portal-only item is stored, and the user told it earns nothing.
    expect(result.stderr).toBe(
      `警告：${ledger}:8: 稿件 I-2 未被《番府信息》(政务动态)或《番府信息上报》采用，区领导批示 N-2 已记录但不加分\n`
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('新增 18 条');
  });
  afterAll(async () => database?.drop());

  it('prints exactly the documented JSON document: 80 units, four quarters each', async () => {
    const document = await scores('--year', '2011');
    expect(Object.keys(document)).toEqual(['year', 'policy', 'units']);
    expect(document).toMatchObject({ year: 2011, policy: 'panyu-2010' });
    expect(document.units).toHaveLength(80);
    for (const unit of document.units) {
      expect(Object.keys(unit)).toEqual(['unit', 'series', 'quarters', 'annual', 'rank', 'all_quarters_met']);
      expect(unit.quarters.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
    }
    expect(new Set(document.units.map((u) => u.series))).toEqual(new Set(['town', 'dept_a', 'dept_b', 'direct']));
  });

  it('books the upward bonus as top-ups of its highest value: 8 in Q1, 12 in Q2', async () => {
    const shawan = unitOf(await scores('--year', '2011'), '沙湾镇');
    // Q1: report research 8 + city adoption 8. Q2: provincial instruction tops up to 20 (+12); the late answer costs −5 on the deadline.
    expect(shawan.quarters.map((q) => q.points)).toEqual([16, 12 - 5, 3, 0]);
    expect(shawan.quarters[0]).toEqual({ quarter: 1, points: 16, target: 18, met: false, failed_streak: 1 });
    expect(shawan.annual).toEqual({ points: 26, target: 72, met: false });
  });

  it('gives nothing for a district instruction on a portal-only item, +2 and +5 for an on-time answer in 《番府信息上报》', async () => {
    const shiji = unitOf(await scores('--year', '2011'), '石基镇');
    expect(shiji.quarters.map((q) => q.points)).toEqual([2, 0, 5 + 2 + 5, 0]);
  });

  it('assesses 直报点 by year only and deducts criticism', async () => {
    const document = await scores('--year', '2011');
    expect(unitOf(document, '区妇联')).toMatchObject({
      quarters: [1, 2, 3, 4].map((quarter) => ({ quarter, target: null, met: null, failed_streak: null })),
      annual: { points: 8, target: 12, met: false },
      all_quarters_met: false,
    });
    expect(unitOf(document, '区气象局').quarters[1]).toMatchObject({ points: -10, target: 12, met: false });
  });

  it('ranks within each series with shared ranks for ties', async () => {
    const towns = (await scores('--year', '2011')).units.filter((u) => u.series === 'town');
    expect(unitOf({ units: towns }, '沙湾镇').rank).toBe(1);
    expect(unitOf({ units: towns }, '石基镇').rank).toBe(2);
    expect(towns.filter((u) => u.annual.points === 0).every((u) => u.rank === 3)).toBe(true);
  });

  it('--quarter adds "quarter" at the top and keeps the figures', async () => {
    const whole = await scores('--year', '2011');
    const quarter = await scores('--year', '2011', '--quarter', '2');
    expect(Object.keys(quarter)).toEqual(['year', 'quarter', 'policy', 'units']);
    expect(quarter.quarter).toBe(2);
    expect(quarter.units).toEqual(whole.units);
  });

  it('--as-of counts bookings on or before the date and only deadlines before it', async () => {
    const onDeadline = unitOf(await scores('--year', '2011', '--as-of', '2011-06-30'), '沙湾镇');
    const dayAfter = unitOf(await scores('--year', '2011', '--as-of', '2011-07-01'), '沙湾镇');
    expect(onDeadline.quarters[1].points).toBe(12);
    expect(dayAfter.quarters[1].points).toBe(7);
    expect(unitOf(await scores('--year', '2011', '--as-of', '2011-02-28'), '沙湾镇').quarters[0].points).toBe(8);
  });

  it('explains every booking, summing to the figures of scores', async () => {
    const result = await run('explain', '--unit', '沙湾镇', '--year', '2011', '--json');
    expect(result.status).toBe(0);
    const explanation = JSON.parse(result.stdout) as {
      points: number;
      bookings: { date: string; points: number; rule: string; record: { type: string; id: string } }[];
    };
    expect(explanation.points).toBe(26);
    expect(explanation.bookings.reduce((sum, b) => sum + b.points, 0)).toBe(26);
    expect(explanation.bookings.map((b) => [b.date, b.points, b.rule, `${b.record.type}:${b.record.id}`])).toEqual([
      ['2011-01-07', 8, 'adoption:report:research', 'adoption:A-1'],
      ['2011-03-01', 8, 'upward:city:adoption', 'upward:U-1'],
      ['2011-05-10', 12, 'upward:province:instruction', 'instruction:N-1'],
      ['2011-06-30', -5, 'solicitation_missed', 'solicitation:S-1'],
      ['2011-07-04', 3, 'adoption:dynamic', 'adoption:A-3'],
    ]);
    const table = await run('explain', '--unit', '沙湾镇', '--year', '2011', '--quarter', '2');
    expect(table.stdout).toContain('沙湾镇 2011 年第二季度得分 7 分');
    expect(table.stdout).toContain('上报省政府办公厅以上领导批示（按最高加分值补足）');
  });

  it('importing the same file again changes nothing', async () => {
    const before = await snapshot(database.location);
    const again = await run('import', ledger);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('新增 0 条，跳过（已存在且相同）18 条');
    expect(await snapshot(database.location)).toEqual(before);
  });

  it('prints a readable Chinese table by series, with the lists the policy acts on', async () => {
    const result = await run('scores', '--year', '2011', '--quarter', '1');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('镇(街)序列：季度指标 18 分，年度指标 72 分');
    expect(result.stdout).toContain('直报点序列：年度指标 12 分');
    expect(result.stdout).toMatch(/第一季度通报批评（未完成季度指标）：沙湾镇、石基镇/);
    expect(result.stdout).toContain('通报表扬候选（全年四个考核季度全部达标，按排名）：无');
    // CJK-aware alignment: every row of a table ends its unit column at the same display width.
    const header = result.stdout.split('\n').find((l) => l.startsWith('排名'))!;
    expect(header).toBeDefined();
  });

  it('refuses bad command-line values with status 1 and a precise message', async () => {
    const cases: [string[], string][] = [
      [['scores', '--year', '11'], '--year 的值“11”无效'],
      [['scores', '--year', '2011', '--quarter', '5'], '--quarter 的值“5”无效'],
      [['scores', '--year', '2011', '--as-of', '2011-02-30'], '--as-of 的值“2011-02-30”不是有效日期'],
      [['explain', '--unit', '沙湾', '--year', '2011'], '未找到报送单位“沙湾”；是否指：沙湾镇'],
      [['scores'], '缺少必填选项 --year <year>（使用 --help 查看用法）'],
      [['scores', '--year', '2011', '--bogus'], '未知选项 --bogus'],
      [['frobnicate'], '未知命令 frobnicate'],
    ];
    for (const [args, message] of cases) {
      const result = await run(...args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
    }
  });

  it('answers --help for every command', async () => {
    for (const command of ['import', 'scores', 'explain', 'units', 'template', 'demo', 'policy']) {
      const result = await run(command, '--help');
      expect(result.status, command).toBe(0);
      expect(result.stdout).toContain(`Usage: govinfo ${command}`);
    }
  });

  it('lists the units with series and targets', async () => {
    const result = await run('units', '--json');
    const document = JSON.parse(result.stdout) as {
      policy: string;
      units: { unit: string; series: string; quarterly_target: number | null; annual_target: number }[];
    };
    expect(document.units).toHaveLength(80);
    expect(document.units.find((u) => u.unit === '区审计局')).toMatchObject({
      series: 'dept_b',
      quarterly_target: 12,
      annual_target: 48,
    });
    expect(document.units.find((u) => u.unit === '番禺日报社')).toMatchObject({
      series: 'direct',
      quarterly_target: null,
      annual_target: 12,
    });
    const counts = Object.fromEntries(
      ['town', 'dept_a', 'dept_b', 'direct'].map((s) => [s, document.units.filter((u) => u.series === s).length])
    );
    expect(counts).toEqual({ town: 19, dept_a: 28, dept_b: 14, direct: 19 });
  });
});
