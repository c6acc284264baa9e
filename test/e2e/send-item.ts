/** Items sent to the district through the API, as a unit's officer and reviewer would: for the editor's tests. */
import { expect } from 'vitest';
import { DRAFT } from '../factories/item.factory.js';
import { loginAs, type ApiClient } from '../helpers/test-app.js';
import type { System } from './harness.js';

/** `system` is read when first used, so a suite can call this before its `beforeAll` starts the system. */
export function itemSender(system: () => System) {
  const units = new Map<string, { officer: ApiClient; reviewer: ApiClient }>();
  const unitClients = async (unit: string) => {
    if (!units.has(unit)) {
      const officer = await system().account('officer', unit);
      const reviewer = await system().account('reviewer', unit);
      units.set(unit, {
        officer: await loginAs(system().app, officer.username, officer.password),
        reviewer: await loginAs(system().app, reviewer.username, reviewer.password),
      });
    }
    return units.get(unit)!;
  };
  /** A workflow action that must succeed. */
  const transition = async (client: ApiClient, id: number, action: string) => {
    const response = await client.transition(id, action);
    expect(response.statusCode, response.body).toBe(200);
  };
  /** Officer drafts, submits for review, the reviewer approves: the item is sent to the district. */
  const sendItem = async (unit: string, draft: Record<string, unknown>): Promise<number> => {
    const { officer, reviewer } = await unitClients(unit);
    const created = await officer.post('/api/items', { ...DRAFT, ...draft });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    await transition(officer, id, 'submit_for_review');
    await transition(reviewer, id, 'approve');
    return id;
  };
  return { transition, sendItem };
}
