import type { Generated, Insertable, Selectable } from 'kysely';

/** A versioned scoring policy; `document` is the policy JSON (see domain/policy.ts). */
export interface PolicyTable {
  id: Generated<number>;
  name: string;
  effective_from: string;
  document: string;
}

export type PolicyRow = Selectable<PolicyTable>;
export type NewPolicyRow = Insertable<PolicyTable>;
