// E-mails to staff about a complaint (escalation ladder, emergency lane). They carry the tracking code,
// what is asked and a console link: never the report's text or anything about the reporter.
import { sql } from 'drizzle-orm';
import type { Role } from '../../core/auth/roles';
import type { AppContext } from '../../core/context';
import type { Queryable } from '../../core/db/client';
import { enqueueEmail } from '../../core/outbox/enqueue';
import type { ComplaintRow } from './repository';

export type StaffNotice = 'emergency' | 'reminder' | 'kepala_unit' | 'pimpinan';

const RECIPIENT_ROLES: Record<StaffNotice, Role[]> = {
  emergency: ['operator_unit', 'kepala_unit'],
  reminder: ['operator_unit'],
  kepala_unit: ['kepala_unit'],
  pimpinan: ['pimpinan', 'inspektorat'],
};

const SUBJECTS: Record<StaffNotice, [string, string]> = {
  emergency: ['DARURAT: laporan baru perlu segera ditangani', 'EMERGENCY: a new report needs immediate handling'],
  reminder: ['Pengingat: batas waktu laporan segera tiba', 'Reminder: a report is nearly due'],
  kepala_unit: ['Eskalasi: laporan melewati batas waktu', 'Escalation: a report is overdue'],
  pimpinan: [
    'Eskalasi ke pimpinan dan inspektorat: laporan terlambat',
    'Escalation to leadership and inspectorate: report overdue',
  ],
};

/** Addresses of active staff of the agency holding one of `roles` in `unitId` or above it (or agency-wide). */
async function recipients(
  q: Queryable,
  agencyId: string,
  unitId: string | null,
  roles: Role[],
  agencyWide: boolean,
): Promise<string[]> {
  const rows = await q.execute<{ email: string }>(sql`
    select distinct u.email from core_role_grants g join core_users u on u.id = g.user_id
    where g.agency_id = ${agencyId} and u.active and g.role in (${sql.join(
      roles.map((r) => sql`${r}`),
      sql`, `,
    )})
      and (${agencyWide} or g.unit_id is null
           or (select p.path from core_units p where p.id = ${unitId}::uuid) like '%/' || g.unit_id::text || '/%')
    order by u.email`);
  return rows.rows.map((r) => r.email);
}

export async function notifyStaff(
  q: Queryable,
  ctx: AppContext,
  c: Pick<ComplaintRow, 'id' | 'code' | 'agencyId' | 'dueAt'>,
  notice: StaffNotice,
  unitId: string | null,
): Promise<number> {
  const to = await recipients(q, c.agencyId, unitId, RECIPIENT_ROLES[notice], notice === 'pimpinan');
  const [sid, sen] = SUBJECTS[notice];
  const link = `${ctx.config.publicUrl}/konsol/pengaduan/${c.id}`;
  const due = c.dueAt ? c.dueAt.toISOString() : '-';
  for (const address of to) {
    await enqueueEmail(
      q,
      {
        to: address,
        subject: `[${c.code}] ${sid} / ${sen}`,
        text: `${sid}.\nKode laporan: ${c.code}\nBatas waktu: ${due}\nBuka: ${link}\n\n${sen}.\nReport code: ${c.code}\nDue: ${due}\nOpen: ${link}\n`,
      },
      { now: ctx.clock.now(), agencyId: c.agencyId },
    );
  }
  return to.length;
}
