// Possible duplicates: open reports in the same region and category whose text is similar (pg_trgm).
// The public version (shown to a reporter before submitting) returns only public-safe fields and never a
// rahasia report; officers get ids to merge.
import { type SQL, and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db/client';
import { complaints } from './schema';
import { OPEN_STATUSES } from './states';

export const SIMILARITY_THRESHOLD = 0.3;

export interface SimilarQuery {
  regionCode: string;
  categoryId?: string | null;
  text: string;
  excludeId?: string;
  limit?: number;
}

function similarity(text: string) {
  return sql<number>`greatest(similarity(${complaints.title}, ${text}), word_similarity(${text}, ${complaints.title} || ' ' || ${complaints.description}))`;
}

function conditions(qy: SimilarQuery): SQL[] {
  const w: SQL[] = [
    eq(complaints.regionCode, qy.regionCode),
    inArray(complaints.status, OPEN_STATUSES),
    sql`${similarity(qy.text)} >= ${SIMILARITY_THRESHOLD}`,
  ];
  if (qy.categoryId) w.push(eq(complaints.categoryId, qy.categoryId));
  if (qy.excludeId) w.push(ne(complaints.id, qy.excludeId));
  return w;
}

export async function findSimilarPublic(q: Queryable, qy: SimilarQuery) {
  const score = similarity(qy.text);
  return q
    .select({
      code: complaints.code,
      title: complaints.title,
      status: complaints.status,
      receivedAt: complaints.receivedAt,
    })
    .from(complaints)
    .where(and(...conditions(qy), ne(complaints.visibility, 'rahasia')))
    .orderBy(desc(score))
    .limit(qy.limit ?? 5);
}

export async function findSimilarForOfficer(q: Queryable, qy: SimilarQuery & { agencyId: string }) {
  const score = similarity(qy.text);
  return q
    .select({
      id: complaints.id,
      code: complaints.code,
      title: complaints.title,
      status: complaints.status,
      receivedAt: complaints.receivedAt,
      score,
    })
    .from(complaints)
    .where(and(...conditions(qy), eq(complaints.agencyId, qy.agencyId)))
    .orderBy(desc(score))
    .limit(qy.limit ?? 5);
}
