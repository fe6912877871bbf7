// Presentation helpers shared by the routes: bilingual labels for statuses and timeline entries.
import { type Text, text } from '../../core/i18n/messages';
import type { TimelineEntry } from './repository';
import { CLOSE_LABELS, type ComplaintKind, type ComplaintStatus, STATUS_LABELS } from './states';

const EVENT_LABELS: Record<string, Text> = {
  submitted: text('Laporan diterima', 'Report received'),
  forwarded: text('Diteruskan ke instansi yang berwenang', 'Forwarded to the responsible agency'),
  routed: text('Diarahkan ke unit', 'Routed to a unit'),
  disposed: text('Disposisi ke unit', 'Assigned to a unit'),
  not_authority: text('Dinyatakan bukan wewenang unit', 'Declared outside the unit’s authority'),
  reply: text('Tanggapan petugas', 'Reply from an officer'),
  reporter_reply: text('Tanggapan pelapor', 'Reply from the reporter'),
  note: text('Catatan internal', 'Internal note'),
  rating: text('Penilaian pelapor', 'Rating by the reporter'),
  reopened: text('Dibuka kembali oleh pelapor', 'Reopened by the reporter'),
  escalation: text('Eskalasi', 'Escalation'),
  deadline_moved: text(
    'Batas waktu disesuaikan dengan perubahan hari libur',
    'Deadline moved with a change of days off',
  ),
  merged_from: text('Laporan lain digabungkan ke laporan ini', 'Another report was merged into this one'),
};

export const statusLabel = (s: ComplaintStatus) => STATUS_LABELS[s];

export function entryLabel(e: Pick<TimelineEntry, 'kind' | 'status'>, closeHow?: string | null): Text {
  if (e.kind === 'status' && e.status) {
    if (e.status === 'ditutup' && closeHow && closeHow in CLOSE_LABELS)
      return CLOSE_LABELS[closeHow as keyof typeof CLOSE_LABELS];
    return STATUS_LABELS[e.status];
  }
  return EVENT_LABELS[e.kind] ?? text(e.kind, e.kind);
}

export function presentEntry(e: TimelineEntry) {
  const closeHow = (e.meta as { closeHow?: string } | null)?.closeHow ?? null;
  return {
    at: e.at,
    kind: e.kind,
    status: e.status,
    statusLabel: e.status ? STATUS_LABELS[e.status] : null,
    label: entryLabel(e, closeHow),
    unitName: e.unitName,
    author: e.author,
  };
}

/** The shell's tracking page knows these kinds. */
export const TRACK_KINDS: Record<ComplaintKind, string> = {
  pengaduan: 'complaint',
  aspirasi: 'aspiration',
  permintaan_informasi: 'information_request',
};
