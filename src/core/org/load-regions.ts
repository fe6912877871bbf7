// Loads Indonesia's administrative regions into core_regions: 38 provinsi, 514 kabupaten/kota,
// 7,285 kecamatan and 83,762 desa/kelurahan.
//
// Source: idn-area-data by Fityan Nugroho (https://github.com/fityannugroho/idn-area-data), code under the
// MIT licence, data under the Open Database License (ODbL 1.0), compiled from Kepmendagri (Keputusan
// Menteri Dalam Negeri) 2025 on the codes and names of government regions. Its JS loader needs Node 22,
// so we read its CSV files directly.
//
// Idempotent and fast: when the table already holds as many rows as the files, nothing is parsed; otherwise
// one INSERT … SELECT FROM json_to_recordset loads every row in a single statement (about 2 s of CPU on
// PGlite, instead of minutes for row-by-row inserts).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Db, Queryable } from '../db/client';

export type RegionLevel = 1 | 2 | 3 | 4;

const FILES: { file: string; level: RegionLevel; parentColumn: string | null }[] = [
  { file: 'provinces.csv', level: 1, parentColumn: null },
  { file: 'regencies.csv', level: 2, parentColumn: 'province_code' },
  { file: 'districts.csv', level: 3, parentColumn: 'regency_code' },
  { file: 'villages.csv', level: 4, parentColumn: 'district_code' },
];

export function regionDataDir(): string {
  const pkg = createRequire(import.meta.url).resolve('idn-area-data/package.json');
  return path.join(path.dirname(pkg), 'data');
}

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/**
 * Reads one level's CSV. Codes never hold commas or quotes, so a plain split reads almost every line; the
 * few names that are quoted (RFC 4180: "Lubuk Pakam I,II", "Soka""an") go through csv-parse. This keeps
 * reading all 91,599 rows several times faster than csv-parse on every line.
 */
export function readRegionFile(level: RegionLevel, dir = regionDataDir()): RegionRow[] {
  const spec = FILES[level - 1]!;
  const lines = fs.readFileSync(path.join(dir, spec.file), 'utf8').split(/\r?\n/);
  const header = lines[0]!.split(',');
  const width = header.length;
  const codeAt = header.indexOf('code');
  const nameAt = header.indexOf('name');
  const parentAt = spec.parentColumn ? header.indexOf(spec.parentColumn) : -1;
  if (codeAt < 0 || nameAt < 0 || (spec.parentColumn && parentAt < 0))
    throw new Error(`${spec.file}: unexpected header ${lines[0]}`);
  const rows: RegionRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const f = line.includes('"') ? (parse(line) as string[][])[0]! : line.split(',');
    if (f.length !== width) throw new Error(`${spec.file} line ${i + 1}: expected ${width} fields`);
    rows.push({ code: f[codeAt]!, name: f[nameAt]!, level, parentCode: parentAt < 0 ? null : f[parentAt]! });
  }
  return rows;
}

/** Data rows in the files, counted by line (no name spans lines), without parsing them. */
function countFileRows(dir: string): number {
  let n = 0;
  for (const { file } of FILES) {
    const buf = fs.readFileSync(path.join(dir, file));
    let lines = 0;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines++;
    if (buf.length > 0 && buf[buf.length - 1] !== 10) lines++;
    n += lines - 1; // header
  }
  return n;
}

export interface LoadRegionsResult {
  loaded: number;
  skipped: boolean;
  ms: number;
}

const insertAll = (q: Queryable, rows: RegionRow[], upsert: boolean) =>
  // json_to_recordset takes every row as a single parameter, so the statement size never depends on
  // the row count and both drivers send it the same way.
  q.execute(sql`
    insert into core_regions (code, name, level, parent_code)
    select r.code, r.name, r."level", r."parentCode"
    from json_to_recordset(${JSON.stringify(rows)}::json)
      as r(code text, name text, "level" smallint, "parentCode" text)
    ${
      upsert
        ? sql`on conflict (code) do update
            set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code
            where (core_regions.name, core_regions.level, core_regions.parent_code)
              is distinct from (excluded.name, excluded.level, excluded.parent_code)`
        : sql``
    }`);

export async function loadRegions(db: Db, dir = regionDataDir()): Promise<LoadRegionsResult> {
  const started = performance.now();
  const [row] = (await db.execute<{ n: number }>(sql`select count(*)::int as n from core_regions`)).rows;
  const present = Number(row?.n ?? 0);
  if (present === countFileRows(dir)) return { loaded: 0, skipped: true, ms: performance.now() - started };
  const rows = FILES.flatMap(({ level }) => readRegionFile(level, dir));
  await db.transaction(async (tx) => {
    if (present > 0) {
      // A newer idn-area-data (or an interrupted load): bring every row up to date in place.
      await insertAll(tx, rows, true);
      return;
    }
    // First load into an empty table: building the secondary indexes (trigram, prefix, parent) once
    // after the insert is about 3x faster than maintaining them row by row, and leaves them compact.
    // Their definitions come from the catalogue, so they stay exactly what the migration created.
    const indexes = (
      await tx.execute<{ name: string; def: string }>(sql`
        select i.indexname as name, i.indexdef as def from pg_indexes i
        join pg_class c on c.relname = i.indexname
        join pg_index x on x.indexrelid = c.oid
        where i.schemaname = current_schema() and i.tablename = 'core_regions' and not x.indisprimary`)
    ).rows;
    for (const ix of indexes) await tx.execute(sql.raw(`drop index ${quoteIdent(ix.name)}`));
    await insertAll(tx, rows, false);
    for (const ix of indexes) await tx.execute(sql.raw(ix.def));
  });
  // PGlite has no autovacuum: collect planner statistics now, so name search uses the trigram index.
  await db.execute(sql`analyze core_regions`);
  return { loaded: rows.length, skipped: false, ms: performance.now() - started };
}

const quoteIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;
