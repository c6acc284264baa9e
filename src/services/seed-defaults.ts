import fs from 'node:fs';
import { parsePolicy, type Policy } from '../domain/policy.js';
import type { Db } from '../db/database.js';
import { insertPolicy, listPolicies } from '../db/repositories/policy.repository.js';
import { insertPeriodicals, listPeriodicals } from '../db/repositories/periodical.repository.js';
import { countUnits, insertSeries, insertUnits } from '../db/repositories/unit.repository.js';

/** The seed files shipped with the system: the panyu-2010 policy and its annex of 80 units. */
const SEED_POLICY = new URL('../../seeds/panyu-2010.policy.json', import.meta.url);
const SEED_UNITS = new URL('../../seeds/panyu-2010.units.json', import.meta.url);
const SEED_PERIODICALS = new URL('../../seeds/panyu-2010.periodicals.json', import.meta.url);

/**
 * 刊物 seed: the issuing office, the masthead of the quarterly bulletin (《番府信息》(工作通讯)), and
 * each periodical with the policy outlet it records adoptions in.
 */
export interface PeriodicalSeed {
  issuer: string;
  bulletin: { name: string; subtitle: string };
  periodicals: { name: string; subtitle: string | null; outlet: string }[];
}

export function readSeedPeriodicals(): PeriodicalSeed {
  return JSON.parse(fs.readFileSync(SEED_PERIODICALS, 'utf8')) as PeriodicalSeed;
}

/** The 考核名单 seed: series in order, each with its units in annex order. */
export interface UnitRoster {
  district: string;
  series: { code: string; name: string; units: string[] }[];
}

export function readSeedPolicy(): Policy {
  const parsed = parsePolicy(JSON.parse(fs.readFileSync(SEED_POLICY, 'utf8')));
  if ('problems' in parsed) throw new Error(`seed policy is invalid: ${parsed.problems.join('; ')}`);
  return parsed.policy;
}

export function readSeedRoster(): UnitRoster {
  return JSON.parse(fs.readFileSync(SEED_UNITS, 'utf8')) as UnitRoster;
}

/**
 * Seeds an empty database with the series, units and policy of the annex; leaves a
 * database that already has units or a policy as it is.
 */
export async function seedDefaults(
  db: Db,
  roster: UnitRoster = readSeedRoster(),
  policy: Policy = readSeedPolicy()
): Promise<void> {
  if ((await listPolicies(db)).length === 0) await insertPolicy(db, policy);
  await seedPeriodicals(db);
  if ((await countUnits(db)) > 0) return;
  await insertSeries(
    db,
    roster.series.map((s, i) => ({ code: s.code, name: s.name, sort_order: i + 1 }))
  );
  await insertUnits(
    db,
    roster.series.flatMap((s) => s.units.map((name, i) => ({ name, series_code: s.code, sort_order: i + 1 })))
  );
}

/**
 * Seeds the periodicals once (a database made before they existed gets them on its next opening);
 * a periodical whose outlet no stored policy knows is left out rather than recorded nowhere.
 */
async function seedPeriodicals(db: Db, seed: PeriodicalSeed = readSeedPeriodicals()): Promise<void> {
  if ((await listPeriodicals(db)).length > 0) return;
  const outlets = new Set((await listPolicies(db)).flatMap((p) => Object.keys(p.outlets)));
  await insertPeriodicals(
    db,
    seed.periodicals
      .filter((p) => outlets.has(p.outlet))
      .map((p, i) => ({ ...p, issuer: seed.issuer, sort_order: i + 1 }))
  );
}
