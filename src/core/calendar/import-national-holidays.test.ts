import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { auditEntries } from '../audit/schema';
import { agencies } from '../org/schema';
import { type StaffLogin, signInStaff } from '../org/test-staff';
import { registerCalendarCommands } from './cli';
import { holidays } from './schema';

// Late November 2026: deadlines set now reach into 2027, which the shipped list does not cover.
let t: TestApp;
let platform: StaffLogin;
let agencyAdmin: StaffLogin;

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-11-23T03:00:00Z') });
  const [banten] = await t.ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, 'banten'));
  platform = await signInStaff(t.ctx, { agencyId: banten!.id, roles: ['platform_admin'] });
  agencyAdmin = await signInStaff(t.ctx, { agencyId: banten!.id, roles: ['admin_instansi'] });
});
afterAll(() => t?.close());

const FILE_2027 = [
  'tanggal,jenis,nama',
  '2027-01-01,libur_nasional,Tahun Baru 2027 Masehi',
  '2027-05-01,libur_nasional,Hari Buruh Internasional',
  '2027-06-01,libur_nasional,Hari Lahir Pancasila',
  '2027-08-17,libur_nasional,Proklamasi Kemerdekaan',
  '2027-12-24,cuti_bersama,Cuti Bersama Kelahiran Yesus Kristus',
  '2027-12-25,libur_nasional,Kelahiran Yesus Kristus',
].join('\n');

/** As the platform admin unless other headers (null: signed out) are given. */
const importCsv = (payload: object, headers: Record<string, string> | null = platform.headers) =>
  t.app.inject({ method: 'POST', url: '/api/v1/calendar/holidays/import', payload, headers: headers ?? undefined });
const get = (url: string) => t.app.inject({ method: 'GET', url });
const holidayRows = async () => (await t.ctx.db.select({ n: count() }).from(holidays))[0]!.n;
const lastAudit = async () => (await t.ctx.db.select().from(auditEntries).orderBy(desc(auditEntries.seq)).limit(1))[0]!;
const days2027 = async () =>
  (await get('/api/v1/calendar/holidays?year=2027'))
    .json()
    .holidays.map((h: { date: string; name: string }) => [h.date, h.name]);

