/**
 * The scoring policy as the pages need it: names of outlets, kinds and levels come from the policy
 * in force (policy is data), never from the page code.
 */
import { policyInForce, pointsFor, type Policy } from '@domain/policy';
import { todayInChina } from '@domain/dates';
import { http } from '../http';
import { useRequest } from './use-request';

export type { Policy };
export { policyInForce, pointsFor };

let cached: Promise<Policy[]> | undefined;

/** Policies change rarely: fetched once per page load (an admin adding one reloads them). */
export function loadPolicies(fresh = false): Promise<Policy[]> {
  if (!cached || fresh)
    cached = http.get<Policy[]>('/api/policies').catch((error) => {
      cached = undefined;
      throw error;
    });
  return cached;
}

/** The policy in force on a date (today by default). */
export function usePolicy(date: string = todayInChina()) {
  const request = useRequest(() => loadPolicies(), []);
  return {
    ...request,
    policy: request.data ? (policyInForce(request.data, date) ?? request.data[request.data.length - 1]) : undefined,
  };
}

export function outletName(policy: Policy | undefined, outlet: string): string {
  return policy?.outlets[outlet]?.name ?? outlet;
}

export function kindName(policy: Policy | undefined, kind: string | null | undefined): string {
  if (!kind) return '';
  return policy?.kinds[kind] ?? kind;
}
