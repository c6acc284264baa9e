/** The assessment policy versions (考核办法): rules, points and targets. */
import { Type, type Static } from '@sinclair/typebox';
import type { Policy } from '../../domain/policy.js';

/**
 * GET /api/policies. A policy's shape is checked by parsePolicy (domain/policy.ts), not by a
 * schema; every field it holds is answered as stored.
 */
export const PolicyList = Type.Array(Type.Unsafe<Policy>(Type.Object({}, { additionalProperties: true })));
export type PolicyList = Static<typeof PolicyList>;

/** POST /api/policies: the name of the version added. */
export const AddedPolicy = Type.Object({ name: Type.String() });
export type AddedPolicy = Static<typeof AddedPolicy>;
