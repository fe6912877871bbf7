// Open311 GeoReport v2 at /open311/v2: discovery, services, filing with an api_key, reading requests
// (public-safe fields only), tokens, updates, and the spec's error list in JSON and XML.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';
import { complaints } from '../schema';
import { T0, agencyIdOf, fileComplaint } from '../test-factory';
import { createOpen311Client } from './manage-clients';

let t: TestApp;
let apiKey: string;
beforeAll(async () => {
  t = await createTestApp({ now: T0 });
  ({ apiKey } = await createOpen311Client(t.ctx, {
    agencyId: await agencyIdOf(t, 'banten'),
    name: 'FixMyStreet Banten',
  }));
});

const J = 'jurisdiction_id=banten';
const get = (url: string) => t.app.inject({ method: 'GET', url });
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (ext: 'json' | 'xml', fields: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${ext}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
  });
/** Text of every <name> element, in order. */
const tags = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

const goodReport = () => ({
  api_key: apiKey,
  jurisdiction_id: 'banten',
  service_code: 'infrastruktur.jalan-provinsi',
  lat: '-6.03',
  long: '106.16',
  description: 'Jalan provinsi berlubang besar di depan pasar Kasemen.',
  first_name: 'Siti',
  last_name: 'Aminah',
  email: 'siti@example.org',
  phone: '081234567890',
  'attribute[region_code]': '36.73.02.1001',
});

describe('discovery and services', () => {
  it('describes the endpoint in JSON and XML', async () => {
    const j = await get('/open311/v2/discovery.json');
    expect(j.statusCode).toBe(200);
    expect(j.json().endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      type: 'production',
    });
    const x = await get('/open311/v2/discovery.xml');
    expect(x.headers['content-type']).toContain('text/xml');
    expect(tags(x.body, 'specification')).toEqual(['http://wiki.open311.org/GeoReport_v2']);
    expect(tags(x.body, 'format')).toEqual(['application/json', 'text/xml']);
  });

  it('lists the agency categories as services', async () => {
    const j = await get(`/open311/v2/services.json?${J}`);
    expect(j.statusCode).toBe(200);
    const road = (j.json() as { service_code: string }[]).find(
      (s) => s.service_code === 'infrastruktur.jalan-provinsi',
    );
    expect(road).toMatchObject({ type: 'realtime', keywords: 'infrastruktur,jalan-provinsi' });
    expect([true, 'true']).toContain((road as unknown as { metadata: unknown }).metadata);
    const x = await get(`/open311/v2/services.xml?${J}`);
    expect(tags(x.body, 'service_code')).toContain('infrastruktur.jalan-provinsi');
    expect(tags(x.body, 'type')).toContain('realtime');
    expect(tags(x.body, 'metadata')).toContain('true');
  });

  it('defines the attributes of a service', async () => {
    const j = await get(`/open311/v2/services/infrastruktur.jalan-provinsi.json?${J}`);
    expect(j.statusCode).toBe(200);
    expect(j.json().service_code).toBe('infrastruktur.jalan-provinsi');
    expect(j.json().attributes.map((a: { code: string }) => a.code)).toEqual(['region_code', 'kind']);
    const x = await get(`/open311/v2/services/infrastruktur.jalan-provinsi.xml?${J}`);
    expect(tags(x.body, 'code')).toEqual(['region_code', 'kind']);
    expect(tags(x.body, 'key')).toEqual(['pengaduan', 'aspirasi', 'permintaan_informasi']);
  });
});

