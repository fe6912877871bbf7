// Days off added or removed after a report was filed move its working-day deadlines still ahead, in the
// same transaction as the change; passed deadlines, other agencies' reports and the emergency lane's
// hours stay as they are.
import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { type Agent, loginAs, loginWith } from '../../../test/auth';
import { DEMO_OTHER_AGENCY_ACCOUNTS, DEMO_PASSWORD } from '../../core/auth/seed-demo-accounts';
import { complaints, events } from './schema';
import { type Filed, categoryId, fileComplaint } from './test-factory';

// Thursday 1 October 2026, 09:00 WIB: no national day off in the weeks after.
const NOW = new Date('2026-10-01T02:00:00Z');
// Three working days from Thursday 1 October: Friday 2, Monday 5, Tuesday 6 (end of day, WIB).
const TUE_6 = '2026-10-06T16:59:59.999Z';
const WED_7 = '2026-10-07T16:59:59.999Z';

let t: TestApp;
let platform: Agent;
let bantenAdmin: Agent;
let serangAdmin: Agent;
let report: Filed;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  platform = await loginAs(t, 'platform_admin');
  bantenAdmin = await loginAs(t, 'admin_instansi');
  serangAdmin = await loginWith(t, DEMO_OTHER_AGENCY_ACCOUNTS.admin_instansi, DEMO_PASSWORD);
  report = await fileComplaint(t);
});

const deadlines = async (id: string) => {
  const [r] = await t.ctx.db
    .select({ dueAt: complaints.dueAt, verifyDueAt: complaints.verifyDueAt })
    .from(complaints)
    .where(eq(complaints.id, id));
  return { dueAt: r!.dueAt?.toISOString(), verifyDueAt: r!.verifyDueAt?.toISOString() };
};
const addDay = async (as: Agent, payload: Record<string, unknown>) => {
  const res = await as.inject({ method: 'POST', url: '/api/v1/calendar/holidays', payload });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};
const removeDay = async (as: Agent, id: string) =>
  expect((await as.inject({ method: 'DELETE', url: `/api/v1/calendar/holidays/${id}` })).statusCode).toBe(200);

describe('deadlines follow changes of days off', () => {
  it('gives a report one more working day when a day before its deadline becomes a day off, and takes it back', async () => {
    expect(await deadlines(report.id)).toEqual({ dueAt: TUE_6, verifyDueAt: TUE_6 });
    const monday = await addDay(platform, { date: '2026-10-05', name: 'Cuti Bersama Uji', kind: 'cuti_bersama' });
    expect(await deadlines(report.id)).toEqual({ dueAt: WED_7, verifyDueAt: WED_7 });
    const [entry] = await t.ctx.db
      .select()
      .from(events)
      .where(eq(events.complaintId, report.id))
      .orderBy(desc(events.id))
      .limit(1);
    expect(entry).toMatchObject({ kind: 'deadline_moved', visibility: 'internal', actorKind: 'system' });
    expect(entry!.meta).toMatchObject({ dates: ['2026-10-05'], dueAt: { from: TUE_6, to: WED_7 } });
    // The officer sees why on the report's timeline.
    const detail = (await bantenAdmin.inject({ method: 'GET', url: `/api/v1/console/complaints/${report.id}` })).json();
    expect(detail.timeline.at(-1).label.id).toBe('Batas waktu disesuaikan dengan perubahan hari libur');

    await removeDay(platform, monday);
    expect(await deadlines(report.id)).toEqual({ dueAt: TUE_6, verifyDueAt: TUE_6 });
  });

  it("moves only the agency's own reports for its own day off", async () => {
    const serangDay = await addDay(serangAdmin, { date: '2026-10-05', name: 'Hari Jadi Uji', agency: 'kota-serang' });
    expect(await deadlines(report.id)).toEqual({ dueAt: TUE_6, verifyDueAt: TUE_6 });
    const bantenDay = await addDay(bantenAdmin, { date: '2026-10-05', name: 'Hari Jadi Uji', agency: 'banten' });
    expect(await deadlines(report.id)).toEqual({ dueAt: WED_7, verifyDueAt: WED_7 });
    // Removing Kota Serang's day changes nothing for Banten; Banten's own removal does.
    await removeDay(serangAdmin, serangDay);
    expect(await deadlines(report.id)).toEqual({ dueAt: WED_7, verifyDueAt: WED_7 });
    await removeDay(bantenAdmin, bantenDay);
    expect(await deadlines(report.id)).toEqual({ dueAt: TUE_6, verifyDueAt: TUE_6 });
  });

  it('leaves deadlines alone for days after them, for today, and for days already past', async () => {
    const before = await t.ctx.db.select({ n: events.id }).from(events).where(eq(events.complaintId, report.id));
    for (const date of ['2026-10-07', '2026-10-01', '2026-09-30']) {
      await addDay(platform, { date, name: `Uji ${date}` });
      expect(await deadlines(report.id), date).toEqual({ dueAt: TUE_6, verifyDueAt: TUE_6 });
    }
    const after = await t.ctx.db.select({ n: events.id }).from(events).where(eq(events.complaintId, report.id));
    expect(after).toHaveLength(before.length);
  });

  it("keeps the emergency lane's deadline in hours", async () => {
    const urgent = await fileComplaint(t, { categoryId: await categoryId(t, 'banten', 'darurat.bencana') });
    const was = await deadlines(urgent.id);
    expect(was.dueAt).toBeDefined();
    await addDay(platform, { date: '2026-10-02', name: 'Uji darurat' });
    expect(await deadlines(urgent.id)).toEqual(was);
    // The ordinary report, due Tuesday, now has Friday off before it, and Wednesday 7 is off too.
    const THU_8 = '2026-10-08T16:59:59.999Z';
    expect(await deadlines(report.id)).toEqual({ dueAt: THU_8, verifyDueAt: THU_8 });
  });

  it('moves deadlines when a decree is loaded from a CSV, once for all its days', async () => {
    const csv = 'tanggal,jenis,nama\n2026-10-05,cuti_bersama,Uji A\n2026-10-06,cuti_bersama,Uji B\n';
    const res = await platform.inject({ method: 'POST', url: '/api/v1/calendar/holidays/import', payload: { csv } });
    expect(res.statusCode).toBe(200);
    // Friday 2, Monday 5, Tuesday 6 and Wednesday 7 are now all off: the three working days after
    // Thursday 1 are Thursday 8, Friday 9 and Monday 12.
    expect(await deadlines(report.id)).toEqual({
      dueAt: '2026-10-12T16:59:59.999Z',
      verifyDueAt: '2026-10-12T16:59:59.999Z',
    });
  });
});
