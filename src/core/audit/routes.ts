// Routes of core/audit, registered under /api/v1 by app.ts. Public: the signing key, checkpoints and
// Merkle proofs, so anyone can check the ledger. Staff: entries within their scope, and verification.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import { notFound } from '../http/errors';
import { pickLang, text } from '../i18n/messages';
import {
  CheckpointPage,
  Checkpoint,
  ConsistencyProof,
  ConsistencyQuery,
  EntriesQuery,
  EntryPage,
  InclusionProof,
  InclusionQuery,
  PageQuery,
  PublicKey,
  VerifyReport,
} from './api-schema';
import { PROBLEM_LABELS } from './check-chain';
import { getPublicKey } from './get-public-key';
import { listEntries } from './list-entries';
import { findCheckpoint, listCheckpoints } from './list-checkpoints';
import { AUDIT_READER_ROLES, auditScope } from './policy';
import { proveConsistency } from './prove-consistency';
import { proveInclusion } from './prove-inclusion';
import { verifyLedgerShared } from './verify-ledger';

const tags = ['audit'];
const publicPolicy = { policy: { public: true as const } };
const staffPolicy = { policy: { roles: AUDIT_READER_ROLES } };

const routes: FastifyPluginAsync<{ ctx: AppContext }> = async (plain, { ctx }) => {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/audit/public-key',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Kunci publik penanda tangan checkpoint / checkpoint signing key',
        response: { 200: PublicKey },
      },
    },
    async () => getPublicKey(ctx),
  );

  app.get(
    '/audit/checkpoints/latest',
    {
      config: publicPolicy,
      schema: { tags, summary: 'Checkpoint terakhir / latest checkpoint', response: { 200: Checkpoint } },
    },
    async () => {
      const cp = await findCheckpoint(ctx.db);
      if (!cp)
        throw notFound(text('Belum ada checkpoint buku besar audit.', 'There is no audit ledger checkpoint yet.'));
      return cp;
    },
  );

  app.get(
    '/audit/checkpoints',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Daftar checkpoint / checkpoints, newest first',
        querystring: Type.Object(PageQuery),
        response: { 200: CheckpointPage },
      },
    },
    async (req) => listCheckpoints(ctx, req.query),
  );

  app.get(
    '/audit/proof/inclusion',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Bukti inklusi entri / entry inclusion proof (RFC 6962)',
        querystring: InclusionQuery,
        response: { 200: InclusionProof },
      },
    },
    async (req) => proveInclusion(ctx, req.query.seq, req.query.treeSize),
  );

  app.get(
    '/audit/proof/consistency',
    {
      config: publicPolicy,
      schema: {
        tags,
        summary: 'Bukti konsistensi dua checkpoint / consistency proof (RFC 6962)',
        querystring: ConsistencyQuery,
        response: { 200: ConsistencyProof },
      },
    },
    async (req) => proveConsistency(ctx, req.query.from, req.query.to),
  );

  app.get(
    '/audit/entries',
    {
      config: staffPolicy,
      schema: {
        tags,
        summary: 'Entri buku besar audit / ledger entries',
        querystring: EntriesQuery,
        response: { 200: EntryPage },
      },
    },
    async (req) => listEntries(ctx, auditScope(req.actor), req.query),
  );

  app.get(
    '/audit/verify',
    {
      config: staffPolicy,
      schema: { tags, summary: 'Periksa keutuhan buku besar / verify the ledger', response: { 200: VerifyReport } },
    },
    async (req) => {
      const report = await verifyLedgerShared(ctx);
      const lang = pickLang(req.query, req.headers['accept-language']);
      return { ...report, problems: report.problems.map((p) => ({ ...p, message: PROBLEM_LABELS[p.kind][lang] })) };
    },
  );
};
export default routes;
