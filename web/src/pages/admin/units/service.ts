/** 单位与序列: units grouped by series with the targets in force, found by name or pinyin initials. */
import { http } from '../../../http';
import { matchesUnit } from '../../../lib/pinyin';
import type { CreatedUnit, Series, Unit } from '@shared/api/units';

export interface SeriesGroup {
  series: Series;
  units: Unit[];
  quarterlyTarget: number | null;
  annualTarget: number | null;
}

/** Units by series in the series' order, keeping only those matching what was typed; empty series are left out while searching. */
export function groupUnits(series: Series[], units: Unit[], typed: string): SeriesGroup[] {
  return series
    .map((s) => {
      const own = units.filter((u) => u.series === s.code);
      return {
        series: s,
        units: own.filter((u) => matchesUnit(u.name, typed)),
        quarterlyTarget: own[0]?.quarterlyTarget ?? null,
        annualTarget: own[0]?.annualTarget ?? null,
      };
    })
    .filter((g) => g.units.length > 0 || typed.trim() === '');
}

export const addUnit = (name: string, seriesCode: string) =>
  http.post<CreatedUnit>('/api/units', { name, seriesCode }, { quiet: true });
