import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Policy } from '../../src/domain/policy.js';
import { addPolicy } from '../../src/services/add-policy.js';
import { DRAFT } from '../factories/item.factory.js';
import { createTestApp, signInNewUser, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

const seed = JSON.parse(
  fs.readFileSync(new URL('../../seeds/panyu-2010.policy.json', import.meta.url), 'utf8')
) as Policy;

/** Outlets, kinds and levels are the policy's: a later version's new outlet and kind can be recorded through the API. */
describe.skipIf(!isDialectAvailable)('API: the editor records the vocabulary of the policy in force', () => {
  let t: TestApp;
  let editor: ApiClient;
  let itemId: number;

  beforeEach(async () => {
    t = await createTestApp();
    const officer = await signInNewUser(t, 'officer', '沙湾镇');
    const reviewer = await signInNewUser(t, 'reviewer', '沙湾镇');
    editor = await signInNewUser(t, 'editor');
    itemId = ((await officer.post('/api/items', DRAFT)).json() as { id: number }).id;
    for (const [client, action] of [
      [officer, 'submit_for_review'],
      [reviewer, 'approve'],
      [editor, 'receive'],
    ] as const) {
      expect((await client.transition(itemId, action)).statusCode).toBe(200);
    }
  });
  afterEach(async () => t?.cleanup());

  const adopt = (body: Record<string, unknown>) => editor.post(`/api/items/${itemId}/adoptions`, body);

  it('refuses an outlet, kind or level no policy in force names, naming the field as the schema did', async () => {
    const outlet = await adopt({ outlet: 'wechat', date: '2026-03-20' });
    expect(outlet.statusCode).toBe(400);
    expect(outlet.json()).toMatchObject({
      message: '“采用载体”的值不在允许的范围内',
      fields: [{ field: 'outlet', label: '采用载体' }],
    });
    expect((await adopt({ outlet: 'report', kind: 'video', date: '2026-03-20' })).json()).toMatchObject({
      fields: [{ field: 'kind', label: '信息类型' }],
    });
    expect(
      (await editor.post(`/api/items/${itemId}/instructions`, { level: 'county', date: '2026-03-20' })).json()
    ).toMatchObject({ fields: [{ field: 'level', label: '批示级别' }] });
    expect(
      (await editor.post(`/api/items/${itemId}/upwards`, { level: 'district', date: '2026-03-20' })).json()
    ).toMatchObject({ fields: [{ field: 'level', label: '级别' }] });
  });

  it('keeps an absent kind absent (null, not an empty string)', async () => {
    expect((await adopt({ outlet: 'report', kind: 'research', date: '2026-03-10' })).statusCode).toBe(201);
    expect(
      (await editor.post(`/api/items/${itemId}/upwards`, { level: 'city', kind: null, date: '2026-03-15' })).statusCode
    ).toBe(201);
    expect((await adopt({ outlet: 'dynamic', kind: null, date: '2026-03-15' })).statusCode).toBe(201);
    const item = (await editor.get(`/api/items/${itemId}`)).json();
    expect(item.upwards).toMatchObject([{ level: 'city', kind: null }]);
    expect(item.adoptions).toMatchObject([
      { outlet: 'report', kind: 'research' },
      { outlet: 'dynamic', kind: null },
    ]);
    // The city's adoption is graded by the item's own kind in 《番府信息上报》 (research: 8).
    expect(item.points).toBe(8 + 8 + 3);
  });

  it('records a new outlet and kind once a policy version that introduces them is in force', async () => {
    const next: Policy = {
      ...seed,
      name: 'panyu-2026',
      effectiveFrom: '2026-01-01',
      kinds: { ...seed.kinds, video: '视频信息' },
      outlets: {
        ...seed.outlets,
        wechat: {
          name: '番禺发布微信公众号',
          points: { research: 4, headline: 3, brief: 1, video: 3 },
          instructionBonus: false,
          upwardEligible: false,
        },
      },
    };
    await addPolicy(t.store.db, { id: null, username: 'test', ip: 'local' }, next, t.clock.now());
    // Before the new version takes effect the outlet does not exist yet.
    expect((await adopt({ outlet: 'wechat', kind: 'video', date: '2025-12-31' })).statusCode).toBe(400);
    const adopted = await adopt({ outlet: 'wechat', kind: 'video', date: '2026-03-20' });
    expect(adopted.statusCode, adopted.body).toBe(201);
    const item = (await editor.get(`/api/items/${itemId}`)).json();
    expect(item.adoptions).toMatchObject([{ outlet: 'wechat', kind: 'video', date: '2026-03-20' }]);
    expect(item.points).toBe(3);
    // An instruction or upward adoption on it earns nothing: the warning names the outlets that would, as the policy does.
    const instruction = await editor.post(`/api/items/${itemId}/instructions`, {
      level: 'district',
      date: '2026-03-20',
    });
    expect(instruction.json().warnings).toEqual([
      `稿件未被${seed.outlets.dynamic.name}或${seed.outlets.report.name}采用，区领导批示已记录但不加分`,
    ]);
    const upward = await editor.post(`/api/items/${itemId}/upwards`, { level: 'province', date: '2026-03-20' });
    expect(upward.json().warnings).toEqual([`稿件未被${seed.outlets.report.name}采用，上级采用已记录但不加分`]);
    // It grades by kind, so it asks for one, naming the policy's outlet.
    expect((await adopt({ outlet: 'wechat', date: '2026-03-20' })).json()).toMatchObject({
      message: '番禺发布微信公众号采用须注明信息类型（综合调研、标题信息、短波信息或视频信息）',
    });
  });
});
