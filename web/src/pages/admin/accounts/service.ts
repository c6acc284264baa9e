/** 账号与角色: the API calls and the rules the forms check as the user types (the server checks again). */
import type { Account, AccountList, CreateAccountBody, CreatedAccount, OneTimePassword } from '@shared/api/accounts';
import type { Done } from '@shared/api/auth';
import { UNIT_ROLES, type Role } from '@shared/roles';
import { http } from '../../../http';

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
  return accounts.filter(
    (a) =>
      (!role || a.role === role) &&
      (!needle ||
        a.username.includes(needle) ||
        a.displayName.toLowerCase().includes(needle) ||
        (a.unit?.name.includes(needle) ?? false))
  );
}

export const loadAccounts = (signal: AbortSignal) => http.get<AccountList>('/api/accounts', { signal });
export const createAccount = (input: CreateAccountBody) =>
  http.post<CreatedAccount>('/api/accounts', input, { quiet: true });
export const setDisabled = (account: Account, isDisabled: boolean) =>
  http.patch<Done>(`/api/accounts/${account.id}`, { version: account.version, isDisabled });
export const resetPassword = (account: Account) =>
  http.post<OneTimePassword>(`/api/accounts/${account.id}/password-reset`, { version: account.version });
export const assignRole = (account: Account, role: Role, unitId: number | null) =>
  http.put<Done>(`/api/accounts/${account.id}/role`, { version: account.version, role, unitId }, { quiet: true });
export const updateAccount = (account: Account, edit: AccountEdit) =>
  http.patch<Done>(
    `/api/accounts/${account.id}`,
    {
      version: account.version,
      displayName: edit.displayName.trim(),
      phone: edit.phone?.trim() || null,
      // A district role has no unit to change; sending none keeps the rule on the server's side.
      ...(needsUnit(account.role) ? { unitId: edit.unitId } : {}),
    },
    { quiet: true }
  );
