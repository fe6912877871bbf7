// The category tree of an agency (admin-editable): each category with its tier, flags and optional
// deadline overrides. Reading is public (the complaint form needs it).
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit';
import type { AppContext } from '../../core/context';
import type { Queryable } from '../../core/db/client';
import { badRequest, conflict, notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import type { StaffActor } from './policy';
import { assertCoordinator } from './policy';
import { categories } from './schema';
import type { Tier } from './states';

export interface CategoryInput {
  parentId?: string | null;
  code: string;
  nameId: string;
  nameEn: string;
  tier: Tier;
  emergency?: boolean;
  forceConfidential?: boolean;
  resolutionDays?: number | null;
  emergencyHours?: number | null;
  active?: boolean;
}

export const categoryColumns = {
  id: categories.id,
  parentId: categories.parentId,
  code: categories.code,
  nameId: categories.nameId,
  nameEn: categories.nameEn,
  tier: categories.tier,
  emergency: categories.emergency,
  forceConfidential: categories.forceConfidential,
  resolutionDays: categories.resolutionDays,
  emergencyHours: categories.emergencyHours,
  active: categories.active,
};

export async function listCategories(q: Queryable, agencyId: string, opts: { includeInactive: boolean }) {
  return q
    .select(categoryColumns)
    .from(categories)
    .where(
      opts.includeInactive
        ? eq(categories.agencyId, agencyId)
        : and(eq(categories.agencyId, agencyId), eq(categories.active, true)),
    )
    .orderBy(asc(categories.code));
}

async function assertParent(q: Queryable, agencyId: string, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  if (parentId === selfId)
    throw badRequest(
      'BAD_PARENT',
      text('Kategori tidak dapat menjadi induknya sendiri.', 'A category cannot be its own parent.'),
    );
  const [p] = await q
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.id, parentId), eq(categories.agencyId, agencyId)))
    .limit(1);
  if (!p) throw badRequest('BAD_PARENT', text('Kategori induk tidak ditemukan.', 'No such parent category.'));
}

const duplicate = () =>
  conflict(
    'DUPLICATE_CODE',
    text('Kode kategori sudah dipakai di instansi ini.', 'This category code is already used at this agency.'),
  );

export async function createCategory(ctx: AppContext, actor: StaffActor, agencyId: string, input: CategoryInput) {
  const role = assertCoordinator(actor, agencyId);
  return ctx.db.transaction(async (tx) => {
    await assertParent(tx, agencyId, input.parentId);
    const [dupe] = await tx
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.agencyId, agencyId), eq(categories.code, input.code)))
      .limit(1);
    if (dupe) throw duplicate();
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(categories)
      .values({ ...input, agencyId, parentId: input.parentId ?? null, createdAt: now })
      .returning(categoryColumns);
    await recordAudit(tx, {
      actor,
      role,
      action: 'complaints.category.create',
      entityType: 'complaint_category',
      entityId: row!.id,
      agencyId,
      after: row,
      at: now,
    });
    return row!;
  });
}

export async function updateCategory(
  ctx: AppContext,
  actor: StaffActor,
  agencyId: string,
  id: string,
  input: Partial<CategoryInput>,
) {
  const role = assertCoordinator(actor, agencyId);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select(categoryColumns)
      .from(categories)
      .where(and(eq(categories.id, id), eq(categories.agencyId, agencyId)))
      .limit(1);
    if (!before) throw notFound(text('Kategori tidak ditemukan.', 'No such category.'));
    await assertParent(tx, agencyId, input.parentId, id);
    if (input.code && input.code !== before.code) {
      const [dupe] = await tx
        .select({ id: categories.id })
        .from(categories)
        .where(and(eq(categories.agencyId, agencyId), eq(categories.code, input.code)))
        .limit(1);
      if (dupe) throw duplicate();
    }
    const [row] = await tx.update(categories).set(input).where(eq(categories.id, id)).returning(categoryColumns);
    await recordAudit(tx, {
      actor,
      role,
      action: 'complaints.category.update',
      entityType: 'complaint_category',
      entityId: id,
      agencyId,
      before,
      after: row,
      at: ctx.clock.now(),
    });
    return row!;
  });
}
