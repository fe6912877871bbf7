// The signed SMS/WhatsApp door: a message signed with the gateway's secret files one report; a re-sent
// message files nothing twice; a wrong, missing or stale signature files nothing.
import { and, count, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { agencies, regions } from '../../../core/org/schema';
import { complaints } from '../schema';
import { createGateway } from './create-gateway';
import { signGatewayRequest } from './verify-signature';

let t: TestApp;
let gateway: { id: string; secret: string };

beforeAll(async () => {
  t = await createTestApp();
  const [agency] = await t.ctx.db.select().from(agencies).where(eq(agencies.slug, 'kota-serang'));
  const [desa] = await t.ctx.db
    .select()
    .from(regions)
    .where(and(like(regions.code, '36.73.%'), eq(regions.level, 4)))
    .orderBy(regions.code)
    .limit(1);
  gateway = await createGateway(t.ctx, {
    agencyId: agency!.id,
    name: 'SMS 1708',
    channel: 'sms',
    defaultRegionCode: desa!.code,
  });
});

const total = async () => Number((await t.ctx.db.select({ n: count() }).from(complaints))[0]!.n);

function send(body: unknown, opts: { secret?: string; timestamp?: number; gatewayId?: string; sign?: string } = {}) {
  const raw = JSON.stringify(body);
  const ts = String(opts.timestamp ?? Math.floor(t.clock.now().getTime() / 1000));
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/complaints/inbound/${opts.gatewayId ?? gateway.id}`,
    headers: {
      'content-type': 'application/json',
      'x-pamong-timestamp': ts,
      'x-pamong-signature': signGatewayRequest(opts.secret ?? gateway.secret, ts, opts.sign ?? raw),
    },
    payload: raw,
  });
}

const message = {
  messageId: 'sms-000123',
  from: '+6281234567890',
  text: 'Lampu jalan mati di depan pasar Rau\nSudah tiga malam gelap, rawan kecelakaan.',
};

describe('the SMS/WhatsApp gateway door', () => {
  it('files a signed message as a confidential report with source sms, without echoing the sender', async () => {
    const before = await total();
    const res = await send(message);
    expect(res.statusCode).toBe(201);
    const { code, duplicate } = res.json();
    expect(duplicate).toBe(false);
    expect(await total()).toBe(before + 1);
    const [row] = await t.ctx.db.select().from(complaints).where(eq(complaints.code, code));
    expect(row).toMatchObject({ source: 'sms', visibility: 'rahasia', title: 'Lampu jalan mati di depan pasar Rau' });
    expect(JSON.stringify(row)).not.toContain('81234567890');
    const track = await t.app.inject({ method: 'GET', url: `/api/v1/track/${code}` });
    expect(track.statusCode).toBe(200);
    expect(track.body).not.toContain('81234567890');
  });

  it('answers a re-sent message with the report already filed, and files nothing twice', async () => {
    const first = (await send({ ...message, messageId: 'sms-000124' })).json();
    const before = await total();
    const again = await send({ ...message, messageId: 'sms-000124' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ code: first.code, duplicate: true });
    expect(await total()).toBe(before);
  });

  it('refuses a wrong, missing or stale signature and a body changed after signing', async () => {
    const before = await total();
    const wrong = await send({ ...message, messageId: 'x1' }, { secret: 'f'.repeat(64) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('BAD_SIGNATURE');
    const stale = await send(
      { ...message, messageId: 'x2' },
      { timestamp: Math.floor(t.clock.now().getTime() / 1000) - 600 },
    );
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.messages.en).toMatch(/timestamp/);
    const changed = await send(
      { ...message, messageId: 'x3' },
      { sign: JSON.stringify({ ...message, text: 'other' }) },
    );
    expect(changed.statusCode).toBe(401);
    const unsigned = await t.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/inbound/${gateway.id}`,
      payload: { ...message, messageId: 'x4' },
    });
    expect(unsigned.statusCode).toBe(401);
    expect(await total()).toBe(before);
  });

  it('answers an unknown gateway with 404 and malformed messages with 400', async () => {
    const unknown = await send(message, { gatewayId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    const bad = await send({ messageId: 'x5', from: 'not a number', text: 'hi there' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION');
  });
});
