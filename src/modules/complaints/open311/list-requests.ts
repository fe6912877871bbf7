// Read side of Open311: service requests and their updates, public-safe fields only (never any identity;
// description and location only for reports the public may see, the rest show code, status and dates).
import { type SQL, and, asc, desc, eq, gte, inArray, lte, notInArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../../core/db/client';
import { agencies, regions } from '../../../core/org/schema';
import { publiclyVisible } from '../repository';
import { categories, complaints, events } from '../schema';
import { OPEN_STATUSES, STATUS_LABELS } from '../states';
import { publicPoint } from '../public-point';

export interface RequestFilter {
  agencyId: string;
  ids?: string[];
  serviceCode?: string;
  start?: Date;
  end?: Date;
  status?: 'open' | 'closed';
}

const LIMIT = 200;

export async function listRequests(q: Queryable, f: RequestFilter) {
  const conds: (SQL | undefined)[] = [
    or(eq(complaints.agencyId, f.agencyId), eq(complaints.intakeAgencyId, f.agencyId)),
  ];
  // By id a report is found whatever its visibility (its code is its token); a listing shows public ones only.
  if (f.ids) conds.push(inArray(complaints.code, f.ids));
  else conds.push(publiclyVisible);
  if (f.serviceCode) conds.push(eq(categories.code, f.serviceCode));
  if (f.start) conds.push(gte(complaints.receivedAt, f.start));
  if (f.end) conds.push(lte(complaints.receivedAt, f.end));
  if (f.status === 'open') conds.push(inArray(complaints.status, OPEN_STATUSES));
  if (f.status === 'closed') conds.push(notInArray(complaints.status, OPEN_STATUSES));
  const rows = await q
    .select({
      code: complaints.code,
      status: complaints.status,
      visibility: complaints.visibility,
      public: sql<boolean>`${publiclyVisible}`,
      description: complaints.description,
      serviceCode: categories.code,
      serviceName: categories.nameId,
      agencyName: agencies.name,
      receivedAt: complaints.receivedAt,
      updatedAt: complaints.updatedAt,
      dueAt: complaints.dueAt,
      regionCode: complaints.regionCode,
      regionName: regions.name,
      lat: complaints.lat,
      lon: complaints.lon,
    })
    .from(complaints)
    .leftJoin(categories, eq(categories.id, complaints.categoryId))
    .leftJoin(regions, eq(regions.code, complaints.regionCode))
    .innerJoin(agencies, eq(agencies.id, complaints.agencyId))
    .where(and(...conds))
    .orderBy(desc(complaints.receivedAt))
    .limit(LIMIT);
  return rows.map((r) => {
    const open = OPEN_STATUSES.includes(r.status);
    const shown = r.public === true || (r.public as unknown) === 't';
    const point = shown ? publicPoint(r.lat, r.lon) : null;
    return {
      service_request_id: r.code,
      status: open ? 'open' : 'closed',
      status_notes: STATUS_LABELS[r.status].id,
      service_name: r.serviceName,
      service_code: r.serviceCode,
      description: shown ? r.description : null,
      agency_responsible: r.agencyName,
      service_notice: null,
      requested_datetime: r.receivedAt,
      updated_datetime: r.updatedAt,
      // The working-day deadline of the current stage (null once nothing is due).
      expected_datetime: open ? r.dueAt : null,
      address: shown ? r.regionName : null,
      address_id: shown ? r.regionCode : null,
      zipcode: null,
      lat: point?.lat ?? null,
      long: point?.lon ?? null,
      media_url: null,
    };
  });
}

/** mySociety's servicerequestupdates: public timeline entries of the agency's reports in a period. */
export async function listUpdates(q: Queryable, f: { agencyId: string; start?: Date; end?: Date }) {
  const conds: (SQL | undefined)[] = [
    eq(events.agencyId, f.agencyId),
    eq(events.visibility, 'public'),
    sql`${events.toStatus} is not null`,
  ];
  if (f.start) conds.push(gte(events.at, f.start));
  if (f.end) conds.push(lte(events.at, f.end));
  const rows = await q
    .select({ id: events.id, code: complaints.code, toStatus: events.toStatus, at: events.at })
    .from(events)
    .innerJoin(complaints, eq(complaints.id, events.complaintId))
    .where(and(...conds))
    .orderBy(asc(events.at), asc(events.id))
    .limit(1000);
  return rows.map((r) => {
    const status = r.toStatus as keyof typeof STATUS_LABELS;
    return {
      update_id: String(r.id),
      service_request_id: r.code,
      status: OPEN_STATUSES.includes(status) ? 'open' : 'closed',
      updated_datetime: r.at,
      description: STATUS_LABELS[status]?.id ?? null,
      media_url: null,
    };
  });
}
