// The tables a backup covers: every table of the public schema and Drizzle's migration journal,
// in a fixed order so two backups of the same data are byte-identical.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';

export interface TableInfo {
  schema: string;
  name: string;
  /** Columns in ordinal order. */
  columns: string[];
  /** Primary-key columns (ordering key); all columns when the table has none. */
  orderBy: string[];
}

export const qname = (t: { schema: string; name: string }) => `"${t.schema}"."${t.name}"`;

export async function listTables(q: Queryable): Promise<TableInfo[]> {
  const cols = await q.execute<{ table_schema: string; table_name: string; column_name: string }>(sql`
    select c.table_schema, c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where t.table_type = 'BASE TABLE' and c.table_schema in ('public', 'drizzle')
    order by c.table_schema, c.table_name, c.ordinal_position`);
  const pks = await q.execute<{ table_schema: string; table_name: string; column_name: string }>(sql`
    select kcu.table_schema, kcu.table_name, kcu.column_name
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema in ('public', 'drizzle')
    order by kcu.table_schema, kcu.table_name, kcu.ordinal_position`);
  const tables = new Map<string, TableInfo>();
  for (const r of cols.rows) {
    const key = `${r.table_schema}.${r.table_name}`;
    let t = tables.get(key);
    if (!t) {
      t = { schema: r.table_schema, name: r.table_name, columns: [], orderBy: [] };
      tables.set(key, t);
    }
    t.columns.push(r.column_name);
  }
  for (const r of pks.rows) tables.get(`${r.table_schema}.${r.table_name}`)?.orderBy.push(r.column_name);
  for (const t of tables.values()) if (t.orderBy.length === 0) t.orderBy = [...t.columns];
  return [...tables.values()].sort((a, b) => `${a.schema}.${a.name}`.localeCompare(`${b.schema}.${b.name}`));
}
