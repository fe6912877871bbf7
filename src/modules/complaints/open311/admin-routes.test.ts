// The agency admin's Open311 clients in the console API: a created api_key files requests at the real
// Open311 door, is shown once and never listed, stops working once revoked (and works again if re-enabled);
// other roles are refused, another agency's client is not found, bad input changes nothing.
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';
import { type Agent, loginAs, loginWith } from '../../../../test/auth';
import { auditEntries } from '../../../core/audit/schema';
import { hashToken } from '../../../core/auth/session';
import { DEMO_OTHER_AGENCY_ACCOUNTS, DEMO_PASSWORD } from '../../../core/auth/seed-demo-accounts';
import { T0 } from '../test-factory';
import { open311Clients } from './schema';

const URL = '/api/v1/console/complaint-open311-clients';
let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp({ now: T0 });
  admin = await loginAs(t, 'admin_instansi');
});

const create = (agent: Agent, payload: object) => agent.inject({ method: 'POST', url: URL, payload });
const setActive = (agent: Agent, id: string, active: boolean) =>
  agent.inject({ method: 'PATCH', url: `${URL}/${id}`, payload: { active } });
const fileWith = (apiKey: string) =>
  t.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      api_key: apiKey,
      jurisdiction_id: 'banten',
      service_code: 'infrastruktur.jalan-provinsi',
      description: 'Jalan provinsi berlubang besar di depan pasar Kasemen.',
      'attribute[region_code]': '36.73.02.1001',
    }).toString(),
  });
const clientCount = async () => Number((await t.ctx.db.select({ n: count() }).from(open311Clients))[0]!.n);
const auditOf = (id: string) =>
  t.ctx.db
    .select()
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, 'open311_client'), eq(auditEntries.entityId, id)))
    .orderBy(auditEntries.seq);

