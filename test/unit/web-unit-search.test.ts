import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pinyinInitials } from '../../src/domain/unit-initials';
import { matchesUnit, rememberInitials } from '../../web/src/lib/pinyin';

const seeds = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds/panyu-2010.units.json'), 'utf8')
) as { series: { units: string[] }[] };
const names = seeds.series.flatMap((s) => s.units);
// As the units loader does with GET /api/units, whose initials the server spells.
rememberInitials(names.map((name) => ({ name, initials: pinyinInitials(name) })));
const find = (typed: string) => names.filter((name) => matchesUnit(name, typed));

describe('finding a unit as people type (unit pickers)', () => {
  it('finds 沙湾镇 by its pinyin initials, in either case', () => {
    expect(pinyinInitials('沙湾镇')).toBe('swz');
    expect(find('swz')).toContain('沙湾镇');
    expect(find('SWZ')).toContain('沙湾镇');
  });

  it('finds units by any part of the name', () => {
    expect(find('沙湾')).toContain('沙湾镇');
    expect(find('沙湾').every((name) => name.includes('沙湾'))).toBe(true);
  });

  it('finds nothing for initials no unit has, and everything for an empty box', () => {
    expect(find('qqqq')).toEqual([]);
    expect(find('  ')).toHaveLength(names.length);
    expect(names.length).toBe(80);
  });
});

describe('the registry export asks for what the page shows', () => {
  it('carries the search and 只看需处理 to the server, and nothing when neither is set', async () => {
    const { registryExportUrl } = await import('../../web/src/pages/admin/registry/service');
    expect(registryExportUrl('', false)).toBe('/api/registry/export');
    expect(registryExportUrl(' 沙湾 ', true)).toBe(
      `/api/registry/export?q=${encodeURIComponent('沙湾')}&attention=true`
    );
    expect(registryExportUrl('swz', false)).toBe('/api/registry/export?q=swz');
  });
});
