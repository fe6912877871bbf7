// The survey link of a finished transaction, for the tracking pages of complaints and services.
import { and, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../core/db/client';
import { surveyInvitations } from './schema';

export interface InvitationLink {
  /** The web page of the survey, e.g. '/survei/undangan/…' (prefix the public URL for an absolute link). */
  path: string;
  /** 'open' until answered or expired; show the link only while open. */
  status: 'open' | 'answered' | 'expired';
  expiresAt: Date;
}

/**
 * The invitation of a transaction, or null when there is none (yet: it is created when the outbox
 * delivers the `complaints.closed` / `services.completed` event). `now` defaults to the database clock.
 */
export async function findInvitationLink(
  q: Queryable,
  transactionType: 'complaint' | 'application',
  transactionId: string,
  opts: { now?: Date } = {},
): Promise<InvitationLink | null> {
  const now = opts.now ? sql`${opts.now.toISOString()}::timestamptz` : sql`now()`;
  const [row] = await q
    .select({
      token: surveyInvitations.token,
      expiresAt: surveyInvitations.expiresAt,
      answered: sql<boolean>`${surveyInvitations.usedAt} is not null`,
      expired: sql<boolean>`${surveyInvitations.expiresAt} <= ${now}`,
    })
    .from(surveyInvitations)
    .where(
      and(eq(surveyInvitations.transactionType, transactionType), eq(surveyInvitations.transactionId, transactionId)),
    )
    .limit(1);
  if (!row) return null;
  const status = row.answered ? 'answered' : row.expired ? 'expired' : 'open';
  return { path: `/survei/undangan/${row.token}`, status, expiresAt: new Date(row.expiresAt) };
}
