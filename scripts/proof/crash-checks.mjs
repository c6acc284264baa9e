// What must hold after a crash and restart: every acknowledged write present, none half applied
// (bookings equal a fresh recomputation from the records), the file sound, the audit chain intact,
// attachments byte for byte, and each ledger import all or nothing.
import { connect } from '../../dist/db/connect.js';
import { sqliteIntegrityCheck } from '../../dist/db/repositories/table-content.repository.js';
import { verifyAudit } from '../../dist/services/audit/verify-audit.js';
import { checkStoredBookings } from '../../dist/services/check-stored-bookings.js';
import { sha256 } from './write-burst.mjs';

/** Checks the database and the restarted server; returns how many writes were verified and every failure. */
export async function checkAfterRestart({ location, officer, ledger, imports }) {
  const failures = [];
  let verified = 0;
  const store = connect(location);
  try {
    const { db } = store;
    if (store.dialect === 'sqlite') {
      const integrity = await sqliteIntegrityCheck(db);
      if (integrity.join() !== 'ok') failures.push(`integrity_check: ${integrity.slice(0, 3).join('; ')}`);
    }
    const audit = await verifyAudit(db);
    if (!audit.ok) failures.push(`audit chain: ${audit.reason}`);
    const bookings = await checkStoredBookings(db);
    if (bookings.mismatched.length > 0)
      failures.push(`bookings differ from their records: ${bookings.mismatched.slice(0, 5).join(', ')}`);

    // Items written this round: present with their title, in the acknowledged status or the one a
    // request in flight may have reached.
    const touched = [...new Set(ledger.unchecked.filter((w) => w.item).map((w) => w.item))];
    const stored = new Map();
    for (let i = 0; i < touched.length; i += 500) {
      const ids = touched.slice(i, i + 500).map((item) => item.id);
      for (const row of await db.selectFrom('items').select(['id', 'title', 'status']).where('id', 'in', ids).execute())
        stored.set(row.id, row);
    }
    const adoptionIds = ledger.unchecked.filter((w) => w.kind === 'adoption').map((w) => w.adoption);
    const adoptions = new Set();
    for (let i = 0; i < adoptionIds.length; i += 500)
      for (const row of await db
        .selectFrom('adoptions')
        .select('id')
        .where('id', 'in', adoptionIds.slice(i, i + 500))
        .execute())
        adoptions.add(row.id);

    const statusOk = (item) => {
      const row = stored.get(item.id);
      return row && (row.status === item.status || row.status === item.pending);
    };
    for (const write of ledger.unchecked) {
      const row = write.item && stored.get(write.item.id);
      let ok;
      if (write.kind === 'draft') ok = row?.title === write.item.title;
      else if (write.kind === 'transition') ok = statusOk(write.item);
      else if (write.kind === 'adoption') ok = adoptions.has(write.adoption) && statusOk(write.item);
      else if (write.kind === 'attachment') ok = await attachmentReadsBack(officer, write);
      else if (write.kind === 'import') ok = await importStored(db, write.job, true);
      if (ok) verified++;
      else failures.push(`acknowledged ${write.kind} missing or wrong: ${JSON.stringify(describe(write, row))}`);
    }
    for (const item of touched) {
      if (!statusOk(item))
        failures.push(
          `item ${item.id} is "${stored.get(item.id)?.status}", expected "${item.status}" or "${item.pending}"`
        );
      else {
        item.status = stored.get(item.id).status;
        item.pending = null;
      }
    }
    for (const job of imports.filter((j) => !j.acknowledged && !j.checked)) {
      if (!(await importStored(db, job, false)))
        failures.push(`import ${job.prefix} half stored: ${JSON.stringify(await importCounts(db, job))}`);
      job.checked = true;
    }
  } finally {
    await store.close();
  }
  ledger.unchecked = [];
  return { verified, failures };
}

async function attachmentReadsBack(officer, write) {
  const response = await officer.request('GET', `/api/items/${write.item.id}/attachments/${write.attachment}`);
  if (response.status !== 200) return false;
  return sha256(Buffer.from(await response.arrayBuffer())) === write.sha256;
}

async function importCounts(db, job) {
  const count = async (table) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('ref', 'like', `${job.prefix}%`)
          .executeTakeFirstOrThrow()
      ).n
    );
  return { items: await count('items'), adoptions: await count('adoptions') };
}

/** An acknowledged import is whole; one cut short is whole or absent, never partial. */
async function importStored(db, job, mustBeWhole) {
  const { items, adoptions } = await importCounts(db, job);
  const whole = items === job.items && adoptions === job.adoptions;
  const absent = items === 0 && adoptions === 0;
  return mustBeWhole ? whole : whole || absent;
}

function describe(write, row) {
  return {
    kind: write.kind,
    item: write.item?.id,
    stored: row ?? null,
    expected: write.item?.status ?? write.job?.prefix,
  };
}
