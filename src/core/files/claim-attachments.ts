// A module attaches uploads to the record they belong to, inside its own transaction: each id must
// come with the claim token its uploader was given, and an attachment is claimed only once, within
// UNCLAIMED_TTL_MS of its upload (then the sweep removes it).
import { and, eq, gte, isNull } from 'drizzle-orm';
import { hashToken } from '../auth/session';
import type { Queryable } from '../db/client';
import { badRequest } from '../http/errors';
import { text } from '../i18n/messages';
import { attachments } from './schema';
import { claimableSince } from './sweep-unclaimed';

export interface AttachmentOwner {
  /** e.g. 'complaint'; the type an authorizer is registered for. */
  type: string;
  id: string;
  agencyId: string | null;
  /** ctx.clock.now() of the caller. */
  now: Date;
}

export const MAX_ATTACHMENTS_PER_CLAIM = 20;

const invalidClaim = (id?: string) =>
  badRequest(
    'ATTACHMENT_CLAIM',
    text(
      'Lampiran tidak ditemukan, tokennya salah, atau sudah dipakai.',
      'Attachment not found, wrong token, or already used.',
    ),
    id ? { id } : undefined,
  );

/** Throws a 400 (and the caller's transaction rolls back) unless every id/token pair is claimable. */
export async function claimAttachments(
  q: Queryable,
  ids: readonly string[],
  claimTokens: readonly string[],
  owner: AttachmentOwner,
): Promise<string[]> {
  if (ids.length !== claimTokens.length || ids.length > MAX_ATTACHMENTS_PER_CLAIM || new Set(ids).size !== ids.length) {
    throw invalidClaim();
  }
  const claimed: string[] = [];
  for (const [i, id] of ids.entries()) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw invalidClaim();
    const rows = await q
      .update(attachments)
      .set({
        ownerType: owner.type,
        ownerId: owner.id,
        agencyId: owner.agencyId,
        claimTokenHash: null,
        claimedAt: owner.now,
      })
      .where(
        and(
          eq(attachments.id, id),
          eq(attachments.claimTokenHash, hashToken(claimTokens[i]!)),
          isNull(attachments.ownerType),
          gte(attachments.createdAt, claimableSince(owner.now)),
        ),
      )
      .returning({ id: attachments.id });
    if (rows.length !== 1) throw invalidClaim(id);
    claimed.push(id);
  }
  return claimed;
}
