// Worker side of the reporter's e-mail notifications. The outbox message names only the complaint and its
// new state; this handler, run by the outbox worker, decrypts the address and sends the mail itself, so a
// reporter's address never sits in clear in the outbox or anywhere else. The mail holds nothing but the
// tracking code and the state (for every reporter, anonim or not).
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../core/context';
import type { Queryable } from '../../core/db/client';
import type { Mail } from '../../core/outbox/enqueue';
import { type Mailer, createMailer } from '../../core/outbox/mailer';
import { decryptIdentity } from './identity-crypto';
import { complaints } from './schema';
import { STATUS_LABELS, type ComplaintStatus } from './states';

const mailers = new WeakMap<AppContext, Mailer>();

function mailerFor(ctx: AppContext): Mailer {
  const known = mailers.get(ctx);
  if (known) return known;
  const m = createMailer(ctx.config, ctx.log);
  mailers.set(ctx, m);
  return m;
}

export function reporterMail(to: string, code: string, status: ComplaintStatus): Mail {
  const label = STATUS_LABELS[status] ?? { id: status, en: status };
  return {
    to,
    subject: `[${code}] ${label.id} / ${label.en}`,
    text:
      `Status laporan ${code}: ${label.id}.\n` +
      `Buka tautan rahasia Anda untuk melihat rinciannya.\n\n` +
      `Status of report ${code}: ${label.en}.\n` +
      `Open your secret link to see the details.\n`,
  };
}

/** The outbox event handler for complaints.reporter_notice (idempotent enough: at most a repeated mail). */
export async function sendReporterNotice(
  ctx: AppContext,
  payload: Record<string, unknown>,
  q: Queryable,
): Promise<void> {
  const id = typeof payload.complaintId === 'string' ? payload.complaintId : null;
  const status = payload.status as ComplaintStatus;
  if (!id || !STATUS_LABELS[status]) return;
  const [row] = await q
    .select({ code: complaints.code, sealed: complaints.reporterIdentityEnc })
    .from(complaints)
    .where(eq(complaints.id, id))
    .limit(1);
  if (!row?.sealed) return;
  const email = decryptIdentity(ctx.config, id, row.sealed).email;
  if (!email) return;
  await mailerFor(ctx).send(reporterMail(email, row.code, status));
  ctx.log.info({ complaintId: id, status }, 'complaint reporter notified');
}
