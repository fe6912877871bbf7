// Test-only helpers: file a complaint through the public route and find its id, category ids by code.
import { and, eq } from 'drizzle-orm';
import { agencies, units } from '../../core/org/schema';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../core/context';
import { categories, complaints } from './schema';

/** What the helpers need of test/app's TestApp (src/ may not import test/). */
interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
}

export const T0 = new Date('2026-02-12T02:00:00Z'); // Thursday 09:00 WIB, before the Imlek holidays

export async function categoryId(t: TestApp, agencySlug: string, code: string): Promise<string> {
  const [row] = await t.ctx.db
    .select({ id: categories.id })
    .from(categories)
    .innerJoin(agencies, eq(agencies.id, categories.agencyId))
    .where(and(eq(agencies.slug, agencySlug), eq(categories.code, code)))
    .limit(1);
  if (!row) throw new Error(`no category ${agencySlug}/${code}`);
  return row.id;
}

export async function agencyIdOf(t: TestApp, slug: string): Promise<string> {
  const [row] = await t.ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, slug)).limit(1);
  return row!.id;
}

export interface Filed {
  id: string;
  code: string;
  secret: string;
  body: Record<string, unknown>;
}

export async function fileComplaint(
  t: TestApp,
  overrides: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Filed> {
  const payload = {
    agency: 'banten',
    kind: 'pengaduan',
    title: 'Jalan provinsi berlubang di Kasemen',
    description: 'Jalan provinsi di depan pasar berlubang besar dan membahayakan pengendara.',
    categoryId: await categoryId(t, 'banten', 'infrastruktur.jalan-provinsi'),
    regionCode: '36.73.02.1001',
    ...overrides,
  };
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/complaints', payload, headers });
  if (res.statusCode !== 201) throw new Error(`filing failed: ${res.statusCode} ${res.body}`);
  const body = res.json() as { code: string; secret: string };
  const [row] = await t.ctx.db
    .select({ id: complaints.id })
    .from(complaints)
    .where(eq(complaints.code, body.code))
    .limit(1);
  return { id: row!.id, code: body.code, secret: body.secret, body };
}

export async function unitIdByName(t: TestApp, agencySlug: string, name: string): Promise<string> {
  const [row] = await t.ctx.db
    .select({ id: units.id })
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(and(eq(agencies.slug, agencySlug), eq(units.name, name)))
    .limit(1);
  if (!row) throw new Error(`no unit ${agencySlug}/${name}`);
  return row.id;
}
