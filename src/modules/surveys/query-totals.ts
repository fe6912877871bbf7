// SQL that aggregates survey figures for a scope (agency, unit subtree, service) and a range of days.
// Element sums, response counts and profile counts come from the per-day roll-up surveys_totals, so a
// report reads at most one row per unit, service and day whatever the number of responses.
import { type SQL, and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db/client';
import { unitWithinSql } from '../../core/org/unit-tree';
import { ELEMENT_KEYS, type ElementKey } from './ikm';
import { ALL_PROFILE_COUNT_COLUMNS } from './profile-columns';
import { surveyInvitations, surveyResponses, surveyTotals } from './schema';

export interface Scope {
  agencyId: string;
  /** The unit and every unit below it; null for the whole agency. */
  unitId: string | null;
  serviceId: string | null;
}

export interface Totals {
  responses: number;
  sums: Record<ElementKey, number>;
  /** Profile counts by surveys_totals column name. */
  profile: Record<string, number>;
}

function totalsWhere(scope: Scope, from: string, to: string): SQL {
  const parts: SQL[] = [
    eq(surveyTotals.agencyId, scope.agencyId),
    gte(surveyTotals.submittedOn, from),
    lt(surveyTotals.submittedOn, to),
  ];
  if (scope.unitId) parts.push(unitWithinSql(surveyTotals.unitId, scope.unitId));
  if (scope.serviceId) parts.push(eq(surveyTotals.serviceKey, scope.serviceId));
  return and(...parts) as SQL;
}

const totalColumns = sql.raw(
  [
    'coalesce(sum(n), 0)::bigint as n',
    ...ELEMENT_KEYS.map((_, i) => `coalesce(sum(s${i + 1}), 0)::bigint as s${i + 1}`),
    ...ALL_PROFILE_COUNT_COLUMNS.map((c) => `coalesce(sum(${c}), 0)::bigint as ${c}`),
  ].join(', '),
);

function toTotals(row: Record<string, unknown> | undefined): Totals {
  const num = (k: string) => Number(row?.[k] ?? 0);
  return {
    responses: num('n'),
    sums: Object.fromEntries(ELEMENT_KEYS.map((k, i) => [k, num(`s${i + 1}`)])) as Record<ElementKey, number>,
    profile: Object.fromEntries(ALL_PROFILE_COUNT_COLUMNS.map((c) => [c, num(c)])),
  };
}

export async function queryTotals(q: Queryable, scope: Scope, from: string, to: string): Promise<Totals> {
  const rows = await q.execute<Record<string, unknown>>(
    sql`select ${totalColumns} from ${surveyTotals} where ${totalsWhere(scope, from, to)}`,
  );
  return toTotals(rows.rows[0]);
}

/** Totals per calendar month ('YYYY-MM') of the range; months without responses are absent. */
export async function queryMonthlyTotals(
  q: Queryable,
  scope: Scope,
  from: string,
  to: string,
): Promise<Map<string, Totals>> {
  const rows = await q.execute<Record<string, unknown>>(
    sql`select to_char(${surveyTotals.submittedOn}, 'YYYY-MM') as month, ${totalColumns}
        from ${surveyTotals} where ${totalsWhere(scope, from, to)}
        group by 1 order by 1`,
  );
  return new Map(rows.rows.map((r) => [String(r.month), toTotals(r)]));
}

/** Finished transactions (invitations created) in the scope and range: the population served. */
export async function countInvitations(q: Queryable, scope: Scope, from: string, to: string): Promise<number> {
  const parts: SQL[] = [
    eq(surveyInvitations.agencyId, scope.agencyId),
    gte(surveyInvitations.finishedOn, from),
    lt(surveyInvitations.finishedOn, to),
  ];
  if (scope.unitId) parts.push(unitWithinSql(surveyInvitations.unitId, scope.unitId));
  if (scope.serviceId) parts.push(eq(surveyInvitations.serviceId, scope.serviceId));
  const rows = await q.execute<{ n: number }>(
    sql`select count(*)::int as n from ${surveyInvitations} where ${and(...parts)}`,
  );
  return Number(rows.rows[0]?.n ?? 0);
}

export interface QuestionStat {
  questionId: string;
  answers: number;
  /** Sum of the 1..4 answers of a scale question; 0 for text questions. */
  sum: number;
}

/** Answer counts of a unit's own questions (only the unit itself: the questions are its own). */
export async function queryQuestionStats(
  q: Queryable,
  unitId: string,
  from: string,
  to: string,
): Promise<QuestionStat[]> {
  const rows = await q.execute<{ question_id: string; answers: number; sum: number }>(sql`
    select e.key as question_id, count(*)::int as answers,
           coalesce(sum(case when jsonb_typeof(e.value) = 'number' then (e.value #>> '{}')::int else 0 end), 0)::int as sum
    from ${surveyResponses} r cross join lateral jsonb_each(r.extra) e
    where r.unit_id = ${unitId} and r.submitted_on >= ${from} and r.submitted_on < ${to} and r.extra is not null
    group by e.key`);
  return rows.rows.map((r) => ({ questionId: r.question_id, answers: Number(r.answers), sum: Number(r.sum) }));
}

/** The newest suggestions in the scope and range, text only (no date, no channel: nothing to trace). */
export async function querySuggestions(
  q: Queryable,
  scope: Scope,
  from: string,
  to: string,
  limit: number,
): Promise<string[]> {
  const parts: SQL[] = [
    eq(surveyResponses.agencyId, scope.agencyId),
    gte(surveyResponses.submittedOn, from),
    lt(surveyResponses.submittedOn, to),
    sql`${surveyResponses.suggestion} is not null`,
  ];
  if (scope.unitId) parts.push(unitWithinSql(surveyResponses.unitId, scope.unitId));
  if (scope.serviceId) parts.push(eq(surveyResponses.serviceId, scope.serviceId));
  const rows = await q.execute<{ suggestion: string }>(
    sql`select suggestion from ${surveyResponses} where ${and(...parts)} order by id desc limit ${limit}`,
  );
  return rows.rows.map((r) => r.suggestion);
}
