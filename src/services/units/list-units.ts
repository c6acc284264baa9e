import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import { listSeries, listUnits } from '../../db/repositories/unit.repository.js';
import { todayInChina } from '../../domain/dates.js';
import { policyInForce } from '../../domain/policy.js';
import { pinyinInitials } from '../../domain/unit-initials.js';

/** Units in annex order with their series, pinyin initials and the targets of the policy in force. */
export async function listUnitsWithTargets(db: Kysely<Database>, now: Date) {
  const [units, series, policies] = await Promise.all([listUnits(db), listSeries(db), listPolicies(db)]);
  const policy = policyInForce(policies, todayInChina(now)) ?? policies[0];
  const names = new Map(series.map((s) => [s.code, s.name]));
  return units.map((u) => ({
    id: u.id,
    name: u.name,
    initials: pinyinInitials(u.name),
    series: u.series_code,
    seriesName: names.get(u.series_code),
    version: u.version,
    quarterlyTarget: policy?.series[u.series_code]?.quarterly ?? null,
    annualTarget: policy?.series[u.series_code]?.annual ?? null,
  }));
}
