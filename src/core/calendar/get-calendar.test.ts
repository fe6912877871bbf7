import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { isWorkingDay } from '../../lib/working-days';
import { agencies } from '../org/schema';
import { updateAgency } from '../org/update-agency';
import { addHoliday } from './add-holiday';
import { deadlineFor, getCalendar } from './get-calendar';
import { loadNationalHolidays } from './load-national-holidays';
import { removeHoliday } from './remove-holiday';

let t: TestApp;
const ids = new Map<string, string>();
const platform = {
  kind: 'staff' as const,
  userId: '00000000-0000-4000-8000-000000000001',
  sessionId: 's',
  name: 'Admin',
  agencyId: '',
  grants: [] as never[],
};

beforeAll(async () => {
  t = await createTestApp();
  for (const a of await t.ctx.db.select({ id: agencies.id, slug: agencies.slug }).from(agencies)) ids.set(a.slug, a.id);
  // Two agencies outside WIB, made directly for these tests.
  const made = await t.ctx.db
    .insert(agencies)
    .values([
      {
        slug: 'kota-makassar',
        name: 'Pemerintah Kota Makassar',
        kind: 'kota',
        regionCode: '73.71',
        timeZone: 'Asia/Makassar',
      },
      {
        slug: 'kota-jayapura',
        name: 'Pemerintah Kota Jayapura',
        kind: 'kota',
        regionCode: '91.71',
        timeZone: 'Asia/Jayapura',
      },
    ])
    .returning({ id: agencies.id, slug: agencies.slug });
  for (const a of made) ids.set(a.slug, a.id);
  platform.grants = [{ role: 'platform_admin', agencyId: ids.get('banten')!, unitId: null }] as never[];
  platform.agencyId = ids.get('banten')!;
});

const deadline = async (slug: string, start: string, days: number) =>
  (await deadlineFor(t.ctx, ids.get(slug)!, new Date(start), days)).toISOString();

