// The attachments of one record, for the owning module to show (download goes through GET /files/:id).
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { attachmentInfoColumns } from './attachment-columns';
import type { AttachmentInfo } from './authorizers';
import { attachments, files } from './schema';

export async function listAttachments(q: Queryable, ownerType: string, ownerId: string): Promise<AttachmentInfo[]> {
  return q
    .select(attachmentInfoColumns)
    .from(attachments)
    .innerJoin(files, eq(files.sha256, attachments.fileSha256))
    .where(and(eq(attachments.ownerType, ownerType), eq(attachments.ownerId, ownerId)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}
