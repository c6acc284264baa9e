import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/domain/policy';
import { ApiError } from '../../web/src/http';
import {
  adoptionOutlets,
  adoptionPoints,
  outletKinds,
  outletNames,
  recordPoints,
  upwardKinds,
} from '../../web/src/pages/items/detail/components/editorial-service';
import {
  bulkSummary,
  filtersFromUrl,
  filtersToUrl,
  highlightSegments,
  runBulk,
  splitSelection,
} from '../../web/src/pages/editor/inbox/service';
import type { InboxRow } from '../../web/src/pages/editor/inbox/service';
import { penaltyReasons } from '../../web/src/pages/editor/penalties/service';
import { deadlineText, targetUnitIds } from '../../web/src/pages/editor/solicitations/service';

const policy = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds/panyu-2010.policy.json'), 'utf8')
) as Policy;

const row = (id: number, status: InboxRow['status']): InboxRow => ({
  id,
  ref: `W${id}`,
  title: `稿件${id}`,
  status,
  statusName: status,
  submitted: '2026-03-20',
  category: null,
  isPublic: true,
  isMajor: false,
  unit: { id: 1, name: '沙湾镇', series: 'town' },
  version: 3,
  points: 0,
});

describe('the inbox: filters in the URL', () => {
  it('reads the dashboard link ?status=submitted and ignores what is malformed', () => {
    expect(filtersFromUrl(new URLSearchParams('status=submitted'))).toEqual({
      status: 'submitted',
      page: 1,
      pageSize: 20,
    });
    expect(
      filtersFromUrl(new URLSearchParams('status=nonsense&unitId=abc&from=2026-3-1&page=-2&pageSize=1000'))
    ).toEqual({ page: 1, pageSize: 100 });
    expect(
      filtersFromUrl(new URLSearchParams('q=%20防汛%20&outlet=report&unitId=7&from=2026-01-01&to=2026-03-31&page=3'))
    ).toEqual({
      q: '防汛',
      outlet: 'report',
      unitId: 7,
      from: '2026-01-01',
      to: '2026-03-31',
      page: 3,
      pageSize: 20,
    });
  });

  it('writes only what differs from the defaults, and reads back the same filters', () => {
    const filters = { q: '防汛', status: 'received' as const, series: 'town', page: 2, pageSize: 50 };
    expect(filtersToUrl(filters).toString()).toBe(
      'q=%E9%98%B2%E6%B1%9B&status=received&series=town&page=2&pageSize=50'
    );
    expect(filtersFromUrl(filtersToUrl(filters))).toEqual(filters);
    expect(filtersToUrl({ page: 1, pageSize: 20 }).toString()).toBe('');
  });
});

describe('the inbox: highlighting the searched word', () => {
  it('marks every occurrence, case-insensitively, keeping the text as it was', () => {
    expect(highlightSegments('沙湾镇防汛防风，防汛到位', '防汛')).toEqual([
      { text: '沙湾镇', match: false },
      { text: '防汛', match: true },
      { text: '防风，', match: false },
      { text: '防汛', match: true },
      { text: '到位', match: false },
    ]);
    expect(highlightSegments('GDP增长', 'gdp')).toEqual([
      { text: 'GDP', match: true },
      { text: '增长', match: false },
    ]);
    expect(highlightSegments('防汛', '防汛')).toEqual([{ text: '防汛', match: true }]);
    expect(highlightSegments('沙湾镇', undefined)).toEqual([{ text: '沙湾镇', match: false }]);
    expect(highlightSegments('沙湾镇', '石基')).toEqual([{ text: '沙湾镇', match: false }]);
  });
});

