// Appends one entry to the ledger inside the caller's transaction, so the entry and the change it
// records commit together or not at all. A transaction-scoped advisory lock serialises appenders.
// chainAuditRows prepares a batch under one lock, chained in order, as if appended one by one.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor, Role } from '../auth/roles';
import type { Queryable } from '../db/client';
import { insertJsonRows, insertJsonSql } from '../db/insert-json-rows';
import { executePrepared } from '../db/prepared-query';
import { auditEntries } from './schema';

export interface AuditInput {
  actor: Actor | { kind: 'system'; name: string };
  /** The role the actor acted in, where it matters (e.g. 'operator_unit'). */
  role?: Role | null;
  action: string;
  entityType: string;
  entityId: string;
  agencyId?: string | null;
  unitId?: string | null;
  before?: unknown;
  after?: unknown;
  meta?: Record<string, unknown>;
  at: Date;
}

const LEDGER_LOCK = 7_250_001;
export const GENESIS_HASH = '0'.repeat(64);

/** Canonical JSON (sorted keys) so a digest does not depend on key order. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

export const sha256Hex = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
export const digestOf = (v: unknown) => (v === undefined ? null : sha256Hex(canonicalJson(v)));

export type AuditRow = typeof auditEntries.$inferSelect;

/** The bytes an entry's hash covers: every column but the hash itself, in a fixed order. */
export function entryPayload(r: Omit<AuditRow, 'hash'>): string {
  return canonicalJson({
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorKind: r.actorKind,
    actorRole: r.actorRole,
    agencyId: r.agencyId,
    unitId: r.unitId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    beforeDigest: r.beforeDigest,
    afterDigest: r.afterDigest,
    meta: r.meta,
    prevHash: r.prevHash,
  });
}

export const entryHash = (r: Omit<AuditRow, 'hash'>) => sha256Hex(entryPayload(r));

export async function recordAudit(q: Queryable, input: AuditInput): Promise<AuditRow> {
  const [row] = await chainAuditRows(q, [input]);
  await insertJsonRows(q, auditEntries, [row!]);
  return row!;
}

/**
 * Takes the ledger's lock and computes the next entries, chained to the last one: the caller inserts
 * them (auditInsertSql) in the same transaction, e.g. in one statement with its own rows.
 */
export async function chainAuditRows(q: Queryable, inputs: readonly AuditInput[]): Promise<AuditRow[]> {
  if (inputs.length === 0) return [];
  // The lock and the last entry in one round trip (migration 0003: a fresh snapshot after the lock).
  const tail = await executePrepared<{ seq: string | number | null; hash: string | null }>(
    q,
    sql`select seq, hash from core_audit_ledger_tail(${LEDGER_LOCK})`,
  );
  const last = tail.rows[0];
  let seq = last?.seq == null ? 0 : Number(last.seq);
  let prevHash = last?.hash ?? GENESIS_HASH;
  return inputs.map((input) => {
    const a = input.actor;
    const row: Omit<AuditRow, 'hash'> = {
      seq: ++seq,
      // Millisecond precision: what PostgreSQL stores is what the hash covers.
      at: new Date(Math.floor(input.at.getTime())),
      actorId: a.kind === 'staff' || a.kind === 'citizen' ? a.userId : null,
      actorKind: a.kind === 'system' ? `system:${a.name}` : a.kind,
      actorRole: input.role ?? null,
      agencyId: input.agencyId ?? null,
      unitId: input.unitId ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      beforeDigest: digestOf(input.before),
      afterDigest: digestOf(input.after),
      meta: input.meta ?? null,
      prevHash,
    };
    const full = { ...row, hash: entryHash(row) };
    prevHash = full.hash;
    return full;
  });
}

/** The insert of rows from chainAuditRows, to run in the same transaction. */
export const auditInsertSql = (rows: readonly AuditRow[]) => insertJsonSql(auditEntries, rows);
