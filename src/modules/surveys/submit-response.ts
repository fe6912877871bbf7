// Stores one anonymous response: the nine elements (each 1..4, all required), the respondent profile,
// an optional suggestion and answers to the unit's own questions. Through an invitation the response
// uses the invitation up (a second one gets 409) and keeps only a hash of the transaction; through a
// kiosk or the public link it uses up a session token. Everything is checked before anything is
// written, and the use and the response commit together.
//
// Responses are not written to the audit ledger: an entry's exact time next to the invitation's would
// tie the answer to the transaction, which the regulation's anonymity rules out.
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AppContext } from '../../core/context';
import type { Tx } from '../../core/db/client';
import { AppError, badRequest, conflict, notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { loadAgencyInfo } from './agency-info';
import {
  ELEMENT_KEYS,
  type ElementKey,
  getElement,
  isAnswerValue,
  type JenisKelamin,
  type Pekerjaan,
  type Pendidikan,
  type UmurGroup,
  umurGroupOf,
} from './ikm';
import {
  activeQuestions,
  type FormContext,
  invitationExpired,
  invitationNotFound,
  invitationUsed,
  loadKiosk,
  loadUnitForm,
} from './load-form';
import { dayIn } from './periods';
import { surveyInvitations, surveyResponses, surveySessions } from './schema';
import { sha256, transactionDedupeHash } from './tokens';

export interface ResponseInput {
  answers: Partial<Record<string, number>>;
  profile?: {
    jenisKelamin?: JenisKelamin;
    umur?: UmurGroup;
    umurTahun?: number;
    pendidikan?: Pendidikan;
    pekerjaan?: Pekerjaan;
  };
  suggestion?: string;
  /** Answers to the unit's own questions, by question id. */
  extra?: Record<string, number | string>;
}

export type ResponseSource =
  | { kind: 'invitation'; token: string }
  | { kind: 'kiosk'; kioskToken: string; sessionToken: string }
  | { kind: 'public'; unitId: string; sessionToken: string };

/** The nine answers, checked: each element present and 1, 2, 3 or 4. */
export function checkAnswers(answers: Partial<Record<string, number>>): Record<ElementKey, number> {
  const out = {} as Record<ElementKey, number>;
  const missing = ELEMENT_KEYS.filter((k) => answers[k] === undefined || answers[k] === null);
  if (missing.length > 0) {
    const names = missing.map((k) => getElement(k));
    throw badRequest(
      'MISSING_ELEMENT',
      text(
        `Semua sembilan unsur wajib dijawab. Belum dijawab: ${names.map((e) => `${e.key} (${e.name.id})`).join(', ')}.`,
        `All nine elements must be answered. Not answered: ${names.map((e) => `${e.key} (${e.name.en})`).join(', ')}.`,
      ),
      { elements: missing },
    );
  }
  for (const key of ELEMENT_KEYS) {
    const value = answers[key];
    if (!isAnswerValue(value)) {
      throw badRequest(
        'INVALID_ANSWER',
        text(`Jawaban unsur ${key} harus 1, 2, 3 atau 4.`, `The answer to element ${key} must be 1, 2, 3 or 4.`),
        { element: key },
      );
    }
    out[key] = value;
  }
  return out;
}

function checkExtra(
  form: FormContext,
  extra: Record<string, number | string> | undefined,
): Record<string, number | string> | null {
  if (!extra || Object.keys(extra).length === 0) return null;
  const byId = new Map(form.questions.map((q) => [q.id, q]));
  const out: Record<string, number | string> = {};
  for (const [id, value] of Object.entries(extra)) {
    const question = byId.get(id);
    if (!question) {
      throw badRequest('UNKNOWN_QUESTION', text('Pertanyaan tambahan tidak dikenal.', 'Unknown additional question.'), {
        questionId: id,
      });
    }
    if (question.kind === 'scale' ? !isAnswerValue(value) : typeof value !== 'string') {
      throw badRequest(
        'INVALID_EXTRA_ANSWER',
        question.kind === 'scale'
          ? text(
              'Jawaban pertanyaan tambahan harus 1, 2, 3 atau 4.',
              'The answer to an additional question must be 1, 2, 3 or 4.',
            )
          : text(
              'Jawaban pertanyaan tambahan harus berupa teks.',
              'The answer to an additional question must be text.',
            ),
        { questionId: id },
      );
    }
    if (typeof value === 'string') {
      if (value.trim() !== '') out[id] = value.trim();
    } else out[id] = value;
  }
  return Object.keys(out).length > 0 ? out : null;
}

const sessionProblem = async (tx: Tx, tokenHash: string, unitId: string): Promise<AppError> => {
  const [s] = await tx
    .select({ usedAt: surveySessions.usedAt, expiresAt: surveySessions.expiresAt })
    .from(surveySessions)
    .where(and(eq(surveySessions.tokenHash, tokenHash), eq(surveySessions.unitId, unitId)))
    .limit(1);
  if (!s) return notFound(text('Sesi survei tidak dikenal. Mulai lagi.', 'Unknown survey session. Start again.'));
  if (s.usedAt) {
    return conflict(
      'SESSION_USED',
      text('Jawaban untuk sesi ini sudah dikirim.', 'A response for this session has already been sent.'),
    );
  }
  return new AppError(
    410,
    'SESSION_EXPIRED',
    text('Sesi survei sudah berakhir. Mulai lagi.', 'The survey session has ended. Start again.'),
  );
};

export async function submitResponse(ctx: AppContext, source: ResponseSource, input: ResponseInput): Promise<void> {
  const answers = checkAnswers(input.answers);
  const profile = input.profile ?? {};
  const umur = profile.umurTahun !== undefined ? umurGroupOf(profile.umurTahun) : (profile.umur ?? null);
  const suggestion = input.suggestion?.trim() ? input.suggestion.trim() : null;
  const now = ctx.clock.now();

  await ctx.db.transaction(async (tx) => {
    let form: FormContext;
    let channel: 'invitation' | 'kiosk' | 'public';
    let dedupeHash: string | null = null;
    if (source.kind === 'invitation') {
      const [inv] = await tx
        .select()
        .from(surveyInvitations)
        .where(eq(surveyInvitations.token, source.token))
        .for('update')
        .limit(1);
      if (!inv) throw invitationNotFound();
      if (inv.usedAt) throw invitationUsed();
      if (inv.expiresAt <= now) throw invitationExpired();
      const unitForm = await loadUnitForm(tx, inv.unitId);
      form = { ...unitForm, serviceId: inv.serviceId };
      channel = 'invitation';
      dedupeHash = transactionDedupeHash(inv.transactionType, inv.transactionId);
      await tx.update(surveyInvitations).set({ usedAt: now }).where(eq(surveyInvitations.id, inv.id));
    } else {
      if (source.kind === 'kiosk') {
        const kiosk = await loadKiosk(tx, source.kioskToken);
        form = kiosk.form;
        channel = 'kiosk';
      } else {
        form = await loadUnitForm(tx, source.unitId);
        channel = 'public';
      }
      const tokenHash = sha256(source.sessionToken);
      const used = await tx
        .update(surveySessions)
        .set({ usedAt: now })
        .where(
          and(
            eq(surveySessions.tokenHash, tokenHash),
            eq(surveySessions.unitId, form.unitId),
            isNull(surveySessions.usedAt),
            gt(surveySessions.expiresAt, now),
          ),
        )
        .returning({ id: surveySessions.id });
      if (used.length === 0) throw await sessionProblem(tx, tokenHash, form.unitId);
    }
    const extra = checkExtra({ ...form, questions: await activeQuestions(tx, form.unitId) }, input.extra);
    const agency = await loadAgencyInfo(tx, form.agencyId);
    const inserted = await tx
      .insert(surveyResponses)
      .values({
        agencyId: form.agencyId,
        unitId: form.unitId,
        serviceId: form.serviceId,
        channel,
        submittedOn: dayIn(now, agency.timeZone),
        ...answers,
        jenisKelamin: profile.jenisKelamin ?? null,
        umur,
        pendidikan: profile.pendidikan ?? null,
        pekerjaan: profile.pekerjaan ?? null,
        suggestion,
        extra,
        dedupeHash,
      })
      .onConflictDoNothing({ target: surveyResponses.dedupeHash })
      .returning({ id: surveyResponses.id });
    // The same transaction answered before under another invitation row: count it once.
    if (inserted.length === 0) throw invitationUsed();
  });
}
