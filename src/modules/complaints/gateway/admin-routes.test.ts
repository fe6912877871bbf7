// The agency admin's SMS/WhatsApp gateways in the console API: the HMAC secret of a new gateway is shown
// once, signs messages the real webhook files, is never listed, and is refused once the gateway is revoked
// (and accepted again if re-enabled); other roles are refused, another agency's gateway is not found.
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';
import { type Agent, loginAs, loginWith } from '../../../../test/auth';
import { auditEntries } from '../../../core/audit/schema';
import { DEMO_OTHER_AGENCY_ACCOUNTS, DEMO_PASSWORD } from '../../../core/auth/seed-demo-accounts';
import { gateways } from './schema';
import { signGatewayRequest } from './verify-signature';

const URL = '/api/v1/console/complaint-gateways';
const DESA = '36.73.02.1001';
let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await loginAs(t, 'admin_instansi');
});

const create = (agent: Agent, payload: object) => agent.inject({ method: 'POST', url: URL, payload });
const setActive = (agent: Agent, id: string, active: boolean) =>
  agent.inject({ method: 'PATCH', url: `${URL}/${id}`, payload: { active } });
let messages = 0;
/** Posts one message to the gateway's webhook path, signed with `secret` as the gateway would. */
function send(webhookUrl: string, secret: string) {
  messages += 1;
  const raw = JSON.stringify({
    messageId: `wa-${messages}`,
    from: '+6281234567890',
    text: 'Lampu jalan mati di Kasemen',
  });
  const ts = String(Math.floor(t.clock.now().getTime() / 1000));
  return t.app.inject({
    method: 'POST',
    url: new globalThis.URL(webhookUrl).pathname,
    headers: {
      'content-type': 'application/json',
      'x-pamong-timestamp': ts,
      'x-pamong-signature': signGatewayRequest(secret, ts, raw),
    },
    payload: raw,
  });
}
const gatewayCount = async () => Number((await t.ctx.db.select({ n: count() }).from(gateways)).at(0)!.n);
const auditOf = (id: string) =>
  t.ctx.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, 'complaints_gateway'), eq(auditEntries.entityId, id)))
    .orderBy(auditEntries.seq);

