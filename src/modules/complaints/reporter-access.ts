// How a reporter proves a report is theirs: the secret link's token, or the citizen account that filed it.
import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../core/auth/roles';
import { hashToken } from '../../core/auth/session';
import { notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import type { ComplaintRow } from './repository';

export type ReporterProof = { secret: string | undefined; actor: Actor };

export function isReporter(row: Pick<ComplaintRow, 'secretHash' | 'reporterUserId'>, proof: ReporterProof): boolean {
  if (proof.secret) {
    const a = Buffer.from(hashToken(proof.secret));
    const b = Buffer.from(row.secretHash);
    if (a.length === b.length && timingSafeEqual(a, b)) return true;
  }
  return proof.actor.kind === 'citizen' && row.reporterUserId !== null && row.reporterUserId === proof.actor.userId;
}

/** The same 404 as an unknown code, so a wrong secret reveals nothing. */
export function assertReporter(row: Pick<ComplaintRow, 'secretHash' | 'reporterUserId'>, proof: ReporterProof): void {
  if (!isReporter(row, proof)) {
    throw notFound(
      text('Laporan tidak ditemukan atau tautan rahasia salah.', 'No such report, or the secret link is wrong.'),
    );
  }
}
