import { desc } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { auditEntries } from '../audit/schema';
import { agencies } from '../org/schema';
import { type StaffLogin, signInStaff } from '../org/test-staff';
import { loadNationalHolidays } from './load-national-holidays';

let t: TestApp;
let platform: StaffLogin;
let serangAdmin: StaffLogin;
let lebakAdmin: StaffLogin;
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-03-17T03:00:00Z') });
  for (const a of await t.ctx.db.select({ id: agencies.id, slug: agencies.slug }).from(agencies)) ids.set(a.slug, a.id);
  platform = await signInStaff(t.ctx, { agencyId: ids.get('banten')!, roles: ['platform_admin'] });
  serangAdmin = await signInStaff(t.ctx, { agencyId: ids.get('kota-serang')!, roles: ['admin_instansi'] });
  lebakAdmin = await signInStaff(t.ctx, { agencyId: ids.get('kab-lebak')!, roles: ['admin_instansi'] });
});

const get = (url: string) => t.app.inject({ method: 'GET', url });
const add = (payload: object, headers?: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: '/api/v1/calendar/holidays', payload, headers });
const remove = (id: string, headers?: Record<string, string>) =>
  t.app.inject({ method: 'DELETE', url: `/api/v1/calendar/holidays/${id}`, headers });
const lastAudit = async () => (await t.ctx.db.select().from(auditEntries).orderBy(desc(auditEntries.seq)).limit(1))[0]!;

