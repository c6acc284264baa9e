import type { Kysely } from 'kysely';
import { todayInChina } from '../../domain/dates.js';
import type { Database, Db } from '../../db/database.js';
import {
  findPeriodical,
  hasPublishedIssue,
  insertPeriodicalLast,
  lockPeriodical,
  periodicalNameTaken,
  updatePeriodical,
} from '../../db/repositories/periodical.repository.js';
import { listPolicies } from '../../db/repositories/policy.repository.js';
import { PERIODICAL_ISSUER_MAX, PERIODICAL_NAME_MAX } from '../../shared/api/periodicals.js';
import { appendAudit } from '../audit/append-audit.js';
import { requireRole, type ActingUser } from '../acting-user.js';
import { ServiceError } from '../service-error.js';
import { periodicalTitle, policyOn } from './periodical-access.js';
import { isUniqueViolation } from '../../db/unique-violation.js';

/** A periodical's settings as the editor sends them (刊物设置). */
export interface PeriodicalInput {
  name: string;
  subtitle?: string | null;
  outlet: string;
  issuer: string;
}

interface CheckedPeriodical {
  name: string;
  subtitle: string | null;
  outlet: string;
  issuer: string;
}

const field = (name: string, label: string) => ({ field: name, label });

/** Trimmed text of 1 to `max` characters (characters, not UTF-16 units: 番府信息 is four). */
function text(value: string, max: number, name: string, label: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw new ServiceError('invalid', `${label}不能为空`, field(name, label));
  if ([...trimmed].length > max) throw new ServiceError('invalid', `${label}不能超过 ${max} 个字`, field(name, label));
  return trimmed;
}

/** The fields trimmed and within their lengths; an empty subtitle is none. */
function checkedFields(input: PeriodicalInput): CheckedPeriodical {
  const subtitle = input.subtitle?.trim() || null;
  if (subtitle && [...subtitle].length > PERIODICAL_NAME_MAX)
    throw new ServiceError('invalid', `副标题不能超过 ${PERIODICAL_NAME_MAX} 个字`, field('subtitle', '副标题'));
  return {
    name: text(input.name, PERIODICAL_NAME_MAX, 'name', '刊物名称'),
    subtitle,
    outlet: input.outlet.trim(),
    issuer: text(input.issuer, PERIODICAL_ISSUER_MAX, 'issuer', '编印单位'),
  };
}

/** The outlet must be one of the policy in force today: a periodical's issues record adoptions there. */
async function requireCurrentOutlet(db: Db, outlet: string, now: Date): Promise<void> {
  const policy = policyOn(await listPolicies(db), todayInChina(now));
  if (!Object.hasOwn(policy.outlets, outlet))
    throw new ServiceError(
      'invalid',
      `“记入采用载体”须为现行考核办法的采用载体之一（${Object.values(policy.outlets)
        .map((o) => o.name)
        .join('、')}）`,
      field('outlet', '记入采用载体')
    );
}

async function requireFreeName(db: Db, name: string, exceptId?: number): Promise<void> {
  if (await periodicalNameTaken(db, name, exceptId))
    throw new ServiceError('conflict', `已有名为《${name}》的刊物，请换一个名称`, field('name', '刊物名称'));
}

/**
 * Another editor saved the same name between our check and our write: the unique constraint
 * refused it, said as the check would have said it.
 */
function nameTakenMeanwhile(error: unknown): never {
  if (isUniqueViolation(error))
    throw new ServiceError('conflict', '该刊物名称刚被他人使用，请换一个名称', field('name', '刊物名称'));
  throw error;
}

/** 新增刊物: the district office's editor adds a periodical, placed after the others. */
export async function createPeriodical(
  db: Kysely<Database>,
  user: ActingUser,
  input: PeriodicalInput,
  now: Date
): Promise<{ id: number }> {
  requireRole(user, ['editor'], '设置刊物');
  const values = checkedFields(input);
  const created = db.transaction().execute(async (trx) => {
    await requireCurrentOutlet(trx, values.outlet, now);
    await requireFreeName(trx, values.name);
    const id = await insertPeriodicalLast(trx, values);
    await appendAudit(
      trx,
      user,
      { action: 'create_periodical', objectType: 'periodical', objectId: id, outcome: 'ok', after: values },
      now
    );
    return { id };
  });
  return created.catch(nameTakenMeanwhile);
}

/**
 * 修改刊物设置. Name, subtitle and issuer may change at any time: nothing stores them but the periodical
 * itself, so a document drawn later (an issue's Word or PDF, even of an issue published before the
 * change) prints the current name, subtitle and issuer. The outlet may not change once an issue is
 * published, because its adoptions were recorded in that outlet and withdrawing takes exactly those back.
 */
export async function updatePeriodicalSettings(
  db: Kysely<Database>,
  user: ActingUser,
  id: number,
  version: number,
  input: PeriodicalInput,
  now: Date
): Promise<void> {
  requireRole(user, ['editor'], '设置刊物');
  const values = checkedFields(input);
  const updated = db.transaction().execute(async (trx) => {
    // Locked first, so an issue being published meanwhile is either seen below or waits for this change.
    await lockPeriodical(trx, id);
    const periodical = await findPeriodical(trx, id);
    if (!periodical) throw new ServiceError('not_found', '刊物不存在');
    if (periodical.version !== version)
      throw new ServiceError('conflict', '该刊物的设置已被他人修改，请刷新后重试', {
        currentVersion: periodical.version,
      });
    if (values.outlet !== periodical.outlet) {
      await requireCurrentOutlet(trx, values.outlet, now);
      if (await hasPublishedIssue(trx, id))
        throw new ServiceError(
          'conflict',
          `${periodicalTitle(periodical)}已有发布的期次，其采用已登记在原采用载体中，不能更改记入采用载体（名称、副标题和编印单位仍可修改）`,
          field('outlet', '记入采用载体')
        );
    }
    if (values.name !== periodical.name) await requireFreeName(trx, values.name, id);
    if (!(await updatePeriodical(trx, id, version, values)))
      throw new ServiceError('conflict', '该刊物的设置已被他人修改，请刷新后重试');
    const { name, subtitle, outlet, issuer } = periodical;
    await appendAudit(
      trx,
      user,
      {
        action: 'update_periodical',
        objectType: 'periodical',
        objectId: id,
        outcome: 'ok',
        before: { name, subtitle, outlet, issuer },
        after: values,
      },
      now
    );
  });
  await updated.catch(nameTakenMeanwhile);
}
