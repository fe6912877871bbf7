// Who may download an application's uploaded requirements: the citizen account that filed it and staff of
// its agency. (Guests see their files' names in the application; downloads need an account.)
import { eq } from 'drizzle-orm';
import { registerAttachmentAuthorizer } from '../../core/files/authorizers';
import { ATTACHMENT_OWNER } from './save-application';
import { applications } from './schema';
import { staffAgencyIds } from './staff-scope';

export function registerServicesAttachments(): void {
  registerAttachmentAuthorizer(ATTACHMENT_OWNER, async (ctx, actor, att) => {
    if (!att.ownerId) return false;
    const [app] = await ctx.db
      .select({ userId: applications.applicantUserId, agencyId: applications.agencyId })
      .from(applications)
      .where(eq(applications.id, att.ownerId))
      .limit(1);
    if (!app) return false;
    if (actor.kind === 'citizen') return app.userId === actor.userId;
    return staffAgencyIds(actor).includes(app.agencyId);
  });
}