describe('GET /api/v1/calendar/holidays', () => {
  it('lists the national days of a year from the SKB list', async () => {
    const res = await get('/api/v1/calendar/holidays?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2026, agency: null, timeZone: 'Asia/Jakarta' });
    expect(body.holidays).toHaveLength(25);
    expect(body.holidays[0]).toMatchObject({
      date: '2026-01-01',
      kind: 'libur_nasional',
      name: 'Tahun Baru 2026 Masehi',
      agencyId: null,
      source: 'skb',
    });
    expect(
      body.holidays
        .filter((h: { date: string }) => h.date.startsWith('2026-03-2'))
        .map((h: { kind: string }) => h.kind),
    ).toEqual(['cuti_bersama', 'libur_nasional', 'libur_nasional', 'cuti_bersama', 'cuti_bersama']);
  });

  it('defaults to this year, and answers 404 for an unknown agency and 400 for a bad year', async () => {
    expect((await get('/api/v1/calendar/holidays')).json().year).toBe(2026);
    expect((await get('/api/v1/calendar/holidays?agency=kota-atlantis')).statusCode).toBe(404);
    expect((await get('/api/v1/calendar/holidays?year=20266')).statusCode).toBe(400);
  });
});

describe('POST and DELETE /api/v1/calendar/holidays', () => {
  it('asks a visitor to sign in, and keeps national days for platform admins (401, 403)', async () => {
    expect((await add({ date: '2026-10-02', name: 'Hari Batik' })).statusCode).toBe(401);
    const res = await add({ date: '2026-10-02', name: 'Hari Batik' }, serangAdmin.headers);
    expect(res.statusCode).toBe(403);
    const operator = await signInStaff(t.ctx, { agencyId: ids.get('kota-serang')!, roles: ['operator_unit'] });
    expect(
      (await add({ date: '2026-10-02', name: 'Hari Batik', agency: 'kota-serang' }, operator.headers)).statusCode,
    ).toBe(403);
  });

  it('rejects impossible dates and mismatched kinds (400)', async () => {
    const bad = [
      { date: '2026-02-30', name: 'X' },
      { date: '26-02-01', name: 'X' },
      { date: '2026-10-02', name: '' },
      { date: '2026-10-02', name: 'X', kind: 'libur_instansi' },
      { date: '2026-10-02', name: 'X', kind: 'hari_raya' },
    ];
    for (const payload of bad)
      expect((await add(payload, platform.headers)).statusCode, JSON.stringify(payload)).toBe(400);
    const wrongKind = await add(
      { date: '2026-10-02', name: 'X', kind: 'cuti_bersama', agency: 'kota-serang' },
      serangAdmin.headers,
    );
    expect(wrongKind.json().error.code).toBe('KIND_INVALID');
    const days = (await get('/api/v1/calendar/holidays?year=2026&agency=kota-serang')).json().holidays;
    expect(days.some((d: { date: string }) => d.date === '2026-10-02')).toBe(false);
  });

  it('lets a platform admin add and remove a national day, audited, and refuses a duplicate (409)', async () => {
    const res = await add({ date: '2026-10-02', name: 'Cuti Bersama Uji', kind: 'cuti_bersama' }, platform.headers);
    expect(res.statusCode).toBe(201);
    const day = res.json();
    expect(day).toMatchObject({ date: '2026-10-02', kind: 'cuti_bersama', agencyId: null, source: 'admin' });
    expect(await lastAudit()).toMatchObject({
      action: 'calendar.holiday_added',
      entityId: day.id,
      actorRole: 'platform_admin',
      agencyId: null,
    });
    expect((await add({ date: '2026-10-02', name: 'Lagi' }, platform.headers)).statusCode).toBe(409);
    // An agency admin cannot remove a national day.
    expect((await remove(day.id, serangAdmin.headers)).statusCode).toBe(403);
    const gone = await remove(day.id, platform.headers);
    expect(gone.statusCode).toBe(200);
    expect(await lastAudit()).toMatchObject({ action: 'calendar.holiday_removed', entityId: day.id });
    expect((await remove(day.id, platform.headers)).statusCode).toBe(404);
    const days = (await get('/api/v1/calendar/holidays?year=2026')).json().holidays;
    expect(days.some((d: { date: string }) => d.date === '2026-10-02')).toBe(false);
  });

  it("lets an agency admin manage its own extra days only, which other agencies don't see", async () => {
    const res = await add({ date: '2026-11-02', name: 'HUT Kota Serang', agency: 'kota-serang' }, serangAdmin.headers);
    expect(res.statusCode).toBe(201);
    const day = res.json();
    expect(day).toMatchObject({ kind: 'libur_instansi', agencyId: ids.get('kota-serang') });
    expect(await lastAudit()).toMatchObject({
      action: 'calendar.holiday_added',
      actorRole: 'admin_instansi',
      agencyId: ids.get('kota-serang'),
    });
    expect(
      (await add({ date: '2026-11-03', name: 'Bukan milik Anda', agency: 'kota-serang' }, lebakAdmin.headers))
        .statusCode,
    ).toBe(403);
    expect((await remove(day.id, lebakAdmin.headers)).statusCode).toBe(403);

    const serang = (await get('/api/v1/calendar/holidays?year=2026&agency=kota-serang')).json();
    expect(serang.agency).toEqual({ slug: 'kota-serang', name: 'Pemerintah Kota Serang' });
    expect(serang.holidays.find((d: { date: string }) => d.date === '2026-11-02')).toMatchObject({
      name: 'HUT Kota Serang',
    });
    const lebak = (await get('/api/v1/calendar/holidays?year=2026&agency=kab-lebak')).json();
    expect(lebak.holidays.some((d: { date: string }) => d.date === '2026-11-02')).toBe(false);
    expect((await remove(day.id, serangAdmin.headers)).statusCode).toBe(200);
  });

  it('keeps a removed SKB day removed when the shipped list is loaded again, and can bring it back', async () => {
    const days = (await get('/api/v1/calendar/holidays?year=2026')).json().holidays;
    const adhaCuti = days.find((d: { date: string }) => d.date === '2026-05-28');
    expect(adhaCuti).toMatchObject({ kind: 'cuti_bersama', source: 'skb' });
    expect((await remove(adhaCuti.id, platform.headers)).statusCode).toBe(200);
    await loadNationalHolidays(t.ctx.db);
    const after = (await get('/api/v1/calendar/holidays?year=2026')).json().holidays;
    expect(after.some((d: { date: string }) => d.date === '2026-05-28')).toBe(false);
    const back = await add(
      { date: '2026-05-28', name: 'Cuti Bersama Idul Adha 1447 H', kind: 'cuti_bersama' },
      platform.headers,
    );
    expect(back.statusCode).toBe(201);
    expect(back.json()).toMatchObject({ id: adhaCuti.id, source: 'admin' });
  });
});

describe('GET /api/v1/calendar/working-days', () => {
  it('gives the deadline and the weekdays off it skipped', async () => {
    const res = await get('/api/v1/calendar/working-days?agency=kota-serang&from=2026-03-17&days=3');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      agency: { slug: 'kota-serang', name: 'Pemerintah Kota Serang' },
      timeZone: 'Asia/Jakarta',
      from: '2026-03-17',
      days: 3,
      deadline: '2026-03-27T16:59:59.999Z',
      deadlineDate: '2026-03-27',
      daysOff: [
        { date: '2026-03-18', kind: 'cuti_bersama', name: 'Cuti Bersama Hari Suci Nyepi' },
        { date: '2026-03-19', kind: 'libur_nasional', name: 'Hari Suci Nyepi Tahun Baru Saka 1948' },
        { date: '2026-03-20', kind: 'cuti_bersama', name: 'Cuti Bersama Idul Fitri 1447 H' },
        { date: '2026-03-23', kind: 'cuti_bersama', name: 'Cuti Bersama Idul Fitri 1447 H' },
        { date: '2026-03-24', kind: 'cuti_bersama', name: 'Cuti Bersama Idul Fitri 1447 H' },
      ],
      calendarCovers: true,
    });
  });

  it('counts from today without a date, and warns when the deadline runs past the known holidays', async () => {
    const today = (await get('/api/v1/calendar/working-days?days=0')).json();
    expect(today).toMatchObject({ agency: null, from: '2026-03-17', deadlineDate: '2026-03-17', calendarCovers: true });
    const late = (await get('/api/v1/calendar/working-days?from=2026-12-30&days=3')).json();
    expect(late).toMatchObject({ deadlineDate: '2027-01-04', calendarCovers: false });
  });

  it('rejects bad input (400) and an unknown agency (404)', async () => {
    for (const q of ['days=-1', 'days=367', 'from=2026-13-01&days=1', 'from=2026-02-29&days=1', 'days=x']) {
      expect((await get(`/api/v1/calendar/working-days?${q}`)).statusCode, q).toBe(400);
    }
    expect((await get('/api/v1/calendar/working-days?agency=kota-atlantis&days=1')).statusCode).toBe(404);
  });
});
