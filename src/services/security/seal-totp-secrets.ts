import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { listTotpSecrets, replaceTotpSecret } from '../../db/repositories/user.repository.js';
import { isSealed } from '../../security/server-key.js';
import { sealTotpSecret } from '../../security/totp-secret.js';

/**
 * Seals TOTP secrets stored in plain text by earlier versions. Run when the server starts, not as
 * a migration: migrations stay free of app code and of the key file (commands that only read
 * never need the key), while the server needs the key anyway. Idempotent; returns how many it sealed.
 */
export async function sealPlainTotpSecrets(db: Kysely<Database>): Promise<number> {
  let sealed = 0;
  for (const { id, totp_secret } of await listTotpSecrets(db)) {
    if (isSealed(totp_secret)) continue;
    await replaceTotpSecret(db, id, totp_secret, sealTotpSecret(totp_secret));
    sealed++;
  }
  return sealed;
}
