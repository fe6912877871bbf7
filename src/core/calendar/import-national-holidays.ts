// Loads a year's (or several years') national holidays and cuti bersama from the joint decree (SKB 3
// Menteri), as a CSV in the shipped format (tanggal,jenis,nama): a platform admin in the console, or the
// machine's operator with `pamong calendar import`. A preview (dryRun) shows what would change and
// writes nothing. Applying it adds the new days, brings back removed ones, corrects names and kinds, and,
// with replaceYears, removes the national days of those years that the file does not list (a revised
// decree). One ledger entry lists every change; every calendar sees it at once (calendar token).
import { sql } from 'drizzle-orm';
import { type Holiday, HolidayCsvError, type HolidayCsvProblem, parseHolidayCsv } from '../../lib/working-days';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/roles';
import type { AppContext } from '../context';
import { badRequest, conflict } from '../http/errors';
import { type Text, text } from '../i18n/messages';
import { assertPlatformAdmin } from '../org/policy';
import { announceCalendarChange, readDaysOff } from './calendar-change';
import { bumpCalendarToken } from './get-calendar';
import type { HolidayKind } from './schema';

/** More rows than some fifteen years of decrees: not a holiday list. */
export const MAX_IMPORT_ROWS = 400;

export interface ImportHolidaysInput {
  csv: string;
  dryRun?: boolean;
  /** Remove the national days of the file's years that the file does not list. */
  replaceYears?: boolean;
}

type Day = { date: string; kind: HolidayKind; name: string };

export interface ImportHolidaysResult {
  dryRun: boolean;
  replaceYears: boolean;
  /** The years the file covers. */
  years: number[];
  rows: number;
  added: Day[];
  /** Days an administrator had removed, listed again by the file. */
  restored: Day[];
  changed: (Day & { before: { kind: HolidayKind; name: string } })[];
  unchanged: number;
  /** replaceYears: national days of the file's years that the file does not list, removed. */
  removed: Day[];
  /** Without replaceYears: those days, kept. */
  notInFile: Day[];
}

/** The machine's operator (CLI), who needs no account. */
export type ImportBy = Actor | { kind: 'system'; name: string };

const PROBLEMS: Record<HolidayCsvProblem, (line: number) => Text> = {
  header: () => text('Baris 1 harus berjudul "tanggal,jenis,nama".', 'Line 1 must be the header "tanggal,jenis,nama".'),
  fields: (n) =>
    text(`Baris ${n}: harus berisi tanggal, jenis dan nama.`, `Line ${n}: needs a date, a kind and a name.`),
  date: (n) => text(`Baris ${n}: tanggal tidak valid (TTTT-BB-HH).`, `Line ${n}: invalid date (YYYY-MM-DD).`),
  kind: (n) =>
    text(
      `Baris ${n}: jenis harus libur_nasional atau cuti_bersama.`,
      `Line ${n}: the kind must be libur_nasional or cuti_bersama.`,
    ),
  quote: (n) => text(`Baris ${n}: tanda petik pada nama tidak ditutup.`, `Line ${n}: the quoted name is not closed.`),
  name: (n) => text(`Baris ${n}: nama hari libur kosong.`, `Line ${n}: the name of the day off is empty.`),
};

/** Parses and checks the file: every refusal is a 400 naming the line or the date. */
export function readImportCsv(csv: string): Holiday[] {
  let days: Holiday[];
  try {
    days = parseHolidayCsv(csv);
  } catch (e) {
    if (!(e instanceof HolidayCsvError)) throw e;
    throw badRequest('HOLIDAY_CSV_INVALID', PROBLEMS[e.problem](e.line), { line: e.line, problem: e.problem });
  }
  if (days.length === 0) {
    throw badRequest('HOLIDAY_CSV_EMPTY', text('Berkas tidak berisi hari libur.', 'The file lists no days off.'));
  }
  if (days.length > MAX_IMPORT_ROWS) {
    throw badRequest(
      'HOLIDAY_CSV_TOO_LONG',
      text(`Paling banyak ${MAX_IMPORT_ROWS} baris.`, `At most ${MAX_IMPORT_ROWS} rows.`),
    );
  }
  const seen = new Set<string>();
  for (const d of days) {
    if (d.date < '2000-01-01' || d.date > '2100-12-31') {
      throw badRequest(
        'HOLIDAY_CSV_INVALID',
        text(`Tanggal ${d.date} di luar tahun 2000–2100.`, `The date ${d.date} is outside the years 2000–2100.`),
        { date: d.date },
      );
    }
    if (seen.has(d.date)) {
      throw badRequest(
        'HOLIDAY_CSV_DUPLICATE',
        text(`Tanggal ${d.date} tercantum dua kali.`, `The date ${d.date} is listed twice.`),
        { date: d.date },
      );
    }
    seen.add(d.date);
  }
  return days.map((d) => ({ ...d, name: d.name.replace(/\s+/g, ' ').slice(0, 200) }));
}

