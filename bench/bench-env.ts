// What a benchmark file receives: a prepared (migrated, demo-seeded) database on one backend.
import type { AppContext } from '../src/core/context';

export interface BenchEnv {
  kind: 'pglite' | 'postgres';
  ctx: AppContext;
  /** PostgreSQL only: the URL of this run's database, for a second process or pool. */
  databaseUrl?: string;
  print(line: string): void;
}

/** A bench file (bench/<name>.bench.ts) default-exports one of these. */
export interface BenchModule {
  default(env: BenchEnv): Promise<void>;
}

/** p-th percentile (0..100) of a list of durations in ms. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
