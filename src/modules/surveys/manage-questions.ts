// A unit's own questions: added, reworded, switched off. Kept apart from the nine elements and the index.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import { recordAudit } from '../../core/audit/record-audit';
import { badRequest, notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { assertCanManageUnit, loadUnit } from './policy';
import { surveyQuestions } from './schema';

export const MAX_QUESTIONS_PER_UNIT = 10;

export interface QuestionInput {
  textId: string;
  textEn: string;
  kind: 'scale' | 'text';
}

export async function addQuestion(ctx: AppContext, actor: Actor, unitId: string, input: QuestionInput) {
  const unit = await loadUnit(ctx.db, unitId);
  const role = assertCanManageUnit(actor, unit);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [{ n, next }] = (
      await tx.execute<{ n: number; next: number }>(
        sql`select count(*) filter (where active)::int as n, coalesce(max(position), 0)::int + 1 as next
            from ${surveyQuestions} where unit_id = ${unit.id}`,
      )
    ).rows as [{ n: number; next: number }];
    if (Number(n) >= MAX_QUESTIONS_PER_UNIT) {
      throw badRequest(
        'TOO_MANY_QUESTIONS',
        text(
          `Paling banyak ${MAX_QUESTIONS_PER_UNIT} pertanyaan tambahan per unit.`,
          `At most ${MAX_QUESTIONS_PER_UNIT} additional questions per unit.`,
        ),
      );
    }
    const [row] = await tx
      .insert(surveyQuestions)
      .values({
        agencyId: unit.agencyId,
        unitId: unit.id,
        position: Number(next),
        textId: input.textId.trim(),
        textEn: input.textEn.trim(),
        kind: input.kind,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, {
      actor,
      role,
      action: 'surveys.question.add',
      entityType: 'surveys_question',
      entityId: row!.id,
      agencyId: unit.agencyId,
      unitId: unit.id,
      after: row,
      at: now,
    });
    return row!;
  });
}

export async function updateQuestion(
  ctx: AppContext,
  actor: Actor,
  questionId: string,
  patch: Partial<QuestionInput> & { active?: boolean },
) {
  const [existing] = await ctx.db.select().from(surveyQuestions).where(eq(surveyQuestions.id, questionId)).limit(1);
  if (!existing) throw notFound(text('Pertanyaan tidak ditemukan.', 'Question not found.'));
  const unit = await loadUnit(ctx.db, existing.unitId);
  const role = assertCanManageUnit(actor, unit);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(surveyQuestions)
      .set({
        ...(patch.textId !== undefined ? { textId: patch.textId.trim() } : {}),
        ...(patch.textEn !== undefined ? { textEn: patch.textEn.trim() } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
      })
      .where(and(eq(surveyQuestions.id, questionId)))
      .returning();
    await recordAudit(tx, {
      actor,
      role,
      action: 'surveys.question.update',
      entityType: 'surveys_question',
      entityId: questionId,
      agencyId: unit.agencyId,
      unitId: unit.id,
      before: existing,
      after: row,
      at: now,
    });
    return row!;
  });
}

export async function listQuestions(ctx: AppContext, actor: Actor, unitId: string) {
  const unit = await loadUnit(ctx.db, unitId);
  assertCanManageUnit(actor, unit);
  return ctx.db
    .select()
    .from(surveyQuestions)
    .where(eq(surveyQuestions.unitId, unit.id))
    .orderBy(asc(surveyQuestions.position));
}
