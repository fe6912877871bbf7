// The official result of the satisfaction survey for a scope and period, as the annex of
// PermenPANRB 14/2017 lays it out: per element the total, NRR and weighted NRR; the IKM, the converted
// IKM and the mutu; the respondent profile; the minimum sample beside the number of responses; the
// lowest elements marked; and the follow-up plans of this period and the previous one.
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../core/db/client';
import { type Text, text } from '../../core/i18n/messages';
import { agencies, units } from '../../core/org/schema';
import { loadAgencyInfo } from './agency-info';
import {
  computeIkmFromAggregates,
  ELEMENT_KEYS,
  type ElementKey,
  getElement,
  type IkmAggregates,
  type MutuGrade,
  minimumSample,
  type WeightConvention,
  WEIGHTS,
} from './ikm';
import { activeQuestions } from './load-form';
import { type Period, shiftPeriod } from './periods';
import { PROFILE_COUNT_COLUMNS, PROFILE_DIMENSIONS, PROFILE_OPTIONS, type ProfileDimension } from './profile-columns';
import {
  countInvitations,
  queryQuestionStats,
  querySuggestions,
  queryTotals,
  type Scope,
  type Totals,
} from './query-totals';
import { type FollowUpStatus, surveyFollowUps, surveyPopulations } from './schema';

/** How many of the lowest elements a report marks for follow-up (ties with the last one included). */
export const LOWEST_MARKED = 3;

export interface ElementRow {
  key: ElementKey;
  order: number;
  name: Text;
  sum: number;
  count: number;
  nrr: string;
  weightedNrr: string;
  converted: string;
  mutu: MutuGrade;
  lowest: boolean;
}

export interface ReportResult {
  elements: ElementRow[];
  ikm: string;
  converted: string;
  mutu: { grade: MutuGrade; kinerja: Text };
}

export interface FollowUpView {
  id: string;
  periodKey: string;
  element: string;
  elementName: Text | null;
  action: string;
  owner: string;
  dueDate: string;
  status: FollowUpStatus;
}

export interface ProfileBreakdown {
  dimension: ProfileDimension;
  label: Text;
  rows: { code: string; label: Text; count: number }[];
  notGiven: number;
}

export interface SurveyReport {
  scope: { agency: { id: string; name: string }; unit: { id: string; name: string } | null; serviceId: string | null };
  period: { key: string; type: Period['type']; from: string; until: string; label: Text };
  weight: { convention: WeightConvention; fraction: string; label: Text };
  responses: number;
  result: ReportResult | null;
  sample: {
    population: number | null;
    populationSource: 'entered' | 'invitations';
    minimum: number | null;
    sufficient: boolean | null;
  };
  profile: ProfileBreakdown[];
  questions: { id: string; text: Text; kind: 'scale' | 'text'; answers: number; average: string | null }[];
  followUps: { current: FollowUpView[]; previous: { periodKey: string; label: Text; items: FollowUpView[] } };
  suggestions: string[];
}

export const PROFILE_LABELS: Record<ProfileDimension, Text> = {
  jenisKelamin: text('Jenis kelamin', 'Sex'),
  umur: text('Umur', 'Age'),
  pendidikan: text('Pendidikan', 'Education'),
  pekerjaan: text('Pekerjaan', 'Occupation'),
};

/** The IKM figures of totals, or null when there is no response. */
export function resultOf(totals: Totals, weight: WeightConvention): ReportResult | null {
  if (totals.responses === 0) return null;
  const aggregates = Object.fromEntries(
    ELEMENT_KEYS.map((k) => [k, { sum: totals.sums[k], count: totals.responses }]),
  ) as unknown as IkmAggregates;
  const r = computeIkmFromAggregates(aggregates, { weight });
  // Mark the LOWEST_MARKED lowest NRR (exact values), ties with the last marked one included.
  const sorted = [...r.elements].sort((a, b) => a.nrr.value.comparedTo(b.nrr.value));
  const threshold = sorted[Math.min(LOWEST_MARKED, sorted.length) - 1]!.nrr.value;
  return {
    elements: r.elements.map((e) => ({
      key: e.key,
      order: getElement(e.key).order,
      name: e.name,
      sum: e.sum,
      count: e.count,
      nrr: e.nrr.text,
      weightedNrr: e.weightedNrr.text,
      converted: e.converted.text,
      mutu: e.mutu.grade,
      lowest: e.nrr.value.lte(threshold),
    })),
    ikm: r.ikm.text,
    converted: r.converted.text,
    mutu: { grade: r.mutu.grade, kinerja: r.mutu.kinerja },
  };
}

