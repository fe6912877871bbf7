// A page of ledger entries (newest first), filtered by entity, within the reader's agency scope.
import { type SQL, and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import type { AuditScope } from './policy';
import type { AuditRow } from './record-audit';
import { auditEntries } from './schema';

export interface EntryView extends Omit<AuditRow, 'at'> {
  at: string;
}

export interface EntryFilter {
  entityType?: string;
  entityId?: string;
  page: number;
  pageSize: number;
}

export async function listEntries(
  ctx: AppContext,
  scope: AuditScope,
  f: EntryFilter,
): Promise<{ items: EntryView[]; page: number; pageSize: number; total: number }> {
  const where: SQL[] = [];
  if (!scope.all) where.push(inArray(auditEntries.agencyId, scope.agencyIds));
  if (f.entityType !== undefined) where.push(eq(auditEntries.entityType, f.entityType));
  if (f.entityId !== undefined) where.push(eq(auditEntries.entityId, f.entityId));
  const cond = where.length ? and(...where) : undefined;
  const rows = await ctx.db
    .select()
    .from(auditEntries)
    .where(cond)
    .orderBy(desc(auditEntries.seq))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditEntries).where(cond);
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString() })),
    page: f.page,
    pageSize: f.pageSize,
    total: Number(count?.n ?? 0),
  };
}