describe('deadlines around the national calendar', () => {
  it('skips Nyepi, Idul Fitri 2026 and its cuti bersama', async () => {
    // Received Tuesday 17 March 2026, 10:00 WIB: 18–24 March are all off (cuti, Nyepi, cuti, weekend with
    // Idul Fitri, cuti, cuti), so three working days end on Friday 27 March, 23:59:59.999 WIB.
    expect(await deadline('kota-serang', '2026-03-17T03:00:00Z', 3)).toBe('2026-03-27T16:59:59.999Z');
    // Received Friday 13 March: 16 and 17 March count, then the holidays, then 25, 26, 27 March.
    expect(await deadline('kota-serang', '2026-03-13T03:00:00Z', 5)).toBe('2026-03-27T16:59:59.999Z');
    expect(await deadline('kota-serang', '2026-03-13T03:00:00Z', 2)).toBe('2026-03-17T16:59:59.999Z');
  });

  it('skips Christmas, its cuti bersama and New Year across the year end', async () => {
    // Wednesday 24 December 2025: 25 (Natal), 26 (cuti) and the weekend are off; 29, 30, 31 December count,
    // 1 January 2026 is off, then Friday 2 and Monday 5 January.
    expect(await deadline('kab-serang', '2025-12-24T02:00:00Z', 3)).toBe('2025-12-31T16:59:59.999Z');
    expect(await deadline('kab-serang', '2025-12-24T02:00:00Z', 5)).toBe('2026-01-05T16:59:59.999Z');
    // Wednesday 23 December 2026: 24 (cuti), 25 (Natal) and the weekend are off.
    expect(await deadline('kab-serang', '2026-12-23T02:00:00Z', 3)).toBe('2026-12-30T16:59:59.999Z');
  });

  it('ends the working day at local midnight in WITA and WIT, and starts from the local date', async () => {
    // 16:30 UTC on Tuesday 3 February 2026 is 23:30 Tuesday in WIB but already Wednesday in WITA and WIT.
    expect(await deadline('kota-serang', '2026-02-03T16:30:00Z', 1)).toBe('2026-02-04T16:59:59.999Z');
    expect(await deadline('kota-makassar', '2026-02-03T16:30:00Z', 1)).toBe('2026-02-05T15:59:59.999Z');
    expect(await deadline('kota-jayapura', '2026-02-03T16:30:00Z', 1)).toBe('2026-02-05T14:59:59.999Z');
    const cal = await getCalendar(t.ctx.db, ids.get('kota-jayapura')!);
    expect(cal.timeZone).toBe('Asia/Jayapura');
    expect(isWorkingDay(cal, '2026-03-19')).toBe(false);
  });

  it('rejects an unknown agency with a 404 error', async () => {
    await expect(getCalendar(t.ctx.db, '00000000-0000-4000-8000-00000000abcd')).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});

describe("an agency's own days off", () => {
  it("move only that agency's deadlines, and removing the day moves them back", async () => {
    const start = '2026-04-07T02:00:00Z'; // Tuesday 7 April 2026
    expect(await deadline('kota-serang', start, 3)).toBe('2026-04-10T16:59:59.999Z');
    const day = await addHoliday(t.ctx, platform, {
      date: '2026-04-09',
      name: 'Libur HUT Kota Serang (uji)',
      agency: 'kota-serang',
    });
    expect(day).toMatchObject({ kind: 'libur_instansi', agencyId: ids.get('kota-serang') });
    expect(await deadline('kota-serang', start, 3)).toBe('2026-04-13T16:59:59.999Z');
    expect(await deadline('kab-serang', start, 3)).toBe('2026-04-10T16:59:59.999Z');
    expect(await deadline('banten', start, 3)).toBe('2026-04-10T16:59:59.999Z');
    await removeHoliday(t.ctx, platform, day.id);
    expect(await deadline('kota-serang', start, 3)).toBe('2026-04-10T16:59:59.999Z');
  });
});

describe('the calendar cache', () => {
  it('is reused until something changes, and sees a change made by another server instance', async () => {
    const serang = ids.get('kota-serang')!;
    const first = await getCalendar(t.ctx.db, serang);
    expect(await getCalendar(t.ctx.db, serang)).toBe(first);
    // Another instance adds a national day and replaces the token in its own transaction.
    await t.ctx.db.transaction(async (tx) => {
      await tx.execute(
        sql`insert into core_holidays (date, kind, name) values ('2026-07-01', 'libur_nasional', 'Hari Uji')`,
      );
      await tx.execute(sql`update core_calendar_state set token = gen_random_uuid() where id = 1`);
    });
    const second = await getCalendar(t.ctx.db, serang);
    expect(second).not.toBe(first);
    expect(isWorkingDay(second, '2026-07-01')).toBe(false);
  });

  it('is not fooled by a change that was rolled back', async () => {
    const lebak = ids.get('kab-lebak')!;
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await addHoliday({ ...t.ctx, db: tx as never }, platform, {
          date: '2026-07-02',
          name: 'Batal',
          agency: 'kab-lebak',
        });
        expect(isWorkingDay(await getCalendar(tx, lebak), '2026-07-02')).toBe(false);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(isWorkingDay(await getCalendar(t.ctx.db, lebak), '2026-07-02')).toBe(true);
  });

  it("follows a change of the agency's time zone", async () => {
    expect(await deadline('kab-pandeglang', '2026-02-03T03:00:00Z', 1)).toBe('2026-02-04T16:59:59.999Z');
    await updateAgency(t.ctx, platform, 'platform_admin', 'kab-pandeglang', { timeZone: 'Asia/Makassar' });
    expect(await deadline('kab-pandeglang', '2026-02-03T03:00:00Z', 1)).toBe('2026-02-04T15:59:59.999Z');
  });
});

describe('loading the shipped national list', () => {
  it('does not bring back a day an administrator removed', async () => {
    const [row] = (
      await t.ctx.db.execute<{ id: string }>(
        sql`select id from core_holidays where date = '2026-05-15' and agency_id is null`,
      )
    ).rows;
    await removeHoliday(t.ctx, platform, row!.id);
    expect(await loadNationalHolidays(t.ctx.db)).toEqual({ added: 0 });
    const cal = await getCalendar(t.ctx.db, null);
    expect(isWorkingDay(cal, '2026-05-15')).toBe(true);
    expect(cal.timeZone).toBe('Asia/Jakarta');
    const [still] = await t.ctx.db.select({ tz: agencies.timeZone }).from(agencies).where(eq(agencies.slug, 'banten'));
    expect(still!.tz).toBe('Asia/Jakarta');
  });
});
