// A named, server-side prepared statement for the hottest reads: parsed and planned once per
// connection, then only executed. Drizzle re-sends and re-plans the text on every call, which on
// embedded PGlite costs as much as running the query.
//   - PostgreSQL: node-postgres prepares `name` on each pooled connection the first time it is used.
//   - PGlite (one session): `PREPARE name AS text` once, then `EXECUTE name('literal', …)`. PGlite's
//     EXECUTE takes no bind parameters, so the (text) arguments are quoted as SQL literals.
import type { Database } from './client';

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
