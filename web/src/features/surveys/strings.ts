// The survey pages' own strings, Bahasa Indonesia first, English second.
import { useI18n } from '../../lib/i18n/i18n';

const S = {
  title: ['Survei Kepuasan Masyarakat', 'Community Satisfaction Survey'],
  lead: [
    'Nilai pelayanan {unit}. Tanpa nama; jawaban Anda hanya dihitung dalam Indeks Kepuasan Masyarakat (PermenPANRB 14/2017).',
    'Rate the service of {unit}. Anonymous; your answers count only in the Community Satisfaction Index (PermenPANRB 14/2017).',
  ],
  elementsTitle: ['Penilaian pelayanan', 'Rating of the service'],
  profileTitle: ['Tentang Anda (opsional)', 'About you (optional)'],
  jenisKelamin: ['Jenis kelamin', 'Sex'],
  umur: ['Kelompok umur', 'Age group'],
  pendidikan: ['Pendidikan terakhir', 'Education'],
  pekerjaan: ['Pekerjaan utama', 'Occupation'],
  notSay: ['— tidak diisi —', '— prefer not to say —'],
  extraTitle: ['Pertanyaan tambahan dari unit', "The unit's own questions"],
  extraNote: ['Tidak dihitung dalam IKM.', 'Not counted in the index.'],
  suggestion: ['Saran untuk perbaikan pelayanan (opsional)', 'Suggestion to improve the service (optional)'],
  suggestionHint: ['Jangan tulis nama atau nomor identitas.', 'Do not write your name or any ID number.'],
  submit: ['Kirim penilaian', 'Send rating'],
  sending: ['Mengirim…', 'Sending…'],
  missing: [
    'Jawab semua sembilan pertanyaan penilaian. Belum dijawab: {list}.',
    'Answer all nine rating questions. Not answered: {list}.',
  ],
  thanks: ['Terima kasih! Penilaian Anda sudah kami terima.', 'Thank you! We have received your rating.'],
  next: ['Responden berikutnya', 'Next respondent'],
  kioskTitle: ['Nilai pelayanan kami', 'Rate our service'],
  kioskReset: ['Layar ini kembali ke awal dalam {n} detik.', 'This screen returns to the start in {n} seconds.'],
  start: ['Mulai survei', 'Start the survey'],
  question: ['Pertanyaan {n}', 'Question {n}'],
  resultTitle: ['Hasil Survei Kepuasan Masyarakat', 'Community Satisfaction Survey result'],
  period: ['Periode', 'Period'],
  responses: ['Jumlah responden', 'Respondents'],
  weight: ['Bobot', 'Weight'],
  element: ['Unsur', 'Element'],
  total: ['Jumlah nilai', 'Total'],
  nrr: ['NRR', 'NRR'],
  weightedNrr: ['NRR tertimbang', 'Weighted NRR'],
  ikm: ['IKM', 'IKM'],
  converted: ['Nilai IKM konversi', 'Converted IKM'],
  mutu: ['Mutu pelayanan', 'Service quality'],
  lowest: ['terendah', 'lowest'],
  lowestNote: [
    'Unsur bertanda "terendah" menjadi prioritas tindak lanjut.',
    'Elements marked "lowest" are the priority for follow-up.',
  ],
  publishedAt: ['Diterbitkan {date}', 'Published {date}'],
  notPublished: ['Unit ini belum menerbitkan hasil survei.', 'This unit has not published a survey result yet.'],
  sample: [
    'Sampel minimum (Krejcie dan Morgan): {min} dari populasi {pop}.',
    'Minimum sample (Krejcie and Morgan): {min} of a population of {pop}.',
  ],
  sampleShort: [
    'Jumlah responden ({n}) kurang dari sampel minimum ({min}).',
    'The number of respondents ({n}) is below the minimum sample ({min}).',
  ],
  followUpsPrev: ['Tindak lanjut periode sebelumnya ({label})', 'Follow-up of the previous period ({label})'],
  followUpsNow: ['Rencana tindak lanjut periode ini', 'Follow-up plan of this period'],
  none: ['Tidak ada.', 'None.'],
  action: ['Kegiatan', 'Action'],
  owner: ['Penanggung jawab', 'Owner'],
  dueDate: ['Batas waktu', 'Due date'],
  status: ['Status', 'Status'],
  profile: ['Profil responden', 'Respondent profile'],
  notGiven: ['Tidak diisi', 'Not given'],
  reportTitle: ['Laporan IKM', 'IKM report'],
  unit: ['Unit', 'Unit'],
  wholeAgency: ['Seluruh instansi', 'Whole agency'],
  periodHint: [
    'Contoh: 2026-11 (bulan), 2026-Q4 (triwulan), 2026-S2 (semester), 2026 (tahun).',
    'E.g. 2026-11 (month), 2026-Q4 (quarter), 2026-S2 (half-year), 2026 (year).',
  ],
  show: ['Tampilkan', 'Show'],
  noResponses: ['Belum ada jawaban survei pada periode ini.', 'There are no survey responses in this period.'],
  downloadPdf: ['Unduh PDF', 'Download PDF'],
  downloadXlsx: ['Unduh XLSX', 'Download XLSX'],
  poster: ['Poster QR unit', "Unit's QR poster"],
  publish: ['Terbitkan hasil ini', 'Publish this result'],
  published: ['Hasil diterbitkan di halaman publik.', 'The result is published on the public page.'],
  publicPage: ['Halaman hasil publik', 'Public result page'],
  trend: ['Tren', 'Trend'],
  kiosks: ['Kios survei', 'Survey kiosks'],
  kioskName: ['Nama kios', 'Kiosk name'],
  addKiosk: ['Tambah kios', 'Add kiosk'],
  followUpAdd: ['Tambah rencana tindak lanjut', 'Add a follow-up plan'],
  add: ['Tambah', 'Add'],
  suggestions: ['Saran responden', "Respondents' suggestions"],
  questions: ['Pertanyaan tambahan', 'Additional questions'],
  average: ['Rata-rata', 'Average'],
  answers: ['Jawaban', 'Answers'],
  s_direncanakan: ['Direncanakan', 'Planned'],
  s_berjalan: ['Berjalan', 'In progress'],
  s_selesai: ['Selesai', 'Done'],
  chooseUnit: [
    'Pilih unit kerja aktif di atas untuk laporan per unit.',
    'Choose an active unit above for a per-unit report.',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type Key = keyof typeof S;

export function useStrings() {
  const { lang, pick } = useI18n();
  const s = (k: Key, vars?: Record<string, string | number>) => {
    const v: string = S[k][lang === 'en' ? 1 : 0];
    return vars ? v.replace(/\{(\w+)\}/g, (w, n: string) => (n in vars ? String(vars[n]) : w)) : v;
  };
  return { s, lang, pick };
}
