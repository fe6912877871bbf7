// Who may download a claimed attachment is decided by the module that owns it: each registers an
// authorizer for its owner_type. An owner type without one is served to nobody (deny by default).
import type { Actor } from '../auth/roles';
import type { AppContext } from '../context';

export interface AttachmentInfo {
  id: string;
  ownerType: string | null;
  ownerId: string | null;
  agencyId: string | null;
  mime: string;
  size: number;
  name: string;
  uploaderUserId: string | null;
  createdAt: Date;
}

export type AttachmentAuthorizer = (ctx: AppContext, actor: Actor, attachment: AttachmentInfo) => Promise<boolean>;

const authorizers = new Map<string, AttachmentAuthorizer>();

/** Registering again for the same owner type replaces the earlier authorizer. */
export function registerAttachmentAuthorizer(ownerType: string, authorize: AttachmentAuthorizer): void {
  authorizers.set(ownerType, authorize);
}

export const attachmentAuthorizer = (ownerType: string) => authorizers.get(ownerType);
