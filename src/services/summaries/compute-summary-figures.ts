import { policyForPeriod } from '../../domain/policy.js';
import { quarterEnd } from '../../domain/dates.js';
import { buildSummaryFigures, type SummaryFigures } from '../../domain/summary-figures.js';
import { summaryQuarters, type SummaryHalf } from '../../domain/summary-analysis.js';
import type { Db } from '../../db/database.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import { listContacts } from '../../db/repositories/registry.repository.js';
import { listSeries, listUnits } from '../../db/repositories/unit.repository.js';
import { computeScores } from '../compute-scores.js';
import { scoresByRule } from '../scores-by-rule.js';
import { officeIdentity } from '../office-identity.js';

/**
 * The summary's figures from the records as they stand: this year's and last year's assessments
 * (the same computeScores as the scores pages), the year's points by rule, and the current
 * 直接责任人 and 信息员 of each unit for the annual 通报表扬 list.
 */
export async function computeSummaryFigures(db: Db, year: number, half: SummaryHalf): Promise<SummaryFigures> {
  const [current, previous, ruleTotals, series, policies, units, contacts] = await Promise.all([
    computeScores(db, { year }),
    computeScores(db, { year: year - 1 }),
    scoresByRule(db, { year }),
    listSeries(db),
    listPolicies(db),
    listUnits(db),
    half === 1 ? Promise.resolve([]) : listContacts(db),
  ]);
  const unitNames = new Map(units.map((u) => [u.id, u.name]));
  const people = new Map<string, { directors: string[]; officers: string[] }>();
  for (const contact of contacts) {
    if (contact.ended_on !== null || (contact.duty !== 'director' && contact.duty !== 'officer')) continue;
    const unit = unitNames.get(contact.unit_id);
    if (!unit) continue;
    const entry = people.get(unit) ?? { directors: [], officers: [] };
    (contact.duty === 'director' ? entry.directors : entry.officers).push(contact.name);
    people.set(unit, entry);
  }
  const lastQuarter = summaryQuarters(half).at(-1)!;
  return buildSummaryFigures({
    year,
    half,
    district: officeIdentity().district,
    series: series.map((s) => ({ code: s.code, name: s.name })),
    policy: policies.length > 0 ? policyForPeriod(policies, quarterEnd(year, lastQuarter)) : undefined,
    current: current.units,
    previous: previous.units,
    ruleTotals: ruleTotals.rows,
    contacts: people,
  });
}
