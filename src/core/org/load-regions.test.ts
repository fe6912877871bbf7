import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { createEmptyDatabase } from '../../../test/db';
import { loadRegions, regionDataDir } from './load-regions';

const indexDefs = async (db: { execute: (q: ReturnType<typeof sql>) => Promise<{ rows: unknown[] }> }) =>
  (await db.execute(sql`select indexdef from pg_indexes where tablename = 'core_regions' order by indexname`)).rows.map(
    (r) => (r as { indexdef: string }).indexdef,
  );

describe('regions from idn-area-data', () => {
  let ctx: TestApp['ctx'];
  beforeAll(async () => {
    ({ ctx } = await createTestApp());
  });

  it('holds every level of the Kepmendagri 2025 list', async () => {
    const rows = await ctx.db.execute<{ level: number; n: number }>(
      sql`select level, count(*)::int as n from core_regions group by level order by level`,
    );
    expect(rows.rows.map((r) => [Number(r.level), Number(r.n)])).toEqual([
      [1, 38],
      [2, 514],
      [3, 7285],
      [4, 83762],
    ]);
    const some = await ctx.db.execute<{ code: string; name: string; level: number; parent_code: string | null }>(
      sql`select code, name, level, parent_code from core_regions where code in ('36', '36.73', '36.73.05', '12.07.28.1007', '35.13.15.2017') order by code`,
    );
    expect(some.rows.map((r) => ({ ...r, level: Number(r.level) }))).toEqual([
      { code: '12.07.28.1007', name: 'Lubuk Pakam I,II', level: 4, parent_code: '12.07.28' },
      { code: '35.13.15.2017', name: 'Soka"an', level: 4, parent_code: '35.13.15' },
      { code: '36', name: 'Banten', level: 1, parent_code: null },
      { code: '36.73', name: 'Kota Serang', level: 2, parent_code: '36' },
      { code: '36.73.05', name: 'Cipocok Jaya', level: 3, parent_code: '36.73' },
    ]);
  });

  it('skips a complete table and repairs an incomplete one', async () => {
    expect(await loadRegions(ctx.db)).toMatchObject({ skipped: true, loaded: 0 });
    await ctx.db.execute(sql`delete from core_regions where code like '36.73.05.%'`);
    await ctx.db.execute(sql`update core_regions set name = 'Salah' where code = '36.73'`);
    expect(await loadRegions(ctx.db)).toMatchObject({ skipped: false, loaded: 91599 });
    const fixed = await ctx.db.execute<{ n: number; name: string }>(sql`
      select (select count(*)::int from core_regions where code like '36.73.05.%') as n,
             (select name from core_regions where code = '36.73') as name`);
    expect(fixed.rows[0]).toEqual({ n: 8, name: 'Kota Serang' });
  });

  describe('first load into an empty database', () => {
    // A cut of the real files (Banten and the quoted names), so this stays quick.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamong-regions-'));
    for (const f of ['provinces.csv', 'regencies.csv', 'districts.csv', 'villages.csv']) {
      const lines = fs.readFileSync(path.join(regionDataDir(), f), 'utf8').split('\n');
      const keep = lines.filter((l, i) => i === 0 || l.startsWith('36') || l.includes('"'));
      fs.writeFileSync(path.join(dir, f), `${keep.join('\n')}\n`);
    }
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('loads every row and rebuilds exactly the indexes the migration made', async () => {
      const empty = await createEmptyDatabase();
      try {
        const db = empty.database.db;
        const before = await indexDefs(db);
        expect(before).toHaveLength(4);
        const first = await loadRegions(db, dir);
        expect(first).toMatchObject({ skipped: false, loaded: 1 + 8 + (155 + 1) + (1552 + 17) });
        expect(await indexDefs(db)).toEqual(before);
        expect(await loadRegions(db, dir)).toMatchObject({ skipped: true });
        const quoted = await db.execute<{ name: string }>(
          sql`select name from core_regions where code = '14.02.09.2010'`,
        );
        expect(quoted.rows[0]?.name).toBe('Lambang Sari I, II, III');
      } finally {
        await empty.drop();
      }
    });
  });
});
