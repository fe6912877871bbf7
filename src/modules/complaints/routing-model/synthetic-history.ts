// A synthetic but realistic labelled complaint history for tests and the benchmark: units with their own
// vocabulary, shared complaint boilerplate, off-topic noise and mislabelled rows, from a fixed seed.
import type { Example } from './naive-bayes';

/** Mulberry32: a small deterministic PRNG. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SYNTHETIC_UNITS: Record<string, string[]> = {
  'Bidang Bina Marga': ['jalan', 'berlubang', 'aspal', 'jembatan', 'rusak', 'retak', 'tambal', 'trotoar'],
  'Bidang Sumber Daya Air': ['banjir', 'drainase', 'saluran', 'irigasi', 'sungai', 'tersumbat', 'genangan', 'tanggul'],
  'Bidang Pelayanan Kesehatan': ['puskesmas', 'dokter', 'rumah', 'sakit', 'obat', 'antre', 'bpjs', 'perawat'],
  'Bidang Pencegahan dan Pengendalian Penyakit': [
    'demam',
    'berdarah',
    'fogging',
    'nyamuk',
    'vaksin',
    'imunisasi',
    'wabah',
    'diare',
  ],
  'Bidang Pengelolaan Sampah dan Limbah B3': [
    'sampah',
    'menumpuk',
    'bau',
    'tps',
    'limbah',
    'pembakaran',
    'pengangkutan',
    'kotor',
  ],
  'Bidang Lalu Lintas dan Angkutan': ['lampu', 'lalu', 'lintas', 'macet', 'parkir', 'angkot', 'terminal', 'rambu'],
  'Bidang Rehabilitasi Sosial': [
    'gelandangan',
    'pengemis',
    'odgj',
    'terlantar',
    'panti',
    'anak',
    'jalanan',
    'disabilitas',
  ],
  'Bidang Perlindungan dan Jaminan Sosial': [
    'bansos',
    'pkh',
    'bantuan',
    'sembako',
    'dtks',
    'kip',
    'penerima',
    'pencairan',
  ],
  'Bidang Pelayanan Perizinan': ['izin', 'pbg', 'imb', 'oss', 'nib', 'usaha', 'perizinan', 'berkas'],
  'Bidang Mutasi dan Promosi': ['asn', 'pns', 'mutasi', 'pangkat', 'kenaikan', 'jabatan', 'pegawai', 'honorer'],
  'Satuan Polisi Pamong Praja': [
    'pkl',
    'pedagang',
    'liar',
    'bangunan',
    'ketertiban',
    'reklame',
    'penertiban',
    'trotoar',
  ],
  'Bidang Pembinaan Sekolah Menengah Atas': [
    'sekolah',
    'sma',
    'ppdb',
    'zonasi',
    'guru',
    'pungutan',
    'siswa',
    'seragam',
  ],
};

const FILLER = [
  'sudah lama',
  'tidak ada tindak lanjut',
  'mohon segera ditangani',
  'sangat meresahkan warga',
  'di depan pasar',
  'dekat kantor kelurahan',
  'sejak minggu lalu',
  'setiap hari',
  'sudah dilaporkan ke rt',
  'kondisinya parah',
];
const NOISE = [
  'pelayanan',
  'petugas',
  'kantor',
  'dinas',
  'lokasi',
  'kecamatan',
  'desa',
  'masyarakat',
  'kondisi',
  'informasi',
];
const REGIONS = ['36.73.01', '36.73.02', '36.73.03', '36.73.04', '36.73.05', '36.73.06'];

export interface SyntheticComplaint extends Example {
  unit: string;
}

/**
 * `n` complaints over the units above. Unit sizes are skewed (the first units get more), 60% of each text
 * comes from the unit's words, the rest is boilerplate and words shared by all units, and `labelNoise` of the
 * rows are assigned to a random unit (real dispositions are not always right).
 */
export function syntheticHistory(n: number, seed = 42, labelNoise = 0.08): SyntheticComplaint[] {
  const rnd = seededRandom(seed);
  const names = Object.keys(SYNTHETIC_UNITS);
  const weights = names.map((_, i) => 1 / (1 + i * 0.25));
  const total = weights.reduce((a, b) => a + b, 0);
  const pickUnit = () => {
    let r = rnd() * total;
    for (let i = 0; i < names.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return i;
    }
    return names.length - 1;
  };
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: SyntheticComplaint[] = [];
  for (let k = 0; k < n; k++) {
    const u = pickUnit();
    // A unit's home region is where most of its reports come from.
    const regionCode = `${rnd() < 0.5 ? REGIONS[u % REGIONS.length] : pick(REGIONS)}.${1001 + Math.floor(rnd() * 5)}`;
    const words: string[] = [];
    const len = 3 + Math.floor(rnd() * 6);
    for (let i = 0; i < len; i++) {
      const r = rnd();
      words.push(
        r < 0.6 ? pick(SYNTHETIC_UNITS[names[u]!]!) : r < 0.8 ? pick(NOISE) : pick(SYNTHETIC_UNITS[pick(names)]!),
      );
    }
    const title = words.slice(0, 3).join(' ');
    const description = `${words.join(' ')} ${pick(FILLER)}.`;
    const unit = rnd() < labelNoise ? pick(names) : names[u]!;
    out.push({ title, description, regionCode, unit });
  }
  return out;
}

/** Top-1 and top-3 accuracy of a ranker, and the accuracy of always answering the most frequent training unit. */
export function evaluate(
  trainSet: SyntheticComplaint[],
  testSet: SyntheticComplaint[],
  rank: (x: Example) => string[],
): { top1: number; top3: number; baseline: number } {
  const freq = new Map<string, number>();
  for (const x of trainSet) freq.set(x.unit, (freq.get(x.unit) ?? 0) + 1);
  const majority = [...freq].sort((a, b) => b[1] - a[1])[0]?.[0];
  let top1 = 0;
  let top3 = 0;
  let base = 0;
  for (const x of testSet) {
    const r = rank(x);
    if (r[0] === x.unit) top1++;
    if (r.slice(0, 3).includes(x.unit)) top3++;
    if (majority === x.unit) base++;
  }
  const n = testSet.length || 1;
  return { top1: top1 / n, top3: top3 / n, baseline: base / n };
}
