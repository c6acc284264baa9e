import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildUser } from '../factories/user.factory.js';
import { createTestApp, loginAs, postLogin, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';

/** Issue 10, finding 7: login answers that tell nothing about usernames, and a cap on sessions. */
describe.skipIf(!isDialectAvailable)('API: login answers and concurrent sessions', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t?.cleanup());

  const login = (username: string, password: string) => postLogin(t.app, username, password);
  const answer = (response: Awaited<ReturnType<typeof login>>) => ({
    status: response.statusCode,
    body: response.json(),
  });

  it('answers an unknown username exactly as a known one, through the lockout and after it', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(answer(await login(user.username, 'wrong-Guess#1')));
      unknown.push(answer(await login('no-such-user', 'wrong-Guess#1')));
    }
    expect(unknown).toEqual(known);
    expect(known.map((a) => (a as { status: number }).status)).toEqual([401, 401, 401, 401, 423, 423, 423]);
    // A known account's right password while locked is answered as the lock, as before.
    expect(answer(await login(user.username, user.password))).toEqual(known.at(-1));

    // Both locks end together.
    t.clock.advance(15 * 60_000 + 1);
    expect(answer(await login('no-such-user', 'wrong-Guess#1'))).toEqual(
      answer(await login(user.username, 'wrong-Guess#1'))
    );
  });

  it('keeps at most five sessions per account: the sixth login ends the oldest', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const clients = [];
    for (let i = 0; i < 6; i++) {
      clients.push(await loginAs(t.app, user.username, user.password));
      t.clock.advance(1000);
    }
    const statuses = await Promise.all(clients.map(async (c) => (await c.get('/api/auth/me')).statusCode));
    expect(statuses).toEqual([401, 200, 200, 200, 200, 200]);
    const entries = await t.store.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'login')
      .where('outcome', '=', 'ok')
      .execute();
    expect(entries.at(-1)!.after).toContain('"ended_oldest_sessions":1');
  });

  it('lets the security administrator change the limit', async () => {
    const security = await loginAs(t.app, (await buildUser(t.store.db, 'security_admin')).username, 'Xin-Xi#2026ok');
    const settings = (await security.get('/api/security-settings')).json();
    expect(settings.maxSessionsPerAccount).toBe(5);
    const tooMany = await security.put('/api/security-settings', { ...settings, maxSessionsPerAccount: 0 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toContain('每个账号同时登录的会话数上限应为 1–50 之间的整数');
    expect((await security.put('/api/security-settings', { ...settings, maxSessionsPerAccount: 1 })).statusCode).toBe(
      200
    );
    const user = await buildUser(t.store.db, 'editor');
    const first = await loginAs(t.app, user.username, user.password);
    t.clock.advance(1000);
    const second = await loginAs(t.app, user.username, user.password);
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);
    expect((await second.get('/api/auth/me')).statusCode).toBe(200);
  });
});
