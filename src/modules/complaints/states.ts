// The vocabulary of the complaints module and its explicit state machine.
import { conflict } from '../../core/http/errors';
import { type Text, text } from '../../core/i18n/messages';

export const KINDS = ['pengaduan', 'aspirasi', 'permintaan_informasi'] as const;
export type ComplaintKind = (typeof KINDS)[number];

export const VISIBILITIES = ['rahasia', 'anonim', 'biasa'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const SOURCES = [
  'website',
  'android',
  'sms',
  'whatsapp',
  'hotline',
  'email',
  'tatap_muka',
  'pos_surat',
  'instagram',
  'open311',
  'api',
  'import',
] as const;
export type Source = (typeof SOURCES)[number];

/**
 * Classification tiers and their default resolution budgets in working days (HK). The tiers follow the
 * SP4N-LAPOR! classification (Perpres 76/2013; PermenPANRB 62/2018 on the national complaint system,
 * replaced by PermenPANRB 5/2025) and the 2 / 5 / 14 / 60 HK split of local SOPs (e.g. Pemprov Banten,
 * Kota Serang). Resolution within 60 days of a complete file at most. Admins override per category.
 */
export const TIERS = ['ringan', 'normatif', 'tidak_berkadar_pengawasan', 'berkadar_pengawasan'] as const;
export type Tier = (typeof TIERS)[number];

export const STATUSES = [
  'diterima',
  'diverifikasi',
  'didisposisikan',
  'ditindaklanjuti',
  'selesai_ditindaklanjuti',
  'ditutup',
  'menunggu_kelengkapan',
  'ditunda',
  'diarsipkan',
  'digabung',
] as const;
export type ComplaintStatus = (typeof STATUSES)[number];

export const CLOSE_HOWS = [
  'resolved',
  'not_resolved',
  'closed_by_reporter',
  'closed_by_officer',
  'closed_by_system',
] as const;
export type CloseHow = (typeof CLOSE_HOWS)[number];

/** Still waiting on the government: counts as open for duplicates, inboxes and escalation. */
export const OPEN_STATUSES: ComplaintStatus[] = [
  'diterima',
  'diverifikasi',
  'didisposisikan',
  'ditindaklanjuti',
  'menunggu_kelengkapan',
  'ditunda',
];
/** States where a handling deadline runs. */
export const CLOCKED_STATUSES: ComplaintStatus[] = ['diterima', 'diverifikasi', 'didisposisikan', 'ditindaklanjuti'];

/**
 * Legal transitions. Merging (→ digabung), archiving and forwarding are listed here too, so every change
 * of state goes through assertTransition.
 */
export const TRANSITIONS: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  diterima: ['diverifikasi', 'didisposisikan', 'menunggu_kelengkapan', 'diarsipkan', 'digabung'],
  diverifikasi: ['didisposisikan', 'menunggu_kelengkapan', 'diarsipkan', 'digabung', 'ditunda'],
  didisposisikan: [
    'ditindaklanjuti',
    'didisposisikan',
    'diverifikasi',
    'menunggu_kelengkapan',
    'ditunda',
    'digabung',
    'selesai_ditindaklanjuti',
  ],
  ditindaklanjuti: ['selesai_ditindaklanjuti', 'menunggu_kelengkapan', 'ditunda', 'didisposisikan'],
  selesai_ditindaklanjuti: ['ditutup', 'ditindaklanjuti'],
  ditutup: ['ditindaklanjuti'],
  menunggu_kelengkapan: ['diterima', 'diverifikasi', 'didisposisikan', 'ditindaklanjuti', 'diarsipkan', 'ditutup'],
  ditunda: ['diverifikasi', 'didisposisikan', 'ditindaklanjuti', 'diarsipkan'],
  diarsipkan: [],
  digabung: [],
};

export const STATUS_LABELS: Record<ComplaintStatus, Text> = {
  diterima: text('Diterima', 'Received'),
  diverifikasi: text('Diverifikasi', 'Verified'),
  didisposisikan: text('Didisposisikan', 'Assigned to a unit'),
  ditindaklanjuti: text('Ditindaklanjuti', 'Being followed up'),
  selesai_ditindaklanjuti: text('Selesai ditindaklanjuti', 'Follow-up completed'),
  ditutup: text('Ditutup', 'Closed'),
  menunggu_kelengkapan: text('Menunggu kelengkapan informasi', 'Waiting for more information'),
  ditunda: text('Ditunda', 'Postponed'),
  diarsipkan: text('Diarsipkan', 'Archived'),
  digabung: text('Digabung dengan laporan lain', 'Merged into another report'),
};

export const CLOSE_LABELS: Record<CloseHow, Text> = {
  resolved: text('Selesai, masalah teratasi', 'Resolved'),
  not_resolved: text('Ditutup, masalah tidak teratasi', 'Closed, not resolved'),
  closed_by_reporter: text('Ditutup oleh pelapor', 'Closed by the reporter'),
  closed_by_officer: text('Ditutup oleh petugas', 'Closed by an officer'),
  closed_by_system: text('Ditutup oleh sistem', 'Closed by the system'),
};

export const KIND_LABELS: Record<ComplaintKind, Text> = {
  pengaduan: text('Pengaduan', 'Complaint'),
  aspirasi: text('Aspirasi', 'Aspiration'),
  permintaan_informasi: text('Permintaan informasi', 'Information request'),
};

export function canTransition(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** 409 with a bilingual message naming both states. */
export function assertTransition(from: ComplaintStatus, to: ComplaintStatus): void {
  if (canTransition(from, to)) return;
  throw conflict(
    'ILLEGAL_TRANSITION',
    text(
      `Laporan berstatus "${STATUS_LABELS[from].id}" tidak dapat diubah menjadi "${STATUS_LABELS[to].id}".`,
      `A report that is "${STATUS_LABELS[from].en}" cannot become "${STATUS_LABELS[to].en}".`,
    ),
    { from, to },
  );
}
