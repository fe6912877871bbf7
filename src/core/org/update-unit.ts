// Changes a unit: rename, change kind or region, move under another parent of the same agency (never
// under itself or its own sub-units), deactivate or reactivate. The whole subtree moves with it.
import { and, eq, like, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/roles';
import type { AppContext } from '../context';
import { badRequest, conflict } from '../http/errors';
import { text } from '../i18n/messages';
import { assertCanManageAgency } from './policy';
import { type UnitKind, units } from './schema';
import { type UnitView, childPath, findUnit, pathWithin } from './unit-tree';
import { assertNameFree, assertUnitRegion, cleanName, lockUnitTree, unitNotFound } from './unit-rules';

export interface UpdateUnitInput {
  name?: string;
  kind?: UnitKind;
  /** null: move to the root of the agency. */
  parentId?: string | null;
  regionCode?: string | null;
  active?: boolean;
}

const parentInvalid = () =>
  badRequest(
    'PARENT_INVALID',
    text(
      'Unit induk tidak ada di instansi ini atau sudah nonaktif.',
      'The parent unit is not in this agency or is inactive.',
    ),
  );

export async function updateUnit(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  input: UpdateUnitInput,
): Promise<UnitView> {
  const found = await findUnit(ctx.db, unitId);
  if (!found) throw unitNotFound();
  const role = assertCanManageAgency(actor, found.agencyId);
  const name = input.name === undefined ? undefined : cleanName(input.name);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockUnitTree(tx, found.agencyId);
    const before = (await findUnit(tx, unitId))!;
    const after: UnitView = {
      ...before,
      name: name ?? before.name,
      kind: input.kind ?? before.kind,
      parentId: input.parentId === undefined ? before.parentId : input.parentId,
      regionCode: input.regionCode === undefined ? before.regionCode : input.regionCode,
      active: input.active ?? before.active,
    };
    const changed = (['name', 'kind', 'parentId', 'regionCode', 'active'] as const).filter(
      (k) => after[k] !== before[k],
    );
    if (!changed.length) return before;

    let movedUnits = 0;
    let parent: UnitView | null = null;
    if (after.parentId !== null) {
      parent = await findUnit(tx, after.parentId);
      if (!parent || parent.agencyId !== before.agencyId) throw parentInvalid();
      if (pathWithin(parent.path, before.path)) {
        throw conflict(
          'UNIT_CYCLE',
          text(
            'Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau sub-unitnya.',
            'A unit cannot move under itself or one of its sub-units.',
          ),
        );
      }
      if (after.active && !parent.active) throw parentInvalid();
    }
    if (changed.includes('name') || changed.includes('parentId')) {
      await assertNameFree(tx, before.agencyId, after.parentId, after.name, before.id);
    }
    if (changed.includes('kind') || changed.includes('regionCode')) {
      await assertUnitRegion(tx, before.agencyId, after.kind, after.regionCode);
    }
    if (changed.includes('active') && !after.active) {
      const [child] = await tx
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.parentId, before.id), eq(units.active, true)))
        .limit(1);
      if (child) {
        throw conflict(
          'UNIT_HAS_ACTIVE_CHILDREN',
          text(
            'Nonaktifkan atau pindahkan dulu sub-unit yang masih aktif.',
            'Deactivate or move its active sub-units first.',
          ),
        );
      }
    }

    await tx
      .update(units)
      .set({
        name: after.name,
        kind: after.kind,
        regionCode: after.regionCode,
        active: after.active,
        parentId: after.parentId,
      })
      .where(eq(units.id, before.id));
    if (changed.includes('parentId')) {
      after.path = childPath(parent?.path ?? null, before.id);
      after.depth = parent ? parent.depth + 1 : 0;
      // Re-root the whole subtree: replace the old path prefix and shift the depth.
      const moved = await tx
        .update(units)
        .set({
          path: sql`${after.path} || substr(${units.path}, ${before.path.length + 1})`,
          depth: sql`${units.depth} + ${after.depth - before.depth}`,
        })
        .where(like(units.path, `${before.path}%`))
        .returning({ id: units.id });
      movedUnits = moved.length;
    }
    await recordAudit(tx, {
      actor,
      role,
      action: 'org.unit_updated',
      entityType: 'unit',
      entityId: before.id,
      agencyId: before.agencyId,
      unitId: before.id,
      before,
      after,
      meta: {
        changed,
        ...(changed.includes('parentId')
          ? { fromParentId: before.parentId, toParentId: after.parentId, movedUnits }
          : {}),
      },
      at: now,
    });
    return after;
  });
}
