/**
 * Who may change a registration (信息员登记备案): the editor for every unit, a unit's officer for
 * their own. A registration of another unit answers as absent, and the attempt is audited.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { UnitContactRow } from '../../db/tables/registry.table.js';
import { findContact } from '../../db/repositories/registry.repository.js';
import { isUnitRole } from '../../shared/roles.js';
import { appendAudit } from '../audit/append-audit.js';
import type { ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';

export function requireRegistryWriter(user: ActingUser, unitId: number): void {
  if (user.role === 'editor') return;
  if (user.role === 'officer' && user.unitId === unitId) return;
  throw new ServiceError('forbidden', '当前账号无权修改该单位的信息员登记');
}

/** The registration `id` when the user may change it; otherwise not_found or forbidden. */
export async function findWritableContact(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  now: Date
): Promise<UnitContactRow> {
  const contact = await findContact(db, id);
  if (!contact || (isUnitRole(user.role) && contact.unit_id !== user.unitId)) {
    if (contact)
      await appendAudit(
        db,
        user,
        {
          action: 'access',
          objectType: 'unit_contact',
          objectId: id,
          outcome: 'denied',
          after: { reason: 'other_unit' },
        },
        now
      );
    throw new ServiceError('not_found', '登记记录不存在');
  }
  requireRegistryWriter(user, contact.unit_id);
  return contact;
}
