/** Units and series for pickers and filters, loaded once per page load. */
import type { Series, SeriesList, Unit, UnitList } from '@shared/api/units';
import { http } from '../http';
import { rememberInitials } from './pinyin';
import { useRequest } from './use-request';

// The API's types, re-exported for the pages that pick units and series.
export type { Series, Unit };

let units: Promise<Unit[]> | undefined;
let series: Promise<Series[]> | undefined;

export function loadUnits(fresh = false): Promise<Unit[]> {
  if (!units || fresh)
    units = http
      .get<UnitList>('/api/units')
      .then((list) => {
        rememberInitials(list);
        return list;
      })
      .catch((error) => {
        units = undefined;
        throw error;
      });
  return units;
}

export function loadSeries(fresh = false): Promise<Series[]> {
  if (!series || fresh)
    series = http.get<SeriesList>('/api/series').catch((error) => {
      series = undefined;
      throw error;
    });
  return series;
}

export function useUnits() {
  return useRequest(() => loadUnits(), []);
}

export function useSeries() {
  return useRequest(() => loadSeries(), []);
}
