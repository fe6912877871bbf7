// Many rows in one statement with one parameter: the rows travel as a JSON array and PostgreSQL turns
// them into records (json_populate_recordset). A Drizzle multi-row insert binds one parameter per cell
// (100 complaints are 5,000), which costs more to build, send and parse than one JSON text.
// Columns left out of the rows get their defaults. Dates become ISO strings, jsonb stays JSON, arrays
// become PostgreSQL arrays: what Drizzle would have sent for these column types.
// `writeTogether` sends several such inserts as one statement (data-modifying WITH): one round trip.
import { type SQL, getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from './client';
import { executePrepared } from './prepared-query';

export interface InsertJsonOptions {
  /** e.g. sql`on conflict (code) do nothing`, written after the insert. */
  onConflict?: SQL;
}

/** The insert statement for `rows` (Drizzle keys, as for `insert().values()`); null when there are none. */
export function insertJsonSql<T extends PgTable>(
  table: T,
  rows: readonly T['$inferInsert'][],
  opts: InsertJsonOptions = {},
): SQL | null {
  if (rows.length === 0) return null;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]!).filter((k) => k in columns);
  const list = sql.join(
    keys.map((k) => sql.identifier(columns[k]!.name)),
    sql`, `,
  );
  const names = keys.map((k) => columns[k]!.name);
  const records = rows.map((r) => {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) o[names[i]!] = (r as Record<string, unknown>)[keys[i]!] ?? null;
    return o;
  });
  const json = JSON.stringify(records);
  const name = sql.identifier(getTableName(table));
  return sql`insert into ${name} (${list}) select ${list} from json_populate_recordset(null::${name}, ${json}::json) ${opts.onConflict ?? sql``}`;
}

export async function insertJsonRows<T extends PgTable>(
  q: Queryable,
  table: T,
  rows: readonly T['$inferInsert'][],
  opts: InsertJsonOptions = {},
): Promise<void> {
  const statement = insertJsonSql(table, rows, opts);
  if (statement) await q.execute(statement);
}

/**
 * Runs the inserts in one statement, prepared (its text depends only on the tables and columns). They
 * see the same snapshot, so none may depend on another's rows.
 */
export async function writeTogether(q: Queryable, statements: (SQL | null)[]): Promise<void> {
  const parts = statements.filter((s): s is SQL => s !== null);
  if (parts.length === 0) return;
  if (parts.length === 1) {
    await executePrepared(q, parts[0]!);
    return;
  }
  const ctes = sql.join(
    parts.map((s, i) => sql`${sql.identifier(`w${i}`)} as (${s})`),
    sql`, `,
  );
  await executePrepared(q, sql`with ${ctes} select 1`);
}
