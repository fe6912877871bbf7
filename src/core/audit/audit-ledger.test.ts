// The ledger against a database-level attacker: real rows, triggers switched off as a table owner or
// superuser would, then `verifyLedger` must name what was done. Runs on PGlite and on PostgreSQL.
import { randomUUID } from 'node:crypto';
import { asc, eq, gt, sql } from 'drizzle-orm';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { Command } from 'commander';
import { createTestDatabase } from '../../../test/db';
import { TestClock } from '../../../test/app';
import { silentLogger } from '../../../test/logger';
import { loadConfig } from '../../config';
import { merkleRoot, leafHash } from '../../lib/merkle';
import type { AppContext } from '../context';
import type { Tx } from '../db/client';
import { checkpointSignatureValid, signCheckpoint } from './checkpoint-signature';
import { registerAuditCommands } from './cli';
import { LedgerTamperedError, createCheckpoint } from './create-checkpoint';
import { auditJobs } from './jobs';
import { loadLedgerKey } from './ledger-key';
import { type AuditRow, entryHash, recordAudit } from './record-audit';
import { auditCheckpoints, auditEntries } from './schema';
import { verifyLedger } from './verify-ledger';

const config = loadConfig({
  PAMONG_DATA_DIR: '.test-data/run',
  LEDGER_KEY_FILE: '.test-data/ledger-test.pem',
  PAMONG_WORKERS: 'false',
});
const agencyId = randomUUID();
const unitId = randomUUID();

/** A private database copy with six entries of our own and a checkpoint over them. */
async function ledger(opts: { checkpoint?: boolean } = {}) {
  const testDb = await createTestDatabase();
  onTestFinished(() => testDb.drop());
  const clock = new TestClock(new Date('2025-06-02T01:00:00.000Z'));
  const ctx: AppContext = { config, database: testDb.database, db: testDb.database.db, clock, log: silentLogger };
  const [top] = await ctx.db.select({ v: sql<number>`coalesce(max(seq), 0)::int` }).from(auditEntries);
  const base = Number(top?.v ?? 0);
  for (let i = 1; i <= 6; i++) {
    clock.advance(60_000);
    await ctx.db.transaction((tx) =>
      recordAudit(tx, {
        actor: { kind: 'staff', userId: randomUUID(), sessionId: 's', name: 'Operator', agencyId, grants: [] },
        role: 'operator_unit',
        action: i % 2 ? 'complaint.forward' : 'complaint.answer',
        entityType: 'complaint',
        entityId: `LAPOR-${i}`,
        agencyId,
        unitId,
        before: { status: 'baru' },
        after: { status: `langkah ${i}` },
        meta: { reason: `alasan ${i}`, days: i },
        at: clock.now(),
      }),
    );
  }
  if (opts.checkpoint !== false) await createCheckpoint(ctx);
  /** seq of our i-th entry (1..6) */
  const s = (i: number) => base + i;
  return { ctx, clock, s, base };
}

