import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/2026-11-27-0001-initial.js';
import * as workflow from './migrations/2026-11-27-0002-workflow.js';
import * as resultEvents from './migrations/2026-11-28-0003-result-events.js';
import * as accountPhone from './migrations/2026-11-28-0101-account-phone.js';
import * as inboxQueue from './migrations/2026-11-28-0101-inbox-queue.js';
import * as auditKeyed from './migrations/2026-11-28-0201-audit-keyed.js';
import * as adminAccounts from './migrations/2026-11-28-0301-admin-accounts.js';
import * as bulletin from './migrations/2026-11-28-0401-bulletin.js';
import * as periodicals from './migrations/2026-11-28-0402-periodicals.js';
import * as summaries from './migrations/2026-11-28-0403-summaries.js';
import * as contactLedger from './migrations/2026-11-28-0404-contact-ledger.js';
import * as mailIntake from './migrations/2026-11-28-0405-mail-intake.js';
import * as notices from './migrations/2026-11-28-0406-notices.js';
import * as mailOutbox from './migrations/2026-11-29-0501-mail-outbox.js';
import * as jobLeases from './migrations/2026-11-29-0502-job-leases.js';
import * as periodicalVersion from './migrations/2026-11-29-0601-periodical-version.js';

/** Every migration, in order; names are date-prefixed so they sort as they were written. */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-27-0001-initial': initial,
  '2026-11-27-0002-workflow': workflow,
  '2026-11-28-0003-result-events': resultEvents,
  '2026-11-28-0101-account-phone': accountPhone,
  '2026-11-28-0101-inbox-queue': inboxQueue,
  '2026-11-28-0201-audit-keyed': auditKeyed,
  '2026-11-28-0301-admin-accounts': adminAccounts,
  '2026-11-28-0401-bulletin': bulletin,
  '2026-11-28-0402-periodicals': periodicals,
  '2026-11-28-0403-summaries': summaries,
  '2026-11-28-0404-contact-ledger': contactLedger,
  '2026-11-28-0405-mail-intake': mailIntake,
  '2026-11-28-0406-notices': notices,
  '2026-11-29-0501-mail-outbox': mailOutbox,
  '2026-11-29-0502-job-leases': jobLeases,
  '2026-11-29-0601-periodical-version': periodicalVersion,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; a no-op when it already is. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Migrator runs on an untyped schema.
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever was thrown, as it prints.
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`数据库迁移${failed ? ` ${failed.migrationName}` : ''}失败：${reason}`, { cause: error });
  }
}
