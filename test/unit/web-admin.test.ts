import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/domain/policy.js';
import type { Account } from '../../src/shared/api/accounts.js';
import type { UnitRegistry } from '../../src/shared/api/registry.js';
import { filterAccounts, needsUnit, USERNAME_PATTERN } from '../../web/src/pages/admin/accounts/service.js';
import {
  actorLabel,
  auditQuery,
  beijingTime,
  objectLabel,
  prettyJson,
} from '../../web/src/pages/admin/audit/service.js';
import {
  auditActionLabel,
  auditObjectTypeLabel,
  auditOutcomeLabel,
  AUDIT_ACTION_CODES,
} from '../../src/domain/audit-labels.js';
import { isAcceptedFile, positionOf, totalOf } from '../../web/src/pages/admin/import/service.js';
import { outletRows, parsePolicyFile, pointsCell, seriesRows } from '../../web/src/pages/admin/policy/service.js';
import { filterRegistry, namesFor } from '../../web/src/pages/admin/registry/service.js';
import { groupUnits } from '../../web/src/pages/admin/units/service.js';
import policyJson from '../../seeds/panyu-2010.policy.json' with { type: 'json' };
import { rememberInitials } from '../../web/src/lib/pinyin';

const policy = policyJson as unknown as Policy;

describe('台账导入 page logic', () => {
  it('words where a problem stands', () => {
    expect(positionOf({ sheet: null, line: 3 })).toBe('第 3 行');
    expect(positionOf({ sheet: '采用', line: 4 })).toBe('工作表“采用”第 4 行');
    expect(positionOf({ sheet: '备忘', line: null })).toBe('工作表“备忘”');
    expect(positionOf({ sheet: null, line: null })).toBe('整个文件');
  });
  it('accepts the three ledger formats only, and totals a preview', () => {
    expect(['a.XLSX', 'b.csv', 'c.jsonl'].every(isAcceptedFile)).toBe(true);
    expect(isAcceptedFile('d.xls')).toBe(false);
    expect(
      totalOf(
        {
          dryRun: true,
          file: 'a',
          warnings: [],
          counts: [
            { type: 'item', name: '信息稿件', stored: 2, skipped: 1 },
            { type: 'adoption', name: '采用', stored: 1, skipped: 0 },
          ],
        },
        'stored'
      )
    ).toBe(3);
  });
});

describe('现行考核办法 page logic', () => {
  it('reads the points of each outlet by kind from the policy', () => {
    const report = outletRows(policy).find((r) => r.key === 'report')!;
    expect(['research', 'headline', 'brief'].map((k) => pointsCell(report.points, k))).toEqual([
      '+8 分',
      '+5 分',
      '+2 分',
    ]);
    expect(pointsCell(outletRows(policy).find((r) => r.key === 'portal')!.points, 'research')).toBe('+2 分');
    expect(seriesRows(policy).find((s) => s.code === 'direct')).toMatchObject({
      quarterly: null,
      annual: 12,
      staffing: '在编公务员或正式编制人员',
    });
  });
  it('refuses a file that is not JSON with the reason', () => {
    expect(parsePolicyFile('{"name":')).toMatchObject({ problem: expect.stringContaining('文件不是有效的 JSON') });
    expect(parsePolicyFile('\uFEFF{"a":1}')).toEqual({ json: { a: 1 } });
  });
});

describe('审计日志 page logic', () => {
  it('turns China-time dates into the instants the log stores, both days included', () => {
    expect(auditQuery({ from: '2026-03-01', to: '2026-03-02', actor: ' admin ' }, 2, 20)).toEqual({
      actor: 'admin',
      action: undefined,
      outcome: undefined,
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-02T15:59:59.999Z',
      page: 2,
      pageSize: 20,
    });
    expect(beijingTime('2026-02-28T16:00:05.000Z')).toBe('2026-03-01 00:00:05 +08:00');
  });
  it('names actions in Chinese and shows before/after readably', () => {
    expect(auditActionLabel('login')).toBe('登录');
    expect(auditActionLabel('item_approve')).toBe('稿件：审核通过');
    expect(auditActionLabel('something_new')).toBe('something_new');
    expect(auditOutcomeLabel('denied')).toBe('拒绝');
    expect(auditObjectTypeLabel('user')).toBe('账号');
    expect(AUDIT_ACTION_CODES).toContain('item_receive');
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('not json')).toBe('not json');
  });
  it('names who acted and what about as people know them', () => {
    expect(actorLabel({ actor: 'zhang', actor_name: '张三', actor_unit: '沙湾镇' })).toBe('张三（沙湾镇）');
    expect(actorLabel({ actor: 'admin', actor_name: '系统管理员', actor_unit: null })).toBe('系统管理员');
    expect(actorLabel({ actor: 'nobody', actor_name: null, actor_unit: null })).toBe('nobody');
    expect(objectLabel({ object_type: 'item', object_type_label: '稿件', object_id: '7', object_name: '防汛' })).toBe(
      '稿件《防汛》'
    );
    expect(
      objectLabel({ object_type: 'user', object_type_label: '账号', object_id: '3', object_name: '张三（沙湾镇）' })
    ).toBe('账号 张三（沙湾镇）');
    expect(
      objectLabel({ object_type: 'penalty', object_type_label: '扣分记录', object_id: '2', object_name: null })
    ).toBe('扣分记录 #2');
    expect(objectLabel({ object_type: null, object_type_label: '', object_id: null, object_name: null })).toBe('—');
  });
});

