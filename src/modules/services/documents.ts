// Public verification of issued documents (by id, by uploaded PDF, by extracted content) and revocation.
// An uploaded PDF is valid only if it is byte for byte the issued file; its embedded content and Ed25519
// signature then say what was changed, if anything.
import { verify } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { canonicalJson, recordAudit, sha256Hex } from '../../core/audit/record-audit';
import type { Actor } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import { conflict, forbidden } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { agencies } from '../../core/org/schema';
import { holdsAnyRole } from './staff-scope';
import { readEmbeddedDocument } from './document-pdf';
import { documentKey } from './module-keys';
import { documents } from './schema';
import { documentNotFound } from './errors';

export type VerificationStatus = 'valid' | 'revoked' | 'invalid' | 'unknown';

const maskName = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => (w.length <= 2 ? w : `${w[0]}${'*'.repeat(Math.min(w.length - 1, 6))}`))
    .join(' ');

async function findDocument(ctx: AppContext, id: string) {
  const [row] = await ctx.db
    .select({ doc: documents, agencyName: agencies.name })
    .from(documents)
    .innerJoin(agencies, eq(agencies.id, documents.agencyId))
    .where(eq(documents.id, id))
    .limit(1);
  return row ?? null;
}

export async function documentStatus(ctx: AppContext, id: string) {
  const row = await findDocument(ctx, id);
  if (!row) return { status: 'unknown' as const, document: null };
  const d = row.doc;
  const c = d.content as { serviceName?: string; holderName?: string; unitName?: string };
  return {
    status: (d.revokedAt ? 'revoked' : 'valid') as VerificationStatus,
    document: {
      id: d.id,
      number: d.number,
      serviceName: c.serviceName ?? '',
      holderName: maskName(c.holderName ?? ''),
      agencyName: row.agencyName,
      unitName: c.unitName ?? '',
      issuedAt: d.issuedAt.toISOString(),
      contentDigest: d.contentDigest,
      fileSha256: d.fileSha256,
      revokedAt: d.revokedAt?.toISOString() ?? null,
      revokeReason: d.revokeReason,
    },
  };
}

export interface FileCheck {
  status: VerificationStatus;
  reasons: { code: string; message: { id: string; en: string } }[];
  uploadedSha256: string;
  uploadedContentDigest: string | null;
  issued: Awaited<ReturnType<typeof documentStatus>>['document'];
}

const reason = (code: string, id: string, en: string) => ({ code, message: { id, en } });

/** Compares an uploaded PDF with the issued document `id`. */
export async function verifyDocumentFile(ctx: AppContext, id: string, pdf: Buffer): Promise<FileCheck> {
  const issued = await documentStatus(ctx, id);
  const uploadedSha256 = sha256Hex(pdf);
  const embedded = readEmbeddedDocument(pdf);
  let uploadedContentDigest: string | null = null;
  const reasons: FileCheck['reasons'] = [];
  if (embedded) {
    const canonical = Buffer.from(embedded.contentB64, 'base64url');
    uploadedContentDigest = sha256Hex(canonical);
    const key = documentKey(ctx.config);
    const sigOk =
      embedded.keyId === key.keyId &&
      verify(null, canonical, key.publicKey, Buffer.from(embedded.signatureB64, 'base64url'));
    if (!sigOk)
      reasons.push(
        reason(
          'SIGNATURE',
          'Tanda tangan elektronik pada berkas tidak cocok dengan isinya.',
          'The file’s electronic signature does not match its content.',
        ),
      );
  } else {
    reasons.push(
      reason('NO_CONTENT', 'Berkas tidak memuat data dokumen Pamong.', 'The file carries no Pamong document data.'),
    );
  }
  if (!issued.document) return { status: 'unknown', reasons, uploadedSha256, uploadedContentDigest, issued: null };
  if (uploadedContentDigest !== null && uploadedContentDigest !== issued.document.contentDigest) {
    reasons.push(
      reason(
        'CONTENT',
        'Isi dokumen berbeda dengan yang diterbitkan.',
        'The document’s content differs from what was issued.',
      ),
    );
  }
  if (uploadedSha256 !== issued.document.fileSha256) {
    reasons.push(
      reason(
        'FILE',
        'Berkas berbeda dengan berkas yang diterbitkan (telah diubah).',
        'The file differs from the issued file (it was changed).',
      ),
    );
  }
  const status: VerificationStatus = reasons.length > 0 ? 'invalid' : issued.status;
  return { status, reasons, uploadedSha256, uploadedContentDigest, issued: issued.document };
}

/** Compares content fields read from a document (e.g. typed from a printout) with the issued content. */
export async function verifyDocumentContent(ctx: AppContext, id: string, content: Record<string, unknown>) {
  const issued = await documentStatus(ctx, id);
  const digest = sha256Hex(canonicalJson(content));
  if (!issued.document) return { status: 'unknown' as const, contentDigest: digest, issued: null };
  const status: VerificationStatus = digest !== issued.document.contentDigest ? 'invalid' : issued.status;
  return { status, contentDigest: digest, issued: issued.document };
}

export async function revokeDocument(ctx: AppContext, actor: Actor, id: string, reasonText: string): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [doc] = await tx.select().from(documents).where(eq(documents.id, id)).for('update');
    if (!doc) throw documentNotFound();
    const role = holdsAnyRole(actor, doc.agencyId, ['kepala_unit', 'admin_instansi']);
    if (!role)
      throw forbidden(
        text(
          'Hanya kepala unit atau admin instansi penerbit yang dapat mencabut dokumen.',
          'Only a head of unit or agency admin of the issuing agency can revoke a document.',
        ),
      );
    if (doc.revokedAt)
      throw conflict('ALREADY_REVOKED', text('Dokumen ini sudah dicabut.', 'This document is already revoked.'));
    await tx.update(documents).set({ revokedAt: now, revokeReason: reasonText }).where(eq(documents.id, id));
    await recordAudit(tx, {
      actor,
      role,
      action: 'services.document.revoke',
      entityType: 'services_document',
      entityId: id,
      agencyId: doc.agencyId,
      before: { revoked: false },
      after: { revoked: true, reason: reasonText },
      at: now,
    });
  });
}
