import type SqliteDatabase from 'better-sqlite3';
import type { SqliteDialectConfig, SqliteStatement } from 'kysely';

/** Prepared statements kept per connection; enough for every query shape the system issues. */
const STATEMENT_CACHE_SIZE = 500;

/** Schema changes may alter what `select *` returns; statements prepared before one are dropped. */
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i;

/**
 * The better-sqlite3 database as Kysely's SQLite driver sees it, with two speed-ups:
 *
 * - Kysely prepares every statement it runs. Preparing a 5,000-row INSERT costs more than running
 *   it, so identical SQL text reuses its prepared statement (the driver only calls `all`, `run`
 *   and `iterate`, which a statement serves again and again).
 * - Reads build their row objects in JavaScript (see RowStatement).
 */
export function sqliteForKysely(sqlite: SqliteDatabase.Database): SqliteDialectConfig['database'] {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare: (requested: string) => {
      // Transactions here read, then write. A deferred BEGIN lets two of them read together and then
      // refuses one at its first write (SQLITE_BUSY at once, whatever busy_timeout says);
      // BEGIN IMMEDIATE takes the write lock first, so the second waits its turn instead.
      const text = requested === 'begin' ? 'begin immediate' : requested;
      if (SCHEMA_CHANGE.test(text)) cache.clear();
      let statement = cache.get(text);
      if (statement) {
        // Re-insert so the map's order is least recently used first.
        cache.delete(text);
      } else {
        statement = withRowObjects(sqlite.prepare(text));
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(text, statement);
      return statement;
    },
  };
}

function withRowObjects(statement: SqliteDatabase.Statement): SqliteStatement {
  return statement.reader ? new RowStatement(statement) : statement;
}

type Values = unknown[];
type Row = Record<string, unknown>;

/**
 * A read whose rows come from SQLite as arrays and become objects here. better-sqlite3 builds a
 * row object in C++ one named property at a time, which costs more than the query for a page of
 * 20 rows; an object literal compiled once for the statement's columns costs a fraction of it.
 * Rows equal better-sqlite3's own (a repeated column name keeps its last value).
 */
class RowStatement implements SqliteStatement {
  readonly reader = true;
  #toRow!: (values: Values) => Row;
  #width = 0;

  constructor(private readonly statement: SqliteDatabase.Statement) {
    statement.raw(true);
    this.#compile();
  }

  all(parameters: readonly unknown[]): Row[] {
    const rows = this.statement.all(parameters) as (Values | Row)[];
    // Another process may have changed the schema under a `select *`: SQLite then re-prepares it.
    if (rows.length > 0 && (rows[0] as Values).length !== this.#width) this.#compile();
    for (let i = 0; i < rows.length; i++) rows[i] = this.#toRow(rows[i] as Values);
    return rows as Row[];
  }

  *iterate(parameters: readonly unknown[]): IterableIterator<Row> {
    for (const values of this.statement.iterate(parameters) as IterableIterator<Values>) {
      if (values.length !== this.#width) this.#compile();
      yield this.#toRow(values);
    }
  }

  run(parameters: readonly unknown[]) {
    return this.statement.run(parameters);
  }

  #compile(): void {
    const names = this.statement.columns().map((column) => column.name);
    // A computed key keeps a column named `__proto__` as an own property instead of setting the prototype.
    const properties = names.map(
      (name, index) => `${name === '__proto__' ? '["__proto__"]' : JSON.stringify(name)}: values[${index}]`
    );
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a row builder compiled once per statement, from column names quoted above.
    this.#toRow = new Function('values', `return { ${properties.join(', ')} };`) as (values: Values) => Row;
    this.#width = names.length;
  }
}
