import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Policy } from '../../src/domain/policy.js';
import {
  describeUpwardLines,
  NEW_RECORD,
  upwardLines,
} from '../../web/src/pages/items/detail/components/upward-preview';

const policy = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../seeds/panyu-2010.policy.json'), 'utf8')
) as Policy;
const item = (upwards: { ref: string; level: string; date: string }[]) => ({
  id: 1,
  ref: 'W1',
  submitted: '2026-02-20',
  adoptions: [{ id: 1, ref: 'WA1', outlet: 'report', kind: 'research', date: '2026-03-01', issue: null, version: 1 }],
  instructions: [],
  upwards: upwards.map((u, i) => ({ id: i + 1, kind: null, ...u })),
});

describe('上级采用 按最高加分值补足: the dialog explains what the rows will show, whatever order the levels were recorded in', () => {
  it('city recorded first, province added later: 8, then 2 topped up', () => {
    const lines = upwardLines([policy], item([{ ref: 'WU1', level: 'city', date: '2026-03-10' }]), {
      level: 'province',
      kind: null,
      date: '2026-03-20',
    });
    expect(lines.map((l) => [l.ref, l.points])).toEqual([
      ['WU1', 8],
      [NEW_RECORD, 2],
    ]);
    expect(describeUpwardLines(lines)).toEqual([
      '市政府办公厅采用（2026-03-10）计 8 分',
      '本次登记的省政府办公厅以上采用（2026-03-20）补足 2 分',
    ]);
  });

  it('province recorded first, an earlier city adoption added later: the city counts first (8) and the province tops up 2', () => {
    const lines = upwardLines([policy], item([{ ref: 'WU1', level: 'province', date: '2026-03-20' }]), {
      level: 'city',
      kind: null,
      date: '2026-03-10',
    });
    expect(lines.map((l) => [l.ref, l.points])).toEqual([
      [NEW_RECORD, 8],
      ['WU1', 2],
    ]);
    expect(describeUpwardLines(lines)).toEqual([
      '本次登记的市政府办公厅采用（2026-03-10）计 8 分',
      '省政府办公厅以上采用（2026-03-20）补足 2 分',
    ]);
  });

  it('both orders end with the same points per record, and a later lower level adds nothing', () => {
    const a = upwardLines(
      [policy],
      item([
        { ref: 'C', level: 'city', date: '2026-03-10' },
        { ref: 'P', level: 'province', date: '2026-03-20' },
      ])
    );
    const b = upwardLines(
      [policy],
      item([
        { ref: 'P', level: 'province', date: '2026-03-20' },
        { ref: 'C', level: 'city', date: '2026-03-10' },
      ])
    );
    expect(a).toEqual(b);
    const later = upwardLines([policy], item([{ ref: 'P', level: 'province', date: '2026-03-10' }]), {
      level: 'city',
      kind: null,
      date: '2026-03-20',
    });
    expect(describeUpwardLines(later)).toEqual([
      '省政府办公厅以上采用（2026-03-10）计 10 分',
      '本次登记的市政府办公厅采用（2026-03-20）不高于此前最高值，不再加分',
    ]);
  });
});
