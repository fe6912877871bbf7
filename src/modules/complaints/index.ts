// The complaints module (pengaduan, aspirasi, permintaan informasi; SP4N-LAPOR! style, "no wrong door").
// Public face for other modules and doors: submitComplaint (the one intake use case every door calls),
// decideRoute / rerouteComplaint (routing), getStats (command centre), and the outbox topics
// 'complaints.closed' (payload per the module conventions) and 'complaints.reporter_notice' (internal).
import { eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import { onCalendarChange } from '../../core/calendar/calendar-change';
import { registerAttachmentAuthorizer } from '../../core/files/authorizers';
import type { PamongModule } from '../../core/module';
import adminRoutes from './admin-routes';
import { complaintStatsProvider } from './get-stats';
import { sendReporterNotice } from './notify-reporter';
import { assertCanRead } from './policy';
import { REPORTER_NOTICE_TOPIC } from './record-change';
import { complaints } from './schema';
import gatewayAdminRoutes from './gateway/admin-routes';
import gatewayRoutes from './gateway/routes';
import laporImportRoutes from './lapor-import/routes';
import open311AdminRoutes from './open311/admin-routes';
import open311Routes from './open311/routes';
import routes from './routes';
import routingSuggestionRoutes from './routing-model/routes';
import { autoAssignRoutes } from './routing-model/auto-assign-routes';
import { moveDeadlinesWithCalendar } from './move-deadlines';
import { runEscalations } from './run-escalations';
import { seedComplaintsDemo } from './seed-demo';

export { submitComplaint, type SubmitComplaintInput, type SubmittedComplaint } from './submit-complaint';
export { decideRoute, rerouteComplaint, type RouteDecision, type RouteQuery } from './route-complaint';
export { getStats, type ComplaintStats } from './get-stats';
export { registerComplaintCommands } from './lapor-import/cli';
export { suggestRoute, type RouteSuggestion } from './routing-model/suggest-route';
export { createOpen311Client } from './open311/manage-clients';
export { createGateway } from './gateway/create-gateway';
export { CLOSED_TOPIC, REPORTER_NOTICE_TOPIC } from './record-change';
export {
  KINDS,
  SOURCES,
  STATUSES,
  VISIBILITIES,
  type ComplaintKind,
  type ComplaintStatus,
  type Source,
  type Visibility,
} from './states';

/** Staff who may read the complaint, or the citizen account that filed it (anonymous reporters: preview by claim token only). */
async function mayDownload(ctx: AppContext, actor: Actor, a: { ownerId: string | null }): Promise<boolean> {
  if (!a.ownerId) return false;
  const [row] = await ctx.db
    .select({
      agencyId: complaints.agencyId,
      unitId: complaints.unitId,
      supportUnitIds: complaints.supportUnitIds,
      reporterUserId: complaints.reporterUserId,
    })
    .from(complaints)
    .where(eq(complaints.id, a.ownerId))
    .limit(1);
  if (!row) return false;
  if (actor.kind === 'citizen') return row.reporterUserId === actor.userId;
  if (actor.kind !== 'staff') return false;
  try {
    await assertCanRead(ctx.db, actor, row);
    return true;
  } catch {
    return false;
  }
}

registerAttachmentAuthorizer('complaint', mayDownload);
onCalendarChange('complaints', moveDeadlinesWithCalendar);

export const complaintsModule: PamongModule = {
  name: 'complaints',
  routes: async (app, opts) => {
    await app.register(routes, opts);
    await app.register(adminRoutes, opts);
    await app.register(routingSuggestionRoutes, opts);
    await app.register(laporImportRoutes, opts);
    await app.register(gatewayRoutes, opts);
    await app.register(gatewayAdminRoutes, opts);
    await app.register(open311AdminRoutes, opts);
  },
  rootRoutes: open311Routes,
  seedDemo: seedComplaintsDemo,
  events: { [REPORTER_NOTICE_TOPIC]: sendReporterNotice },
  stats: {
    complaints: complaintStatsProvider,
  },
  jobs: [
    { name: 'complaints.escalations', everyMs: 60_000, run: async (ctx) => void (await runEscalations(ctx)) },
    { name: 'complaints.auto-route', everyMs: 60_000, run: async (ctx) => void (await autoAssignRoutes(ctx)) },
  ],
};
