// Deadlines on the paused clock, the escalation ladder (once per step), the emergency lane, the automatic
// close, and the incrementally maintained statistics against the ground truth of the rows.
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { type Agent, loginAs } from '../../../test/auth';
import { toLocalDate } from '../../lib/working-days';
import { getStats } from './get-stats';
import { runEscalations } from './run-escalations';
import { complaints, escalations } from './schema';
import { type Filed, agencyIdOf, categoryId, fileComplaint, T0, unitIdByName } from './test-factory';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: T0 });
});
// Sessions expire as the test clock moves on: loginAs signs in again when needed.
const operator = { inject: async (o: Parameters<Agent['inject']>[0]) => (await loginAs(t, 'operator_unit')).inject(o) };
const admin = { inject: async (o: Parameters<Agent['inject']>[0]) => (await loginAs(t, 'admin_instansi')).inject(o) };

const at = (iso: string) => t.clock.set(iso);
const post = (agent: Pick<Agent, 'inject'>, url: string, payload: Record<string, unknown>) =>
  agent.inject({ method: 'POST', url, payload });

describe('deadlines in working days', () => {
  it('pauses the resolution clock while waiting for the reporter and resumes it when they answer', async () => {
    at(T0.toISOString());
    const f = await fileComplaint(t);
    const url = `/api/v1/console/complaints/${f.id}`;
    await post(operator, `${url}/dispose`, { unitId: await unitIdByName(t, 'banten', 'Bidang Bina Marga') });
    const fu = await post(operator, `${url}/transition`, { action: 'follow_up' });
    // Tidak berkadar pengawasan: 14 HK from Thu 12 Feb, skipping 16–17 Feb (cuti bersama, Imlek).
    expect(fu.json().dueAt).toBe('2026-03-06T16:59:59.999Z');
    at('2026-02-13T03:00:00Z'); // Fri 13 Feb: 1 HK used
    const paused = await post(operator, `${url}/transition`, {
      action: 'request_info',
      message: 'Mohon kirim foto lokasi.',
    });
    expect(paused.json()).toMatchObject({ status: 'menunggu_kelengkapan', dueAt: null });
    at('2026-02-25T03:00:00Z'); // Wed 25 Feb: the reporter answers; 13 HK remain from here
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/v1/track/${f.code}/replies`,
      headers: { 'x-tracking-secret': f.secret },
      payload: { body: 'Foto terlampir.' },
    });
    expect(reply.statusCode).toBe(200);
    const d = (await operator.inject({ method: 'GET', url })).json();
    expect(d).toMatchObject({ status: 'ditindaklanjuti', dueAt: '2026-03-16T16:59:59.999Z' });
  });
});

describe('escalation ladder and emergency lane', () => {
  it('gives an emergency an hours deadline, routes it to the on-duty unit and escalates each step once', async () => {
    at(T0.toISOString());
    const f = await fileComplaint(t, {
      title: 'Banjir setinggi dada di Kasemen',
      categoryId: await categoryId(t, 'banten', 'darurat.bencana'),
      visibility: 'biasa',
    });
    expect(f.body.dueAt).toBe('2026-02-12T08:00:00.000Z'); // 6 hours
    const detail = async () =>
      (await admin.inject({ method: 'GET', url: `/api/v1/console/complaints/${f.id}` })).json();
    expect(await detail()).toMatchObject({ emergency: true, unitName: 'Badan Penanggulangan Bencana Daerah' });
    const queue = await admin.inject({ method: 'GET', url: '/api/v1/console/complaints?emergency=true' });
    expect(queue.json().items.map((i: { code: string }) => i.code)).toContain(f.code);

    const stepsOf = async () =>
      (await t.ctx.db.select({ step: escalations.step }).from(escalations).where(eq(escalations.complaintId, f.id)))
        .map((r) => r.step)
        .sort();
    at('2026-02-12T04:00:00Z');
    await runEscalations(t.ctx);
    expect(await stepsOf()).toEqual([]);
    at('2026-02-12T05:30:00Z'); // past half of the 6 hours
    await runEscalations(t.ctx);
    await runEscalations(t.ctx);
    expect(await stepsOf()).toEqual(['reminder']);
    at('2026-02-12T08:30:00Z');
    await runEscalations(t.ctx);
    expect(await stepsOf()).toEqual(['kepala_unit', 'reminder']);
    at('2026-02-12T14:30:00Z');
    await runEscalations(t.ctx);
    await runEscalations(t.ctx);
    expect(await stepsOf()).toEqual(['kepala_unit', 'pimpinan', 'reminder']);
    const d = await detail();
    expect(d.escalations.map((e: { step: string }) => e.step)).toEqual(['reminder', 'kepala_unit', 'pimpinan']);
    expect(d.timeline.filter((e: { kind: string }) => e.kind === 'escalation')).toHaveLength(3);
  });

  it('reaches every overdue report in one run, however long the backlog of escalated ones before it', async () => {
    const stepsOf = async (f: Filed) =>
      (await t.ctx.db.select({ step: escalations.step }).from(escalations).where(eq(escalations.complaintId, f.id)))
        .map((r) => r.step)
        .sort();
    // A backlog: overdue reports (these and the demo's) that have had every step, with the earliest deadlines.
    at(T0.toISOString());
    const backlog = [await fileComplaint(t), await fileComplaint(t)];
    at('2026-04-15T03:00:00Z');
    await runEscalations(t.ctx);
    for (const f of backlog) expect(await stepsOf(f)).toEqual(['kepala_unit', 'pimpinan', 'reminder']);

    const filed = [await fileComplaint(t), await fileComplaint(t)];
    at('2026-06-15T03:00:00Z'); // past their deadlines and the further delay
    // One report per page: the backlog alone would fill the first pages.
    const run = await runEscalations(t.ctx, { pageSize: 1 });
    for (const f of filed) expect(await stepsOf(f)).toEqual(['kepala_unit', 'pimpinan', 'reminder']);
    expect(run.escalated).toBe(6);
    expect((await runEscalations(t.ctx, { pageSize: 1 })).escalated).toBe(0);
  });

  it('closes a completed report 10 working days after the follow-up when the reporter does not answer', async () => {
    at(T0.toISOString());
    const f = await fileComplaint(t);
    const url = `/api/v1/console/complaints/${f.id}`;
    await post(operator, `${url}/dispose`, { unitId: await unitIdByName(t, 'banten', 'Bidang Bina Marga') });
    const done = await post(operator, `${url}/transition`, { action: 'complete', message: 'Sudah diperbaiki.' });
    expect(done.json().status).toBe('selesai_ditindaklanjuti');
    at('2026-02-27T03:00:00Z'); // 9 HK later
    await runEscalations(t.ctx);
    expect((await operator.inject({ method: 'GET', url })).json().status).toBe('selesai_ditindaklanjuti');
    at('2026-03-02T16:00:00Z'); // Mon 2 Mar, the 10th HK, not yet over
    await runEscalations(t.ctx);
    expect((await operator.inject({ method: 'GET', url })).json().status).toBe('selesai_ditindaklanjuti');
    at('2026-03-03T01:00:00Z'); // Tue 3 Mar 08:00 WIB: the 10th HK has ended
    await runEscalations(t.ctx);
    const after = (await operator.inject({ method: 'GET', url })).json();
    expect(after).toMatchObject({ status: 'ditutup', closeHow: 'closed_by_system' });
  });
});

describe('statistics', () => {
  it('equal the ground truth computed from the rows after a mixed workload', async () => {
    at(T0.toISOString());
    const bidang = await unitIdByName(t, 'banten', 'Bidang Bina Marga');
    const filed: Filed[] = [];
    for (let i = 0; i < 6; i++) {
      // Two days of receipt: three reports on Thu 12 Feb, three (and the forwarded one) late on Fri 13 Feb WIB.
      if (i === 3) at('2026-02-12T17:30:00Z');
      filed.push(
        await fileComplaint(t, { title: `Laporan campuran nomor ${i}`, visibility: i % 2 ? 'anonim' : 'biasa' }),
      );
    }
    await fileComplaint(t, {
      categoryId: await categoryId(t, 'banten', 'kebersihan.sampah'),
      title: 'Sampah diteruskan',
    });
    const u = (f: { id: string }) => `/api/v1/console/complaints/${f.id}`;
    at('2026-02-13T03:00:00Z');
    await post(operator, `${u(filed[0]!)}/verify`, {});
    for (const f of filed.slice(1, 5)) await post(operator, `${u(f)}/dispose`, { unitId: bidang });
    at('2026-02-18T03:00:00Z');
    await post(operator, `${u(filed[1]!)}/transition`, { action: 'complete', message: 'Selesai.' });
    await post(operator, `${u(filed[1]!)}/transition`, { action: 'close', closeHow: 'not_resolved' });
    const reopened = await t.app.inject({
      method: 'POST',
      url: `/api/v1/track/${filed[1]!.code}/reopen`,
      headers: { 'x-tracking-secret': filed[1]!.secret },
      payload: { reason: 'Belum beres.' },
    });
    expect(reopened.statusCode).toBe(200);
    await post(operator, `${u(filed[2]!)}/transition`, { action: 'complete', message: 'Selesai.' });
    await post(operator, `${u(filed[2]!)}/transition`, { action: 'close', closeHow: 'resolved' });
    at('2026-03-30T03:00:00Z'); // long after the resolution deadline
    await post(operator, `${u(filed[3]!)}/transition`, { action: 'complete', message: 'Selesai, terlambat.' });
    await post(operator, `${u(filed[4]!)}/transition`, { action: 'request_info', message: 'Lengkapi.' });
    await post(operator, `${u(filed[5]!)}/transition`, { action: 'archive', message: 'Bukan pengaduan.' });

    const banten = await agencyIdOf(t, 'banten');
    const all = await t.ctx.db.select().from(complaints).where(eq(complaints.agencyId, banten));
    const received = (r: (typeof all)[number]) => toLocalDate({ timeZone: 'Asia/Jakarta' }, r.receivedAt);
    const expectGroundTruth = async (period: { from?: string; to?: string }) => {
      const rows = all.filter(
        (r) => (!period.from || received(r) >= period.from) && (!period.to || received(r) <= period.to),
      );
      const tally = (key: (r: (typeof rows)[number]) => string | null) => {
        const m: Record<string, number> = {};
        for (const r of rows) {
          const k = key(r);
          if (k !== null) m[k] = (m[k] ?? 0) + 1;
        }
        return m;
      };
      const median = (xs: number[]) => {
        if (!xs.length) return null;
        const s = [...xs].sort((a, b) => a - b);
        const mid = Math.floor(s.length / 2);
        return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
      };
      const secs = (d: Date | null, r: (typeof rows)[number]) =>
        d ? Math.round((d.getTime() - r.receivedAt.getTime()) / 1000) : null;
      const onTime = rows.filter((r) => r.completedOnTime === true).length;
      const done = rows.filter((r) => r.completedOnTime !== null).length;

      const stats = await getStats(t.ctx.db, banten, period);
      expect(stats.total).toBe(rows.length);
      expect(stats.byState).toEqual(tally((r) => r.status));
      expect(stats.byUnit).toEqual(tally((r) => r.unitId ?? '-'));
      expect(stats.byCategory).toEqual(tally((r) => r.categoryId ?? '-'));
      expect(stats.byRegion).toEqual(tally((r) => r.regionCode));
      expect(stats.bySource).toEqual(tally((r) => r.source));
      expect(stats.closedBy).toEqual(tally((r) => r.closeHow));
      expect(stats.resolved).toBe(rows.filter((r) => r.closeHow === 'resolved').length);
      expect(stats.onTimePercent).toBe(done ? Math.round((onTime / done) * 10_000) / 100 : null);
      expect(stats.medianFirstResponseSeconds).toBe(median(rows.flatMap((r) => secs(r.firstResponseAt, r) ?? [])));
      expect(stats.medianCloseSeconds).toBe(median(rows.flatMap((r) => secs(r.firstClosedAt, r) ?? [])));
      return stats;
    };
    const stats = await expectGroundTruth({});
    // Periods are days of receipt: each day holds its own reports, and together they hold all of them.
    const thu = await expectGroundTruth({ from: '2026-02-12', to: '2026-02-12' });
    const fri = await expectGroundTruth({ from: '2026-02-13', to: '2026-02-13' });
    expect(thu.total).toBeGreaterThanOrEqual(3);
    expect(fri.total).toBeGreaterThanOrEqual(3);
    expect(await expectGroundTruth({ from: '2026-02-12', to: '2026-02-13' })).toMatchObject({
      total: thu.total + fri.total,
    });
    await expectGroundTruth({ to: '2026-02-11' });

    // The console's figures are the same, for the same period; a period that ends before it starts is a 400.
    const viaApi = await admin.inject({
      method: 'GET',
      url: '/api/v1/console/complaint-stats?from=2026-02-13&to=2026-02-13',
    });
    expect(viaApi.json()).toEqual(JSON.parse(JSON.stringify(fri)));
    const backwards = await admin.inject({
      method: 'GET',
      url: '/api/v1/console/complaint-stats?from=2026-02-13&to=2026-02-12',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.code).toBe('BAD_PERIOD');
    // Migration 0001 rebuilt the day-by-day figures from the complaints: its SQL gives the same figures.
    const migration = readFileSync(new URL('../../../drizzle/0001_lame_whizzer.sql', import.meta.url), 'utf8');
    const rebuild = migration.split('--> statement-breakpoint').filter((x) => /^\s*INSERT/m.test(x));
    expect(rebuild).toHaveLength(2);
    await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`delete from complaints_stat_counts`);
      await tx.execute(sql`delete from complaints_stat_durations`);
      for (const statement of rebuild) await tx.execute(sql.raw(statement.replace(/^--.*$/gm, '')));
    });
    expect(await getStats(t.ctx.db, banten)).toEqual(stats);
    expect(await getStats(t.ctx.db, banten, { from: '2026-02-13', to: '2026-02-13' })).toEqual(fri);

    // The workload above: one late completion, one "closed, not resolved" (then reopened), one resolved.
    expect(stats.closedBy.not_resolved).toBeUndefined();
    expect(all.filter((r) => r.completedOnTime === false && r.id === filed[3]!.id)).toHaveLength(1);
  });
});
