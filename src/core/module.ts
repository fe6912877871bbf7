// The shape of a feature module's manifest (src/modules/<name>/index.ts): its only public face.
import type { FastifyPluginAsync } from 'fastify';
import type { Queryable } from './db/client';
import type { AppContext } from './context';
import type { FileReference } from './files/sweep-unclaimed';

export interface SeedContext extends AppContext {
  /** Demo agency ids by slug and unit ids by `${agencySlug}/${unitName}`. */
  agencies: Map<string, string>;
  units: Map<string, string>;
}

/** Handles a domain event delivered through the outbox (at least once: be idempotent). */
export type EventHandler = (ctx: AppContext, payload: Record<string, unknown>, q: Queryable) => Promise<void>;

/** A figure a module offers to the command centre. */
export type StatProvider = (ctx: AppContext, q: { agencyId: string; from?: Date; to?: Date }) => Promise<unknown>;

export interface PamongModule {
  name: string;
  /** Registered under /api/v1; every route declares config.policy. */
  routes?: FastifyPluginAsync<{ ctx: AppContext }>;
  /** Extra routes registered at the root (e.g. /open311). */
  rootRoutes?: FastifyPluginAsync<{ ctx: AppContext }>;
  seedDemo?(ctx: SeedContext): Promise<void>;
  events?: Record<string, EventHandler>;
  stats?: Record<string, StatProvider>;
  /** Periodic background jobs, run by the server's worker loop. */
  jobs?: { name: string; everyMs: number; run(ctx: AppContext): Promise<void> }[];
  /** Columns holding the SHA-256 of a file in the store: the sweep keeps those files (core/files). */
  fileReferences?: FileReference[];
  /** Idempotent SQL run after migrations (triggers, grants). */
  postMigrationSql?: URL[];
}
