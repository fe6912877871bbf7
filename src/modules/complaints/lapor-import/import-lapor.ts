// Imports an SP4N-LAPOR! export into an agency: each valid row goes through submitComplaintIn (source mapped,
// original receipt time kept), then takes LAPOR's disposition unit and status, all in one savepoint per row,
// so a bad row leaves nothing behind. Tracking IDs are remembered: importing the same file twice adds nothing.
// A dry run makes every check a real run makes before writing, and writes nothing.
import { and, asc, eq, like } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit/record-audit';
import type { Actor, Role } from '../../../core/auth/roles';
import type { AppContext } from '../../../core/context';
import type { Queryable } from '../../../core/db/client';
import { AppError, badRequest } from '../../../core/http/errors';
import { type Text, text } from '../../../core/i18n/messages';
import { agencies, regions, units } from '../../../core/org/schema';
import type { ComplaintRow } from '../repository';
import { dueSteps, ladderInfo } from '../run-escalations';
import { complaints, escalations, events } from '../schema';
import {
  CLOCKED_STATUSES,
  type ComplaintStatus,
  type ComplaintKind,
  type CloseHow,
  type Source,
  type Tier,
  type Visibility,
} from '../states';
import { applyStats } from '../stats';
import { submitComplaintIn } from '../submit-complaint';
import { LAPOR_COLUMNS, type LaporRow } from './read-lapor-file';
import { laporImports } from './schema';

export { LAPOR_COLUMNS };

const KIND_MAP: Record<string, { kind: ComplaintKind; tier: Tier | null }> = {
  'pengaduan berkadar pengawasan': { kind: 'pengaduan', tier: 'berkadar_pengawasan' },
  'pengaduan tidak berkadar pengawasan': { kind: 'pengaduan', tier: 'tidak_berkadar_pengawasan' },
  'permintaan informasi': { kind: 'permintaan_informasi', tier: null },
  aspirasi: { kind: 'aspirasi', tier: null },
};

const SOURCE_MAP: Record<string, Source> = {
  website: 'website',
  android: 'android',
  'hotline service': 'hotline',
  instagram: 'instagram',
  sms: 'sms',
  'email instansi': 'email',
  'tatap muka': 'tatap_muka',
  'pos surat': 'pos_surat',
  whatsapp: 'whatsapp',
};

/** LAPOR status → this module's status (and how it was closed). Open LAPOR states stay as received. */
function mapStatus(s: string): { status: ComplaintStatus; closeHow: CloseHow | null } | null {
  const v = norm(s);
  if (v === 'ditutup oleh sistem') return { status: 'ditutup', closeHow: 'closed_by_system' };
  if (v === 'ditutup oleh admin') return { status: 'ditutup', closeHow: 'closed_by_officer' };
  if (v === 'ditutup oleh pelapor') return { status: 'ditutup', closeHow: 'closed_by_reporter' };
  if (v === 'menunggu kelengkapan informasi') return { status: 'menunggu_kelengkapan', closeHow: null };
  if (v.startsWith('diarsipkan oleh ')) return { status: 'diarsipkan', closeHow: null };
  if (v === '' || v === 'belum diverifikasi' || v === 'proses' || v === 'diterima')
    return { status: 'diterima', closeHow: null };
  return null;
}

/** Lower case, punctuation to spaces, single spaces; 'kab.' spelled out. */
export function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/\bkab\b\.?/g, 'kabupaten')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A unit name as LAPOR writes it often carries the region: 'Dinas Kesehatan Provinsi Banten'. */
const stripRegion = (s: string) => s.replace(/ (provinsi|kota|kabupaten) .*$/, '');

export interface ImportError {
  row: number;
  trackingId: string | null;
  message: Text;
}