describe('filing a request', () => {
  it('files through the intake use case: tracking code, working-day deadline, confidential by default', async () => {
    const res = await post('json', goodReport());
    expect(res.statusCode).toBe(201);
    const [r] = res.json() as { service_request_id: string; expected_datetime: string }[];
    expect(r!.service_request_id).toMatch(/^LPR-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    // Thu 12 Feb + 3 working days (Imlek holidays skipped): end of Thu 19 Feb WIB.
    expect(r!.expected_datetime).toBe('2026-02-19T16:59:59.999Z');

    const [row] = await t.ctx.db
      .select({ source: complaints.source, visibility: complaints.visibility })
      .from(complaints)
      .where(eq(complaints.code, r!.service_request_id));
    expect(row).toEqual({ source: 'open311', visibility: 'rahasia' });

    const one = await get(`/open311/v2/requests/${r!.service_request_id}.json?${J}`);
    expect(one.statusCode).toBe(200);
    const [seen] = one.json();
    expect(seen).toMatchObject({
      service_request_id: r!.service_request_id,
      status: 'open',
      service_code: 'infrastruktur.jalan-provinsi',
      expected_datetime: '2026-02-19T16:59:59.999Z',
      // rahasia: neither its text nor its place is public
      description: null,
      lat: null,
      long: null,
    });
    expect(one.body).not.toContain('Siti');
    expect(one.body).not.toContain('siti@example.org');
    expect(one.body).not.toContain('081234567890');

    const tok = await get(`/open311/v2/tokens/${r!.service_request_id}.json?${J}`);
    expect(tok.json()).toEqual([{ service_request_id: r!.service_request_id, token: r!.service_request_id }]);
  });

  it('answers in XML and accepts the desa code in address_id', async () => {
    const { 'attribute[region_code]': _, ...rest } = goodReport();
    const res = await post('xml', { ...rest, address_id: '36.73.02.1001' });
    expect(res.statusCode).toBe(201);
    const [code] = tags(res.body, 'service_request_id');
    expect(code).toMatch(/^LPR-/);
    const one = await get(`/open311/v2/requests/${code}.xml?${J}`);
    expect(tags(one.body, 'service_request_id')).toEqual([code]);
    expect(tags(one.body, 'status')).toEqual(['open']);
    const tok = await get(`/open311/v2/tokens/${code}.xml?${J}`);
    expect(tags(tok.body, 'token')).toEqual([code]);
  });

  it('refuses a missing or wrong api_key with 403', async () => {
    const { api_key: _, ...noKey } = goodReport();
    const a = await post('json', noKey);
    expect(a.statusCode).toBe(403);
    expect(a.json()).toEqual([{ code: 403, description: 'api_key tidak valid. / Invalid api_key.' }]);
    const b = await post('xml', { ...goodReport(), api_key: 'not-a-key' });
    expect(b.statusCode).toBe(403);
    expect(tags(b.body, 'code')).toEqual(['403']);
  });

  it('refuses an unknown service_code with 404 and a missing one or a missing desa with 400', async () => {
    const a = await post('json', { ...goodReport(), service_code: 'tidak.ada' });
    expect(a.statusCode).toBe(404);
    expect(a.json()[0].code).toBe(404);
    const { service_code: _, ...noCode } = goodReport();
    expect((await post('json', noCode)).statusCode).toBe(400);
    const { 'attribute[region_code]': __, ...noRegion } = goodReport();
    const c = await post('xml', noRegion);
    expect(c.statusCode).toBe(400);
    expect(tags(c.body, 'code')).toEqual(['400']);
    const d = await post('json', { ...goodReport(), lat: 'far away' });
    expect(d.statusCode).toBe(400);
    expect(d.json()[0].code).toBe(400);
  });

  it('refuses an unknown jurisdiction with 404', async () => {
    const a = await post('json', { ...goodReport(), jurisdiction_id: 'atlantis' });
    expect(a.statusCode).toBe(404);
    const b = await get('/open311/v2/services.xml?jurisdiction_id=atlantis');
    expect(b.statusCode).toBe(404);
    expect(tags(b.body, 'code')).toEqual(['404']);
    const c = await get('/open311/v2/services.json');
    expect(c.statusCode).toBe(400);
  });
});

describe('reading requests', () => {
  it('lists public reports with their text, filters, and never shows identity', async () => {
    const pub = await fileComplaint(t, {
      visibility: 'biasa',
      reporter: { name: 'Budi Santoso', email: 'budi@example.org' },
      description: 'Lampu jalan provinsi mati sepanjang satu kilometer di Kasemen.',
    });
    const list = await get(`/open311/v2/requests.json?${J}&status=open&service_code=infrastruktur.jalan-provinsi`);
    expect(list.statusCode).toBe(200);
    const mine = (list.json() as { service_request_id: string }[]).find((r) => r.service_request_id === pub.code);
    expect(mine).toMatchObject({
      description: 'Lampu jalan provinsi mati sepanjang satu kilometer di Kasemen.',
      address_id: '36.73.02.1001',
      status: 'open',
    });
    expect(list.body).not.toContain('Budi');
    expect(list.body).not.toContain('budi@example.org');

    const closed = await get(`/open311/v2/requests.json?${J}&status=closed`);
    expect((closed.json() as { service_request_id: string }[]).map((r) => r.service_request_id)).not.toContain(
      pub.code,
    );
    const later = await get(`/open311/v2/requests.json?${J}&start_date=2030-01-01T00:00:00Z`);
    expect(later.json()).toEqual([]);

    const other = await fileComplaint(t, { visibility: 'biasa' });
    const both = await get(`/open311/v2/requests.xml?${J}&service_request_id=${pub.code},${other.code}`);
    expect(tags(both.body, 'service_request_id').sort()).toEqual([pub.code, other.code].sort());
  });

  it("publishes a public report's point no finer than 0.01° (about 1 km), anonim or not", async () => {
    for (const visibility of ['biasa', 'anonim']) {
      const f = await fileComplaint(t, { visibility, lat: -6.034567, lon: 106.167891 });
      const [seen] = (await get(`/open311/v2/requests/${f.code}.json?${J}`)).json();
      expect([seen.lat, seen.long]).toEqual([-6.03, 106.17]);
      const xml = await get(`/open311/v2/requests/${f.code}.xml?${J}`);
      expect([tags(xml.body, 'lat'), tags(xml.body, 'long')]).toEqual([['-6.03'], ['106.17']]);
      expect(xml.body).not.toContain('6.0345');
    }
  });

  it('answers 404 for an unknown request id or format', async () => {
    const a = await get(`/open311/v2/requests/LPR-2222-2222.json?${J}`);
    expect(a.statusCode).toBe(404);
    expect(a.json()[0].code).toBe(404);
    const b = await get(`/open311/v2/requests/LPR-2222-2222.xml?${J}`);
    expect(b.statusCode).toBe(404);
    expect(tags(b.body, 'code')).toEqual(['404']);
    expect((await get(`/open311/v2/requests.csv?${J}`)).statusCode).toBe(404);
  });

  it('lists status updates since a date for a client (servicerequestupdates)', async () => {
    const filed = await post('json', goodReport());
    const [{ service_request_id: code }] = filed.json();
    const noKey = await get(`/open311/v2/servicerequestupdates.json?${J}&start_date=2026-02-01T00:00:00Z`);
    expect(noKey.statusCode).toBe(403);
    const res = await get(
      `/open311/v2/servicerequestupdates.json?${J}&api_key=${apiKey}&start_date=2026-02-01T00:00:00Z`,
    );
    expect(res.statusCode).toBe(200);
    const mine = (res.json() as { service_request_id: string }[]).filter((u) => u.service_request_id === code);
    expect(mine).toMatchObject([{ status: 'open', description: 'Diterima', updated_datetime: T0.toISOString() }]);
    const x = await get(`/open311/v2/servicerequestupdates.xml?${J}&api_key=${apiKey}&start_date=2030-01-01T00:00:00Z`);
    expect(x.body).toContain('<service_request_updates></service_request_updates>');
  });
});
