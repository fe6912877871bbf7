// The console's detail page: the officer view (identity only for non-anonim reporters), the full timeline
// with internal notes, the escalation steps taken, attachments, possible duplicates to merge, and the
// SP4N-LAPOR! tracking ID of an imported report.
import { asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../core/context';
import { listAttachments } from '../../core/files/list-attachments';
import { findSimilarForOfficer } from './find-similar';
import { complaintNotFound } from './load-for-change';
import { type StaffActor, assertCanRead } from './policy';
import { officerView, timeline } from './repository';
import { laporImports } from './lapor-import/schema';
import { escalations } from './schema';

export async function getComplaintDetail(ctx: AppContext, actor: StaffActor, id: string) {
  const c = await officerView(ctx.db, ctx.config, id);
  if (!c) throw complaintNotFound();
  await assertCanRead(ctx.db, actor, c);
  const [entries, steps, files, similar, lapor] = await Promise.all([
    timeline(ctx.db, id, 'internal'),
    ctx.db
      .select({ step: escalations.step, deadline: escalations.deadline, at: escalations.at })
      .from(escalations)
      .where(eq(escalations.complaintId, id))
      .orderBy(asc(escalations.at)),
    listAttachments(ctx.db, 'complaint', id),
    findSimilarForOfficer(ctx.db, {
      agencyId: c.agencyId,
      regionCode: c.regionCode,
      categoryId: c.categoryId,
      text: c.title,
      excludeId: id,
    }),
    ctx.db
      .select({ trackingId: laporImports.trackingId })
      .from(laporImports)
      .where(eq(laporImports.complaintId, id))
      .limit(1),
  ]);
  const now = ctx.clock.now();
  return {
    ...c,
    overdue: c.dueAt !== null && c.dueAt < now,
    timeline: entries,
    escalations: steps,
    attachments: files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size })),
    similar,
    laporTrackingId: lapor[0]?.trackingId ?? null,
  };
}
