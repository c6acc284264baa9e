/** Units and series for pickers and filters, loaded once per page load. */
import { http } from '../http';
import { rememberInitials } from './pinyin';
import { useRequest } from './use-request';

export interface Unit {
  id: number;
  name: string;
  series: string;
  seriesName?: string;
  /** Pinyin initials of the name, lower case (沙湾镇 → swz). */
  initials: string;
  version: number;
  quarterlyTarget: number | null;
  annualTarget: number | null;
}

export interface Series {
  code: string;
  name: string;
}

let units: Promise<Unit[]> | undefined;
let series: Promise<Series[]> | undefined;

export function loadUnits(fresh = false): Promise<Unit[]> {
  if (!units || fresh) units = http.get<Unit[]>('/api/units').then((list) => { rememberInitials(list); return list; }).catch((error) => { units = undefined; throw error; });
  return units;
}

export function loadSeries(fresh = false): Promise<Series[]> {
  if (!series || fresh) series = http.get<Series[]>('/api/series').catch((error) => { series = undefined; throw error; });
  return series;
}

export function useUnits() {
  return useRequest(() => loadUnits(), []);
}

export function useSeries() {
  return useRequest(() => loadSeries(), []);
}
