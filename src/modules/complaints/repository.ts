// The data layer of complaints, one read function per audience. Each selects only the columns its
// audience may see, so a handler cannot leak a field by forgetting a check:
//   - trackingView  anyone with the code: status and the public timeline, nothing written by the reporter
//   - publicView    the public feed and open data: non-rahasia reports only, never any identity
//   - reporterView  the reporter (secret link or own account): the report and the reporter-visible timeline
//   - officerView   handling staff: everything but the identity of anonim reporters; identity of others
//                   decrypted here only
// The reporter's e-mail for notifications is read by notify-reporter.ts (worker side) and nowhere else.
import { type SQL, and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Config } from '../../config';
import type { Database, Queryable } from '../../core/db/client';
import { Batcher } from '../../core/db/batcher';
import { preparedQuery } from '../../core/db/prepared-query';
import { agencies, regions, units } from '../../core/org/schema';
import { decryptIdentity, type ReporterIdentity } from './identity-crypto';
import { categories, complaints, events, type EventVisibility } from './schema';
import type { CloseHow, ComplaintKind, ComplaintStatus, Source, Tier, Visibility } from './states';

export type ComplaintRow = typeof complaints.$inferSelect;

const handlingAgency = alias(agencies, 'handling_agency');

/** Columns any member of the public may see of a non-rahasia report. */
const publicColumns = {
  code: complaints.code,
  kind: complaints.kind,
  title: complaints.title,
  description: complaints.description,
  categoryName: categories.nameId,
  categoryNameEn: categories.nameEn,
  regionCode: complaints.regionCode,
  regionName: regions.name,
  status: complaints.status,
  closeHow: complaints.closeHow,
  agencyName: handlingAgency.name,
  unitName: units.name,
  receivedAt: complaints.receivedAt,
  closedAt: complaints.closedAt,
};

export interface PublicComplaint {
  code: string;
  kind: ComplaintKind;
  title: string;
  description: string;
  categoryName: string | null;
  categoryNameEn: string | null;
  regionCode: string;
  regionName: string | null;
  status: ComplaintStatus;
  closeHow: CloseHow | null;
  agencyName: string;
  unitName: string | null;
  receivedAt: Date;
  closedAt: Date | null;
}

/** Only reports the reporter did not make rahasia, and never merged duplicates or archived spam. */
export const publiclyVisible = and(
  ne(complaints.visibility, 'rahasia'),
  inArray(complaints.status, [
    'diterima',
    'diverifikasi',
    'didisposisikan',
    'ditindaklanjuti',
    'selesai_ditindaklanjuti',
    'ditutup',
    'menunggu_kelengkapan',
    'ditunda',
  ]),
)!;

export function publicView(q: Queryable, where: SQL | undefined) {
  return q
    .select(publicColumns)
    .from(complaints)
    .innerJoin(handlingAgency, eq(handlingAgency.id, complaints.agencyId))
    .leftJoin(categories, eq(categories.id, complaints.categoryId))
    .leftJoin(regions, eq(regions.code, complaints.regionCode))
    .leftJoin(units, eq(units.id, complaints.unitId))
    .where(where ? and(publiclyVisible, where) : publiclyVisible)
    .$dynamic();
}

export interface TimelineEntry {
  at: Date;
  kind: string;
  status: ComplaintStatus | null;
  unitName: string | null;
  body: string | null;
  author: 'reporter' | 'staff' | 'system';
  visibility: EventVisibility;
  meta: Record<string, unknown> | null;
}

/**
 * Timeline entries up to a visibility level: reporter (public and reporter entries) or internal (all).
 * The public timeline, without free text, is read by trackingView.
 */
export async function timeline(
  q: Queryable,
  complaintId: string,
  upTo: Exclude<EventVisibility, 'public'>,
): Promise<TimelineEntry[]> {
  const levels: EventVisibility[] = upTo === 'reporter' ? ['public', 'reporter'] : ['public', 'reporter', 'internal'];
  const rows = await q
    .select({
      at: events.at,
      kind: events.kind,
      status: events.toStatus,
      unitName: units.name,
      body: events.body,
      author: events.actorKind,
      visibility: events.visibility,
      meta: events.meta,
    })
    .from(events)
    .leftJoin(units, eq(units.id, events.unitId))
    .where(and(eq(events.complaintId, complaintId), inArray(events.visibility, levels)))
    .orderBy(asc(events.at), asc(events.id));
  return rows.map((r) => ({
    ...r,
    status: r.status as ComplaintStatus | null,
    author: r.author as TimelineEntry['author'],
  }));
}

