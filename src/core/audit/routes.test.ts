import { randomUUID, verify } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/app';
import { leafHash, verifyConsistency, verifyInclusion } from '../../lib/merkle';
import type { Role } from '../auth/roles';
import { roleGrants, users } from '../auth/schema';
import { createSession } from '../auth/session';
import { agencies } from '../org/schema';
import { createCheckpoint } from './create-checkpoint';
import { loadLedgerKey } from './ledger-key';
import { recordAudit } from './record-audit';
import { auditEntries } from './schema';

const { app, ctx, clock } = await createTestApp({ now: new Date('2025-07-01T02:00:00.000Z') });

async function agency(slug: string): Promise<string> {
  const [a] = await ctx.db
    .insert(agencies)
    .values({ slug, name: `Pemerintah ${slug}`, kind: 'kota' })
    .returning();
  return a!.id;
}

/** A signed-in staff member (TOTP step passed) holding `role` in `agencyId`: their session cookie. */
async function staff(role: Role, agencyId: string): Promise<{ cookie: string }> {
  const [u] = await ctx.db
    .insert(users)
    .values({ kind: 'staff', email: `${role}-${randomUUID()}@contoh.go.id`, name: `Petugas ${role}`, agencyId })
    .returning();
  await ctx.db.insert(roleGrants).values({ userId: u!.id, role, agencyId, unitId: null });
  const { token } = await createSession(ctx.db, u!.id, { now: ctx.clock.now(), ttlHours: 12, mfaPassed: true });
  return { cookie: `pamong_sid=${token}` };
}

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const hex = (h: string) => Buffer.from(h, 'hex');

async function append(agencyId: string, entityId: string, n: number) {
  const seqs: number[] = [];
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const row = await recordAudit(tx, {
        actor: { kind: 'system', name: 'test' },
        action: 'complaint.forward',
        entityType: 'complaint',
        entityId,
        agencyId,
        at: ctx.clock.now(),
      });
      seqs.push(row.seq);
    }
  });
  return seqs;
}

let serang: string;
let cilegon: string;

beforeAll(async () => {
  serang = await agency('kota-serang-audit');
  cilegon = await agency('kota-cilegon-audit');
});

describe('public ledger endpoints before any checkpoint', () => {
  it('say there is no checkpoint yet', async () => {
    const res = await get('/api/v1/audit/checkpoints/latest');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Belum ada checkpoint buku besar audit.' });
    const proof = await get('/api/v1/audit/proof/inclusion?seq=1', { 'accept-language': 'en' });
    expect(proof.statusCode).toBe(404);
    expect(proof.json().error.message).toBe('There is no audit ledger checkpoint yet.');
  });
});

