// A logical backup: gzip'd JSON lines, one header, then every row of every table in primary-key order.
// The same format restores into PGlite or PostgreSQL, so a demo on PGlite can move to PostgreSQL.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { type TableInfo, listTables, qname } from './tables';

export const BACKUP_FORMAT = 'pamong-backup/1';
const PAGE = 5000;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  tables: { name: string; rows: number }[];
}

async function* tableRows(q: Queryable, t: TableInfo): AsyncGenerator<string> {
  const order = t.orderBy.map((c) => `"${c}"`).join(', ');
  for (let offset = 0; ; offset += PAGE) {
    // to_jsonb keeps every type's canonical text form (timestamps, numerics, jsonb) across backends.
    const res = await q.execute<{ j: unknown }>(
      sql.raw(
        `select to_jsonb(x) as j from (select * from ${qname(t)} order by ${order} limit ${PAGE} offset ${offset}) x`,
      ),
    );
    for (const r of res.rows) yield typeof r.j === 'string' ? r.j : JSON.stringify(r.j);
    if (res.rows.length < PAGE) return;
  }
}

/** Writes the backup lines; the caller decides where they go (file, HTTP response). */
export async function* backupLines(q: Queryable, now: Date): AsyncGenerator<string> {
  const tables = await listTables(q);
  const counts: { name: string; rows: number }[] = [];
  for (const t of tables) {
    const r = await q.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${qname(t)}`));
    counts.push({ name: `${t.schema}.${t.name}`, rows: Number(r.rows[0]?.n ?? 0) });
  }
  const header: BackupHeader = { format: BACKUP_FORMAT, createdAt: now.toISOString(), tables: counts };
  yield `${JSON.stringify(header)}\n`;
  for (const t of tables) {
    yield `${JSON.stringify({ table: `${t.schema}.${t.name}` })}\n`;
    for await (const line of tableRows(q, t)) yield `${line}\n`;
  }
}

export async function createBackupFile(q: Queryable, file: string, now: Date): Promise<BackupHeader> {
  let header: BackupHeader | undefined;
  const lines = backupLines(q, now);
  const source = Readable.from(
    (async function* () {
      for await (const l of lines) {
        if (!header) header = JSON.parse(l) as BackupHeader;
        yield l;
      }
    })(),
  );
  await pipeline(source, createGzip(), createWriteStream(file));
  return header!;
}
