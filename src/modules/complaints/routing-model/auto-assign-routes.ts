// Automatic assignment (off by default): for agencies whose admin set routingAutoAssignPercent above 0, new
// reports still waiting at intake are disposed to the learned suggestion's unit when its confidence reaches
// the threshold. Runs as a module job; each assignment is an audited system change like a disposition.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { getCalendar } from '../../../core/calendar/get-calendar';
import type { AppContext } from '../../../core/context';
import { dispositionDeadlines, stageDeadline } from '../deadlines';
import { withComplaint } from '../load-for-change';
import { recordChange } from '../record-change';
import { agencySettings, complaints } from '../schema';
import { loadSettings } from '../settings';
import { suggestRoute } from './suggest-route';

const BATCH = 100;

/** Returns how many reports were assigned. */
export async function autoAssignRoutes(ctx: AppContext): Promise<number> {
  const configured = await ctx.db.select().from(agencySettings);
  let assigned = 0;
  for (const a of configured) {
    const threshold = a.settings.routingAutoAssignPercent ?? 0;
    if (!(threshold > 0)) continue;
    const waiting = await ctx.db
      .select()
      .from(complaints)
      .where(and(eq(complaints.agencyId, a.agencyId), eq(complaints.status, 'diterima'), isNull(complaints.disposedAt)))
      .orderBy(asc(complaints.receivedAt))
      .limit(BATCH);
    for (const row of waiting) {
      const [top] = await suggestRoute(ctx, a.agencyId, row);
      if (!top || top.confidence * 100 < threshold) continue;
      const done = await withComplaint(ctx, { id: row.id }, async (tx, current) => {
        if (current.status !== 'diterima' || current.disposedAt !== null || current.agencyId !== a.agencyId)
          return false;
        const now = ctx.clock.now();
        const settings = await loadSettings(tx, current.agencyId);
        const cal = await getCalendar(tx, current.agencyId);
        const d = dispositionDeadlines(cal, settings, current, now, current.emergency ? settings.emergencyHours : null);
        const next = { ...current, ...d, status: 'didisposisikan' as const };
        await recordChange(ctx, tx, current, {
          by: { kind: 'system', name: 'routing-model' },
          action: 'complaints.auto_dispose',
          patch: {
            status: 'didisposisikan',
            unitId: top.unitId,
            supportUnitIds: [],
            verifiedAt: current.verifiedAt ?? now,
            disposedAt: now,
            ...d,
            dueAt: stageDeadline(next, 'didisposisikan'),
          },
          timeline: [
            { kind: 'status', visibility: 'public', unitId: top.unitId },
            {
              kind: 'disposed',
              visibility: 'internal',
              unitId: top.unitId,
              meta: { auto: true, confidencePercent: Math.round(top.confidence * 100), threshold },
            },
          ],
          meta: { unitId: top.unitId, auto: true, confidencePercent: Math.round(top.confidence * 100) },
        });
        return true;
      });
      if (done) assigned += 1;
    }
  }
  return assigned;
}