describe('public ledger endpoints', () => {
  let first: { treeSize: number; rootHash: string };
  let second: { treeSize: number; rootHash: string };
  let serangSeqs: number[];

  beforeAll(async () => {
    // More than one block of 256 leaves, so proofs cross cached block roots and a ragged tail.
    serangSeqs = await append(serang, 'LAPOR-100', 150);
    await append(cilegon, 'LAPOR-200', 150);
    first = (await createCheckpoint(ctx)).checkpoint!;
    clock.advance(60_000);
    await append(serang, 'LAPOR-101', 7);
    second = (await createCheckpoint(ctx)).checkpoint!;
  });

  it('publish the signing key, whose signature over the latest checkpoint anyone can check', async () => {
    const key = await get('/api/v1/audit/public-key');
    expect(key.statusCode).toBe(200);
    expect(key.json()).toMatchObject({ algorithm: 'Ed25519', keyId: loadLedgerKey(ctx.config.ledgerKeyFile).keyId });
    expect(key.json().publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);

    const latest = (await get('/api/v1/audit/checkpoints/latest')).json();
    expect(latest).toMatchObject({
      treeSize: second.treeSize,
      rootHash: second.rootHash,
      at: '2025-07-01T02:01:00.000Z',
    });
    expect(latest.signedText).toBe(
      `pamong-audit-checkpoint/v1\n${second.treeSize}\n${second.rootHash}\n2025-07-01T02:01:00.000Z`,
    );
    const ok = verify(
      null,
      Buffer.from(latest.signedText),
      key.json().publicKeyPem,
      Buffer.from(latest.signature, 'base64'),
    );
    expect(ok).toBe(true);
  });

  it('list checkpoints newest first, a page at a time', async () => {
    const res = await get('/api/v1/audit/checkpoints?page=1&pageSize=1');
    expect(res.json()).toMatchObject({ page: 1, pageSize: 1, total: 2 });
    expect(res.json().items.map((c: { treeSize: number }) => c.treeSize)).toEqual([second.treeSize]);
    const page2 = await get('/api/v1/audit/checkpoints?page=2&pageSize=1');
    expect(page2.json().items.map((c: { treeSize: number }) => c.treeSize)).toEqual([first.treeSize]);
    expect((await get('/api/v1/audit/checkpoints?page=0')).statusCode).toBe(400);
    expect((await get('/api/v1/audit/checkpoints?pageSize=101')).json().error.code).toBe('VALIDATION');
  });

  it('give inclusion proofs that verify with merkle.ts against the signed root, and fail for a tampered leaf', async () => {
    for (const seq of [1, serangSeqs[0]!, 256, 257, first.treeSize, serangSeqs[149]!]) {
      const res = await get(`/api/v1/audit/proof/inclusion?seq=${seq}&treeSize=${first.treeSize}`);
      expect(res.statusCode).toBe(200);
      const p = res.json();
      const [entry] = await ctx.db.select().from(auditEntries).where(eq(auditEntries.seq, seq));
      expect(p).toMatchObject({
        seq,
        leafIndex: seq - 1,
        treeSize: first.treeSize,
        entryHash: entry!.hash,
        rootHash: first.rootHash,
      });
      const leaf = leafHash(hex(entry!.hash));
      expect(p.leafHash).toBe(leaf.toString('hex'));
      const proof = p.proof.map(hex);
      expect(verifyInclusion(leaf, seq - 1, first.treeSize, proof, hex(first.rootHash))).toBe(true);
      const tampered = Buffer.from(entry!.hash, 'hex');
      tampered[0] = tampered[0]! ^ 1;
      expect(verifyInclusion(leafHash(tampered), seq - 1, first.treeSize, proof, hex(first.rootHash))).toBe(false);
    }
    const latest = await get(`/api/v1/audit/proof/inclusion?seq=${serangSeqs[3]}`);
    expect(latest.json()).toMatchObject({ treeSize: second.treeSize, rootHash: second.rootHash });
  });

  it('give consistency proofs between checkpoints that verify with merkle.ts', async () => {
    const res = await get(`/api/v1/audit/proof/consistency?from=${first.treeSize}&to=${second.treeSize}`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({
      from: first.treeSize,
      to: second.treeSize,
      fromRoot: first.rootHash,
      toRoot: second.rootHash,
    });
    const proof = c.proof.map(hex);
    expect(verifyConsistency(first.treeSize, second.treeSize, hex(first.rootHash), hex(second.rootHash), proof)).toBe(
      true,
    );
    expect(verifyConsistency(first.treeSize, second.treeSize, hex('ee'.repeat(32)), hex(second.rootHash), proof)).toBe(
      false,
    );
    const same = await get(`/api/v1/audit/proof/consistency?from=${second.treeSize}&to=${second.treeSize}`);
    expect(same.json().proof).toEqual([]);
  });

  it('answer sizes and seqs out of range with a clear 4xx', async () => {
    const beyondSeq = await get(`/api/v1/audit/proof/inclusion?seq=${first.treeSize + 1}&treeSize=${first.treeSize}`);
    expect(beyondSeq.statusCode).toBe(400);
    expect(beyondSeq.json().error).toMatchObject({
      code: 'SEQ_OUT_OF_RANGE',
      message: `Entri ${first.treeSize + 1} belum tercakup checkpoint berukuran ${first.treeSize}.`,
      details: { seq: first.treeSize + 1, treeSize: first.treeSize },
    });
    const beyondSize = await get(`/api/v1/audit/proof/inclusion?seq=1&treeSize=${second.treeSize + 1}`);
    expect(beyondSize.statusCode).toBe(400);
    expect(beyondSize.json().error.code).toBe('TREE_SIZE_OUT_OF_RANGE');
    const notCheckpoint = await get(`/api/v1/audit/proof/inclusion?seq=1&treeSize=${first.treeSize - 1}`);
    expect(notCheckpoint.statusCode).toBe(404);
    expect(notCheckpoint.json().error.code).toBe('CHECKPOINT_NOT_FOUND');
    expect((await get('/api/v1/audit/proof/inclusion?seq=0')).json().error.code).toBe('VALIDATION');
    expect((await get('/api/v1/audit/proof/inclusion?seq=abc')).statusCode).toBe(400);
    expect((await get('/api/v1/audit/proof/inclusion?seq=99999999999999999999')).statusCode).toBe(400);
    const reversed = await get(`/api/v1/audit/proof/consistency?from=${second.treeSize}&to=${first.treeSize}`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.code).toBe('RANGE_ORDER');
    expect((await get(`/api/v1/audit/proof/consistency?from=3&to=${second.treeSize}`)).json().error.code).toBe(
      'CHECKPOINT_NOT_FOUND',
    );
    expect((await get('/api/v1/audit/proof/consistency?from=1')).statusCode).toBe(400);
  });

  describe('staff entries', () => {
    it('need a session (401) and an auditing role (403)', async () => {
      expect((await get('/api/v1/audit/entries')).statusCode).toBe(401);
      const operator = await staff('operator_unit', serang);
      expect((await get('/api/v1/audit/entries', { cookie: operator.cookie })).statusCode).toBe(403);
      expect((await get('/api/v1/audit/verify', { cookie: operator.cookie })).statusCode).toBe(403);
    });

    it('reject unbounded filters (400)', async () => {
      const admin = await staff('admin_instansi', serang);
      const res = await get(`/api/v1/audit/entries?entityId=${'x'.repeat(201)}`, { cookie: admin.cookie });
      expect(res.statusCode).toBe(400);
    });

    it("show an agency's admin and inspectorate only their agency's entries, the platform admin all", async () => {
      for (const role of ['admin_instansi', 'inspektorat'] as const) {
        const reader = await staff(role, serang);
        const res = await get('/api/v1/audit/entries?entityType=complaint&pageSize=100', { cookie: reader.cookie });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ total: 157, page: 1, pageSize: 100 });
        expect(new Set(res.json().items.map((e: { agencyId: string }) => e.agencyId))).toEqual(new Set([serang]));
        const other = await get('/api/v1/audit/entries?entityId=LAPOR-200', { cookie: reader.cookie });
        expect(other.json()).toMatchObject({ items: [], total: 0 });
      }
      const platform = await staff('platform_admin', serang);
      const all = await get('/api/v1/audit/entries?entityId=LAPOR-200&pageSize=2', { cookie: platform.cookie });
      expect(all.json().total).toBe(150);
      const [newest] = all.json().items;
      expect(newest).toMatchObject({
        agencyId: cilegon,
        entityType: 'complaint',
        entityId: 'LAPOR-200',
        actorKind: 'system:test',
      });
      expect(newest.hash).toMatch(/^[0-9a-f]{64}$/);
      const byEntity = await get('/api/v1/audit/entries?entityType=complaint&entityId=LAPOR-101', {
        cookie: platform.cookie,
      });
      expect(byEntity.json().items.map((e: { seq: number }) => e.seq)).toEqual(
        Array.from({ length: 7 }, (_, i) => second.treeSize - i),
      );
    });
  });

  describe('verification and a tampered ledger', () => {
    it('reports an intact ledger, then the tampering, in the language asked for', async () => {
      const inspector = await staff('inspektorat', serang);
      const intact = await get('/api/v1/audit/verify', { cookie: inspector.cookie });
      expect(intact.statusCode).toBe(200);
      expect(intact.json()).toMatchObject({
        ok: true,
        entries: second.treeSize,
        checkpoints: 2,
        problems: [],
        problemCount: 0,
      });

      const seq = second.treeSize - 2;
      await ctx.db.transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE core_audit_entries DISABLE TRIGGER ALL`);
        await tx
          .update(auditEntries)
          .set({ hash: 'ab'.repeat(32) })
          .where(eq(auditEntries.seq, seq));
        await tx.execute(sql`ALTER TABLE core_audit_entries ENABLE TRIGGER ALL`);
      });
      const res = await get('/api/v1/audit/verify?lang=en', { cookie: inspector.cookie });
      expect(res.json()).toMatchObject({ ok: false, problemCount: 3 });
      expect(res.json().problems).toEqual([
        { kind: 'hash_mismatch', seq, message: 'entry hash does not match its contents (entry altered)' },
        { kind: 'chain_broken', seq: seq + 1, message: 'previous hash does not match the entry before (chain broken)' },
        {
          kind: 'root_mismatch',
          treeSize: second.treeSize,
          message: 'checkpoint Merkle root does not match the stored entries',
        },
      ]);

      // The server will not hand out a proof that does not match what it signed.
      const proof = await get(`/api/v1/audit/proof/inclusion?seq=${seq}`);
      expect(proof.statusCode).toBe(409);
      expect(proof.json().error).toMatchObject({
        code: 'LEDGER_INCONSISTENT',
        message: 'Buku besar audit tidak cocok dengan checkpoint yang ditandatangani; hubungi Inspektorat.',
      });
    });
  });
});