describe('Open311 clients of the agency admin', () => {
  let id: string;
  let apiKey: string;

  it('creates a client: the api_key is answered once with the endpoint and jurisdiction, and files requests', async () => {
    const res = await create(admin, { name: '  FixMyStreet Banten  ' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      name: 'FixMyStreet Banten',
      active: true,
      endpointUrl: `${t.ctx.config.publicUrl}/open311/v2/`,
      jurisdictionId: 'banten',
    });
    expect(body.apiKey).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    ({ id, apiKey } = body);

    const filed = await fileWith(apiKey);
    expect(filed.statusCode).toBe(201);
    expect(filed.json()[0].service_request_id).toMatch(/^LPR-/);

    const [entry] = await auditOf(id);
    expect(entry).toMatchObject({ action: 'complaints.open311_client.create', actorRole: 'admin_instansi' });
    expect(JSON.stringify(entry)).not.toContain(apiKey);
    expect(JSON.stringify(entry)).not.toContain(hashToken(apiKey));
  });

  it('lists the client without the key or its hash', async () => {
    const res = await admin.inject({ method: 'GET', url: URL });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page: 1, pageSize: 20, jurisdictionId: 'banten' });
    const mine = body.items.find((c: { id: string }) => c.id === id);
    expect(Object.keys(mine).sort()).toEqual(['active', 'createdAt', 'id', 'name']);
    expect(res.body).not.toContain(apiKey);
    expect(res.body).not.toContain(hashToken(apiKey));
  });

  it('revokes the client: the key is refused at once; re-enabling restores it; both are audited', async () => {
    const revoked = await setActive(admin, id, false);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual({ id, name: 'FixMyStreet Banten', active: false, createdAt: expect.any(String) });
    const refused = await fileWith(apiKey);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual([{ code: 403, description: 'api_key tidak valid. / Invalid api_key.' }]);
    // Revoking twice changes nothing and writes no second entry.
    expect((await setActive(admin, id, false)).statusCode).toBe(200);

    expect((await setActive(admin, id, true)).json().active).toBe(true);
    expect((await fileWith(apiKey)).statusCode).toBe(201);
    expect((await auditOf(id)).map((e) => e.action)).toEqual([
      'complaints.open311_client.create',
      'complaints.open311_client.revoke',
      'complaints.open311_client.reactivate',
    ]);
  });

  it('pages the list, newest first', async () => {
    for (const name of ['Klien A', 'Klien B', 'Klien C']) {
      t.clock.advance(1000);
      expect((await create(admin, { name })).statusCode).toBe(201);
    }
    const p1 = (await admin.inject({ method: 'GET', url: `${URL}?page=1&pageSize=2` })).json();
    const p2 = (await admin.inject({ method: 'GET', url: `${URL}?page=2&pageSize=2` })).json();
    expect(p1.total).toBe(4);
    expect(p1.items.map((c: { name: string }) => c.name)).toEqual(['Klien C', 'Klien B']);
    expect(p2.items.map((c: { name: string }) => c.name)).toEqual(['Klien A', 'FixMyStreet Banten']);
  });

  it('does not let another agency see or revoke the client', async () => {
    const other = await loginWith(t, DEMO_OTHER_AGENCY_ACCOUNTS.admin_instansi, DEMO_PASSWORD);
    const list = await other.inject({ method: 'GET', url: URL });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 0, items: [], jurisdictionId: 'kota-serang' });
    const res = await setActive(other, id, false);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.messages).toEqual({
      id: 'Klien Open311 tidak ditemukan.',
      en: 'No such Open311 client.',
    });
    expect((await fileWith(apiKey)).statusCode).toBe(201);
  });

  it('refuses every other role with 403 and creates nothing', async () => {
    const before = await clientCount();
    for (const role of ['operator_unit', 'kepala_unit', 'inspektorat', 'pimpinan', 'ppid', 'citizen'] as const) {
      const agent = await loginAs(t, role);
      expect((await agent.inject({ method: 'GET', url: URL })).statusCode, role).toBe(403);
      expect((await create(agent, { name: 'Klien liar' })).statusCode, role).toBe(403);
      expect((await setActive(agent, id, false)).statusCode, role).toBe(403);
    }
    expect(await clientCount()).toBe(before);
    expect((await fileWith(apiKey)).statusCode).toBe(201);
  });

  it('answers bad input with a bilingual 400 and changes nothing', async () => {
    const before = await clientCount();
    for (const payload of [
      {},
      { name: '' },
      { name: 'x'.repeat(101) },
      { name: 'x' },
      { name: { nested: true } },
      [1],
    ]) {
      const res = await create(admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.messages).toEqual({
        id: 'Data yang dikirim tidak valid.',
        en: 'The data sent is not valid.',
      });
    }
    const blank = await create(admin, { name: '    ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error).toMatchObject({
      code: 'BAD_NAME',
      messages: {
        id: 'Nama klien minimal 2 karakter (selain spasi).',
        en: 'The client name needs at least 2 non-space characters.',
      },
    });
    expect(await clientCount()).toBe(before);

    const badFlag = await admin.inject({ method: 'PATCH', url: `${URL}/${id}`, payload: { active: 'nope' } });
    expect(badFlag.statusCode).toBe(400);
    expect(
      (await admin.inject({ method: 'PATCH', url: `${URL}/not-a-uuid`, payload: { active: false } })).statusCode,
    ).toBe(400);
    expect((await admin.inject({ method: 'GET', url: `${URL}?page=0` })).statusCode).toBe(400);
    expect((await admin.inject({ method: 'GET', url: `${URL}?pageSize=1000` })).statusCode).toBe(400);
    expect((await fileWith(apiKey)).statusCode).toBe(201);

    // A key chosen by the caller is ignored: the server always makes its own.
    const chosen = await create(admin, { name: 'Klien pilih kunci', apiKey: 'kunci-saya-sendiri' });
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json().apiKey).not.toBe('kunci-saya-sendiri');
    expect((await fileWith('kunci-saya-sendiri')).statusCode).toBe(403);
  });
});
