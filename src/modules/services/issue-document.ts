// Issues the document of a completed application: canonical content signed with the module's Ed25519 key,
// rendered to PDF with a QR code to `${publicUrl}/verifikasi/<id>`, stored by SHA-256 in the file store.
import { randomUUID, sign } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { canonicalJson, recordAudit, sha256Hex } from '../../core/audit/record-audit';
import type { AppContext } from '../../core/context';
import type { Tx } from '../../core/db/client';
import { storeBytesIn } from '../../core/files/store-file';
import { agencies, units } from '../../core/org/schema';
import { toLocalDate } from '../../lib/working-days';
import { getCalendar } from '../../core/calendar/get-calendar';
import type { ApplicationRow, VersionRow } from './application-view';
import { type DocumentContent, renderDocumentPdf } from './document-pdf';
import { documentKey } from './module-keys';
import { documents } from './schema';

export const verifyUrl = (publicUrl: string, id: string) => `${publicUrl}/verifikasi/${id}`;

export async function issueDocument(
  ctx: AppContext,
  tx: Tx,
  app: ApplicationRow,
  version: VersionRow,
  service: { name: string; code: string },
  official: { name: string; position: string },
  now: Date,
): Promise<{ id: string; number: string }> {
  const [place] = await tx
    .select({ agencyName: agencies.name, unitName: units.name })
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(eq(units.id, app.unitId))
    .limit(1);
  const cal = await getCalendar(tx, app.agencyId);
  const year = toLocalDate(cal, now).slice(0, 4);
  // Numbers run per service and year; the lock keeps two issuers from taking the same one.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`services-doc-${app.serviceId}-${year}`}))`);
  const [count] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .where(and(eq(documents.agencyId, app.agencyId), sql`${documents.number} like ${`%/${service.code}/${year}`}`));
  const number = `${String(Number(count?.n ?? 0) + 1).padStart(4, '0')}/${service.code}/${year}`;
  const id = randomUUID();
  const content: DocumentContent = {
    documentId: id,
    number,
    holderName: app.applicantName,
    serviceName: service.name,
    serviceVersion: version.version,
    agencyName: place?.agencyName ?? '',
    unitName: place?.unitName ?? '',
    fields: version.form
      .filter(
        (f) => f.type !== 'file' && app.data[f.key] !== undefined && app.data[f.key] !== null && app.data[f.key] !== '',
      )
      .map((f) => ({
        label: f.label.id,
        value:
          f.type === 'choice'
            ? (f.options?.find((o) => o.value === app.data[f.key])?.label.id ?? String(app.data[f.key]))
            : String(app.data[f.key]),
      })),
    official,
    issuedOn: toLocalDate(cal, now),
    issuedAt: new Date(Math.floor(now.getTime())).toISOString(),
  };
  const canonical = canonicalJson(content);
  const key = documentKey(ctx.config);
  const signature = sign(null, Buffer.from(canonical), key.privateKey).toString('base64url');
  const pdf = await renderDocumentPdf(
    content,
    { contentB64: Buffer.from(canonical).toString('base64url'), signatureB64: signature, keyId: key.keyId },
    verifyUrl(ctx.config.publicUrl, id),
  );
  const stored = await storeBytesIn(tx, ctx.config.dataDir, pdf);
  await tx.insert(documents).values({
    id,
    applicationId: app.id,
    agencyId: app.agencyId,
    number,
    content: content as unknown as Record<string, unknown>,
    contentDigest: sha256Hex(canonical),
    signature,
    keyId: key.keyId,
    fileSha256: stored.sha256,
    issuedAt: now,
  });
  await recordAudit(tx, {
    actor: { kind: 'system', name: 'services' },
    action: 'services.document.issue',
    entityType: 'services_document',
    entityId: id,
    agencyId: app.agencyId,
    unitId: app.unitId,
    after: content,
    meta: { applicationId: app.id, fileSha256: stored.sha256 },
    at: now,
  });
  return { id, number };
}
