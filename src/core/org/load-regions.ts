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

/** Reads one level's CSV (header row, RFC 4180 quoting: some names hold commas or quotes). */
export function readRegionFile(level: RegionLevel, dir = regionDataDir()): RegionRow[] {
  const spec = FILES[level - 1]!;
  const records = parse(fs.readFileSync(path.join(dir, spec.file)), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  return records.map((r) => ({
    code: r.code!,
    name: r.name!,
    level,
    parentCode: spec.parentColumn ? r[spec.parentColumn]! : null,
  }));
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
