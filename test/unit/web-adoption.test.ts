import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/domain/policy.js';
import { acceptPoints, adoptionRecords, defaultChoices, rememberChoices } from '../../web/src/lib/adoption';
import { filtersFromUrl, filtersToUrl, sortFromTable, sortOrderOf } from '../../web/src/pages/editor/inbox/service';

const policy = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds/panyu-2010.policy.json'), 'utf8')
) as Policy;
const memory = () => {
  const values = new Map<string, string>();
  return { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v) };
};

describe('接收并采用: the dialog opens preset, so a plain item is adopted with 确定', () => {
  it('starts a first-time editor on 《番府信息》, and a graded outlet on its middle kind', () => {
    const choices = defaultChoices(policy, true, memory());
    expect(
      Object.entries(choices)
        .filter(([, c]) => c.checked)
        .map(([k]) => k)
    ).toEqual(['dynamic']);
    expect(choices.report.kind).toBe('headline');
    expect(acceptPoints(policy, adoptionRecords(policy, choices, '2026-03-20'))).toBe(3);
  });

  it('remembers the last outlet, kind and issue, but never offers the portal for a non-public item', () => {
    const storage = memory();
    const choices = defaultChoices(policy, true, storage);
    rememberChoices(
      {
        ...choices,
        dynamic: { checked: false },
        portal: { checked: true, issue: '第9期' },
        report: { checked: false, kind: 'research' },
      },
      storage
    );
    const again = defaultChoices(policy, true, storage);
    expect(again.portal).toEqual({ checked: true, kind: undefined, issue: '第9期' });
    expect(again.report.kind).toBe('research');
    const nonPublic = defaultChoices(policy, false, storage);
    expect(nonPublic.portal).toBeUndefined();
    expect(nonPublic.dynamic.checked).toBe(true);
  });

  it("adds the outlets' points, each outlet once, by the rules engine", () => {
    const records = adoptionRecords(
      policy,
      {
        dynamic: { checked: true, issue: ' 第3期 ' },
        report: { checked: true, kind: 'research' },
        portal: { checked: false },
      },
      '2026-03-20'
    );
    expect(records).toEqual([
      { outlet: 'dynamic', kind: null, date: '2026-03-20', issue: '第3期' },
      { outlet: 'report', kind: 'research', date: '2026-03-20', issue: null },
    ]);
    expect(acceptPoints(policy, records)).toBe(11);
  });
});

describe('the inbox sorts on the server by whitelisted columns', () => {
  it('reads and writes the sort in the URL, ignoring unknown columns', () => {
    expect(filtersFromUrl(new URLSearchParams('sort=points&order=desc'))).toMatchObject({
      sort: 'points',
      order: 'desc',
    });
    expect(filtersFromUrl(new URLSearchParams('sort=password&order=desc')).sort).toBeUndefined();
    expect(filtersToUrl({ page: 1, pageSize: 20, sort: 'unit', order: 'asc' }).toString()).toBe('sort=unit&order=asc');
  });

  it("maps antd's sorter both ways; a cleared sorter is the work queue again", () => {
    expect(sortFromTable('submitted', 'descend')).toEqual({ sort: 'submitted', order: 'desc' });
    expect(sortFromTable('submitted', null)).toEqual({ sort: undefined, order: undefined });
    expect(sortFromTable('title', 'ascend')).toEqual({ sort: undefined, order: undefined });
    expect(sortOrderOf({ page: 1, pageSize: 20, sort: 'points', order: 'desc' }, 'points')).toBe('descend');
    expect(sortOrderOf({ page: 1, pageSize: 20 }, 'points')).toBeNull();
  });
});