describe('the inbox: bulk actions on a selection', () => {
  it('applies 接收 to submitted items and 不予采用 to received ones, skipping the rest', () => {
    const rows = [row(1, 'submitted'), row(2, 'received'), row(3, 'adopted'), row(4, 'submitted')];
    expect(splitSelection(rows, 'receive').eligible.map((r) => r.id)).toEqual([1, 4]);
    expect(splitSelection(rows, 'reject')).toMatchObject({
      eligible: [{ id: 2 }],
      skipped: [{ id: 1 }, { id: 3 }, { id: 4 }],
    });
  });

  it('calls the transition for each item in turn and reports each failure with the server message', async () => {
    const calls: number[] = [];
    const outcome = await runBulk([row(1, 'submitted'), row(2, 'submitted'), row(3, 'submitted')], async (r) => {
      calls.push(r.id);
      if (r.id === 2) throw new ApiError(409, 'conflict', '稿件已被他人修改，请刷新后重试');
      if (r.id === 3) throw new TypeError('boom');
    });
    expect(calls).toEqual([1, 2, 3]);
    expect(outcome.succeeded.map((r) => r.id)).toEqual([1]);
    expect(outcome.failed).toEqual([
      { row: expect.objectContaining({ id: 2 }), message: '稿件已被他人修改，请刷新后重试' },
      { row: expect.objectContaining({ id: 3 }), message: '请求失败，请稍后重试' },
    ]);
    expect(bulkSummary({ label: '接收', ...outcome, skipped: [row(4, 'adopted')] })).toBe(
      '接收：成功 1 篇，失败 2 篇，跳过 1 篇（状态不符）'
    );
    expect(bulkSummary({ label: '接收', succeeded: [row(1, 'submitted')], failed: [], skipped: [] })).toBe(
      '接收：成功 1 篇'
    );
  });
});

describe('the adoption dialog: choices from the policy', () => {
  it('never offers the public portal for a non-public item', () => {
    expect(adoptionOutlets(policy, true).map((o) => o.value)).toEqual(['portal', 'dynamic', 'report']);
    expect(adoptionOutlets(policy, false)).toEqual([
      { value: 'dynamic', label: policy.outlets.dynamic.name },
      { value: 'report', label: policy.outlets.report.name },
    ]);
    expect(adoptionOutlets(undefined, true)).toEqual([]);
  });

  it('asks for a kind only where the outlet grades by kind, with the policy names and points', () => {
    expect(outletKinds(policy, 'report')).toEqual([
      { value: 'research', label: '综合调研类' },
      { value: 'headline', label: '标题信息' },
      { value: 'brief', label: '短波信息' },
    ]);
    expect(outletKinds(policy, 'dynamic')).toEqual([]);
    expect(outletKinds(policy, undefined)).toEqual([]);
    expect(adoptionPoints(policy, 'report', 'research')).toBe(8);
    expect(adoptionPoints(policy, 'report', undefined)).toBeUndefined();
    expect(adoptionPoints(policy, 'dynamic', undefined)).toBe(3);
    expect(upwardKinds(policy, 'city').map((k) => k.value)).toEqual(['research', 'headline', 'brief']);
    expect(upwardKinds(policy, 'province')).toEqual([]);
    expect(outletNames(policy, 'upwardEligible')).toBe('《番府信息上报》');
  });

  it('sums the bookings a record earned; none means it earned nothing', () => {
    const bookings = [
      { date: '2026-03-05', points: 8, rule: 'upward:city:adoption', record: { type: 'upward', id: 'WU1' } },
      {
        date: '2026-05-05',
        points: 12,
        rule: 'upward:province:instruction',
        record: { type: 'instruction', id: 'WN2' },
      },
      { date: '2026-03-05', points: 8, rule: 'adoption:report:research', record: { type: 'adoption', id: 'WA1' } },
    ];
    expect(recordPoints(bookings, 'WA1')).toBe(8);
    expect(recordPoints(bookings, 'WN2')).toBe(12);
    expect(recordPoints(bookings, 'WA9')).toBeUndefined();
  });
});

describe('solicitations and deductions', () => {
  const units = [
    { id: 1, series: 'town' },
    { id: 2, series: 'town' },
    { id: 3, series: 'dept_a' },
    { id: 4, series: 'direct' },
  ];
  it('targets all units (no list), the units of the chosen series, or the units picked', () => {
    expect(targetUnitIds('all', ['town'], [3], units)).toBeUndefined();
    expect(targetUnitIds('series', ['town', 'direct'], [], units)).toEqual([1, 2, 4]);
    expect(targetUnitIds('units', [], [3, 1, 3], units)).toEqual([3, 1]);
  });

  it('words the deadline', () => {
    expect(deadlineText(3)).toBe('还剩 3 天');
    expect(deadlineText(0)).toBe('今天截止');
    expect(deadlineText(-2)).toBe('已截止 2 天');
  });

  it('offers the policy deduction reasons with their points', () => {
    expect(penaltyReasons(policy)).toEqual([
      { value: 'late_solicitation', label: '不按时间及要求上报约稿信息（-5 分）', points: -5 },
      { value: 'criticism', label: `${policy.penalties.criticism.name}（-10 分）`, points: -10 },
    ]);
  });
});