export async function importNationalHolidays(
  ctx: AppContext,
  by: ImportBy,
  input: ImportHolidaysInput,
): Promise<ImportHolidaysResult> {
  const role = by.kind === 'system' ? null : assertPlatformAdmin(by);
  const days = readImportCsv(input.csv);
  const dryRun = input.dryRun ?? false;
  const replaceYears = input.replaceYears ?? false;
  const years = [...new Set(days.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b);
  const now = ctx.clock.now();

  return ctx.db.transaction(async (tx) => {
    // One import or day-off change at a time: the calendar's state row is locked until commit.
    if (!dryRun) await bumpCalendarToken(tx);
    const existing = await tx.execute<Day & { id: string; removed: boolean }>(sql`
      select id, date::text as date, kind, name, deleted_at is not null as removed
      from core_holidays
      where agency_id is null and extract(year from date)::int = any(${`{${years.join(',')}}`}::int[])
      ${dryRun ? sql`` : sql`for update`}`);
    const byDate = new Map(existing.rows.map((r) => [r.date, r]));
    const inFile = new Set(days.map((d) => d.date));
    const plan: ImportHolidaysResult = {
      dryRun,
      replaceYears,
      years,
      rows: days.length,
      added: [],
      restored: [],
      changed: [],
      unchanged: 0,
      removed: [],
      notInFile: [],
    };
    const updates: { id: string; kind: HolidayKind; name: string }[] = [];
    for (const d of days) {
      const old = byDate.get(d.date);
      if (!old) plan.added.push(d);
      else if (old.removed) {
        plan.restored.push(d);
        updates.push({ id: old.id, kind: d.kind, name: d.name });
      } else if (old.kind !== d.kind || old.name !== d.name) {
        plan.changed.push({ ...d, before: { kind: old.kind, name: old.name } });
        updates.push({ id: old.id, kind: d.kind, name: d.name });
      } else plan.unchanged++;
    }
    const absent = existing.rows
      .filter((r) => !r.removed && !inFile.has(r.date))
      .sort((a, b) => a.date.localeCompare(b.date))
      .map(({ date, kind, name }) => ({ date, kind, name }));
    if (replaceYears) plan.removed = absent;
    else plan.notInFile = absent;
    if (dryRun) return plan;

    // Days that become (or stop being) days off; a renamed day stays off.
    const moved = [...plan.added, ...plan.restored, ...plan.removed].map((d) => d.date);
    const offBefore = await readDaysOff(tx, moved);
    if (plan.added.length > 0) {
      const inserted = await tx.execute(sql`
        insert into core_holidays (date, agency_id, kind, name, source, created_at)
        select d.date::date, null, d.kind, d.name, 'admin', ${now}
        from json_to_recordset(${JSON.stringify(plan.added)}::json) as d(date text, kind text, name text)
        on conflict do nothing
        returning id`);
      // A day added by hand between the read and this insert: nothing is written, the admin tries again.
      if (inserted.rows.length !== plan.added.length) {
        throw conflict(
          'CALENDAR_CHANGED',
          text(
            'Kalender baru saja diubah. Periksa lagi, lalu muat ulang.',
            'The calendar just changed. Preview again.',
          ),
        );
      }
    }
    if (updates.length > 0) {
      await tx.execute(sql`
        update core_holidays h set kind = u.kind, name = u.name, source = 'admin', deleted_at = null
        from json_to_recordset(${JSON.stringify(updates)}::json) as u(id uuid, kind text, name text)
        where h.id = u.id`);
    }
    if (plan.removed.length > 0) {
      await tx.execute(sql`
        update core_holidays set deleted_at = ${now}
        where agency_id is null and deleted_at is null
          and date = any(${`{${plan.removed.map((d) => d.date).join(',')}}`}::date[])`);
    }
    await announceCalendarChange(tx, { agencyId: null, dates: moved, offBefore, at: now });
    await recordAudit(tx, {
      actor: by,
      role,
      action: 'calendar.holidays_imported',
      entityType: 'calendar',
      entityId: 'national',
      agencyId: null,
      meta: {
        years,
        rows: days.length,
        added: plan.added,
        restored: plan.restored,
        changed: plan.changed,
        removed: plan.removed,
        unchanged: plan.unchanged,
      },
      at: now,
    });
    return plan;
  });
}
