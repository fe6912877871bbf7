// Stores one uploaded file as an unclaimed attachment. The uploader gets a claim token (shown once,
// stored hashed) with which their report attaches it later, and with which they may preview it.
import type { Actor } from '../auth/roles';
import { hashToken, newToken } from '../auth/session';
import type { AppContext } from '../context';
import { cleanUpload } from './clean-upload';
import { sanitizeFileName } from './sanitize-file-name';
import { attachments, files } from './schema';
import { storeBytesIn } from './store-file';

export interface UploadedAttachment {
  id: string;
  mime: string;
  size: number;
  name: string;
  claimToken: string;
}

export async function uploadAttachment(
  ctx: AppContext,
  uploader: { actor: Actor; sessionId: string | null },
  input: { bytes: Buffer; fileName: string | undefined },
): Promise<UploadedAttachment> {
  const now = ctx.clock.now();
  const clean = await cleanUpload(input.bytes);
  const name = sanitizeFileName(input.fileName, clean.ext);
  const claimToken = newToken(24);
  const actor = uploader.actor;
  const { id, size } = await ctx.db.transaction(async (tx) => {
    // The file is on disk before any row points at it.
    const { sha256, size } = await storeBytesIn(tx, ctx.config.dataDir, clean.bytes);
    await tx.insert(files).values({ sha256, size, mime: clean.mime, createdAt: now }).onConflictDoNothing();
    const [row] = await tx
      .insert(attachments)
      .values({
        fileSha256: sha256,
        originalName: name,
        agencyId: actor.kind === 'staff' ? actor.agencyId : null,
        uploaderUserId: actor.kind === 'anonymous' ? null : actor.userId,
        uploaderSessionId: uploader.sessionId,
        claimTokenHash: hashToken(claimToken),
        createdAt: now,
      })
      .returning({ id: attachments.id });
    return { id: row!.id, size };
  });
  return { id, mime: clean.mime, size, name, claimToken };
}