describe('national holidays from a joint decree (SKB 3 Menteri) CSV', () => {
  it('reports that the years deadlines reach have no national holidays yet', async () => {
    const res = await get('/api/v1/calendar/coverage');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ today: '2026-11-23', horizon: '2027-03-23', missingYears: [2027] });
    expect(body.years.map((y: { year: number }) => y.year)).toEqual([2026, 2027]);
    expect(body.years[0].liburNasional).toBeGreaterThan(10);
    expect(body.years[1]).toEqual({ year: 2027, liburNasional: 0, cutiBersama: 0 });
    // A deadline across New Year counts 1 January 2027 as a working day until the decree is loaded.
    const before = (await get('/api/v1/calendar/working-days?from=2026-12-30&days=3')).json();
    expect(before).toMatchObject({ deadlineDate: '2027-01-04', calendarCovers: false });
  });

  it('lets only a platform admin load a list (401, 403), and writes nothing for them', async () => {
    const rows = await holidayRows();
    expect((await importCsv({ csv: FILE_2027 }, null)).statusCode).toBe(401);
    expect((await importCsv({ csv: FILE_2027 }, agencyAdmin.headers)).statusCode).toBe(403);
    expect(await holidayRows()).toBe(rows);
  });

  it.each([
    ['tanggal;jenis;nama\n2027-01-01;libur_nasional;X', 'HOLIDAY_CSV_INVALID', 'Baris 1 harus berjudul'],
    ['tanggal,jenis,nama\n2027-02-30,libur_nasional,X', 'HOLIDAY_CSV_INVALID', 'Baris 2: tanggal tidak valid'],
    ['tanggal,jenis,nama\n2027-01-01,libur_instansi,X', 'HOLIDAY_CSV_INVALID', 'Baris 2: jenis harus'],
    ['tanggal,jenis,nama\n2027-01-01,libur_nasional,', 'HOLIDAY_CSV_INVALID', 'Baris 2: nama hari libur kosong'],
    [
      'tanggal,jenis,nama\n2027-01-01,libur_nasional,A\n2027-01-01,cuti_bersama,B',
      'HOLIDAY_CSV_DUPLICATE',
      '2027-01-01',
    ],
    ['tanggal,jenis,nama\n2101-01-01,libur_nasional,A', 'HOLIDAY_CSV_INVALID', '2101-01-01'],
    ['tanggal,jenis,nama\n\n', 'HOLIDAY_CSV_EMPTY', 'tidak berisi'],
  ])('refuses a bad file in both languages and changes nothing: %j', async (csv, code, words) => {
    const rows = await holidayRows();
    const seq = (await lastAudit()).seq;
    const res = await importCsv({ csv, dryRun: false });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe(code);
    expect(err.messages.id).toContain(words);
    expect(err.messages.en.length).toBeGreaterThan(10);
    expect(await holidayRows()).toBe(rows);
    expect((await lastAudit()).seq).toBe(seq);
  });

  it('previews a new year without saving it, then loads it: deadlines across New Year move at once', async () => {
    const seq = (await lastAudit()).seq;
    const preview = await importCsv({ csv: FILE_2027, dryRun: true });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true, years: [2027], rows: 6, unchanged: 0, changed: [] });
    expect(preview.json().added.map((d: { date: string }) => d.date)).toEqual([
      '2027-01-01',
      '2027-05-01',
      '2027-06-01',
      '2027-08-17',
      '2027-12-24',
      '2027-12-25',
    ]);
    expect(await days2027()).toEqual([]);
    expect((await lastAudit()).seq).toBe(seq);

    const saved = await importCsv({ csv: FILE_2027 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ dryRun: false, years: [2027] });
    expect(saved.json().added).toHaveLength(6);
    expect((await days2027())[0]).toEqual(['2027-01-01', 'Tahun Baru 2027 Masehi']);
    expect((await get('/api/v1/calendar/coverage')).json().missingYears).toEqual([]);
    const after = (await get('/api/v1/calendar/working-days?from=2026-12-30&days=3')).json();
    expect(after).toMatchObject({ deadlineDate: '2027-01-05', calendarCovers: true });
    expect(after.daysOff).toEqual([{ date: '2027-01-01', kind: 'libur_nasional', name: 'Tahun Baru 2027 Masehi' }]);
    const entry = await lastAudit();
    expect(entry).toMatchObject({ action: 'calendar.holidays_imported', entityType: 'calendar', agencyId: null });
    expect((entry.meta as { added: { date: string }[] }).added.map((d) => d.date)).toContain('2027-01-01');

    // The same file again changes nothing.
    expect((await importCsv({ csv: FILE_2027, dryRun: true })).json()).toMatchObject({
      added: [],
      changed: [],
      restored: [],
      unchanged: 6,
      notInFile: [],
    });
  });

  it('applies a revised decree: renames, restores a removed day and, when asked, removes days it drops', async () => {
    // An administrator had removed 17 August by hand.
    const list = (await get('/api/v1/calendar/holidays?year=2027')).json().holidays as { id: string; date: string }[];
    const august = list.find((h) => h.date === '2027-08-17')!;
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/calendar/holidays/${august.id}`,
          headers: platform.headers,
        })
      ).statusCode,
    ).toBe(200);
    const revised = [
      'tanggal,jenis,nama',
      '2027-01-01,libur_nasional,Tahun Baru 2027 Masehi',
      '2027-05-01,libur_nasional,Hari Buruh Internasional',
      '2027-06-01,libur_nasional,Hari Lahir Pancasila',
      '2027-08-17,libur_nasional,Proklamasi Kemerdekaan',
      '2027-12-25,libur_nasional,Kelahiran Yesus Kristus (Natal)',
      '2027-12-27,cuti_bersama,Cuti Bersama Kelahiran Yesus Kristus',
    ].join('\n');
    const kept = (await importCsv({ csv: revised, dryRun: true })).json();
    expect(kept).toMatchObject({
      added: [{ date: '2027-12-27' }],
      restored: [{ date: '2027-08-17' }],
      changed: [{ date: '2027-12-25', before: { name: 'Kelahiran Yesus Kristus' } }],
      unchanged: 3,
      removed: [],
      notInFile: [{ date: '2027-12-24', kind: 'cuti_bersama' }],
    });
    const replaced = await importCsv({ csv: revised, replaceYears: true });
    expect(replaced.json()).toMatchObject({ removed: [{ date: '2027-12-24' }], notInFile: [] });
    expect(await days2027()).toEqual([
      ['2027-01-01', 'Tahun Baru 2027 Masehi'],
      ['2027-05-01', 'Hari Buruh Internasional'],
      ['2027-06-01', 'Hari Lahir Pancasila'],
      ['2027-08-17', 'Proklamasi Kemerdekaan'],
      ['2027-12-25', 'Kelahiran Yesus Kristus (Natal)'],
      ['2027-12-27', 'Cuti Bersama Kelahiran Yesus Kristus'],
    ]);
    expect((await lastAudit()).meta).toMatchObject({
      years: [2027],
      removed: [{ date: '2027-12-24' }],
      restored: [{ date: '2027-08-17' }],
    });
  });

  it('pamong calendar import and coverage do the same from the command line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pamong-cal-'));
    const file = path.join(dir, 'skb-2028.csv');
    fs.writeFileSync(file, 'tanggal,jenis,nama\n2028-01-01,libur_nasional,Tahun Baru 2028 Masehi\n');
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
    const run = async (...args: string[]) => {
      const program = new Command('pamong').exitOverride();
      registerCalendarCommands(program, async () => ({ ...t.ctx, close: async () => {} }));
      await program.parseAsync(['node', 'pamong', ...args]);
    };
    try {
      await run('calendar', 'import', file, '--dry-run');
      expect(out).toContain('Ditambahkan / added: 1');
      expect((await get('/api/v1/calendar/holidays?year=2028')).json().holidays).toEqual([]);
      await run('calendar', 'import', file);
      expect(out).toContain('Disimpan / saved');
      expect((await get('/api/v1/calendar/holidays?year=2028')).json().holidays).toHaveLength(1);
      expect(await lastAudit()).toMatchObject({ action: 'calendar.holidays_imported', actorKind: 'system:cli' });
      out.length = 0;
      await run('calendar', 'coverage');
      expect(out[0]).toMatch(/^2026: \d+ libur nasional/);
      expect(out[1]).toMatch(/^2027: 5 libur nasional, 1 cuti bersama$/);
      expect(process.exitCode ?? 0).toBe(0);
    } finally {
      log.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