describe('账号 and 单位 page logic', () => {
  const account = (username: string, extra: Partial<Account> = {}): Account => ({
    id: 1,
    username,
    displayName: '张三',
    role: 'officer',
    roleName: '信息员',
    unit: { id: 1, name: '沙湾镇' },
    totpEnabled: false,
    version: 1,
    phone: null,
    isDisabled: false,
    isLocked: false,
    mustChangePassword: false,
    ...extra,
  });
  it('filters accounts by text and role, and knows which roles need a unit', () => {
    const list = [account('swz-1'), account('editor-1', { role: 'editor', unit: null, displayName: '李四' })];
    expect(filterAccounts(list, '沙湾', undefined).map((a) => a.username)).toEqual(['swz-1']);
    expect(filterAccounts(list, '', 'editor').map((a) => a.username)).toEqual(['editor-1']);
    expect([needsUnit('officer'), needsUnit('editor'), needsUnit(undefined)]).toEqual([true, false, false]);
    expect(USERNAME_PATTERN.test('ab')).toBe(false);
    expect(USERNAME_PATTERN.test('swz.officer')).toBe(true);
  });
  it('groups units by series and finds them by pinyin initials', () => {
    const series = [
      { code: 'town', name: '镇(街)序列' },
      { code: 'direct', name: '直报点序列' },
    ];
    const units = [
      { id: 1, name: '沙湾镇', initials: 'swz', series: 'town', version: 1, quarterlyTarget: 18, annualTarget: 72 },
      { id: 2, name: '石基镇', initials: 'sjz', series: 'town', version: 1, quarterlyTarget: 18, annualTarget: 72 },
      {
        id: 3,
        name: '区气象局',
        initials: 'qqxj',
        series: 'direct',
        version: 1,
        quarterlyTarget: null,
        annualTarget: 12,
      },
    ];
    // As the units loader does with GET /api/units.
    rememberInitials(units);
    expect(groupUnits(series, units, 'swz').map((g) => [g.series.code, g.units.map((u) => u.name)])).toEqual([
      ['town', ['沙湾镇']],
    ]);
    expect(groupUnits(series, units, '').map((g) => [g.series.code, g.units.length, g.quarterlyTarget])).toEqual([
      ['town', 2, 18],
      ['direct', 1, null],
    ]);
  });
  it('filters the registry by unit and warnings', () => {
    const row = (name: string, warnings: string[]): UnitRegistry => ({
      unit: { id: 1, name, series: 'town' },
      contacts: [],
      history: [],
      warnings,
      gaps: warnings.map((problem) => ({ problem, since: null })),
      unregisteredOfficers: [],
      followUps: [],
    });
    const rows = [row('沙湾镇', ['未登记信息员']), row('石基镇', [])];
    expect(filterRegistry(rows, '', true).map((r) => r.unit.name)).toEqual(['沙湾镇']);
    expect(filterRegistry(rows, 'sjz', false).map((r) => r.unit.name)).toEqual(['石基镇']);
    expect(namesFor(rows[0], 'officer')).toBeUndefined();
  });
});

describe('contact phones (账号, 登记备案)', () => {
  it('accepts office and mobile numbers as an item’s 联系电话 does, and refuses letters or too few digits', async () => {
    const { phoneProblem, isMobilePhone } = await import('../../src/domain/phone.js');
    for (const ok of ['020-84822345', '13800138000', '138 0013 8000', '84822345', ''])
      expect(phoneProblem(ok)).toBeUndefined();
    expect(phoneProblem('abc')).toContain('电话格式不正确');
    expect(phoneProblem('12345')).toContain('电话格式不正确');
    expect(isMobilePhone('138 0013 8000')).toBe(true);
    expect(isMobilePhone('020-84822345')).toBe(false);
  });
});

describe('信息员登记备案 page logic', () => {
  it('takes an officer account’s phone as mobile or office phone', async () => {
    const { entryFromAccount } = await import('../../web/src/pages/admin/registry/service.js');
    expect(entryFromAccount({ accountId: 1, name: '赵信息', phone: '13912345678' })).toEqual({
      duty: 'officer',
      name: '赵信息',
      mobile: '13912345678',
    });
    expect(entryFromAccount({ accountId: 1, name: '赵信息', phone: '020-84822345' })).toEqual({
      duty: 'officer',
      name: '赵信息',
      officePhone: '020-84822345',
    });
    expect(entryFromAccount({ accountId: 1, name: '赵信息', phone: null })).toEqual({
      duty: 'officer',
      name: '赵信息',
    });
  });
  it('lists units that fall short, never-registered first, then the longest-standing', async () => {
    const { unitsWithGaps } = await import('../../web/src/pages/admin/registry/service.js');
    const row = (name: string, since: (string | null)[]) => ({
      unit: { id: name.length, name, series: 'town' },
      contacts: [],
      history: [],
      warnings: [],
      unregisteredOfficers: [],
      followUps: [],
      gaps: since.map((s, i) => ({ problem: `p${i}`, since: s })),
    });
    const rows = [row('甲', ['2026-03-01']), row('乙', []), row('丙', ['2026-05-01', null]), row('丁', ['2025-12-31'])];
    expect(unitsWithGaps(rows).map((r) => r.unit.name)).toEqual(['丙', '丁', '甲']);
  });
});
