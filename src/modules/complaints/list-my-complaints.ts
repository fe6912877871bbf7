// A signed-in citizen's own reports (filed while signed in), newest first.
import { count, desc, eq } from 'drizzle-orm';
import type { AppContext } from '../../core/context';
import { complaints } from './schema';

export async function listMyComplaints(ctx: AppContext, userId: string, page: number) {
  const pageSize = 20;
  const [{ total } = { total: 0 }] = await ctx.db
    .select({ total: count() })
    .from(complaints)
    .where(eq(complaints.reporterUserId, userId));
  const items = await ctx.db
    .select({
      code: complaints.code,
      kind: complaints.kind,
      title: complaints.title,
      status: complaints.status,
      receivedAt: complaints.receivedAt,
      closedAt: complaints.closedAt,
    })
    .from(complaints)
    .where(eq(complaints.reporterUserId, userId))
    .orderBy(desc(complaints.receivedAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items, page, pageSize, total: Number(total) };
}
