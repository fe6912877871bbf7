// Rules shared by creating and changing units.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { badRequest, conflict, notFound } from '../http/errors';
import { text } from '../i18n/messages';
import { type UnitKind, agencies, regions, units } from './schema';

export const unitNotFound = () => notFound(text('Unit tidak ditemukan.', 'No such unit.'));

/** Serialises changes to one agency's unit tree (two concurrent moves could otherwise make a cycle). */
export async function lockUnitTree(q: Queryable, agencyId: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(7250100, hashtext(${agencyId}))`);
}

/** The region level a kind of unit must carry, if any. */
const REGION_LEVEL: Partial<Record<UnitKind, number>> = { kecamatan: 3, kelurahan: 4, desa: 4 };

/** A unit's region must exist, lie within its agency's region, and match its kind (kecamatan → level 3). */
export async function assertUnitRegion(
  q: Queryable,
  agencyId: string,
  kind: UnitKind,
  regionCode: string | null,
): Promise<void> {
  const level = REGION_LEVEL[kind];
  if (regionCode === null) {
    if (level !== undefined) {
      throw badRequest(
        'REGION_REQUIRED',
        text(`Unit ${kind} memerlukan kode wilayahnya.`, `A ${kind} unit needs its region code.`),
      );
    }
    return;
  }
  const [row] = await q
    .select({ level: regions.level, agencyRegion: agencies.regionCode })
    .from(regions)
    .innerJoin(agencies, eq(agencies.id, agencyId))
    .where(eq(regions.code, regionCode))
    .limit(1);
  const inAgency = row && (row.agencyRegion === null || regionCode.startsWith(`${row.agencyRegion}.`));
  if (!row || !inAgency || (level !== undefined && row.level !== level)) {
    throw badRequest(
      'REGION_MISMATCH',
      text(
        'Kode wilayah tidak ada, di luar wilayah instansi, atau tidak sesuai jenis unit.',
        "The region code does not exist, lies outside the agency's region, or does not fit the kind of unit.",
      ),
    );
  }
}

/** Sibling units may not share a name (compared without case). */
export async function assertNameFree(
  q: Queryable,
  agencyId: string,
  parentId: string | null,
  name: string,
  exceptId?: string,
): Promise<void> {
  const [dup] = await q
    .select({ id: units.id })
    .from(units)
    .where(
      and(
        eq(units.agencyId, agencyId),
        parentId === null ? sql`${units.parentId} is null` : eq(units.parentId, parentId),
        sql`lower(${units.name}) = lower(${name})`,
        exceptId ? ne(units.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (dup) {
    throw conflict(
      'UNIT_NAME_TAKEN',
      text(
        'Sudah ada unit dengan nama ini di bawah induk yang sama.',
        'A unit with this name already exists under the same parent.',
      ),
    );
  }
}

export function cleanName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (!n) throw badRequest('NAME_REQUIRED', text('Nama unit wajib diisi.', 'The unit name is required.'));
  return n;
}
