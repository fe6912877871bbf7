// Who may see and change an application as its applicant: the citizen account that filed it, or whoever
// holds the guest's secret link token (stored only as its SHA-256). Anyone else gets a 404, not a 403,
// so application ids reveal nothing.
import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../core/auth/roles';
import { hashToken } from '../../core/auth/session';
import type { ApplicationRow } from './application-view';

export function isApplicant(
  app: Pick<ApplicationRow, 'applicantUserId' | 'accessTokenHash'>,
  actor: Actor,
  token: string | undefined,
): boolean {
  if (actor.kind === 'citizen' && app.applicantUserId === actor.userId) return true;
  if (!token || !app.accessTokenHash) return false;
  const a = Buffer.from(hashToken(token));
  const b = Buffer.from(app.accessTokenHash);
  return a.length === b.length && timingSafeEqual(a, b);
}
