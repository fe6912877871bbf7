// GET /api/v1/admin/complaints/:id/route-suggestion: agency admins only, 404 for unknown reports, and a
// suggestion learned from the agency's own dispositions.
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';
import { anonymous, loginAs } from '../../../../test/auth';
import { eq } from 'drizzle-orm';
import { complaints } from '../schema';
import { T0, fileComplaint, unitIdByName } from '../test-factory';
import { autoAssignRoutes } from './auto-assign-routes';
import { MIN_HISTORY } from './routes';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: T0 });
});
const url = (id: string) => `/api/v1/admin/complaints/${id}/route-suggestion`;

describe('route suggestion', () => {
  it('is for agency admins: 401 signed out, 403 for an operator, 404 for an unknown report', async () => {
    const f = await fileComplaint(t);
    expect((await anonymous(t).inject({ method: 'GET', url: url(f.id) })).statusCode).toBe(401);
    const operator = await loginAs(t, 'operator_unit');
    expect((await operator.inject({ method: 'GET', url: url(f.id) })).statusCode).toBe(403);
    const admin = await loginAs(t, 'admin_instansi');
    const missing = await admin.inject({ method: 'GET', url: url('00000000-0000-4000-8000-000000000000') });
    expect(missing.statusCode).toBe(404);
  });

  it('suggests the unit that handled similar reports, with its confidence; automatic assignment is off by default', async () => {
    const admin = await loginAs(t, 'admin_instansi');
    const bina = await unitIdByName(t, 'banten', 'Bidang Bina Marga');
    const sampah = await unitIdByName(t, 'banten', 'Bidang Pengelolaan Sampah dan Limbah B3');
    const history: [string, string, string][] = [
      ['Aspal jalan retak', 'Aspal jalan provinsi retak dan berlubang di tikungan.', bina],
      ['Jalan berlubang', 'Jalan berlubang dalam, aspal terkelupas.', bina],
      ['Jembatan rusak', 'Aspal jembatan rusak dan berlubang.', bina],
      ['Sampah menumpuk', 'Sampah menumpuk di tepi jalan dan berbau busuk.', sampah],
      ['Tumpukan sampah', 'Tumpukan sampah liar dibakar, asap dan bau.', sampah],
      ['Sampah tidak diangkut', 'Sampah rumah tangga tidak diangkut seminggu, bau.', sampah],
    ];
    for (const [title, description, unitId] of history) {
      const f = await fileComplaint(t, { title, description });
      const d = await admin.inject({
        method: 'POST',
        url: `/api/v1/console/complaints/${f.id}/dispose`,
        payload: { unitId },
      });
      expect(d.statusCode).toBe(200);
    }
    const f = await fileComplaint(t, {
      title: 'Sampah menumpuk dan bau',
      description: 'Sampah tidak diangkut, menumpuk dan bau busuk.',
    });
    const res = await admin.inject({ method: 'GET', url: url(f.id) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.suggestions[0]).toMatchObject({ unitId: sampah, unitName: 'Bidang Pengelolaan Sampah dan Limbah B3' });
    expect(body.suggestions.length).toBeLessThanOrEqual(3);
    expect(body.suggestions[0].confidence).toBeGreaterThan(0.5);
    expect(body.suggestions[0].confidencePercent).toBe(Math.round(body.suggestions[0].confidence * 100));
    expect(body).toMatchObject({ autoAssignPercent: 0, wouldAutoAssign: false });
    // Six dispositions (and the demo's) are too little history: the console says so.
    expect(body.trainedOn).toBeGreaterThanOrEqual(6);
    expect(body.trainedOn).toBeLessThan(MIN_HISTORY);
    expect(body.enoughHistory).toBe(false);

    const statusOf = async () => (await t.ctx.db.select().from(complaints).where(eq(complaints.id, f.id)))[0]!;
    await autoAssignRoutes(t.ctx);
    expect((await statusOf()).status).toBe('diterima');
    const put = await admin.inject({
      method: 'PUT',
      url: '/api/v1/console/complaint-settings',
      payload: { routingAutoAssignPercent: 50 },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().routingAutoAssignPercent).toBe(50);
    const after = await admin.inject({ method: 'GET', url: url(f.id) });
    expect(after.json()).toMatchObject({ autoAssignPercent: 50, wouldAutoAssign: true });
    await autoAssignRoutes(t.ctx);
    expect(await statusOf()).toMatchObject({ status: 'didisposisikan', unitId: sampah });
  });
});
