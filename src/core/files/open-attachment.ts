// Authorizes one download and says where the bytes are. An unclaimed upload is shown only to whoever
// holds its claim token (and, if it was uploaded in a session, only in that session); a claimed one
// only to those its owner module's authorizer allows.
import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/roles';
import { hashToken } from '../auth/session';
import type { AppContext } from '../context';
import { forbidden, notFound } from '../http/errors';
import { text } from '../i18n/messages';
import { attachmentInfoColumns } from './attachment-columns';
import { type AttachmentInfo, attachmentAuthorizer } from './authorizers';
import { filePath } from './file-store';
import { attachments, files } from './schema';
import { claimableSince } from './sweep-unclaimed';

const missing = () => notFound(text('Lampiran tidak ditemukan.', 'Attachment not found.'));

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function openAttachment(
  ctx: AppContext,
  viewer: { actor: Actor; sessionId: string | null; claimToken: string | undefined },
  id: string,
): Promise<{ info: AttachmentInfo; path: string }> {
  const [row] = await ctx.db
    .select({
      ...attachmentInfoColumns,
      sha256: files.sha256,
      claimTokenHash: attachments.claimTokenHash,
      uploaderSessionId: attachments.uploaderSessionId,
    })
    .from(attachments)
    .innerJoin(files, eq(files.sha256, attachments.fileSha256))
    .where(eq(attachments.id, id))
    .limit(1);
  if (!row) throw missing();
  const { sha256, claimTokenHash, uploaderSessionId, ...info } = row;
  if (info.ownerType === null) {
    // Unclaimed: without the right token (and session) it does not exist for this viewer.
    const tokenOk = !!viewer.claimToken && !!claimTokenHash && sameHash(hashToken(viewer.claimToken), claimTokenHash);
    const sessionOk = uploaderSessionId === null || uploaderSessionId === viewer.sessionId;
    const fresh = info.createdAt >= claimableSince(ctx.clock.now());
    if (!tokenOk || !sessionOk || !fresh) throw missing();
  } else {
    const authorize = attachmentAuthorizer(info.ownerType);
    if (!authorize || !(await authorize(ctx, viewer.actor, info))) throw forbidden();
  }
  return { info, path: filePath(ctx.config.dataDir, sha256) };
}
