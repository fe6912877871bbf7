// Routing, "no wrong door": which agency and unit handle a complaint, whatever door it came through.
//   1. the intake agency's routing rules (category × region prefix → agency and unit), most specific first;
//   2. else the agency responsible for the region (core/org findResponsibleAgency): a report filed at one
//      agency's portal about another's region is forwarded there, and that agency's own rules apply;
//   3. else the handling agency's coordinating unit (the emergency lane: its on-duty unit).
// decideRoute is the decision over the intake lookups (one read per key per batch); rerouteComplaint is the admin's
// re-routing of a report returned as "bukan wewenang" or mis-routed.
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../core/context';
import type { Queryable } from '../../core/db/client';
import { badRequest, notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { agencies, units } from '../../core/org/schema';
import { getCalendar } from '../../core/calendar/get-calendar';
import { intakeDeadlines } from './deadlines';
import { type StaffActor, assertCoordinator } from './policy';
import { recordChange } from './record-change';
import { lockComplaint } from './repository';
import { type IntakeLookups, type RuleRow, createIntakeLookups } from './intake-lookups';
import { loadSettings } from './settings';

export interface RouteQuery {
  intakeAgencyId: string;
  categoryId: string | null;
  regionCode: string;
  emergency: boolean;
  /** Stay at the intake agency (an import of its own history): its own rules, else its coordinator. */
  keepAtIntakeAgency?: boolean;
}

export interface RouteDecision {
  agencyId: string;
  unitId: string | null;
  /** The category in the handling agency (mapped by code when forwarded), or null. */
  categoryId: string | null;
  forwarded: boolean;
  /** 'rule' | 'region' | 'coordinator' | 'on_duty' — why it went where it went. */
  reason: string;
  ruleId: string | null;
}

/**
 * The most specific active rule of an agency for a category and region: a rule naming the category before
 * one for any category, then the longest region prefix, then the oldest. A rule's prefix matches the
 * region itself or any region below it ('36.73' matches '36.73.01.1001', not '36.731').
 */
export function pickRule(rules: readonly RuleRow[], categoryId: string | null, regionCode: string): RuleRow | null {
  const matches = rules.filter(
    (r) =>
      (r.categoryId === null || r.categoryId === categoryId) &&
      (r.regionPrefix === null || r.regionPrefix === regionCode || regionCode.startsWith(`${r.regionPrefix}.`)),
  );
  matches.sort(
    (a, b) =>
      Number(b.categoryId !== null) - Number(a.categoryId !== null) ||
      (b.regionPrefix?.length ?? 0) - (a.regionPrefix?.length ?? 0) ||
      a.createdAt.getTime() - b.createdAt.getTime(),
  );
  return matches[0] ?? null;
}

const matchRule = async (l: IntakeLookups, agencyId: string, categoryId: string | null, regionCode: string) =>
  pickRule(await l.rules(agencyId), categoryId, regionCode);

/** The same category in another agency, matched by its code. */
async function mapCategory(l: IntakeLookups, categoryId: string | null, toAgencyId: string): Promise<string | null> {
  if (!categoryId) return null;
  const row = await l.category(categoryId);
  if (!row) return null;
  if (row.agencyId === toAgencyId) return row.id;
  return (await l.categoryByCode(toAgencyId, row.code))?.id ?? null;
}

/** Where a new report goes; `source` is a transaction (or the lookups of the caller's batch over one). */
export async function decideRoute(source: Queryable | IntakeLookups, input: RouteQuery): Promise<RouteDecision> {
  const l = 'rules' in source ? source : createIntakeLookups(source);
  const ownRules = (await l.rules(input.intakeAgencyId)).filter(
    (r) => !input.keepAtIntakeAgency || r.targetAgencyId === input.intakeAgencyId,
  );
  const own = pickRule(ownRules, input.categoryId, input.regionCode);
  if (own) {
    return {
      agencyId: own.targetAgencyId,
      unitId: own.targetUnitId,
      categoryId: await mapCategory(l, input.categoryId, own.targetAgencyId),
      forwarded: own.targetAgencyId !== input.intakeAgencyId,
      reason: 'rule',
      ruleId: own.id,
    };
  }
  const responsible = input.keepAtIntakeAgency ? null : await l.responsibleAgency(input.regionCode);
  const agencyId = responsible?.id ?? input.intakeAgencyId;
  const categoryId = await mapCategory(l, input.categoryId, agencyId);
  const forwarded = agencyId !== input.intakeAgencyId;
  if (forwarded) {
    const theirs = await matchRule(l, agencyId, categoryId, input.regionCode);
    if (theirs && theirs.targetAgencyId === agencyId) {
      return { agencyId, unitId: theirs.targetUnitId, categoryId, forwarded, reason: 'rule', ruleId: theirs.id };
    }
  }
  const settings = await l.settings(agencyId);
  if (input.emergency && settings.onDutyUnitId) {
    return { agencyId, unitId: settings.onDutyUnitId, categoryId, forwarded, reason: 'on_duty', ruleId: null };
  }
  return {
    agencyId,
    unitId: settings.coordinatingUnitId,
    categoryId,
    forwarded,
    reason: forwarded ? 'region' : 'coordinator',
    ruleId: null,
  };
}

export interface RerouteInput {
  /** Another agency (forward), or the same agency with a unit. */
  agencySlug?: string;
  unitId?: string | null;
  reason?: string;
}

/**
 * The coordinating admin sends a complaint to another agency (forward, with history) or to a unit of
 * its own agency. A forwarded report starts again at 'diterima' with the receiving agency's deadlines.
 */
export async function rerouteComplaint(ctx: AppContext, actor: StaffActor, complaintId: string, input: RerouteInput) {
  return ctx.db.transaction(async (tx) => {
    const before = await lockComplaint(tx, complaintId);
    if (!before) throw notFound(text('Laporan tidak ditemukan.', 'No such report.'));
    const role = assertCoordinator(actor, before.agencyId);
    let targetAgencyId = before.agencyId;
    if (input.agencySlug) {
      const [a] = await tx
        .select({ id: agencies.id })
        .from(agencies)
        .where(and(eq(agencies.slug, input.agencySlug), eq(agencies.active, true)))
        .limit(1);
      if (!a) throw badRequest('UNKNOWN_AGENCY', text('Instansi tujuan tidak ditemukan.', 'No such target agency.'));
      targetAgencyId = a.id;
    }
    let unitId: string | null = input.unitId ?? null;
    if (unitId) {
      const [u] = await tx
        .select({ agencyId: units.agencyId, active: units.active })
        .from(units)
        .where(eq(units.id, unitId))
        .limit(1);
      if (!u?.active || u.agencyId !== targetAgencyId) {
        throw badRequest(
          'UNKNOWN_UNIT',
          text('Unit tujuan tidak ditemukan di instansi itu.', 'No such unit in that agency.'),
        );
      }
    }
    const forwarded = targetAgencyId !== before.agencyId;
    if (!forwarded && !unitId)
      throw badRequest('NO_TARGET', text('Pilih instansi atau unit tujuan.', 'Choose a target agency or unit.'));
    if (['ditutup', 'diarsipkan', 'digabung'].includes(before.status)) {
      throw badRequest('NOT_OPEN', text('Laporan ini sudah tidak diproses.', 'This report is no longer open.'));
    }
    const now = ctx.clock.now();
    if (forwarded) {
      const settings = await loadSettings(tx, targetAgencyId);
      const cal = await getCalendar(tx, targetAgencyId);
      unitId ??= settings.coordinatingUnitId;
      const d = intakeDeadlines(cal, settings, now, before.emergency ? settings.emergencyHours : null);
      return recordChange(ctx, tx, before, {
        by: { kind: 'staff', actor, role },
        action: 'complaints.forward',
        skipTransitionCheck: true,
        patch: {
          agencyId: targetAgencyId,
          unitId,
          supportUnitIds: [],
          categoryId: await mapCategory(createIntakeLookups(tx), before.categoryId, targetAgencyId),
          status: 'diterima',
          verifyDueAt: d.verifyDueAt,
          dueAt: d.dueAt,
          planDueAt: null,
          resolutionDueAt: null,
          clockEvents: [],
          disposedAt: null,
        },
        timeline: [
          { kind: 'status', visibility: 'public' },
          {
            kind: 'forwarded',
            visibility: 'public',
            unitId,
            meta: { fromAgencyId: before.agencyId, toAgencyId: targetAgencyId },
          },
          ...(input.reason ? [{ kind: 'note', visibility: 'internal' as const, body: input.reason }] : []),
        ],
        meta: { fromAgencyId: before.agencyId, toAgencyId: targetAgencyId },
      });
    }
    return recordChange(ctx, tx, before, {
      by: { kind: 'staff', actor, role },
      action: 'complaints.reroute',
      patch: { unitId, supportUnitIds: [] },
      timeline: [{ kind: 'routed', visibility: 'internal', unitId, body: input.reason ?? null }],
      meta: { unitId },
    });
  });
}
