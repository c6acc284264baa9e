import type { Kysely } from 'kysely';
import { passwordProblems } from '../../domain/password-policy.js';
import { oneTimePassword } from '../auth/one-time-password.js';
import { hashPassword } from '../../security/crypto.js';
import type { Database } from '../../db/database.js';
import { endUserSessions } from '../../db/repositories/session.repository.js';
import { unitExists } from '../../db/repositories/unit.repository.js';
import {
  addPasswordHistory,
  findUserById,
  findUserByUsername,
  hasAccountOfRole,
  insertUser,
  updateUser,
} from '../../db/repositories/user.repository.js';
import type { UserRow } from '../../db/tables/user.table.js';
import { ADMIN_ROLES, isRole, isUnitRole, ROLES, type Role } from '../../shared/roles.js';
import { appendAudit, type Actor } from '../audit/append-audit.js';
import { isCommonPassword } from '../auth/common-passwords.js';
import { phoneProblem } from '../../domain/phone.js';
import { ServiceError } from '../service-error.js';

/**
 * Where a change comes from: the web API (an administrator's session) or the `govinfo` command on
 * the server, which only whoever runs the server can use. 三员分立: changes that would let one
 * administrator take over or remove another need the server.
 */
export type AccountChannel = 'api' | 'cli';

const isAdminRole = (role: string) => ADMIN_ROLES.includes(role as Role);

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  /** Required for unit roles, refused for the others: a user belongs to at most one unit. */
  unitId: number | null;
  /** Contact phone (office or mobile), optional. */
  phone?: string | null;
  /**
   * The initial password; a random one is made when absent. Either way it must be changed at first
   * login. Refused for administrator roles, whose first password comes from the server.
   */
  password?: string;
}

/** What the API may show of an account. */
const audited = (user: Pick<UserRow, 'username' | 'display_name' | 'role' | 'unit_id' | 'is_disabled' | 'phone'>) => ({
  username: user.username,
  display_name: user.display_name,
  role: user.role,
  unit_id: user.unit_id,
  phone: user.phone,
  is_disabled: user.is_disabled,
});

/** A display name trimmed and required; a phone trimmed, checked, and null when blank. */
function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 50)
    throw new ServiceError('invalid', '姓名不能为空，最多 50 个字符', { field: 'displayName', label: '姓名' });
  return trimmed;
}

function cleanPhone(phone: string | null | undefined): string | null {
  const trimmed = phone?.trim() ?? '';
  const problem = phoneProblem(trimmed);
  if (problem) throw new ServiceError('invalid', problem, { field: 'phone', label: '联系电话' });
  return trimmed === '' ? null : trimmed;
}

async function checkUnit(db: Kysely<Database>, role: Role, unitId: number | null): Promise<void> {
  if (isUnitRole(role) && unitId === null)
    throw new ServiceError('invalid', `${ROLES[role]}须属于一个报送单位`, { field: 'unitId', label: '所属单位' });
  if (!isUnitRole(role) && unitId !== null)
    throw new ServiceError('invalid', `${ROLES[role]}不属于任何报送单位`, { field: 'unitId', label: '所属单位' });
  if (unitId !== null && !(await unitExists(db, unitId))) {
    throw new ServiceError('invalid', '所属单位不存在', { field: 'unitId', label: '所属单位' });
  }
}

/**
 * 系统管理员 creates an account; it starts with a one-time password. Returns the id and the password
 * to hand over — none for an administrator account: its one-time password is issued on the server
 * (`govinfo account reset-password`), so the system administrator never knows it.
 */
