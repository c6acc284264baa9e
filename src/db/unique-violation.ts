/**
 * Whether the database refused a row for a unique index or primary key: another request stored the
 * same key between a check and an insert. PostgreSQL says 23505 for both; SQLite names which.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
