// Publishing a unit's result on its public page: a staff action in the audit ledger. The public page
// shows a frozen copy of the figures as published (no suggestions, no additional questions).
import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import type { Queryable } from '../../core/db/client';
import { recordAudit } from '../../core/audit/record-audit';
import { conflict, notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { buildReport, type SurveyReport } from './build-report';
import { requirePeriod } from './periods';
import { assertCanManageUnit, loadUnit } from './policy';
import { surveyPublications } from './schema';

export type PublishedResult = Pick<
  SurveyReport,
  'scope' | 'period' | 'weight' | 'responses' | 'result' | 'sample' | 'profile'
> & {
  followUps: SurveyReport['followUps']['current'];
  publishedAt: string;
};

export async function publishResult(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  periodKey: string,
): Promise<PublishedResult> {
  const unit = await loadUnit(ctx.db, unitId);
  const role = assertCanManageUnit(actor, unit);
  const period = requirePeriod(periodKey);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const report = await buildReport(tx, { agencyId: unit.agencyId, unitId: unit.id, serviceId: null }, period);
    if (!report.result) {
      throw conflict(
        'NOTHING_TO_PUBLISH',
        text('Belum ada jawaban survei pada periode ini.', 'There are no survey responses in this period.'),
      );
    }
    const published: PublishedResult = {
      scope: report.scope,
      period: report.period,
      weight: report.weight,
      responses: report.responses,
      result: report.result,
      sample: report.sample,
      profile: report.profile,
      followUps: report.followUps.current,
      publishedAt: now.toISOString(),
    };
    const [row] = await tx
      .insert(surveyPublications)
      .values({
        agencyId: unit.agencyId,
        unitId: unit.id,
        periodKey: period.key,
        result: published as unknown as Record<string, unknown>,
        publishedAt: now,
        publishedBy: actor.kind === 'staff' ? actor.userId : '00000000-0000-0000-0000-000000000000',
      })
      .returning({ id: surveyPublications.id });
    await recordAudit(tx, {
      actor,
      role,
      action: 'surveys.result.publish',
      entityType: 'surveys_publication',
      entityId: row!.id,
      agencyId: unit.agencyId,
      unitId: unit.id,
      after: published,
      meta: { periodKey: period.key, converted: report.result.converted, mutu: report.result.mutu.grade },
      at: now,
    });
    return published;
  });
}

export async function getPublishedResult(q: Queryable, unitId: string): Promise<PublishedResult> {
  const [row] = await q
    .select({ result: surveyPublications.result })
    .from(surveyPublications)
    .where(eq(surveyPublications.unitId, unitId))
    .orderBy(desc(surveyPublications.publishedAt))
    .limit(1);
  if (!row)
    throw notFound(
      text('Unit ini belum menerbitkan hasil survei.', 'This unit has not published a survey result yet.'),
    );
  return row.result as unknown as PublishedResult;
}