export async function createAccount(
  db: Kysely<Database>,
  actor: Actor,
  input: NewAccount,
  now: Date
): Promise<{ id: number; password: string | null }> {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{2,49}$/.test(username))
    throw new ServiceError('invalid', '用户名应为 3–50 个小写字母、数字、点、下划线或连字符', {
      field: 'username',
      label: '用户名',
    });
  if (!isRole(input.role)) throw new ServiceError('invalid', '角色不存在', { field: 'role', label: '角色' });
  // 三员分立: the system administrator may set up each administrator role once; after that only the
  // security administrator grants it, so no administrator can make or take over another.
  if (ADMIN_ROLES.includes(input.role) && (await hasAccountOfRole(db, input.role))) {
    throw new ServiceError('forbidden', `已有${ROLES[input.role]}账号；管理员角色须由安全管理员分配`, {
      field: 'role',
      label: '角色',
    });
  }
  const displayName = cleanName(input.displayName);
  const phone = cleanPhone(input.phone);
  await checkUnit(db, input.role, input.unitId);
  if (await findUserByUsername(db, username))
    throw new ServiceError('conflict', `用户名 ${username} 已被使用`, { field: 'username', label: '用户名' });
  const isAdmin = isAdminRole(input.role);
  if (isAdmin && input.password !== undefined)
    throw new ServiceError('invalid', '管理员账号的初始密码只能在服务器上签发（govinfo account reset-password）', {
      field: 'password',
      label: '初始密码',
    });
  const password = input.password ?? oneTimePassword(username);
  const problems = passwordProblems(password, username, isCommonPassword);
  if (problems.length > 0)
    throw new ServiceError('invalid', problems.join('；'), { field: 'password', label: '初始密码' });
  const at = now.toISOString();
  const passwordHash = await hashPassword(password);
  const id = await db.transaction().execute(async (trx) => {
    const row = {
      username,
      display_name: displayName,
      role: input.role,
      unit_id: input.unitId,
      phone,
      password_hash: passwordHash,
      password_changed_at: at,
      must_change_password: 1,
      // An administrator's random password is never shown, so nobody knows it until the server issues one.
      password_set_by_admin: isAdmin ? 0 : 1,
      created_at: at,
      updated_at: at,
    };
    const newId = await insertUser(trx, row);
    await appendAudit(
      trx,
      actor,
      {
        action: 'create_account',
        objectType: 'user',
        objectId: newId,
        outcome: 'ok',
        after: audited({ ...row, is_disabled: 0 }),
      },
      now
    );
    return newId;
  });
  return { id, password: isAdmin ? null : password };
}

async function loadForChange(db: Kysely<Database>, id: number, version: number): Promise<UserRow> {
  const user = await findUserById(db, id);
  if (!user) throw new ServiceError('not_found', '账号不存在');
  if (user.version !== version)
    throw new ServiceError('conflict', '该账号已被他人修改，请刷新后重试', { currentVersion: user.version });
  return user;
}

export interface AccountChanges {
  displayName?: string;
  /** A unit role's unit; a district role has none (its role stays as the security administrator set it). */
  unitId?: number | null;
  phone?: string | null;
  isDisabled?: boolean;
}

/**
 * 系统管理员 edits an account's name, unit or phone, or disables it or enables it. A disabled account
 * and one moved to another unit are signed out: what they may see has changed.
 */
export async function updateAccount(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
  changes: AccountChanges,
  now: Date,
  channel: AccountChannel = 'api'
): Promise<void> {
  const user = await loadForChange(db, id, version);
  if (actor.id === id && changes.isDisabled) throw new ServiceError('invalid', '不能停用自己的账号');
  const isDisabling = changes.isDisabled !== undefined && Number(changes.isDisabled) !== user.is_disabled;
  // 三员分立: one administrator must not shut another out (finding 4b); the server's operator may.
  if (isDisabling && isAdminRole(user.role) && channel === 'api')
    throw new ServiceError(
      'forbidden',
      `管理员账号不能在系统中停用或启用；请在服务器上运行 govinfo account ${changes.isDisabled ? 'disable' : 'enable'} ${user.username}`
    );
  const unitId = changes.unitId === undefined ? user.unit_id : changes.unitId;
  await checkUnit(db, user.role as Role, unitId);
  const at = now.toISOString();
  const next = {
    display_name: changes.displayName === undefined ? user.display_name : cleanName(changes.displayName),
    unit_id: unitId,
    phone: changes.phone === undefined ? user.phone : cleanPhone(changes.phone),
    is_disabled: changes.isDisabled === undefined ? user.is_disabled : Number(changes.isDisabled),
    updated_at: at,
  };
  await db.transaction().execute(async (trx) => {
    if (!(await updateUser(trx, id, version, next)))
      throw new ServiceError('conflict', '该账号已被他人修改，请刷新后重试');
    if (next.is_disabled || next.unit_id !== user.unit_id) await endUserSessions(trx, id, at);
    await appendAudit(
      trx,
      actor,
      {
        action: 'update_account',
        objectType: 'user',
        objectId: id,
        outcome: 'ok',
        before: audited(user),
        after: { ...audited({ ...user, ...next }), channel },
      },
      now
    );
  });
}

