// Answering the survey: invitations from finished transactions, the kiosk, the public link, and every
// kind of bad input (answers outside 1-4, missing elements, a reused invitation, kiosk floods).
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { anonymous, loginAs } from '../../../test/auth';
import { outbox } from '../../core/outbox/schema';
import { findInvitationLink } from './index';
import { KIOSK_RATE } from './routes';
import { surveyInvitations } from './schema';
import { answersOf, countResponses, deliverAll, demoIds, finishTransactions, nextIp } from './test-helpers';

let t: TestApp;
let ids: { agencyId: string; unitId: string };
const ALL_THREE = answersOf([3, 3, 3, 3, 3, 3, 3, 3, 3]);

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2025-05-12T03:00:00Z') });
  ids = await demoIds(t);
});

const respond = (token: string, payload: unknown) =>
  anonymous(t).inject({
    method: 'POST',
    url: `/api/v1/surveys/invitations/${token}/responses`,
    payload: payload as object,
    remoteAddress: nextIp(),
  });

describe('invitations from finished transactions', () => {
  it('creates one invitation per transaction, e-mails its link, and ignores a second delivery of the event', async () => {
    const [inv] = await finishTransactions(t, ids, 1, { recipientEmail: 'pelapor@example.test' });
    const mails = await t.ctx.db.select().from(outbox).where(eq(outbox.topic, 'email'));
    const mine = mails.filter((m) => String(m.payload.text).includes(inv!.token));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.payload.to).toBe('pelapor@example.test');
    expect(String(mine[0]!.payload.text)).toContain(`/survei/undangan/${inv!.token}`);

    // The same event delivered again (at-least-once delivery).
    const [event] = await t.ctx.db
      .select()
      .from(outbox)
      .where(
        sql`${outbox.topic} = 'complaints.closed' and ${outbox.payload}->>'transactionId' = ${inv!.transactionId}`,
      );
    await t.ctx.db
      .insert(outbox)
      .values({ topic: event!.topic, payload: event!.payload, nextAttemptAt: t.clock.now(), createdAt: t.clock.now() });
    await deliverAll(t);
    const invitations = await t.ctx.db
      .select()
      .from(surveyInvitations)
      .where(eq(surveyInvitations.transactionId, inv!.transactionId));
    expect(invitations).toHaveLength(1);
    const mailsAfter = (await t.ctx.db.select().from(outbox).where(eq(outbox.topic, 'email'))).filter((m) =>
      String(m.payload.text).includes(inv!.token),
    );
    expect(mailsAfter).toHaveLength(1);
  });

  it('sends no e-mail when the event has no recipient', async () => {
    const before = (await t.ctx.db.select().from(outbox).where(eq(outbox.topic, 'email'))).length;
    await finishTransactions(t, ids, 1, { recipientEmail: null });
    expect((await t.ctx.db.select().from(outbox).where(eq(outbox.topic, 'email'))).length).toBe(before);
  });

  it('gives the tracking page the link while it is open, then its status', async () => {
    const [inv] = await finishTransactions(t, ids, 1, { transactionType: 'application' });
    const open = await findInvitationLink(t.ctx.db, 'application', inv!.transactionId, { now: t.clock.now() });
    expect(open).toMatchObject({ path: `/survei/undangan/${inv!.token}`, status: 'open' });
    expect(await findInvitationLink(t.ctx.db, 'complaint', inv!.transactionId)).toBeNull();

    const form = await anonymous(t).inject({
      method: 'GET',
      url: `/api/v1/surveys/invitations/${inv!.token}`,
      remoteAddress: nextIp(),
    });
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ unitId: ids.unitId, unitName: 'Dinas Pekerjaan Umum dan Penataan Ruang' });

    expect((await respond(inv!.token, { answers: ALL_THREE })).statusCode).toBe(201);
    const answered = await findInvitationLink(t.ctx.db, 'application', inv!.transactionId, { now: t.clock.now() });
    expect(answered?.status).toBe('answered');
  });

  it('stores the response without anything that leads back to the transaction but a hash', async () => {
    const [inv] = await finishTransactions(t, ids, 1);
    await respond(inv!.token, {
      answers: answersOf([4, 4, 3, 4, 3, 4, 4, 3, 4]),
      profile: { jenisKelamin: 'P', umurTahun: 34, pendidikan: 'S1', pekerjaan: 'SWASTA' },
      suggestion: 'Ruang tunggu perlu kipas angin.',
    });
    const rows = await t.ctx.db.execute<Record<string, unknown>>(
      sql`select * from surveys_responses where suggestion = 'Ruang tunggu perlu kipas angin.'`,
    );
    const row = rows.rows[0]!;
    expect(row).toMatchObject({
      channel: 'invitation',
      umur: '30-39',
      jenis_kelamin: 'P',
      submitted_on: expect.anything(),
    });
    expect(JSON.stringify(row)).not.toContain(inv!.transactionId);
    expect(JSON.stringify(row)).not.toContain(inv!.token);
    expect(String(row.dedupe_hash)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('bad input gets a clear 4xx and counts nothing', () => {
  it('refuses answers outside 1-4 and leaves the invitation usable', async () => {
    const [inv] = await finishTransactions(t, ids, 1);
    const before = await countResponses(t, ids.unitId);
    const five = await respond(inv!.token, { answers: { ...ALL_THREE, u3: 5 } });
    expect(five.statusCode).toBe(400);
    expect(five.json().error).toMatchObject({
      code: 'INVALID_ANSWER',
      messages: { id: 'Jawaban unsur u3 harus 1, 2, 3 atau 4.', en: 'The answer to element u3 must be 1, 2, 3 or 4.' },
    });
    expect((await respond(inv!.token, { answers: { ...ALL_THREE, u9: 0 } })).json().error.code).toBe('INVALID_ANSWER');
    expect((await respond(inv!.token, { answers: { ...ALL_THREE, u1: 2.5 } })).json().error.code).toBe('VALIDATION');
    expect((await respond(inv!.token, { answers: { ...ALL_THREE, u1: 'empat' } })).statusCode).toBe(400);
    expect(await countResponses(t, ids.unitId)).toBe(before);
    expect((await respond(inv!.token, { answers: ALL_THREE })).statusCode).toBe(201);
    expect(await countResponses(t, ids.unitId)).toBe(before + 1);
  });

  it('refuses a response with an element missing, naming it', async () => {
    const [inv] = await finishTransactions(t, ids, 1);
    const before = await countResponses(t, ids.unitId);
    const { u5: _u5, u8: _u8, ...withoutTwo } = ALL_THREE;
    const res = await respond(inv!.token, { answers: withoutTwo });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MISSING_ELEMENT');
    expect(res.json().error.details).toEqual({ elements: ['u5', 'u8'] });
    expect(res.json().error.messages.id).toContain('u5 (Produk spesifikasi jenis pelayanan)');
    expect((await respond(inv!.token, {})).statusCode).toBe(400);
    expect(await countResponses(t, ids.unitId)).toBe(before);
  });

  it('answers a reused invitation with 409 and counts it once', async () => {
    const [inv] = await finishTransactions(t, ids, 1);
    const before = await countResponses(t, ids.unitId);
    expect((await respond(inv!.token, { answers: ALL_THREE })).statusCode).toBe(201);
    const again = await respond(inv!.token, { answers: answersOf([1, 1, 1, 1, 1, 1, 1, 1, 1]) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'INVITATION_USED' });
    expect(again.json().error.messages.en).toBe('The survey for this service has already been answered. Thank you.');
    const form = await anonymous(t).inject({
      method: 'GET',
      url: `/api/v1/surveys/invitations/${inv!.token}`,
      remoteAddress: nextIp(),
    });
    expect(form.statusCode).toBe(409);
    expect(await countResponses(t, ids.unitId)).toBe(before + 1);
  });

  it('answers two simultaneous responses on one invitation with one 201 and one 409', async () => {
    const [inv] = await finishTransactions(t, ids, 1);
    const before = await countResponses(t, ids.unitId);
    const results = await Promise.all([
      respond(inv!.token, { answers: ALL_THREE }),
      respond(inv!.token, { answers: ALL_THREE }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await countResponses(t, ids.unitId)).toBe(before + 1);
  });

  it('refuses an unknown, malformed or expired invitation', async () => {
    expect((await respond('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', { answers: ALL_THREE })).statusCode).toBe(404);
    expect((await respond('bad token!', { answers: ALL_THREE })).statusCode).toBe(400);
    const [inv] = await finishTransactions(t, ids, 1);
    t.clock.advance(31 * 86_400_000);
    try {
      const late = await respond(inv!.token, { answers: ALL_THREE });
      expect(late.statusCode).toBe(410);
      expect(late.json().error.code).toBe('INVITATION_EXPIRED');
    } finally {
      t.clock.advance(-31 * 86_400_000);
    }
  });

  it('refuses an answer to an additional question the unit does not ask', async () => {
    const [inv] = await finishTransactions(t, ids, 1);
    const res = await respond(inv!.token, { answers: ALL_THREE, extra: { '00000000-0000-4000-8000-000000000000': 3 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('UNKNOWN_QUESTION');
  });
});

describe('the kiosk at the counter', () => {
  it('takes one response per session without a login, and 429s a flood from one kiosk', async () => {
    const admin = await loginAs(t, 'operator_unit');
    const made = await admin.inject({
      method: 'POST',
      url: `/api/v1/surveys/units/${ids.unitId}/kiosks`,
      payload: { name: 'Loket uji' },
    });
    expect(made.statusCode).toBe(201);
    const kioskToken = made.json().url.split('/').pop() as string;
    const kiosk = anonymous(t);
    const ip = '192.0.2.10';

    const page = await kiosk.inject({ method: 'GET', url: `/api/v1/surveys/kiosk/${kioskToken}` });
    expect(page.json()).toMatchObject({ kioskName: 'Loket uji', unitName: 'Dinas Pekerjaan Umum dan Penataan Ruang' });

    const before = await countResponses(t, ids.unitId);
    const open = () =>
      kiosk.inject({ method: 'POST', url: `/api/v1/surveys/kiosk/${kioskToken}/sessions`, remoteAddress: ip });
    const send = (sessionToken: string) =>
      kiosk.inject({
        method: 'POST',
        url: `/api/v1/surveys/kiosk/${kioskToken}/responses`,
        payload: { sessionToken, answers: ALL_THREE },
        remoteAddress: ip,
      });

    const s1 = (await open()).json().sessionToken as string;
    expect((await send(s1)).statusCode).toBe(201);
    const reused = await send(s1);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('SESSION_USED');
    const noSession = await kiosk.inject({
      method: 'POST',
      url: `/api/v1/surveys/kiosk/${kioskToken}/responses`,
      payload: { answers: ALL_THREE },
      remoteAddress: ip,
    });
    expect(noSession.json().error.code).toBe('SESSION_REQUIRED');
    // 4 requests so far (session, response, reused, no session); respondents keep coming until the limit.
    let accepted = 1;
    let limited: Awaited<ReturnType<typeof send>> | undefined;
    for (let i = 0; i < KIOSK_RATE.limit && !limited; i++) {
      const s = await open();
      if (s.statusCode === 429) {
        limited = s;
        break;
      }
      const r = await send(s.json().sessionToken);
      if (r.statusCode === 429) limited = r;
      else if (r.statusCode === 201) accepted += 1;
    }
    expect(limited?.statusCode).toBe(429);
    expect(limited?.headers['retry-after']).toBe('600');
    expect(limited?.json().error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 600 } });
    expect(accepted).toBe(KIOSK_RATE.limit / 2 - 1);
    expect(await countResponses(t, ids.unitId)).toBe(before + accepted);

    // Another kiosk's tablet (another address) is not held up; after the window the kiosk works again.
    const other = await kiosk.inject({
      method: 'POST',
      url: `/api/v1/surveys/kiosk/${kioskToken}/sessions`,
      remoteAddress: '192.0.2.11',
    });
    expect(other.statusCode).toBe(201);
    t.clock.advance(KIOSK_RATE.windowMs);
    expect((await open()).statusCode).toBe(201);
  });

  it('stops a deactivated kiosk', async () => {
    const admin = await loginAs(t, 'kepala_unit');
    const made = await admin.inject({
      method: 'POST',
      url: `/api/v1/surveys/units/${ids.unitId}/kiosks`,
      payload: { name: 'Loket dua' },
    });
    const token = made.json().url.split('/').pop();
    const off = await admin.inject({
      method: 'PATCH',
      url: `/api/v1/surveys/kiosks/${made.json().id}`,
      payload: { active: false },
    });
    expect(off.json().active).toBe(false);
    const res = await anonymous(t).inject({ method: 'POST', url: `/api/v1/surveys/kiosk/${token}/sessions` });
    expect(res.statusCode).toBe(404);
  });

  it('lets only the unit’s staff manage its kiosks', async () => {
    const pimpinan = await loginAs(t, 'pimpinan');
    const res = await pimpinan.inject({
      method: 'POST',
      url: `/api/v1/surveys/units/${ids.unitId}/kiosks`,
      payload: { name: 'Loket tiga' },
    });
    expect(res.statusCode).toBe(403);
    const other = await demoIds(t, 'banten', 'Dinas Kesehatan').catch(() => null);
    if (other) {
      const operator = await loginAs(t, 'operator_unit');
      const outside = await operator.inject({
        method: 'POST',
        url: `/api/v1/surveys/units/${other.unitId}/kiosks`,
        payload: { name: 'Loket' },
      });
      expect(outside.statusCode).toBe(403);
    }
  });
});

describe('the unit’s public link', () => {
  it('takes a response with a session, answers to the unit’s own question kept apart', async () => {
    const operator = await loginAs(t, 'operator_unit');
    const q = await operator.inject({
      method: 'POST',
      url: `/api/v1/surveys/units/${ids.unitId}/questions`,
      payload: {
        textId: 'Apakah petugas menjelaskan syarat dengan jelas?',
        textEn: 'Did the staff explain the requirements clearly?',
        kind: 'scale',
      },
    });
    expect(q.statusCode).toBe(201);
    const form = await anonymous(t).inject({ method: 'GET', url: `/api/v1/surveys/units/${ids.unitId}/form` });
    expect(form.json().questions.map((x: { text: { id: string } }) => x.text.id)).toContain(
      'Apakah petugas menjelaskan syarat dengan jelas?',
    );
    const ip = nextIp();
    const s = await anonymous(t).inject({
      method: 'POST',
      url: `/api/v1/surveys/units/${ids.unitId}/sessions`,
      remoteAddress: ip,
    });
    const res = await anonymous(t).inject({
      method: 'POST',
      url: `/api/v1/surveys/units/${ids.unitId}/responses`,
      payload: { sessionToken: s.json().sessionToken, answers: ALL_THREE, extra: { [q.json().id]: 2 } },
      remoteAddress: ip,
    });
    expect(res.statusCode).toBe(201);
    const bad = await anonymous(t).inject({
      method: 'POST',
      url: `/api/v1/surveys/units/${ids.unitId}/responses`,
      payload: {
        sessionToken: (
          await anonymous(t).inject({
            method: 'POST',
            url: `/api/v1/surveys/units/${ids.unitId}/sessions`,
            remoteAddress: ip,
          })
        ).json().sessionToken,
        answers: ALL_THREE,
        extra: { [q.json().id]: 7 },
      },
      remoteAddress: ip,
    });
    expect(bad.json().error.code).toBe('INVALID_EXTRA_ANSWER');
  });
});

describe('the per-day roll-up', () => {
  it('agrees with the response rows, which cannot be changed or removed', async () => {
    const cols = [
      'n',
      's1',
      's2',
      's3',
      's4',
      's5',
      's6',
      's7',
      's8',
      's9',
      'jk_l',
      'jk_p',
      'umur_30_39',
      'pend_s1',
      'pek_swasta',
    ];
    const rolled = await t.ctx.db.execute<Record<string, number>>(
      sql.raw(
        `select ${cols.map((c) => `sum(${c})::int as ${c}`).join(', ')} from surveys_totals where unit_id = '${ids.unitId}'`,
      ),
    );
    const raw = await t.ctx.db.execute<Record<string, number>>(
      sql.raw(`
      select count(*)::int as n, ${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `sum(u${i})::int as s${i}`).join(', ')},
        count(*) filter (where jenis_kelamin = 'L')::int as jk_l, count(*) filter (where jenis_kelamin = 'P')::int as jk_p,
        count(*) filter (where umur = '30-39')::int as umur_30_39, count(*) filter (where pendidikan = 'S1')::int as pend_s1,
        count(*) filter (where pekerjaan = 'SWASTA')::int as pek_swasta
      from surveys_responses where unit_id = '${ids.unitId}'`),
    );
    expect(rolled.rows[0]).toEqual(raw.rows[0]);
    // Not a trivial agreement: the demo seeds a response a day over the two months before this one (59+ days).
    expect(Number(raw.rows[0]!.n)).toBeGreaterThan(50);
    await expect(t.ctx.db.execute(sql`update surveys_responses set u1 = 4`)).rejects.toThrow();
    await expect(t.ctx.db.execute(sql`delete from surveys_responses`)).rejects.toThrow();
  });
});
