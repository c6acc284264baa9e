// Accounts for the load benchmarks (proof:soak, bench:scale): made directly in the store, ready to
// sign in (no first-login password change), and signed in once over HTTP for a session cookie.
import { createAccount } from '../dist/services/accounts/manage-accounts.js';
import { updateUser, findUserById } from '../dist/db/repositories/user.repository.js';

const PASSWORD = 'Bench#Pw-4m8r2v';

/** Creates an account with the benchmarks' password; answers its username. */
export async function createBenchUser(store, username, role, unitId) {
  const { id } = await createAccount(
    store.db,
    { id: null, username: 'bench', ip: 'local' },
    { username, displayName: `压测${username}`, role, unitId, password: PASSWORD },
    new Date()
  );
  await updateUser(store.db, id, (await findUserById(store.db, id)).version, { must_change_password: 0 });
  return username;
}

/** Signs in over HTTP: the session cookie and CSRF token a load connection sends. */
export async function signIn(address, username) {
  const response = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: (await response.json()).csrfToken };
}
