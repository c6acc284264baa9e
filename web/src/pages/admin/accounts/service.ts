/** 账号与角色: the API calls and the rules the forms check as the user types (the server checks again). */
import { UNIT_ROLES, type Role } from '@shared/roles';
import { http } from '../../../http';

export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleName: string;
  unit: { id: number; name: string } | null;
  totpEnabled: boolean;
  version: number;
  phone: string | null;
  isDisabled: boolean;
  isLocked: boolean;
  mustChangePassword: boolean;
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  phone?: string | null;
}

/** What the system administrator edits of an account (its role is the security administrator's). */
export interface AccountEdit {
  displayName: string;
  unitId: number | null;
  phone: string | null;
}

/** The server's username rule (src/services/accounts/manage-accounts.ts). */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,49}$/;

export const needsUnit = (role: Role | undefined) => role !== undefined && UNIT_ROLES.includes(role);

/** Accounts matching a search by username, name or unit, and a role. */
export function filterAccounts(accounts: Account[], text: string, role: Role | undefined): Account[] {
  const needle = text.trim().toLowerCase();
  return accounts.filter((a) => (!role || a.role === role)
    && (!needle || a.username.includes(needle) || a.displayName.toLowerCase().includes(needle) || (a.unit?.name.includes(needle) ?? false)));
}

export const loadAccounts = (signal: AbortSignal) => http.get<Account[]>('/api/accounts', { signal });
export const createAccount = (input: NewAccount) => http.post<{ id: number; password: string }>('/api/accounts', input, { quiet: true });
export const setDisabled = (account: Account, isDisabled: boolean) => http.patch<{ ok: true }>(`/api/accounts/${account.id}`, { version: account.version, isDisabled });
export const resetPassword = (account: Account) => http.post<{ password: string }>(`/api/accounts/${account.id}/password-reset`, { version: account.version });
export const assignRole = (account: Account, role: Role, unitId: number | null) =>
  http.put<{ ok: true }>(`/api/accounts/${account.id}/role`, { version: account.version, role, unitId }, { quiet: true });
export const updateAccount = (account: Account, edit: AccountEdit) =>
  http.patch<{ ok: true }>(`/api/accounts/${account.id}`, {
    version: account.version, displayName: edit.displayName.trim(), phone: edit.phone?.trim() || null,
    // A district role has no unit to change; sending none keeps the rule on the server's side.
    ...(needsUnit(account.role) ? { unitId: edit.unitId } : {}),
  }, { quiet: true });