// One prepared statement for every tracking code asked for together (core/db/batcher.ts), the public
// timeline as JSON inside each row: one round trip and no planning per batch, for the busiest public
// read. The timeline carries no free text: replies and reasons are for the reporter.
type TrackingRow = {
  code: string;
  kind: ComplaintKind;
  status: ComplaintStatus;
  closeHow: CloseHow | null;
  receivedAt: Date;
  timeline: {
    at: string;
    kind: string;
    status: string | null;
    unitName: string | null;
    author: string;
    meta: unknown;
  }[];
};
const trackingQuery = preparedQuery<TrackingRow>(
  'complaints_tracking_view',
  `select c.code, c.kind, c.status, c.close_how as "closeHow", c.received_at as "receivedAt",
     coalesce((
       select json_agg(json_build_object(
           'at', e.at, 'kind', e.kind, 'status', e.to_status, 'unitName', u.name, 'author', e.actor_kind,
           'meta', case when e.kind = 'status' then e.meta end)
         order by e.at, e.id)
       from complaints_events e left join core_units u on u.id = e.unit_id
       where e.complaint_id = c.id and e.visibility = 'public'), '[]'::json) as timeline
   from complaints c where c.code = any(array(select json_array_elements_text($1::json)))`,
);

const trackingBatchers = new WeakMap<Database, Batcher<string, TrackingRow | null>>();

function trackingBatcher(database: Database): Batcher<string, TrackingRow | null> {
  let batcher = trackingBatchers.get(database);
  if (!batcher) {
    batcher = new Batcher({
      maxBatch: 100,
      // PGlite has one session. On PostgreSQL two batches overlap (measured: 1, 4 or 8 are no better).
      maxConcurrent: database.pool ? 2 : 1,
      // Never hold a read back for stragglers (measured: waiting 1-3 ms lowers throughput, on PGlite by a third).
      maxSettleWaits: 0,
      run: async (codes) => {
        const rows = await trackingQuery(database, [JSON.stringify([...new Set(codes)])]);
        const byCode = new Map(rows.map((r) => [r.code, r]));
        return codes.map((code) => ({ ok: true, value: byCode.get(code) ?? null }));
      },
    });
    trackingBatchers.set(database, batcher);
  }
  return batcher;
}

/** What anyone holding the code sees: no title, no text, no identity (works for rahasia reports too). */
export async function trackingView(database: Database, code: string) {
  const row = await trackingBatcher(database).submit(code);
  if (!row) return null;
  const timeline: TimelineEntry[] = row.timeline.map((e) => ({
    at: new Date(e.at),
    kind: e.kind,
    status: e.status as ComplaintStatus | null,
    unitName: e.unitName,
    body: null,
    author: e.author as TimelineEntry['author'],
    visibility: 'public',
    meta: e.meta as Record<string, unknown> | null,
  }));
  return { ...row, timeline };
}

const reporterColumns = {
  id: complaints.id,
  code: complaints.code,
  kind: complaints.kind,
  title: complaints.title,
  description: complaints.description,
  categoryId: complaints.categoryId,
  categoryName: categories.nameId,
  categoryNameEn: categories.nameEn,
  regionCode: complaints.regionCode,
  regionName: regions.name,
  lat: complaints.lat,
  lon: complaints.lon,
  incidentDate: complaints.incidentDate,
  visibility: complaints.visibility,
  source: complaints.source,
  status: complaints.status,
  closeHow: complaints.closeHow,
  agencyName: handlingAgency.name,
  unitName: units.name,
  receivedAt: complaints.receivedAt,
  closedAt: complaints.closedAt,
  dueAt: complaints.dueAt,
  ratingScore: complaints.ratingScore,
  ratingComment: complaints.ratingComment,
  secretHash: complaints.secretHash,
  reporterUserId: complaints.reporterUserId,
};

/** The report as its reporter sees it; the caller proves ownership with `secretHash` or `reporterUserId`. */
export async function reporterView(q: Queryable, code: string, owner: { secretHash: string } | { userId: string }) {
  const [row] = await q
    .select(reporterColumns)
    .from(complaints)
    .innerJoin(handlingAgency, eq(handlingAgency.id, complaints.agencyId))
    .leftJoin(categories, eq(categories.id, complaints.categoryId))
    .leftJoin(regions, eq(regions.code, complaints.regionCode))
    .leftJoin(units, eq(units.id, complaints.unitId))
    .where(
      and(
        eq(complaints.code, code),
        'secretHash' in owner
          ? eq(complaints.secretHash, owner.secretHash)
          : eq(complaints.reporterUserId, owner.userId),
      ),
    )
    .limit(1);
  if (!row) return null;
  const { secretHash: _s, reporterUserId: _u, ...rest } = row;
  return { ...rest, timeline: await timeline(q, row.id, 'reporter') };
}

