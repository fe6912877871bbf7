// The console's unit switcher: the session works in one unit the user holds a grant in (or below one).
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import { badRequest, forbidden } from '../http/errors';
import { text } from '../i18n/messages';
import { type StaffActor, mayActInUnit } from './policy';
import { sessions } from './schema';
import { findUnit } from './user-queries';

export async function setActiveUnit(
  ctx: AppContext,
  actor: StaffActor,
  unitId: string | null,
): Promise<{ activeUnitId: string | null }> {
  if (unitId !== null) {
    const unit = await findUnit(ctx.db, unitId);
    if (!unit?.active) throw badRequest('UNKNOWN_UNIT', text('Unit tidak ditemukan.', 'No such unit.'));
    if (unit.agencyId !== actor.agencyId || !mayActInUnit(actor.grants, actor.agencyId, unit)) {
      throw forbidden(text('Anda tidak memiliki peran di unit ini.', 'You hold no role in this unit.'));
    }
  }
  await ctx.db.update(sessions).set({ activeUnitId: unitId }).where(eq(sessions.id, actor.sessionId));
  return { activeUnitId: unitId };
}
