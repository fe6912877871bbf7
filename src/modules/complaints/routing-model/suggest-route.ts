// The learned routing suggestion: a naive Bayes model per agency, trained from the agency's own disposed
// complaints (dispositions by staff and imported SP4N-LAPOR! history), cached in memory and retrained when
// it is older than 10 minutes or 20 new dispositions have arrived since.
import { and, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { AppContext } from '../../../core/context';
import type { Database } from '../../../core/db/client';
import { units } from '../../../core/org/schema';
import { complaints } from '../schema';
import { type Example, type Model, predict, train } from './naive-bayes';

export const RETRAIN_AFTER_MS = 10 * 60_000;
export const RETRAIN_AFTER_NEW = 20;
/** The most recent dispositions trained on. */
const MAX_EXAMPLES = 20_000;

interface Cached {
  model: Model;
  trainedAt: number;
  disposed: number;
}
const cache = new WeakMap<Database, Map<string, Cached>>();

export interface RouteSuggestion {
  unitId: string;
  unitName: string;
  /** Posterior probability, 0..1. */
  confidence: number;
}

const disposedWhere = (agencyId: string) =>
  and(eq(complaints.agencyId, agencyId), isNotNull(complaints.disposedAt), isNotNull(complaints.unitId));

async function disposedCount(ctx: AppContext, agencyId: string): Promise<number> {
  const [r] = await ctx.db.select({ n: count() }).from(complaints).where(disposedWhere(agencyId));
  return Number(r?.n ?? 0);
}

export async function trainAgencyModel(ctx: AppContext, agencyId: string): Promise<Model> {
  const rows = await ctx.db
    .select({
      title: complaints.title,
      description: complaints.description,
      categoryId: complaints.categoryId,
      regionCode: complaints.regionCode,
      unitId: complaints.unitId,
    })
    .from(complaints)
    .innerJoin(units, and(eq(units.id, complaints.unitId), eq(units.active, true)))
    .where(disposedWhere(agencyId))
    .orderBy(desc(complaints.receivedAt))
    .limit(MAX_EXAMPLES);
  return train(rows.map((r) => ({ x: r, label: r.unitId! })));
}

/** The agency's model, from the cache unless it is stale. */
export async function agencyModel(ctx: AppContext, agencyId: string): Promise<Model> {
  let perDb = cache.get(ctx.database);
  if (!perDb) {
    perDb = new Map();
    cache.set(ctx.database, perDb);
  }
  const now = ctx.clock.now().getTime();
  const disposed = await disposedCount(ctx, agencyId);
  const hit = perDb.get(agencyId);
  if (
    hit &&
    now - hit.trainedAt < RETRAIN_AFTER_MS &&
    now >= hit.trainedAt &&
    Math.abs(disposed - hit.disposed) < RETRAIN_AFTER_NEW
  ) {
    return hit.model;
  }
  const model = await trainAgencyModel(ctx, agencyId);
  perDb.set(agencyId, { model, trainedAt: now, disposed });
  return model;
}

/** The three most likely units for a report, best first, with the model's confidence. */
export async function suggestRoute(ctx: AppContext, agencyId: string, x: Example): Promise<RouteSuggestion[]> {
  const model = await agencyModel(ctx, agencyId);
  const ranked = predict(model, x, 3);
  if (ranked.length === 0) return [];
  const names = await ctx.db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(
      inArray(
        units.id,
        ranked.map((r) => r.label),
      ),
    );
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return ranked.map((r) => ({ unitId: r.label, unitName: nameOf.get(r.label) ?? '', confidence: r.confidence }));
}