/** Staff list columns (inbox, export): never any identity, of any reporter. */
export const officerListColumns = {
  id: complaints.id,
  code: complaints.code,
  agencyId: complaints.agencyId,
  kind: complaints.kind,
  title: complaints.title,
  categoryId: complaints.categoryId,
  categoryName: categories.nameId,
  tier: complaints.tier,
  emergency: complaints.emergency,
  regionCode: complaints.regionCode,
  regionName: regions.name,
  visibility: complaints.visibility,
  source: complaints.source,
  status: complaints.status,
  closeHow: complaints.closeHow,
  unitId: complaints.unitId,
  unitName: units.name,
  receivedAt: complaints.receivedAt,
  dueAt: complaints.dueAt,
  closedAt: complaints.closedAt,
};

export function officerList(q: Queryable) {
  return q
    .select(officerListColumns)
    .from(complaints)
    .leftJoin(categories, eq(categories.id, complaints.categoryId))
    .leftJoin(regions, eq(regions.code, complaints.regionCode))
    .leftJoin(units, eq(units.id, complaints.unitId))
    .$dynamic();
}

const mergedInto = alias(complaints, 'merged_into');

const officerColumns = {
  ...officerListColumns,
  intakeAgencyId: complaints.intakeAgencyId,
  agencyName: handlingAgency.name,
  description: complaints.description,
  supportUnitIds: complaints.supportUnitIds,
  lat: complaints.lat,
  lon: complaints.lon,
  incidentDate: complaints.incidentDate,
  reason: complaints.reason,
  mergedIntoCode: mergedInto.code,
  verifyDueAt: complaints.verifyDueAt,
  planDueAt: complaints.planDueAt,
  resolutionDueAt: complaints.resolutionDueAt,
  autoCloseAt: complaints.autoCloseAt,
  ratingScore: complaints.ratingScore,
  ratingComment: complaints.ratingComment,
  // The one place identity is read for people: sealed, and only when the reporter did not choose anonim.
  identitySealed: sql<
    string | null
  >`case when ${complaints.visibility} <> 'anonim' then ${complaints.reporterIdentityEnc} end`,
};

export interface OfficerComplaint {
  id: string;
  code: string;
  agencyId: string;
  intakeAgencyId: string;
  agencyName: string;
  kind: ComplaintKind;
  title: string;
  description: string;
  categoryId: string | null;
  categoryName: string | null;
  tier: Tier;
  emergency: boolean;
  regionCode: string;
  regionName: string | null;
  visibility: Visibility;
  source: Source;
  status: ComplaintStatus;
  closeHow: CloseHow | null;
  unitId: string | null;
  unitName: string | null;
  supportUnitIds: string[];
  lat: number | null;
  lon: number | null;
  incidentDate: string | null;
  reason: string | null;
  mergedIntoCode: string | null;
  receivedAt: Date;
  dueAt: Date | null;
  verifyDueAt: Date | null;
  planDueAt: Date | null;
  resolutionDueAt: Date | null;
  autoCloseAt: Date | null;
  closedAt: Date | null;
  ratingScore: number | null;
  ratingComment: string | null;
  /** null for anonim reporters, always. */
  reporter: ReporterIdentity | null;
}

export async function officerView(
  q: Queryable,
  config: Pick<Config, 'dataDir'>,
  id: string,
): Promise<OfficerComplaint | null> {
  const [row] = await q
    .select(officerColumns)
    .from(complaints)
    .innerJoin(handlingAgency, eq(handlingAgency.id, complaints.agencyId))
    .leftJoin(categories, eq(categories.id, complaints.categoryId))
    .leftJoin(regions, eq(regions.code, complaints.regionCode))
    .leftJoin(units, eq(units.id, complaints.unitId))
    .leftJoin(mergedInto, eq(mergedInto.id, complaints.mergedIntoId))
    .where(eq(complaints.id, id))
    .limit(1);
  if (!row) return null;
  const { identitySealed, ...rest } = row;
  const reporter = identitySealed ? decryptIdentity(config, row.id, identitySealed) : null;
  return { ...rest, reporter };
}

/** The full row, for use cases that change it (locked for the transaction). Never returned by a route. */
export async function lockComplaint(q: Queryable, id: string): Promise<ComplaintRow | null> {
  const [row] = await q.select().from(complaints).where(eq(complaints.id, id)).for('update').limit(1);
  return row ? reviveClock(row) : null;
}

export async function lockComplaintByCode(q: Queryable, code: string): Promise<ComplaintRow | null> {
  const [row] = await q.select().from(complaints).where(eq(complaints.code, code)).for('update').limit(1);
  return row ? reviveClock(row) : null;
}

/** jsonb gives the clock events' instants back as strings. */
function reviveClock(row: ComplaintRow): ComplaintRow {
  return { ...row, clockEvents: (row.clockEvents ?? []).map((e) => ({ kind: e.kind, at: new Date(e.at) })) };
}