export function profileOf(totals: Totals): ProfileBreakdown[] {
  return PROFILE_DIMENSIONS.map((dimension) => {
    const rows = PROFILE_OPTIONS[dimension].map((o) => ({
      code: o.code,
      label: o.label,
      count: totals.profile[PROFILE_COUNT_COLUMNS[dimension][o.code]!] ?? 0,
    }));
    const given = rows.reduce((n, r) => n + r.count, 0);
    return { dimension, label: PROFILE_LABELS[dimension], rows, notGiven: totals.responses - given };
  });
}

async function followUpsOf(q: Queryable, unitId: string, periodKey: string): Promise<FollowUpView[]> {
  const rows = await q
    .select()
    .from(surveyFollowUps)
    .where(and(eq(surveyFollowUps.unitId, unitId), eq(surveyFollowUps.periodKey, periodKey)))
    .orderBy(asc(surveyFollowUps.dueDate), asc(surveyFollowUps.createdAt));
  return rows.map((r) => ({
    id: r.id,
    periodKey: r.periodKey,
    element: r.element,
    elementName: (ELEMENT_KEYS as readonly string[]).includes(r.element)
      ? getElement(r.element as ElementKey).name
      : null,
    action: r.action,
    owner: r.owner,
    dueDate: r.dueDate,
    status: r.status,
  }));
}

async function populationOf(
  q: Queryable,
  scope: Scope,
  period: Period,
): Promise<{ population: number; source: 'entered' | 'invitations' }> {
  if (scope.unitId && !scope.serviceId) {
    const [entered] = await q
      .select({ population: surveyPopulations.population })
      .from(surveyPopulations)
      .where(and(eq(surveyPopulations.unitId, scope.unitId), eq(surveyPopulations.periodKey, period.key)))
      .limit(1);
    if (entered) return { population: entered.population, source: 'entered' };
  }
  return { population: await countInvitations(q, scope, period.from, period.to), source: 'invitations' };
}

const lastDay = (to: string) => new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export async function buildReport(
  q: Queryable,
  scope: Scope,
  period: Period,
  opts: { weight?: WeightConvention } = {},
): Promise<SurveyReport> {
  const agency = await loadAgencyInfo(q, scope.agencyId);
  const weight = opts.weight ?? agency.weight;
  const [totals, population, unitRow] = [
    await queryTotals(q, scope, period.from, period.to),
    await populationOf(q, scope, period),
    scope.unitId
      ? (await q.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, scope.unitId)).limit(1))[0]
      : undefined,
  ];
  const minimum = population.population > 0 ? minimumSample(population.population) : null;
  const previous = shiftPeriod(period, -1);
  const questions = scope.unitId ? await activeQuestions(q, scope.unitId) : [];
  const stats = scope.unitId ? await queryQuestionStats(q, scope.unitId, period.from, period.to) : [];
  const w = WEIGHTS[weight];
  return {
    scope: {
      agency: { id: agency.id, name: agency.name },
      unit: unitRow ? { id: unitRow.id, name: unitRow.name } : null,
      serviceId: scope.serviceId,
    },
    period: { key: period.key, type: period.type, from: period.from, until: lastDay(period.to), label: period.label },
    weight: { convention: weight, fraction: w.fraction, label: w.label },
    responses: totals.responses,
    result: resultOf(totals, weight),
    sample: {
      population: population.population,
      populationSource: population.source,
      minimum,
      sufficient: minimum === null ? null : totals.responses >= minimum,
    },
    profile: profileOf(totals),
    questions: questions.map((question) => {
      const s = stats.find((x) => x.questionId === question.id);
      const answers = s?.answers ?? 0;
      return {
        id: question.id,
        text: question.text,
        kind: question.kind,
        answers,
        average: question.kind === 'scale' && answers > 0 ? (s!.sum / answers).toFixed(2) : null,
      };
    }),
    followUps: {
      current: scope.unitId ? await followUpsOf(q, scope.unitId, period.key) : [],
      previous: {
        periodKey: previous.key,
        label: previous.label,
        items: scope.unitId ? await followUpsOf(q, scope.unitId, previous.key) : [],
      },
    },
    suggestions: await querySuggestions(q, scope, period.from, period.to, 20),
  };
}

/** The agency's name, for titles. */
export async function agencyName(q: Queryable, agencyId: string): Promise<string | null> {
  const [row] = await q.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId)).limit(1);
  return row?.name ?? null;
}
