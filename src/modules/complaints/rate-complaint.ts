// The reporter rates the handling (1–5, with an optional comment) once the follow-up is done.
import type { AppContext } from '../../core/context';
import { conflict } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { withComplaint } from './load-for-change';
import { recordChange } from './record-change';
import { assertReporter, type ReporterProof } from './reporter-access';

export async function rateComplaint(
  ctx: AppContext,
  code: string,
  proof: ReporterProof,
  input: { score: number; comment?: string },
) {
  return withComplaint(ctx, { code }, async (tx, row) => {
    assertReporter(row, proof);
    if (row.status !== 'ditutup' && row.status !== 'selesai_ditindaklanjuti') {
      throw conflict(
        'NOT_YET_RATEABLE',
        text(
          'Penilaian dapat diberikan setelah laporan selesai ditindaklanjuti.',
          'You can rate the handling once the follow-up is complete.',
        ),
      );
    }
    const comment = input.comment?.trim() || null;
    await recordChange(ctx, tx, row, {
      by: { kind: 'reporter', actor: proof.actor },
      action: 'complaints.rate',
      patch: { ratingScore: input.score, ratingComment: comment, ratedAt: ctx.clock.now() },
      timeline: [{ kind: 'rating', visibility: 'reporter', body: comment, meta: { score: input.score } }],
      meta: { score: input.score },
    });
    return { ok: true as const };
  });
}
