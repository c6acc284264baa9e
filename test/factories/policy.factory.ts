import panyu2010 from '../../seeds/panyu-2010.policy.json' with { type: 'json' };
import type { Policy } from '../../src/domain/policy.js';

/** The seeded panyu-2010 policy, as the rules see it. */
export const PANYU_2010 = panyu2010 as Policy;

/** A later policy version with its own values, for policy-in-force tests. */
export function buildPolicy(overrides: Partial<Policy> = {}): Policy {
  return { ...structuredClone(PANYU_2010), ...overrides };
}