describe('SMS/WhatsApp gateways of the agency admin', () => {
  let id: string;
  let secret: string;
  let webhookUrl: string;

  it('creates a gateway: the secret is answered once with the webhook URL, and signs accepted messages', async () => {
    const res = await create(admin, { name: 'WhatsApp Banten', channel: 'whatsapp', defaultRegionCode: DESA });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      name: 'WhatsApp Banten',
      channel: 'whatsapp',
      defaultRegionCode: DESA,
      defaultRegionName: expect.any(String),
      active: true,
    });
    expect(body.webhookUrl).toBe(`${t.ctx.config.publicUrl}/api/v1/complaints/inbound/${body.id}`);
    expect(body.secret).toMatch(/^[0-9a-f]{64}$/);
    ({ id, secret, webhookUrl } = body);

    const filed = await send(webhookUrl, secret);
    expect(filed.statusCode).toBe(201);
    expect(filed.json().code).toMatch(/^LPR-/);

    const [entry] = await auditOf(id);
    expect(entry).toMatchObject({
      action: 'complaints.gateway.create',
      actorRole: 'admin_instansi',
      meta: { channel: 'whatsapp' },
    });
    expect(JSON.stringify(entry)).not.toContain(secret);
  });

  it('lists the gateway with its webhook URL but never its secret', async () => {
    const res = await admin.inject({ method: 'GET', url: URL });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    expect(body.items[0]).toMatchObject({ id, webhookUrl, active: true });
    expect(Object.keys(body.items[0])).not.toContain('secret');
    expect(res.body).not.toContain(secret);
  });

  it('revokes the gateway: its signed messages are refused; re-enabling accepts them again; audited', async () => {
    const revoked = await setActive(admin, id, false);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ id, active: false });
    expect(revoked.body).not.toContain(secret);
    const refused = await send(webhookUrl, secret);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('NOT_FOUND');

    expect((await setActive(admin, id, true)).json().active).toBe(true);
    expect((await send(webhookUrl, secret)).statusCode).toBe(201);
    expect((await auditOf(id)).map((e) => e.action)).toEqual([
      'complaints.gateway.create',
      'complaints.gateway.revoke',
      'complaints.gateway.reactivate',
    ]);
  });

  it('pages the list, newest first', async () => {
    for (const name of ['SMS 1', 'SMS 2']) {
      t.clock.advance(1000);
      expect((await create(admin, { name, channel: 'sms', defaultRegionCode: DESA })).statusCode).toBe(201);
    }
    const p1 = (await admin.inject({ method: 'GET', url: `${URL}?pageSize=2` })).json();
    const p2 = (await admin.inject({ method: 'GET', url: `${URL}?page=2&pageSize=2` })).json();
    expect(p1.total).toBe(3);
    expect(p1.items.map((g: { name: string }) => g.name)).toEqual(['SMS 2', 'SMS 1']);
    expect(p2.items.map((g: { name: string }) => g.name)).toEqual(['WhatsApp Banten']);
  });

  it('does not let another agency see or revoke the gateway', async () => {
    const other = await loginWith(t, DEMO_OTHER_AGENCY_ACCOUNTS.admin_instansi, DEMO_PASSWORD);
    const list = await other.inject({ method: 'GET', url: URL });
    expect(list.json()).toMatchObject({ total: 0, items: [] });
    const res = await setActive(other, id, false);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.messages).toEqual({ id: 'Gateway tidak ditemukan.', en: 'No such gateway.' });
    expect((await send(webhookUrl, secret)).statusCode).toBe(201);
  });

  it('refuses every other role with 403 and creates nothing', async () => {
    const before = await gatewayCount();
    for (const role of ['operator_unit', 'kepala_unit', 'inspektorat', 'pimpinan', 'bkpsdm', 'citizen'] as const) {
      const agent = await loginAs(t, role);
      expect((await agent.inject({ method: 'GET', url: URL })).statusCode, role).toBe(403);
      expect(
        (await create(agent, { name: 'Gateway liar', channel: 'sms', defaultRegionCode: DESA })).statusCode,
        role,
      ).toBe(403);
      expect((await setActive(agent, id, false)).statusCode, role).toBe(403);
    }
    expect(await gatewayCount()).toBe(before);
    expect((await send(webhookUrl, secret)).statusCode).toBe(201);
  });

  it('answers bad input with a bilingual 400 and changes nothing', async () => {
    const before = await gatewayCount();
    const good = { name: 'SMS 3', channel: 'sms', defaultRegionCode: DESA };
    for (const payload of [
      {},
      { ...good, channel: 'telegram' },
      { ...good, defaultRegionCode: '36.73' },
      { ...good, name: 'x' },
      [good],
    ]) {
      const res = await create(admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION',
        messages: { id: 'Data yang dikirim tidak valid.', en: 'The data sent is not valid.' },
      });
    }
    const unknown = await create(admin, { ...good, defaultRegionCode: '36.73.02.9999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'UNKNOWN_REGION',
      messages: { id: 'Kode desa/kelurahan bawaan tidak dikenal.', en: 'Unknown default desa/kelurahan code.' },
    });
    const blank = await create(admin, { ...good, name: '     ' });
    expect(blank.json().error.code).toBe('BAD_NAME');
    expect(await gatewayCount()).toBe(before);

    expect((await admin.inject({ method: 'PATCH', url: `${URL}/${id}`, payload: {} })).statusCode).toBe(400);
    expect((await admin.inject({ method: 'PATCH', url: `${URL}/x1`, payload: { active: false } })).statusCode).toBe(
      400,
    );
    expect((await admin.inject({ method: 'GET', url: `${URL}?page=-1` })).statusCode).toBe(400);
    expect((await send(webhookUrl, secret)).statusCode).toBe(201);
  });
});
