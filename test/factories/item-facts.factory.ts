import type { AdoptionFact, InstructionFact, ItemFacts, UpwardFact } from '../../src/domain/bookings.js';

let sequence = 0;

/** An item of unit 1 submitted 2011-01-05 with no records; pass what the test is about. */
export function buildItemFacts(overrides: Partial<ItemFacts> = {}): ItemFacts {
  sequence++;
  return {
    id: sequence,
    ref: `I-${sequence}`,
    unitId: 1,
    submitted: '2011-01-05',
    adoptions: [],
    instructions: [],
    upwards: [],
    responses: [],
    ...overrides,
  };
}

export const adoption = (
  outlet: string,
  date: string,
  kind: string | null = null,
  ref = `A-${outlet}-${date}-${kind}`
): AdoptionFact => ({ ref, outlet, kind, date });
export const instruction = (level: string, date: string, ref = `N-${level}-${date}`): InstructionFact => ({
  ref,
  level,
  date,
});
export const upward = (
  level: string,
  date: string,
  kind: string | null = null,
  ref = `U-${level}-${date}`
): UpwardFact => ({ ref, level, kind, date });
