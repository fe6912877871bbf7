// The attachment as other code sees it (AttachmentInfo): a join of core_attachments and core_files.
import { attachments, files } from './schema';

export const attachmentInfoColumns = {
  id: attachments.id,
  ownerType: attachments.ownerType,
  ownerId: attachments.ownerId,
  agencyId: attachments.agencyId,
  mime: files.mime,
  size: files.size,
  name: attachments.originalName,
  uploaderUserId: attachments.uploaderUserId,
  createdAt: attachments.createdAt,
};
