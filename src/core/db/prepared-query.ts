// A named, server-side prepared statement for the hottest reads: parsed and planned once per
// connection, then only executed. Drizzle re-sends and re-plans the text on every call, which on
// embedded PGlite costs as much as running the query.
//   - PostgreSQL: node-postgres prepares `name` on each pooled connection the first time it is used.
//   - PGlite (one session): `PREPARE name AS text` once, then `EXECUTE name('literal', …)`. PGlite's
//     EXECUTE takes no bind parameters, so the (text) arguments are quoted as SQL literals.
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect, type PgSession } from 'drizzle-orm/pg-core';
import type { Database, Queryable, Rows } from './client';

export type PreparedQuery<R> = (database: Database, params: string[]) => Promise<R[]>;

/** `text` uses $1, $2, … for text parameters. */
export function preparedQuery<R>(name: string, text: string): PreparedQuery<R> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad prepared statement name: ${name}`);
  const preparedIn = new WeakSet<object>();
  return async (database, params) => {
    if (database.pool) {
      return (await database.pool.query<R & Record<string, unknown>>({ name, text, values: params })).rows;
    }
    const pglite = database.pglite!;
    if (!preparedIn.has(pglite)) {
      const types = params.map(() => 'text').join(', ');
      await pglite.exec(`PREPARE ${name}${types ? `(${types})` : ''} AS ${text}`);
      preparedIn.add(pglite);
    }
    const args = params.map(quoteLiteral).join(', ');
    return (await pglite.query<R>(`EXECUTE ${name}${args ? `(${args})` : ''}`)).rows;
  };
}

/** A SQL string literal (standard_conforming_strings is on: only the quote is special). */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error('NUL in a text parameter');
  return `'${value.replaceAll("'", "''")}'`;
}

const dialect = new PgDialect();

/**
 * `q.execute(query)` (the database or an open transaction) as a named prepared statement on PostgreSQL:
 * planned once per connection, then only executed. For statements whose text is the same on every call
 * (values in parameters, e.g. rows as one JSON parameter): each distinct text stays prepared on every
 * connection that ran it. PGlite's driver ignores the name and runs it as a plain query.
 */
export function executePrepared<R extends Record<string, unknown>>(q: Queryable, query: SQL): Promise<Rows<R>> {
  // Drizzle's own path for `execute`, with a name: the same result parsing and error wrapping.
  const session = (q as unknown as { session: PgSession }).session;
  const built = dialect.sqlToQuery(query);
  const name = `p_${createHash('sha1').update(built.sql).digest('hex').slice(0, 20)}`;
  return session.prepareQuery(built, undefined, name, false).execute() as Promise<Rows<R>>;
}
