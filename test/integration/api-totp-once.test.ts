import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateUser, findUserById } from '../../src/db/repositories/user.repository.js';
import { isSealed, openSecret } from '../../src/security/server-key.js';
import { generateTotpSecret, totpCode } from '../../src/security/totp.js';
import { sealPlainTotpSecrets } from '../../src/services/security/seal-totp-secrets.js';
import { buildUser } from '../factories/user.factory.js';
import { govinfo } from '../helpers/cli.js';
import { createTestApp, loginAs, postLogin, type TestApp } from '../helpers/test-app.js';
import { isDialectAvailable } from '../helpers/test-store.js';
import { totpSecretOf } from '../helpers/totp-codes.js';

/** Issue 10, finding 6: TOTP codes work once, and secrets are never stored in plain text. */
describe.skipIf(!isDialectAvailable)('API: TOTP codes are one-time and secrets are sealed', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => t?.cleanup());

  const login = (username: string, password: string, totp?: string) => postLogin(t.app, username, password, totp);
  const storedSecret = async (id: number) => (await findUserById(t.store.db, id))!.totp_secret;

  it('lets exactly one of four parallel logins with one code in', async () => {
    const admin = await buildUser(t.store.db, 'sys_admin');
    const code = totpCode(totpSecretOf(admin.username)!, t.clock.now());
    const answers = await Promise.all(Array.from({ length: 4 }, () => login(admin.username, admin.password, code)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401, 401, 401]);
    const refused = answers.find((a) => a.statusCode === 401)!;
    expect(refused.json()).toMatchObject({ message: '双因素认证码不正确', totpRequired: true });
    const reasons = await t.store.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'login')
      .where('outcome', '=', 'failed')
      .execute();
    expect(reasons.filter((r) => r.after?.includes('totp_reused'))).toHaveLength(3);
  });

  it('refuses the code that confirmed the binding when it is sent again to sign in', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const client = await loginAs(t.app, user.username, user.password);
    const { secret } = (await client.post('/api/auth/totp/setup')).json();
    const code = totpCode(secret, t.clock.now());
    expect((await client.post('/api/auth/totp/confirm', { code })).statusCode).toBe(200);
    const replay = await login(user.username, user.password, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().message).toBe('双因素认证码不正确');
    const next = totpCode(secret, new Date(t.clock.time + 30_000));
    expect((await login(user.username, user.password, next)).statusCode).toBe(200);
  });

  it('keeps the secret sealed in the database, from setup on', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const client = await loginAs(t.app, user.username, user.password);
    const { secret } = (await client.post('/api/auth/totp/setup')).json();
    const pending = (await storedSecret(user.id))!;
    expect(isSealed(pending)).toBe(true);
    expect(pending).not.toContain(secret);
    await client.post('/api/auth/totp/confirm', { code: totpCode(secret, t.clock.now()) });
    const stored = (await storedSecret(user.id))!;
    expect(stored).not.toContain(secret);
    expect(openSecret(stored)).toBe(secret);
    // No column of the row holds the base32 secret.
    const row = await t.store.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('seals a secret an earlier version stored in plain text, and codes keep working', async () => {
    const user = await buildUser(t.store.db, 'editor');
    const secret = generateTotpSecret();
    const row = (await findUserById(t.store.db, user.id))!;
    await updateUser(t.store.db, user.id, row.version, { totp_secret: secret, totp_enabled: 1 });
    // Before the sweep a login still reads the plain secret.
    expect((await login(user.username, user.password, totpCode(secret, t.clock.now()))).statusCode).toBe(200);
    expect(await sealPlainTotpSecrets(t.store.db)).toBe(1);
    expect(await sealPlainTotpSecrets(t.store.db)).toBe(0);
    const stored = (await storedSecret(user.id))!;
    expect(isSealed(stored)).toBe(true);
    expect(stored).not.toContain(secret);
    const next = totpCode(secret, new Date(t.clock.time + 30_000));
    expect((await login(user.username, user.password, next)).statusCode).toBe(200);
  });

  it('unbinds a lost second factor only on the server; the administrator then binds a new one at login', async () => {
    const admin = await buildUser(t.store.db, 'audit_admin');
    const session = await loginAs(t.app, admin.username, admin.password);
    const cli = await govinfo(t.store.location, 'account', 'reset-totp', admin.username);
    expect(cli.status).toBe(0);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await findUserById(t.store.db, admin.id))!.totp_secret).toBeNull();
    const again = await login(admin.username, admin.password);
    expect(again.statusCode).toBe(200);
    expect(again.json().mustEnrollTotp).toBe(true);
    const audit = await t.store.db
      .selectFrom('audit_log')
      .select('actor')
      .where('action', '=', 'totp_reset')
      .executeTakeFirstOrThrow();
    expect(audit.actor).toMatch(/^cli:/);
  });
});
