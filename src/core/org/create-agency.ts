// Creates an agency (instansi) bound to its region: a provinsi to a province code, a kabupaten or kota to a
// kabupaten/kota code, a kementerian/lembaga to none. A kabupaten/kota hangs under its province's agency.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/roles';
import type { AppContext } from '../context';
import type { Queryable } from '../db/client';
import { badRequest, conflict } from '../http/errors';
import { text } from '../i18n/messages';
import { type AgencyView, findAgency } from './list-agencies';
import { type AgencyKind, type TimeZone, agencies, regions } from './schema';
import { defaultTimeZoneFor } from './time-zones';

export interface CreateAgencyInput {
  slug: string;
  name: string;
  kind: AgencyKind;
  regionCode: string | null;
  /** Defaults to the time zone of the region's province (WIB for a kementerian/lembaga). */
  timeZone?: TimeZone;
}

const LEVEL_OF: Record<AgencyKind, number | null> = { provinsi: 1, kabupaten: 2, kota: 2, kementerian_lembaga: null };

/** Checks that the region fits the kind of agency; returns the region's name. */
export async function assertRegionFitsKind(q: Queryable, kind: AgencyKind, regionCode: string | null): Promise<void> {
  const level = LEVEL_OF[kind];
  if (level === null) {
    if (regionCode !== null) {
      throw badRequest(
        'REGION_NOT_ALLOWED',
        text('Kementerian/lembaga tidak terikat wilayah.', 'A ministry or national agency has no region.'),
      );
    }
    return;
  }
  const wrong = () =>
    badRequest(
      'REGION_MISMATCH',
      text(
        kind === 'provinsi'
          ? 'Instansi provinsi memerlukan kode provinsi yang ada.'
          : `Instansi ${kind} memerlukan kode ${kind} yang ada.`,
        kind === 'provinsi'
          ? 'A province agency needs an existing province code.'
          : `A ${kind} agency needs an existing ${kind} code.`,
      ),
    );
  if (regionCode === null) throw wrong();
  const [region] = await q.select().from(regions).where(eq(regions.code, regionCode)).limit(1);
  if (!region || region.level !== level) throw wrong();
  // Level-2 names read "Kabupaten …" or "Kota …" (Kepmendagri).
  if (kind === 'kabupaten' && !region.name.startsWith('Kabupaten ')) throw wrong();
  if (kind === 'kota' && !region.name.startsWith('Kota ')) throw wrong();
}

export async function createAgency(
  ctx: AppContext,
  actor: Actor,
  role: 'platform_admin',
  input: CreateAgencyInput,
): Promise<AgencyView> {
  const name = input.name.trim();
  if (!name) throw badRequest('NAME_REQUIRED', text('Nama instansi wajib diisi.', 'The agency name is required.'));
  await assertRegionFitsKind(ctx.db, input.kind, input.regionCode);
  const now = ctx.clock.now();
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const [slugTaken] = await tx
      .select({ id: agencies.id })
      .from(agencies)
      .where(eq(agencies.slug, input.slug))
      .limit(1);
    if (slugTaken)
      throw conflict('SLUG_TAKEN', text('Slug instansi sudah dipakai.', 'The agency slug is already taken.'));
    if (input.regionCode !== null) {
      const [regionTaken] = await tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(and(eq(agencies.regionCode, input.regionCode), eq(agencies.active, true)))
        .limit(1);
      if (regionTaken) {
        throw conflict(
          'REGION_TAKEN',
          text('Wilayah ini sudah memiliki instansi.', 'This region already has an agency.'),
        );
      }
    }
    let parentId: string | null = null;
    if (input.kind === 'kabupaten' || input.kind === 'kota') {
      const province = input.regionCode!.split('.')[0]!;
      const [p] = await tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(and(eq(agencies.regionCode, province), eq(agencies.kind, 'provinsi')))
        .limit(1);
      parentId = p?.id ?? null;
    }
    const row = {
      id,
      slug: input.slug,
      name,
      kind: input.kind,
      regionCode: input.regionCode,
      parentId,
      timeZone: input.timeZone ?? defaultTimeZoneFor(input.regionCode),
      createdAt: now,
    };
    await tx.insert(agencies).values(row);
    if (input.kind === 'provinsi') {
      // Kabupaten/kota agencies created before their province now hang under it.
      await tx
        .update(agencies)
        .set({ parentId: id })
        .where(and(isNull(agencies.parentId), sql`${agencies.regionCode} like ${`${input.regionCode}.%`}`));
    }
    await recordAudit(tx, {
      actor,
      role,
      action: 'org.agency_created',
      entityType: 'agency',
      entityId: id,
      agencyId: id,
      after: { ...row, createdAt: now.toISOString() },
      meta: { slug: input.slug, kind: input.kind, regionCode: input.regionCode },
      at: now,
    });
  });
  return (await findAgency(ctx.db, { id }))!;
}