/** What an attacker with the database owner's (or a superuser's) rights does: switch the triggers off. */
async function tamper(ctx: AppContext, fn: (tx: Tx) => Promise<unknown>): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE core_audit_entries DISABLE TRIGGER ALL`);
    await tx.execute(sql`ALTER TABLE core_audit_checkpoints DISABLE TRIGGER ALL`);
    await fn(tx);
    await tx.execute(sql`ALTER TABLE core_audit_entries ENABLE TRIGGER ALL`);
    await tx.execute(sql`ALTER TABLE core_audit_checkpoints ENABLE TRIGGER ALL`);
  });
}

async function rowsFrom(ctx: AppContext | Tx, seq: number): Promise<AuditRow[]> {
  const q = 'db' in ctx ? ctx.db : ctx;
  return q
    .select()
    .from(auditEntries)
    .where(gt(auditEntries.seq, seq - 1))
    .orderBy(asc(auditEntries.seq));
}

/** The attacker rewrites rows from `fromSeq` on with recomputed hashes, so the chain looks intact. */
async function rechain(tx: Tx, fromSeq: number): Promise<void> {
  const [prev] = await tx
    .select({ hash: auditEntries.hash })
    .from(auditEntries)
    .where(eq(auditEntries.seq, fromSeq - 1));
  let prevHash = prev?.hash ?? '0'.repeat(64);
  for (const r of await rowsFrom(tx, fromSeq)) {
    const { hash: _old, ...fields } = { ...r, prevHash };
    const hash = entryHash(fields);
    await tx.update(auditEntries).set({ prevHash, hash }).where(eq(auditEntries.seq, r.seq));
    prevHash = hash;
  }
}

describe('the append-only trigger', () => {
  it('rejects UPDATE, DELETE and TRUNCATE on entries and checkpoints, and the rows stay as they were', async () => {
    const { ctx, s } = await ledger();
    const before = await rowsFrom(ctx, 1);
    const attempts = [
      sql`UPDATE core_audit_entries SET action = 'x' WHERE seq = ${s(2)}`,
      sql`DELETE FROM core_audit_entries WHERE seq = ${s(6)}`,
      sql`TRUNCATE core_audit_entries`,
      sql`UPDATE core_audit_checkpoints SET root_hash = 'x'`,
      sql`DELETE FROM core_audit_checkpoints`,
      sql`TRUNCATE core_audit_checkpoints`,
    ];
    for (const q of attempts) {
      const err = await ctx.db.execute(q).then(
        () => null,
        (e: unknown) => e as { message: string; cause?: { message: string; code?: string } },
      );
      const pgError = err?.cause ?? err;
      expect(pgError?.message).toMatch(
        /The audit ledger is append-only: (UPDATE|DELETE|TRUNCATE) on core_audit_(entries|checkpoints) is rejected/,
      );
    }
    expect(await rowsFrom(ctx, 1)).toEqual(before);
    expect((await verifyLedger(ctx)).ok).toBe(true);
  });

  it('is installed idempotently (running the post-migration SQL again changes nothing)', async () => {
    const { ctx } = await ledger({ checkpoint: false });
    const { postMigrationSql } = await import('../db/migrate');
    for (const script of postMigrationSql()) await ctx.database.exec(script);
    const triggers = await ctx.db.execute<{ tgname: string }>(
      sql`select tgname from pg_trigger where tgrelid in ('core_audit_entries'::regclass, 'core_audit_checkpoints'::regclass) and not tgisinternal order by tgname`,
    );
    expect(triggers.rows.map((r) => r.tgname)).toEqual([
      'core_audit_checkpoints_append_only',
      'core_audit_checkpoints_no_truncate',
      'core_audit_entries_append_only',
      'core_audit_entries_no_truncate',
    ]);
  });
});

describe('concurrent appends', () => {
  it('20 parallel transactions give 20 consecutive seqs in one unbroken chain', async () => {
    const { ctx, s } = await ledger();
    const at = ctx.clock.now();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ctx.db.transaction(async (tx) => {
          const row = await recordAudit(tx, {
            actor: { kind: 'system', name: 'test' },
            action: 'parallel.append',
            entityType: 'test',
            entityId: `p${i}`,
            at,
          });
          await tx.execute(sql`select pg_sleep(0.01)`);
          return row.seq;
        }),
      ),
    );
    expect([...results].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => s(7 + i)));
    const rows = await rowsFrom(ctx, s(6));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    await createCheckpoint(ctx);
    expect(await verifyLedger(ctx)).toMatchObject({ ok: true, entries: s(26), checkpoints: 2, problems: [] });
  });
});

describe('checkpoints', () => {
  it('sign the RFC 6962 root over the entry hashes, and are not repeated without new entries', async () => {
    const { ctx, clock, s } = await ledger({ checkpoint: false });
    const first = await createCheckpoint(ctx);
    expect(first.created).toBe(true);
    const leaves = (await rowsFrom(ctx, 1)).map((r) => leafHash(Buffer.from(r.hash, 'hex')));
    const key = loadLedgerKey(config.ledgerKeyFile);
    expect(first.checkpoint).toMatchObject({
      treeSize: s(6),
      rootHash: merkleRoot(leaves).toString('hex'),
      at: new Date('2025-06-02T01:06:00.000Z'),
      keyId: key.keyId,
    });
    expect(checkpointSignatureValid(first.checkpoint!, first.checkpoint!.signature, key.publicKey)).toBe(true);

    clock.advance(60_000);
    expect(await createCheckpoint(ctx)).toEqual({ created: false, checkpoint: first.checkpoint });
    await auditJobs[0]!.run(ctx);
    expect(await ctx.db.select().from(auditCheckpoints)).toHaveLength(1);

    await recordAudit(ctx.db, {
      actor: { kind: 'system', name: 't' },
      action: 'a',
      entityType: 'e',
      entityId: '1',
      at: ctx.clock.now(),
    });
    await auditJobs[0]!.run(ctx);
    const all = await ctx.db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.treeSize));
    expect(all.map((c) => c.treeSize)).toEqual([s(6), s(7)]);
    expect(auditJobs.map((j) => [j.name, j.everyMs])).toEqual([['audit-checkpoint', 60_000]]);
  });

  it('are refused when the ledger no longer matches the last checkpoint', async () => {
    const { ctx, s } = await ledger();
    await tamper(ctx, async (tx) => {
      await tx
        .update(auditEntries)
        .set({ action: 'complaint.close' })
        .where(eq(auditEntries.seq, s(2)));
      await rechain(tx, s(2));
    });
    await recordAudit(ctx.db, {
      actor: { kind: 'system', name: 't' },
      action: 'a',
      entityType: 'e',
      entityId: '1',
      at: ctx.clock.now(),
    });
    const err = await createCheckpoint(ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerTamperedError);
    expect((err as LedgerTamperedError).problems).toEqual([{ kind: 'root_mismatch', treeSize: s(6) }]);
    expect(await ctx.db.select().from(auditCheckpoints)).toHaveLength(1);
  });
});

describe('verifyLedger detects a database-level attacker', () => {
  it('finds nothing wrong in an untouched ledger, reading it in pages', async () => {
    const { ctx, s } = await ledger();
    const report = await verifyLedger(ctx, { pageSize: 4 });
    expect(report).toMatchObject({
      ok: true,
      entries: s(6),
      lastSeq: s(6),
      checkpoints: 1,
      problems: [],
      problemCount: 0,
    });
    expect(report.latestCheckpoint?.treeSize).toBe(s(6));
  });

  it('an edit of any field of any row', async () => {
    const { ctx, s } = await ledger();
    const edits: Record<string, unknown> = {
      at: new Date('2025-06-02T00:00:00.000Z'),
      actorId: randomUUID(),
      actorKind: 'system:import',
      actorRole: 'platform_admin',
      agencyId: randomUUID(),
      unitId: null,
      action: 'complaint.close',
      entityType: 'service_application',
      entityId: 'LAPOR-99',
      beforeDigest: 'f'.repeat(64),
      afterDigest: null,
      meta: { reason: 'lain' },
    };
    for (let i = 1; i <= 6; i++) {
      const [original] = await rowsFrom(ctx, s(i));
      for (const [field, value] of Object.entries(edits)) {
        await tamper(ctx, (tx) =>
          tx
            .update(auditEntries)
            .set({ [field]: value })
            .where(eq(auditEntries.seq, s(i))),
        );
        const report = await verifyLedger(ctx);
        expect({ field, i, problems: report.problems }).toEqual({
          field,
          i,
          problems: [{ kind: 'hash_mismatch', seq: s(i) }],
        });
        await tamper(ctx, (tx) =>
          tx
            .update(auditEntries)
            .set(original!)
            .where(eq(auditEntries.seq, s(i))),
        );
      }
    }
    expect((await verifyLedger(ctx)).ok).toBe(true);

    // The hash columns themselves: the chain, and for `hash` also the signed root, give it away.
    await tamper(ctx, (tx) =>
      tx
        .update(auditEntries)
        .set({ prevHash: 'a'.repeat(64) })
        .where(eq(auditEntries.seq, s(3))),
    );
    expect((await verifyLedger(ctx)).problems).toEqual([
      { kind: 'hash_mismatch', seq: s(3) },
      { kind: 'chain_broken', seq: s(3) },
    ]);
  });

  it('an edit whose hash and every later hash were recomputed (only the signed root gives it away)', async () => {
    const { ctx, s } = await ledger();
    await tamper(ctx, async (tx) => {
      await tx
        .update(auditEntries)
        .set({ action: 'complaint.close' })
        .where(eq(auditEntries.seq, s(3)));
      await rechain(tx, s(3));
    });
    expect((await verifyLedger(ctx)).problems).toEqual([{ kind: 'root_mismatch', treeSize: s(6) }]);
  });

  it('a replaced entry hash', async () => {
    const { ctx, s } = await ledger();
    await tamper(ctx, (tx) =>
      tx
        .update(auditEntries)
        .set({ hash: 'b'.repeat(64) })
        .where(eq(auditEntries.seq, s(4))),
    );
    expect((await verifyLedger(ctx)).problems).toEqual([
      { kind: 'hash_mismatch', seq: s(4) },
      { kind: 'chain_broken', seq: s(5) },
      { kind: 'root_mismatch', treeSize: s(6) },
    ]);
  });

  it('a deleted row in the middle', async () => {
    const { ctx, s } = await ledger();
    await tamper(ctx, (tx) => tx.delete(auditEntries).where(eq(auditEntries.seq, s(3))));
    expect((await verifyLedger(ctx)).problems).toEqual([
      { kind: 'gap', seq: s(3), count: 1 },
      { kind: 'chain_broken', seq: s(4) },
      { kind: 'truncated', treeSize: s(6) },
    ]);
  });

  it('a deleted row in the middle, the rest renumbered and rechained', async () => {
    const { ctx, s } = await ledger();
    await tamper(ctx, async (tx) => {
      await tx.delete(auditEntries).where(eq(auditEntries.seq, s(3)));
      for (let i = 4; i <= 6; i++)
        await tx
          .update(auditEntries)
          .set({ seq: s(i - 1) })
          .where(eq(auditEntries.seq, s(i)));
      await rechain(tx, s(3));
    });
    expect((await verifyLedger(ctx)).problems).toEqual([{ kind: 'truncated', treeSize: s(6) }]);
  });

  it('a deleted last row (the chain is intact; the signed checkpoint is not)', async () => {
    const { ctx, s } = await ledger();
    await tamper(ctx, (tx) => tx.delete(auditEntries).where(eq(auditEntries.seq, s(6))));
    const report = await verifyLedger(ctx);
    expect(report.problems).toEqual([{ kind: 'truncated', treeSize: s(6) }]);
    expect(report.entries).toBe(s(5));
  });

  it('a forged row appended without knowing how hashes are made', async () => {
    const { ctx, s } = await ledger();
    const [last] = await rowsFrom(ctx, s(6));
    await tamper(ctx, (tx) =>
      tx
        .insert(auditEntries)
        .values({ ...last!, seq: s(7), entityId: 'LAPOR-7', prevHash: last!.hash, hash: 'c'.repeat(64) }),
    );
    expect((await verifyLedger(ctx)).problems).toEqual([{ kind: 'hash_mismatch', seq: s(7) }]);
  });

  it('a forged row slipped into the middle with the chain rebuilt around it', async () => {
    const { ctx, s } = await ledger();
    await tamper(ctx, async (tx) => {
      for (let i = 6; i >= 4; i--)
        await tx
          .update(auditEntries)
          .set({ seq: s(i + 1) })
          .where(eq(auditEntries.seq, s(i)));
      const [third] = await tx
        .select()
        .from(auditEntries)
        .where(eq(auditEntries.seq, s(3)));
      await tx.insert(auditEntries).values({ ...third!, seq: s(4), action: 'complaint.close', entityId: 'LAPOR-X' });
      await rechain(tx, s(4));
    });
    const report = await verifyLedger(ctx);
    expect(report.problems).toEqual([{ kind: 'root_mismatch', treeSize: s(6) }]);
    expect(report.entries).toBe(s(7));
  });

  it('two rows whose seqs were swapped', async () => {
    const { ctx, s } = await ledger();
    await tamper(ctx, async (tx) => {
      await tx
        .update(auditEntries)
        .set({ seq: -1 })
        .where(eq(auditEntries.seq, s(3)));
      await tx
        .update(auditEntries)
        .set({ seq: s(3) })
        .where(eq(auditEntries.seq, s(4)));
      await tx
        .update(auditEntries)
        .set({ seq: s(4) })
        .where(eq(auditEntries.seq, -1));
    });
    expect((await verifyLedger(ctx)).problems).toEqual([
      { kind: 'hash_mismatch', seq: s(3) },
      { kind: 'chain_broken', seq: s(3) },
      { kind: 'hash_mismatch', seq: s(4) },
      { kind: 'chain_broken', seq: s(4) },
      { kind: 'chain_broken', seq: s(5) },
      { kind: 'root_mismatch', treeSize: s(6) },
    ]);
  });

  it('a replaced checkpoint root', async () => {
    const { ctx, s } = await ledger();
    await tamper(ctx, (tx) =>
      tx
        .update(auditCheckpoints)
        .set({ rootHash: 'd'.repeat(64) })
        .where(eq(auditCheckpoints.treeSize, s(6))),
    );
    expect((await verifyLedger(ctx)).problems).toEqual([
      { kind: 'bad_signature', treeSize: s(6) },
      { kind: 'root_mismatch', treeSize: s(6) },
    ]);
  });

  it('a replaced checkpoint signature, or a root re-signed with a key of the attacker', async () => {
    const { ctx, s } = await ledger();
    const [cp] = await ctx.db
      .select()
      .from(auditCheckpoints)
      .where(eq(auditCheckpoints.treeSize, s(6)));
    const other = (await import('node:crypto')).generateKeyPairSync('ed25519').privateKey;
    await tamper(ctx, (tx) =>
      tx
        .update(auditCheckpoints)
        .set({ signature: signCheckpoint(cp!, other) })
        .where(eq(auditCheckpoints.treeSize, s(6))),
    );
    expect((await verifyLedger(ctx)).problems).toEqual([{ kind: 'bad_signature', treeSize: s(6) }]);

    // Rewrite an entry, rechain, and sign the new root with an own key under the real key id.
    await tamper(ctx, async (tx) => {
      await tx
        .update(auditEntries)
        .set({ entityId: 'LAPOR-Z' })
        .where(eq(auditEntries.seq, s(2)));
      await rechain(tx, s(2));
      const leaves = (await rowsFrom(tx, 1)).map((r) => leafHash(Buffer.from(r.hash, 'hex')));
      const rootHash = merkleRoot(leaves).toString('hex');
      await tx
        .update(auditCheckpoints)
        .set({ rootHash, signature: signCheckpoint({ ...cp!, rootHash }, other) })
        .where(eq(auditCheckpoints.treeSize, s(6)));
    });
    expect((await verifyLedger(ctx)).problems).toEqual([{ kind: 'bad_signature', treeSize: s(6) }]);
  });

  it('a checkpoint claiming another key id', async () => {
    const { ctx, s } = await ledger();
    await tamper(ctx, (tx) =>
      tx
        .update(auditCheckpoints)
        .set({ keyId: '0123456789abcdef' })
        .where(eq(auditCheckpoints.treeSize, s(6))),
    );
    expect((await verifyLedger(ctx)).problems).toEqual([{ kind: 'unknown_key', treeSize: s(6) }]);
  });
});

describe('pamong audit', () => {
  async function run(ctx: AppContext, ...args: string[]) {
    const program = new Command().exitOverride();
    registerAuditCommands(program, async () => ({ ...ctx, close: async () => {} }));
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const previous = process.exitCode;
    try {
      await program.parseAsync(['node', 'pamong', 'audit', ...args]);
      return { out: out.join(''), exitCode: process.exitCode };
    } finally {
      process.exitCode = previous;
      spy.mockRestore();
      errSpy.mockRestore();
    }
  }

  it('checkpoint makes one; verify reports an intact ledger and exits 0', async () => {
    const { ctx, s } = await ledger({ checkpoint: false });
    const made = await run(ctx, 'checkpoint');
    expect(made.out).toMatch(
      new RegExp(
        `^Checkpoint dibuat / checkpoint made: ${s(6)} entri / entries, root [0-9a-f]{64}, key [0-9a-f]{16}\\n$`,
      ),
    );
    const again = await run(ctx, 'checkpoint');
    expect(again.out).toMatch(/^Tidak ada entri baru; checkpoint terakhir \/ no new entries; latest checkpoint: /);
    const verified = await run(ctx, 'verify');
    expect(verified.exitCode).toBeUndefined();
    expect(verified.out).toContain(`Entri / entries: ${s(6)} (seq terakhir / last seq ${s(6)})`);
    expect(verified.out).toContain('HASIL: UTUH, tidak ada masalah / RESULT: INTACT, no problems found');
  });

  it('verify lists each problem readably and exits 1', async () => {
    const { ctx, s } = await ledger();
    await tamper(ctx, (tx) => tx.delete(auditEntries).where(eq(auditEntries.seq, s(3))));
    const verified = await run(ctx, 'verify');
    expect(verified.exitCode).toBe(1);
    expect(verified.out).toContain('HASIL: 3 MASALAH / RESULT: 3 PROBLEMS');
    expect(verified.out).toContain(
      `  - seq ${s(3)}: gap: nomor urut entri hilang (entri dihapus) / entry sequence numbers missing (entries deleted)`,
    );
    expect(verified.out).toContain(`  - checkpoint ${s(6)}: truncated: `);
    const json = JSON.parse((await run(ctx, 'verify', '--json')).out);
    expect(json.problems).toHaveLength(3);
  });
});