/**
 * 安全管理员 assigns a role. Moving between unit and non-unit roles sets or clears the unit with it.
 * 三员分立 (finding 4): through the API an administrator is never demoted or moved to another role,
 * and an account whose password the system administrator issued is never made an administrator —
 * both need the server (`govinfo account set-role`, `govinfo account reset-password`).
 */
export async function assignRole(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
  role: Role,
  unitId: number | null,
  now: Date,
  channel: AccountChannel = 'api'
): Promise<void> {
  if (!isRole(role)) throw new ServiceError('invalid', '角色不存在', { field: 'role', label: '角色' });
  if (actor.id === id) throw new ServiceError('invalid', '不能修改自己的角色');
  const user = await loadForChange(db, id, version);
  if (channel === 'api' && role !== user.role) {
    if (isAdminRole(user.role))
      throw new ServiceError(
        'forbidden',
        `${ROLES[user.role as Role]}的角色不能在系统中变更；请在服务器上运行 govinfo account set-role ${user.username} <角色>`
      );
    if (isAdminRole(role) && user.password_set_by_admin)
      throw new ServiceError(
        'forbidden',
        `该账号的密码源自系统管理员签发的一次性密码，不能授予${ROLES[role]}；请先在服务器上运行 govinfo account reset-password ${user.username} 重新签发一次性密码`
      );
  }
  await checkUnit(db, role, unitId);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    if (!(await updateUser(trx, id, version, { role, unit_id: unitId, updated_at: at })))
      throw new ServiceError('conflict', '该账号已被他人修改，请刷新后重试');
    await endUserSessions(trx, id, at);
    await appendAudit(
      trx,
      actor,
      {
        action: 'assign_role',
        objectType: 'user',
        objectId: id,
        outcome: 'ok',
        before: { role: user.role, unit_id: user.unit_id },
        after: { role, unit_id: unitId, channel },
      },
      now
    );
  });
}

/** 系统管理员 resets a forgotten password: a new one-time password, sessions ended, lock lifted. */
export async function resetPassword(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  version: number,
  now: Date
): Promise<string> {
  const target = await loadForChange(db, id, version);
  if (ADMIN_ROLES.includes(target.role as Role))
    throw new ServiceError(
      'forbidden',
      '管理员账号的密码不能由他人在系统中重置；请在服务器上运行 govinfo account reset-password'
    );
  return setOneTimePassword(db, actor, target, now, 'api');
}

/**
 * Gives an account a new one-time password (its sessions end, its lock lifts); the old one joins
 * the history. Issued through the API, the system administrator knows it, and the account is
 * marked so it cannot be made an administrator until the server issues one.
 */
export async function setOneTimePassword(
  db: Kysely<Database>,
  actor: Actor,
  target: UserRow,
  now: Date,
  channel: AccountChannel
): Promise<string> {
  const { id, version } = target;
  const password = oneTimePassword(target.username);
  const passwordHash = await hashPassword(password);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    if (
      !(await updateUser(trx, id, version, {
        password_hash: passwordHash,
        password_changed_at: at,
        must_change_password: 1,
        password_set_by_admin: channel === 'api' ? 1 : 0,
        failed_logins: 0,
        locked_until: null,
        updated_at: at,
      }))
    ) {
      throw new ServiceError('conflict', '该账号已被他人修改，请刷新后重试');
    }
    await addPasswordHistory(trx, id, target.password_hash, at);
    await endUserSessions(trx, id, at);
    await appendAudit(
      trx,
      actor,
      { action: 'reset_password', objectType: 'user', objectId: id, outcome: 'ok', after: { channel } },
      now
    );
  });
  return password;
}
