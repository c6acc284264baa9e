import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connect.js';
import { buildApp } from '../../src/server/app.js';
import { PANYU_2010 } from '../factories/policy.factory.js';
import { DRAFT } from '../factories/item.factory.js';
import { govinfo, writeJsonl } from '../helpers/cli.js';
import { signInNewUser, TestClock, type ApiClient, type TestApp } from '../helpers/test-app.js';
import { createTestStore, isDialectAvailable, type TestDatabase } from '../helpers/test-store.js';

/**
 * A later policy version is data: one that introduces an outlet (政务微信, public items only)
 * and a report kind (专题信息) is added with `govinfo policy add`, and records using them are
 * taken by a ledger import and by the editor's API, and scored.
 */
const LATER = {
  ...structuredClone(PANYU_2010),
  name: 'panyu-2026',
  title: '番禺区政务信息工作实施方案（2026年修订）',
  effectiveFrom: '2026-01-01',
  kinds: { ...PANYU_2010.kinds, feature: '专题信息' },
  outlets: {
    ...PANYU_2010.outlets,
    report: {
      ...PANYU_2010.outlets.report,
      points: { ...(PANYU_2010.outlets.report.points as Record<string, number>), feature: 6 },
    },
    wechat: { name: '番禺发布政务微信', points: 3, instructionBonus: false, upwardEligible: false, publicOnly: true },
  },
};

describe.skipIf(!isDialectAvailable)('a policy version that introduces an outlet and a report kind', () => {
  let store: Store;
  let database: TestDatabase;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, database, cleanup } = await createTestStore());
    const policyFile = path.join(database.dir, 'panyu-2026.json');
    fs.writeFileSync(policyFile, JSON.stringify(LATER));
    const added = await govinfo(database.location, 'policy', 'add', policyFile);
    expect(added.status, added.stderr).toBe(0);
  });
  afterEach(async () => cleanup?.());

  const sumOfQuarter = (
    document: { units: { unit: string; quarters: { points: number }[] }[] },
    unit: string,
    quarter: number
  ) => document.units.find((u) => u.unit === unit)!.quarters[quarter - 1].points;

  it("imports a ledger recording them (by code or by the policy's name) and scores it", async () => {
    const ledger = writeJsonl(database.dir, 'ledger.jsonl', [
      { type: 'item', id: 'I-1', unit: '沙湾镇', title: '沙湾镇推进古镇保护（政务信息）', submitted: '2026-02-02' },
      { type: 'item', id: 'I-2', unit: '沙湾镇', title: '沙湾镇乡村振兴专题（政务信息）', submitted: '2026-02-03' },
      { type: 'adoption', id: 'A-1', item: 'I-1', outlet: 'wechat', date: '2026-02-04' },
      { type: 'adoption', id: 'A-2', item: 'I-2', outlet: '番府信息上报', kind: '专题信息', date: '2026-02-05' },
      { type: 'adoption', id: 'A-3', item: 'I-2', outlet: '番禺发布政务微信', date: '2026-02-06' },
    ]);
    const imported = await govinfo(database.location, 'import', ledger);
    expect(imported.status, imported.stderr).toBe(0);

    const document = JSON.parse((await govinfo(database.location, 'scores', '--year', '2026', '--json')).stdout);
    expect(document.policy).toBe('panyu-2026');
    expect(sumOfQuarter(document, '沙湾镇', 1)).toBe(3 + 6 + 3);
    const explained = JSON.parse(
      (await govinfo(database.location, 'explain', '--unit', '沙湾镇', '--year', '2026', '--json')).stdout
    );
    expect(explained.bookings.map((b: { rule: string; points: number }) => [b.rule, b.points]).sort()).toEqual([
      ['adoption:report:feature', 6],
      ['adoption:wechat', 3],
      ['adoption:wechat', 3],
    ]);
  });

  it('names the new outlet among the allowed values when a ledger records an unknown one', async () => {
    const ledger = writeJsonl(database.dir, 'bad.jsonl', [
      { type: 'item', id: 'I-1', unit: '沙湾镇', title: 't', submitted: '2026-02-02' },
      { type: 'adoption', id: 'A-1', item: 'I-1', outlet: 'tv', date: '2026-02-04' },
    ]);
    const refused = await govinfo(database.location, 'import', ledger);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `${ledger}:2: outlet（采用载体） 的值 "tv" 无效，应为 portal（区政府门户网站）、dynamic（番府信息(政务动态)）、report（番府信息上报）、wechat（番禺发布政务微信） 之一`
    );
  });

  describe('through the API', () => {
    let t: Pick<TestApp, 'app' | 'store'>;
    let officer: ApiClient;
    let reviewer: ApiClient;
    let editor: ApiClient;
    beforeEach(async () => {
      const clock = new TestClock();
      const app = await buildApp({
        db: store.db,
        config: {
          secureCookies: 'auto',
          trustProxy: false,
          loginRateLimit: 1000,
          costlyRateLimit: 1000,
          maxAttachmentBytes: 5 * 1024 * 1024,
          now: clock.now,
        },
      });
      t = { app, store };
      officer = await signInNewUser(t as TestApp, 'officer', '沙湾镇');
      reviewer = await signInNewUser(t as TestApp, 'reviewer', '沙湾镇');
      editor = await signInNewUser(t as TestApp, 'editor');
    });
    afterEach(async () => t?.app.close());

    const receivedItem = async (draft: object = {}): Promise<number> => {
      const { id } = (await officer.post('/api/items', { ...DRAFT, ...draft })).json();
      await officer.transition(id, 'submit_for_review');
      await reviewer.transition(id, 'approve');
      await editor.transition(id, 'receive');
      return id;
    };

    it('records adoptions by the new outlet and kind, scores them, and keeps non-public items off the public-only outlet', async () => {
      const first = await receivedItem();
      const second = await receivedItem({ title: '沙湾镇乡村振兴专题' });
      const wechat = await editor.post(`/api/items/${first}/adoptions`, { outlet: 'wechat', date: '2026-03-05' });
      expect(wechat.statusCode, wechat.body).toBe(201);
      const feature = await editor.post(`/api/items/${second}/adoptions`, {
        outlet: 'report',
        kind: 'feature',
        date: '2026-03-06',
        issue: '2026年第6期',
      });
      expect(feature.statusCode, feature.body).toBe(201);

      const scores = (await editor.get('/api/scores?year=2026&quarter=1')).json();
      expect(scores.policy).toBe('panyu-2026');
      expect(sumOfQuarter(scores, '沙湾镇', 1)).toBe(3 + 6);

      const hidden = await receivedItem({ title: '沙湾镇内部工作情况', isPublic: false });
      const refused = await editor.post(`/api/items/${hidden}/adoptions`, { outlet: 'wechat', date: '2026-03-07' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().message).toBe('该稿件标注为“不予公开”，不能被番禺发布政务微信采用');
    });
  });
});