export interface ImportSummary {
  rows: number;
  /** Rows that passed every check: imported by a real run, would be imported by a dry run. */
  importable: number;
  /** Rows written (always 0 for a dry run). */
  imported: number;
  alreadyImported: number;
  /**
   * Imported reports still open and already past their deadline (a real run only). The escalations already
   * due are recorded as sent to nobody: history does not flood today's inboxes. The inbox shows them overdue.
   */
  overdueOpen: number;
  errors: ImportError[];
  /** Instansi Terdisposisi names matching no unit (rows not imported; add them to the mapping file). */
  unmatched: { name: string; count: number }[];
}

export interface ImportOptions {
  agencyId: string;
  rows: LaporRow[];
  /** lapor_name → unit id. */
  mapping?: Map<string, string>;
  /** Check every row, write nothing. */
  dryRun?: boolean;
  /** The officer who runs the import (the ledger names them); the command line imports as the system. */
  by?: { actor: Actor; role: Role };
}

class RowError extends Error {
  constructor(readonly t: Text) {
    super(t.en);
  }
}
const fail = (id: string, en: string): never => {
  throw new RowError(text(id, en));
};

/** 'YYYY-MM-DD', 'DD/MM/YYYY' or 'DD-MM-YYYY' (or an ISO instant from a date cell) plus 'HH:MM[:SS]' in WIB. */
export function parseReceivedAt(date: string, time: string): Date | null {
  let y: string | undefined;
  let m: string | undefined;
  let d: string | undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(date);
  const dmy = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(date);
  if (iso) [, y, m, d] = iso;
  else if (dmy) [, d, m, y] = dmy;
  else return null;
  const tm = time ? /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(time) : ['', '0', '00', '00'];
  if (!tm) return null;
  const hh = tm[1]!.padStart(2, '0');
  const s = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}T${hh}:${tm[2]}:${tm[3] ?? '00'}+07:00`;
  const at = new Date(s);
  if (Number.isNaN(at.getTime())) return null;
  // Reject impossible dates such as 31/02 (Date rolls them over).
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return local === s.slice(0, 10) ? at : null;
}

async function unitMatcher(q: Queryable, agencyId: string, mapping: Map<string, string>) {
  const rows = await q
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.agencyId, agencyId), eq(units.active, true)));
  const byName = new Map<string, string>();
  for (const r of rows) if (!byName.has(norm(r.name))) byName.set(norm(r.name), r.id);
  const ids = new Set(rows.map((r) => r.id));
  const mapped = new Map<string, string>();
  for (const [name, id] of mapping) {
    if (!ids.has(id))
      throw badRequest(
        'UNKNOWN_UNIT',
        text(
          `Unit ${id} pada berkas pemetaan tidak ada di instansi ini.`,
          `Unit ${id} in the mapping file is not in this agency.`,
        ),
      );
    mapped.set(norm(name), id);
  }
  return (name: string): string | null => {
    const n = norm(name);
    return mapped.get(n) ?? byName.get(n) ?? byName.get(stripRegion(n)) ?? null;
  };
}

async function regionResolver(q: Queryable, agencyId: string) {
  const kabkota = await q.select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.level, 2));
  const byName = new Map(kabkota.map((r) => [norm(r.name), r.code]));
  const [agency] = await q.select({ regionCode: agencies.regionCode }).from(agencies).where(eq(agencies.id, agencyId));
  const cache = new Map<string, string | null>();
  const firstDesa = async (prefix: string | null | undefined) => {
    if (!prefix) return null;
    if (cache.has(prefix)) return cache.get(prefix)!;
    const [r] = await q
      .select({ code: regions.code })
      .from(regions)
      .where(and(eq(regions.level, 4), like(regions.code, `${prefix}.%`)))
      .orderBy(asc(regions.code))
      .limit(1);
    cache.set(prefix, r?.code ?? null);
    return r?.code ?? null;
  };
  /** LAPOR exports name only the kabupaten/kota: the report is placed at its first desa/kelurahan. */
  return async (kabKota: string): Promise<string | null> => {
    const code = kabKota ? byName.get(norm(kabKota)) : undefined;
    return (await firstDesa(code)) ?? (await firstDesa(agency?.regionCode));
  };
}

export async function importLapor(ctx: AppContext, opts: ImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = {
    rows: opts.rows.length,
    importable: 0,
    imported: 0,
    alreadyImported: 0,
    overdueOpen: 0,
    errors: [],
    unmatched: [],
  };
  const ladder = escalationLadder(ctx);
  const unitOf = await unitMatcher(ctx.db, opts.agencyId, opts.mapping ?? new Map());
  const regionOf = await regionResolver(ctx.db, opts.agencyId);
  const unmatched = new Map<string, number>();
  const seen = new Set<string>();
  for (const { row, values } of opts.rows) {
    const v = (k: (typeof LAPOR_COLUMNS)[number]) => (values[k] ?? '').trim();
    const trackingId = v('Tracking ID') || null;
    try {
      if (!trackingId) fail('Tracking ID kosong.', 'Tracking ID is empty.');
      if (seen.has(trackingId!))
        fail('Tracking ID muncul lebih dari sekali dalam berkas.', 'Tracking ID appears more than once in the file.');
      seen.add(trackingId!);
      const [done] = await ctx.db
        .select({ id: laporImports.complaintId })
        .from(laporImports)
        .where(and(eq(laporImports.agencyId, opts.agencyId), eq(laporImports.trackingId, trackingId!)))
        .limit(1);
      if (done) {
        summary.alreadyImported += 1;
        continue;
      }
      const receivedAt = parseReceivedAt(v('Tanggal Laporan Masuk'), v('Waktu Laporan Masuk'));
      if (!receivedAt) fail('Tanggal/waktu laporan masuk tidak valid.', 'Invalid date/time of receipt.');
      if (receivedAt! > ctx.clock.now())
        fail('Tanggal laporan masuk di masa depan.', 'The date of receipt is in the future.');
      const kind = KIND_MAP[norm(v('Klasifikasi Laporan'))];
      if (!kind)
        fail(
          `Klasifikasi laporan tidak dikenal: "${v('Klasifikasi Laporan')}".`,
          `Unknown report classification: "${v('Klasifikasi Laporan')}".`,
        );
      const status = mapStatus(v('Status Laporan'));
      if (!status)
        fail(
          `Status laporan tidak dikenal: "${v('Status Laporan')}".`,
          `Unknown report status: "${v('Status Laporan')}".`,
        );
      const description = v('Isi Laporan Akhir') || v('Isi Laporan Awal');
      const title = v('Judul Laporan') || description.slice(0, 120);
      if (!description) fail('Isi laporan kosong.', 'The report text is empty.');
      const tipe = norm(v('Tipe Laporan (Anonim/Rahasia)'));
      const visibility: Visibility = tipe.includes('anonim')
        ? 'anonim'
        : tipe.includes('rahasia')
          ? 'rahasia'
          : 'biasa';
      const instansi = v('Instansi Terdisposisi');
      const unitId = instansi ? unitOf(instansi) : null;
      if (instansi && !unitId) {
        unmatched.set(instansi, (unmatched.get(instansi) ?? 0) + 1);
        continue;
      }
      const regionCode = await regionOf(v('Kota/Kabupaten'));
      if (!regionCode) fail('Wilayah laporan tidak ditemukan.', 'The region of the report was not found.');
      const source = SOURCE_MAP[norm(v('Sumber Laporan'))] ?? 'import';
      summary.importable += 1;
      if (opts.dryRun) continue;
      await ctx.db.transaction(async (tx) => {
        const sub = await submitComplaintIn(
          ctx,
          tx,
          {
            agencyId: opts.agencyId,
            kind: kind!.kind,
            title: title.slice(0, 200),
            description,
            regionCode: regionCode!,
            visibility,
            receivedAt: receivedAt!,
            // The export is this agency's own history: its reports stay here, whatever their region.
            keepAtIntakeAgency: true,
          },
          source,
        );
        const [before] = await tx.select().from(complaints).where(eq(complaints.id, sub.id));
        const sameAgency = before!.agencyId === opts.agencyId;
        const closed = status!.status === 'ditutup' || status!.status === 'diarsipkan';
        const patch = {
          status: status!.status,
          closeHow: status!.closeHow,
          reason: v('Alasan Tunda/Arsip') || null,
          tier: kind!.tier ?? before!.tier,
          ...(unitId && sameAgency ? { unitId, disposedAt: receivedAt!, verifiedAt: receivedAt! } : {}),
          ...(closed ? { closedAt: receivedAt!, firstClosedAt: receivedAt!, dueAt: null, verifyDueAt: null } : {}),
          ...(status!.status === 'menunggu_kelengkapan' ? { dueAt: null } : {}),
        };
        const after = { ...before!, ...patch };
        await tx.update(complaints).set(patch).where(eq(complaints.id, sub.id));
        await applyStats(tx, before!, after);
        const skipped = await ladder.recordPastSteps(tx, after);
        if (skipped.length) summary.overdueOpen += 1;
        await tx.insert(laporImports).values({
          agencyId: opts.agencyId,
          trackingId: trackingId!,
          complaintId: sub.id,
          unitId: unitId && sameAgency ? unitId : null,
          laporStatus: v('Status Laporan'),
          importedAt: ctx.clock.now(),
        });
        await recordAudit(tx, {
          actor: opts.by?.actor ?? { kind: 'system', name: 'lapor-import' },
          role: opts.by?.role ?? null,
          action: 'complaints.lapor_import',
          entityType: 'complaint',
          entityId: sub.id,
          agencyId: before!.agencyId,
          unitId: after.unitId,
          after: { status: after.status, unitId: after.unitId },
          meta: { trackingId, source, laporStatus: v('Status Laporan'), escalationsNotSent: skipped },
          at: ctx.clock.now(),
        });
      });
      summary.imported += 1;
    } catch (e) {
      const message =
        e instanceof RowError
          ? e.t
          : e instanceof AppError
            ? e.text
            : text('Baris tidak dapat diimpor.', 'The row could not be imported.');
      if (!(e instanceof RowError || e instanceof AppError)) ctx.log.error({ err: e, row }, 'lapor import row failed');
      summary.errors.push({ row, trackingId, message });
    }
  }
  summary.unmatched = [...unmatched].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count);
  return summary;
}

/**
 * For an imported report still open and already past its (original) deadline: the escalation steps now due
 * are recorded as done, sent to nobody, with a line on the internal timeline. The escalation job then sends
 * only the steps still to come.
 */
function escalationLadder(ctx: AppContext) {
  const infoOf = ladderInfo();
  return {
    async recordPastSteps(tx: Queryable, c: ComplaintRow): Promise<string[]> {
      const now = ctx.clock.now();
      // Only a deadline already past: a report still due keeps its reminder to the handler.
      if (!CLOCKED_STATUSES.includes(c.status) || !c.dueAt || c.dueAt >= now) return [];
      const { cal, s } = await infoOf(tx, c.agencyId);
      const steps = dueSteps(cal, s, { dueAt: c.dueAt, emergency: c.emergency }, now);
      if (!steps.length) return [];
      await tx
        .insert(escalations)
        .values(steps.map((step) => ({ complaintId: c.id, step, deadline: c.dueAt!, agencyId: c.agencyId, at: now })))
        .onConflictDoNothing();
      await tx.insert(events).values(
        steps.map((step) => ({
          complaintId: c.id,
          agencyId: c.agencyId,
          at: now,
          kind: 'escalation',
          visibility: 'internal' as const,
          actorKind: 'system',
          unitId: c.unitId,
          meta: { step, deadline: c.dueAt!.toISOString(), recipients: [], imported: true },
        })),
      );
      return steps;
    },
  };
}
