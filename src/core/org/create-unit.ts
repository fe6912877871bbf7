// Creates a unit (OPD, bidang, seksi, kecamatan, kelurahan, …) at the root of an agency or under a parent.
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/roles';
import type { AppContext } from '../context';
import { badRequest } from '../http/errors';
import { text } from '../i18n/messages';
import { agencyNotFound, findAgency } from './list-agencies';
import { assertCanManageAgency } from './policy';
import { type UnitKind, units } from './schema';
import { type UnitView, childPath, findUnit } from './unit-tree';
import { assertNameFree, assertUnitRegion, cleanName, lockUnitTree } from './unit-rules';

export interface CreateUnitInput {
  name: string;
  kind: UnitKind;
  parentId: string | null;
  regionCode: string | null;
}

export async function createUnit(
  ctx: AppContext,
  actor: Actor,
  agencySlug: string,
  input: CreateUnitInput,
): Promise<UnitView> {
  const agency = await findAgency(ctx.db, { slug: agencySlug });
  if (!agency) throw agencyNotFound();
  const role = assertCanManageAgency(actor, agency.id);
  const name = cleanName(input.name);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockUnitTree(tx, agency.id);
    let parent: UnitView | null = null;
    if (input.parentId !== null) {
      parent = await findUnit(tx, input.parentId);
      if (!parent || parent.agencyId !== agency.id || !parent.active) {
        throw badRequest(
          'PARENT_INVALID',
          text(
            'Unit induk tidak ada di instansi ini atau sudah nonaktif.',
            'The parent unit is not in this agency or is inactive.',
          ),
        );
      }
    }
    await assertUnitRegion(tx, agency.id, input.kind, input.regionCode);
    await assertNameFree(tx, agency.id, input.parentId, name);
    const id = randomUUID();
    const row: UnitView = {
      id,
      agencyId: agency.id,
      parentId: input.parentId,
      name,
      kind: input.kind,
      regionCode: input.regionCode,
      depth: parent ? parent.depth + 1 : 0,
      path: childPath(parent?.path ?? null, id),
      active: true,
    };
    await tx.insert(units).values({ ...row, createdAt: now });
    await recordAudit(tx, {
      actor,
      role,
      action: 'org.unit_created',
      entityType: 'unit',
      entityId: id,
      agencyId: agency.id,
      unitId: id,
      after: row,
      meta: { parentId: input.parentId, kind: input.kind },
      at: now,
    });
    return row;
  });
}
