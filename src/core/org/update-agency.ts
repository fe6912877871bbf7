// Renames an agency, changes its time zone (which moves its deadlines' end of day), or (de)activates it.
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/roles';
import { bumpCalendarToken } from '../calendar/get-calendar';
import type { AppContext } from '../context';
import { badRequest } from '../http/errors';
import { text } from '../i18n/messages';
import { type AgencyView, agencyNotFound, findAgency } from './list-agencies';
import { type TimeZone, agencies } from './schema';

export interface UpdateAgencyInput {
  name?: string;
  timeZone?: TimeZone;
  active?: boolean;
}

export async function updateAgency(
  ctx: AppContext,
  actor: Actor,
  role: 'platform_admin',
  slug: string,
  input: UpdateAgencyInput,
): Promise<AgencyView> {
  const name = input.name?.trim();
  if (name === '')
    throw badRequest('NAME_REQUIRED', text('Nama instansi wajib diisi.', 'The agency name is required.'));
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(agencies).where(eq(agencies.slug, slug)).for('update').limit(1);
    if (!before) throw agencyNotFound();
    const changes: Partial<typeof agencies.$inferInsert> = {};
    if (name !== undefined && name !== before.name) changes.name = name;
    if (input.timeZone !== undefined && input.timeZone !== before.timeZone) changes.timeZone = input.timeZone;
    if (input.active !== undefined && input.active !== before.active) changes.active = input.active;
    const changed = Object.keys(changes);
    if (!changed.length) return before.id;
    await tx.update(agencies).set(changes).where(eq(agencies.id, before.id));
    if (changes.timeZone) await bumpCalendarToken(tx);
    await recordAudit(tx, {
      actor,
      role,
      action: 'org.agency_updated',
      entityType: 'agency',
      entityId: before.id,
      agencyId: before.id,
      before: { name: before.name, timeZone: before.timeZone, active: before.active },
      after: {
        name: changes.name ?? before.name,
        timeZone: changes.timeZone ?? before.timeZone,
        active: changes.active ?? before.active,
      },
      meta: { changed },
      at: now,
    });
    return before.id;
  });
  return (await findAgency(ctx.db, { id }))!;
}
