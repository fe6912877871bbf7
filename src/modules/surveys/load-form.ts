// What a respondent's form needs: the unit it rates and the unit's own questions, by the three ways in
// (an invitation link, a kiosk, the unit's public link). Errors say why a link cannot be used.
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../core/db/client';
import { AppError, conflict, notFound } from '../../core/http/errors';
import { text } from '../../core/i18n/messages';
import { agencies, units } from '../../core/org/schema';
import { surveyInvitations, surveyKiosks, surveyQuestions } from './schema';

export interface CustomQuestion {
  id: string;
  position: number;
  text: { id: string; en: string };
  kind: 'scale' | 'text';
}

export interface FormContext {
  agencyId: string;
  agencyName: string;
  unitId: string;
  unitName: string;
  serviceId: string | null;
  questions: CustomQuestion[];
}

export const invitationNotFound = () => notFound(text('Tautan survei tidak dikenal.', 'Unknown survey link.'));
export const invitationUsed = () =>
  conflict(
    'INVITATION_USED',
    text(
      'Survei untuk layanan ini sudah diisi. Terima kasih.',
      'The survey for this service has already been answered. Thank you.',
    ),
  );
export const invitationExpired = () =>
  new AppError(
    410,
    'INVITATION_EXPIRED',
    text('Tautan survei ini sudah kedaluwarsa.', 'This survey link has expired.'),
  );
const unitNotFound = () => notFound(text('Unit layanan tidak ditemukan.', 'Service unit not found.'));
const kioskNotFound = () =>
  notFound(text('Kios survei tidak dikenal atau tidak aktif.', 'Unknown or inactive survey kiosk.'));

export async function activeQuestions(q: Queryable, unitId: string): Promise<CustomQuestion[]> {
  const rows = await q
    .select({
      id: surveyQuestions.id,
      position: surveyQuestions.position,
      textId: surveyQuestions.textId,
      textEn: surveyQuestions.textEn,
      kind: surveyQuestions.kind,
    })
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.unitId, unitId), eq(surveyQuestions.active, true)))
    .orderBy(asc(surveyQuestions.position), asc(surveyQuestions.createdAt));
  return rows.map((r) => ({ id: r.id, position: r.position, text: { id: r.textId, en: r.textEn }, kind: r.kind }));
}

async function unitContext(q: Queryable, unitId: string, serviceId: string | null): Promise<FormContext | null> {
  const [row] = await q
    .select({
      unitId: units.id,
      unitName: units.name,
      active: units.active,
      agencyId: agencies.id,
      agencyName: agencies.name,
    })
    .from(units)
    .innerJoin(agencies, eq(agencies.id, units.agencyId))
    .where(eq(units.id, unitId))
    .limit(1);
  if (!row?.active) return null;
  return {
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    unitId: row.unitId,
    unitName: row.unitName,
    serviceId,
    questions: await activeQuestions(q, unitId),
  };
}

export async function loadInvitationForm(q: Queryable, token: string, now: Date): Promise<FormContext> {
  const [inv] = await q
    .select({
      unitId: surveyInvitations.unitId,
      serviceId: surveyInvitations.serviceId,
      usedAt: surveyInvitations.usedAt,
      expiresAt: surveyInvitations.expiresAt,
    })
    .from(surveyInvitations)
    .where(eq(surveyInvitations.token, token))
    .limit(1);
  if (!inv) throw invitationNotFound();
  if (inv.usedAt) throw invitationUsed();
  if (inv.expiresAt <= now) throw invitationExpired();
  const ctx = await unitContext(q, inv.unitId, inv.serviceId);
  if (!ctx) throw unitNotFound();
  return ctx;
}

export async function loadUnitForm(q: Queryable, unitId: string): Promise<FormContext> {
  const ctx = await unitContext(q, unitId, null);
  if (!ctx) throw unitNotFound();
  return ctx;
}

export async function loadKiosk(
  q: Queryable,
  token: string,
): Promise<{ kioskId: string; name: string; form: FormContext }> {
  const [kiosk] = await q
    .select({ id: surveyKiosks.id, name: surveyKiosks.name, unitId: surveyKiosks.unitId, active: surveyKiosks.active })
    .from(surveyKiosks)
    .where(eq(surveyKiosks.token, token))
    .limit(1);
  if (!kiosk?.active) throw kioskNotFound();
  const form = await unitContext(q, kiosk.unitId, null);
  if (!form) throw kioskNotFound();
  return { kioskId: kiosk.id, name: kiosk.name, form };
}
