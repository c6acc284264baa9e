import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** An account. `role` is one of ROLES (src/shared/roles.ts); unit roles carry `unit_id`. */
export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  unit_id: number | null;
  /** Contact phone (office or mobile); optional on insert. */
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  password_hash: string;
  password_changed_at: string;
  must_change_password: Generated<number>;
  /**
   * 1 while the password descends from a one-time password the system administrator issued through
   * the web (they knew it, and could have changed it themselves): such an account gets an
   * administrator role only after `govinfo account reset-password` on the server (三员分立).
   */
  password_set_by_admin: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  is_disabled: Generated<number>;
  totp_secret: string | null;
  totp_enabled: Generated<number>;
  totp_last_step: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: string;
}

/** A login session; `id` is the SHA-256 of the cookie token. */
export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string;
  user_agent: string | null;
  ended_at: string | null;
}

export interface RateLimitTable {
  key: string;
  window_start: number;
  count: number;
}

/** Failed logins at a username that does not exist, counted and locked like an account's (no enumeration). */
export interface UnknownLoginTable {
  username: string;
  failed_logins: Generated<number>;
  locked_until: string | null;
  last_attempt_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
  version: number;
}

export type UserRow = Selectable<UserTable>;
export type NewUserRow = Insertable<UserTable>;
export type SessionRow = Selectable<SessionTable>;

/** What a request needs of its signed-in account: never its password hash or TOTP secret. */
export type SessionUser = Pick<
  UserRow,
  | 'id'
  | 'username'
  | 'display_name'
  | 'role'
  | 'unit_id'
  | 'is_disabled'
  | 'must_change_password'
  | 'password_changed_at'
  | 'totp_enabled'
>;
/** What a request needs of its open session. */
export type OpenSession = Pick<SessionRow, 'id' | 'user_id' | 'csrf_token' | 'created_at' | 'last_seen_at'>;
