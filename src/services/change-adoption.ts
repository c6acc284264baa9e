import type { Kysely } from 'kysely';
import { isIsoDate } from '../domain/dates.js';
import { RECORD_FIELDS } from '../domain/ledger-schema.js';
import { earliestPolicyDate } from '../domain/policy.js';
import type { Database } from '../db/database.js';
import { deleteAdoption, findAdoption, updateAdoption } from '../db/repositories/adoption.repository.js';
import { listPolicies } from '../db/repositories/policy.repository.js';
import { recomputeBookings } from './recompute-bookings.js';

export class AdoptionChangeError extends Error {}

/** The fields of an adoption an editor may correct. */
export interface AdoptionCorrection {
  outlet?: string;
  /** Required when the outlet is `report`; ignored elsewhere. */
  kind?: string | null;
  date?: string;
}

/** 撤销采用: deletes an adoption; the item's points are recomputed, so the adoption's points go with it. */
export async function undoAdoption(db: Kysely<Database>, ref: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const adoption = await findAdoption(trx, ref);
    if (!adoption) throw new AdoptionChangeError(`采用记录 ${ref} 不存在`);
    await deleteAdoption(trx, adoption.id);
    await recomputeBookings(trx, { itemIds: [adoption.item_id] }, await listPolicies(trx));
  });
}

/** Corrects an adoption's outlet, kind or date; the item's bookings follow the corrected record. */
export async function correctAdoption(db: Kysely<Database>, ref: string, correction: AdoptionCorrection): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const adoption = await findAdoption(trx, ref);
    if (!adoption) throw new AdoptionChangeError(`采用记录 ${ref} 不存在`);
    const policies = await listPolicies(trx);
    const outlet = correction.outlet ?? adoption.outlet;
    const date = correction.date ?? adoption.date;
    const outlets = RECORD_FIELDS.adoption.find((f) => f.name === 'outlet')!.values!;
    const kinds = RECORD_FIELDS.adoption.find((f) => f.name === 'kind')!.values!;
    if (!(outlet in outlets)) throw new AdoptionChangeError(`采用载体“${outlet}”无效，应为 ${Object.keys(outlets).join('、')} 之一`);
    const kind = outlet === 'report' ? (correction.kind === undefined ? adoption.kind : correction.kind) : null;
    if (outlet === 'report' && (!kind || !(kind in kinds))) throw new AdoptionChangeError(`《番府信息上报》采用须注明信息类型：${Object.keys(kinds).join('、')}`);
    if (!isIsoDate(date)) throw new AdoptionChangeError(`采用日期“${date}”不是有效日期，应为 YYYY-MM-DD`);
    const earliest = earliestPolicyDate(policies)!;
    if (date < earliest) throw new AdoptionChangeError(`采用日期 ${date} 早于最早的考核政策生效日期 ${earliest}`);
    await updateAdoption(trx, adoption.id, { outlet, kind, date });
    await recomputeBookings(trx, { itemIds: [adoption.item_id] }, policies);
  });
}
