// Restores a backup into a migrated database that holds no data of its own (or is emptied with
// `replace`). Runs in one transaction with triggers and foreign-key checks off
// (session_replication_role = replica), so rows go in as they were, ledger included.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client';
import { BACKUP_FORMAT, type BackupHeader } from './create-backup';
import { listTables, qname } from './tables';

const BATCH = 2000;

export class RestoreError extends Error {}

async function insertBatch(q: Queryable, table: string, rows: string[]): Promise<void> {
  if (rows.length === 0) return;
  const [schema, name] = table.split('.');
  const target = qname({ schema: schema!, name: name! });
  await q.execute(
    sql`${sql.raw(`insert into ${target} select * from jsonb_populate_recordset(null::${target}, `)}${`[${rows.join(',')}]`}::jsonb)`,
  );
}

export async function restoreBackupFile(db: Db, file: string, opts: { replace: boolean }): Promise<BackupHeader> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next();
  const header = first.done ? undefined : (JSON.parse(first.value) as BackupHeader);
  if (header?.format !== BACKUP_FORMAT) throw new RestoreError('Not a Pamong backup (unknown format).');
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    const tables = await listTables(tx);
    const known = new Set(tables.map((t) => `${t.schema}.${t.name}`));
    // A freshly migrated database already holds rows the migrations wrote (their journal, seeded
    // settings); it counts as empty while it has no agencies and no accounts.
    const held = await tx.execute<{ n: number }>(
      sql`select (select count(*) from core_agencies) + (select count(*) from core_users) as n`,
    );
    if (Number(held.rows[0]?.n ?? 0) > 0 && !opts.replace) {
      throw new RestoreError('The target database is not empty (it has agencies or accounts); use --replace.');
    }
    for (const t of tables) await tx.execute(sql.raw(`delete from ${qname(t)}`));
    let table: string | undefined;
    let batch: string[] = [];
    for (let next = await it.next(); !next.done; next = await it.next()) {
      const line = next.value;
      if (line.startsWith('{"table":')) {
        if (table) await insertBatch(tx, table, batch);
        batch = [];
        table = (JSON.parse(line) as { table: string }).table;
        if (!known.has(table)) throw new RestoreError(`The backup has a table this version does not know: ${table}`);
        continue;
      }
      if (!table || line === '') continue;
      batch.push(line);
      if (batch.length >= BATCH) {
        await insertBatch(tx, table, batch);
        batch = [];
      }
    }
    if (table) await insertBatch(tx, table, batch);
    // Serial columns continue after the restored rows.
    const seqs = await tx.execute<{ tbl: string; col: string; seq: string }>(sql`
      select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as tbl, a.attname as col,
             pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) as seq
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where c.relkind = 'r' and n.nspname in ('public', 'drizzle')
        and pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) is not null`);
    for (const s of seqs.rows) {
      await tx.execute(
        sql.raw(`select setval('${s.seq}', coalesce((select max("${s.col}") from ${s.tbl}), 0) + 1, false)`),
      );
    }
  });
  return header;
}
