// The demo catalogue: realistic services across demo units, each with its full Standar Pelayanan, a form
// and a 2–4 step workflow. Quick: plain inserts in one transaction, one ledger entry per service.
import { and, asc, eq, like } from 'drizzle-orm';
import { recordAudit } from '../../core/audit/record-audit';
import type { SeedContext } from '../../core/module';
import { units } from '../../core/org/schema';
import type { FormField, ServiceDefinition, ServiceStandard, StepRole } from './definition';
import { serviceVersions, services } from './schema';

const f = (
  key: string,
  id: string,
  en: string,
  type: FormField['type'],
  required = true,
  extra: Partial<FormField> = {},
): FormField => ({
  key,
  label: { id, en },
  type,
  required,
  ...extra,
});
const scan = (key: string, id: string, en: string, required = true): FormField =>
  f(key, id, en, 'file', required, { allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'], maxSizeKb: 2048 });

const IDENTITY: FormField[] = [
  f('nik', 'NIK pemohon', 'Applicant’s NIK', 'nik'),
  f('alamat', 'Alamat', 'Address', 'text', true, { maxLength: 300 }),
  f('wilayah', 'Kode wilayah desa/kelurahan', 'Village region code', 'region'),
  f('telepon', 'Nomor telepon', 'Phone number', 'text', false, { maxLength: 20 }),
];
const KTP = scan('scan_ktp', 'Pindaian KTP-el', 'Scan of the e-KTP');

interface DemoService {
  unit: string[];
  code: string;
  name: string;
  summary: string;
  fee: number;
  legal: string[];
  product: string;
  requirements: string[];
  fields: FormField[];
  steps: [string, string, StepRole, string[] | null, number][];
}

function standard(s: DemoService, days: number): ServiceStandard {
  return {
    persyaratan: s.requirements,
    prosedur: [
      'Pemohon mengajukan permohonan melalui Pamong (akun atau tanpa akun dengan kode lacak) dan mengunggah persyaratan.',
      ...s.steps.map(([id], i) => `Tahap ${i + 1}: ${id}.`),
      'Pemohon menerima pemberitahuan e-mail di setiap tahap dan mengunduh dokumen elektronik bertanda QR.',
    ],
    jangkaWaktu: `${days} hari kerja sejak permohonan lengkap diterima (waktu perbaikan oleh pemohon tidak dihitung).`,
    biaya:
      s.fee === 0
        ? 'Tidak dipungut biaya (gratis).'
        : `Rp${s.fee.toLocaleString('id-ID')} sesuai peraturan daerah tentang retribusi, dibayar melalui kode pembayaran.`,
    produk: [s.product],
    pengaduan: [
      'Kanal pengaduan Pamong / SP4N-LAPOR!',
      'Kotak saran dan meja pengaduan di kantor layanan',
      'Telepon dan WhatsApp layanan pengaduan unit',
    ],
    dasarHukum: [
      'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik',
      'Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan',
      ...s.legal,
    ],
    sarana: [
      'Ruang pelayanan dengan kursi tunggu dan toilet',
      'Akses ramah disabilitas',
      'Komputer, pemindai, dan jaringan internet',
      'Aplikasi Pamong',
    ],
    kompetensiPelaksana: [
      'Memahami peraturan terkait layanan',
      'Mampu mengoperasikan komputer dan aplikasi Pamong',
      'Berperilaku ramah, sopan, dan komunikatif',
    ],
    pengawasanInternal: [
      'Pengawasan melekat oleh atasan langsung',
      'Pengawasan oleh Inspektorat',
      'Sistem pengendalian intern pemerintah',
    ],
    jumlahPelaksana: `${s.steps.length + 1} orang`,
    jaminanPelayanan:
      'Pelayanan diberikan sesuai standar pelayanan ini; keterlambatan dapat diadukan dan dipantau melalui kode lacak.',
    jaminanKeamanan:
      'Data pribadi pemohon dilindungi dan hanya dipakai untuk layanan ini; dokumen terbit bertanda tangan elektronik dan dapat diverifikasi.',
    evaluasiKinerja:
      'Evaluasi kinerja pelaksana dilakukan setiap triwulan berdasarkan ketepatan waktu dan Survei Kepuasan Masyarakat.',
  };
}

const SERVICES: DemoService[] = [
  {
    unit: ['banten', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Bidang Penataan Ruang'],
    code: 'RTPR',
    name: 'Rekomendasi Teknis Pemanfaatan Ruang',
    summary: 'Rekomendasi kesesuaian rencana kegiatan dengan rencana tata ruang wilayah provinsi.',
    fee: 0,
    legal: ['Peraturan Pemerintah Nomor 21 Tahun 2021 tentang Penyelenggaraan Penataan Ruang'],
    product: 'Surat Rekomendasi Teknis Pemanfaatan Ruang',
    requirements: ['Pindaian KTP-el pemohon', 'Peta lokasi rencana kegiatan', 'Dokumen rencana kegiatan'],
    fields: [
      ...IDENTITY,
      f('kegiatan', 'Rencana kegiatan', 'Planned activity', 'text', true, { maxLength: 500 }),
      f('luas', 'Luas lahan (m²)', 'Land area (m²)', 'number', true, { min: 1, max: 10_000_000 }),
      KTP,
      scan('peta_lokasi', 'Peta lokasi', 'Location map'),
    ],
    steps: [
      ['Pemeriksaan kelengkapan', 'Completeness check', 'operator_unit', null, 2],
      [
        'Kajian teknis',
        'Technical review',
        'operator_unit',
        ['banten', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Bidang Penataan Ruang'],
        5,
      ],
      [
        'Persetujuan kepala dinas',
        'Approval by head of unit',
        'kepala_unit',
        ['banten', 'Dinas Pekerjaan Umum dan Penataan Ruang'],
        3,
      ],
    ],
  },
  {
    unit: ['banten', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Bidang Bina Marga'],
    code: 'RUMIJA',
    name: 'Izin Pemanfaatan Ruang Milik Jalan Provinsi',
    summary: 'Izin penempatan utilitas, jalan masuk, atau bangunan pada ruang milik jalan provinsi.',
    fee: 0,
    legal: ['Peraturan Menteri PUPR Nomor 20/PRT/M/2010 tentang Pemanfaatan dan Penggunaan Bagian-Bagian Jalan'],
    product: 'Surat Izin Pemanfaatan Ruang Milik Jalan',
    requirements: ['Pindaian KTP-el', 'Gambar teknis rencana pemanfaatan'],
    fields: [
      ...IDENTITY,
      f('ruas_jalan', 'Ruas jalan', 'Road section', 'text'),
      f('jenis', 'Jenis pemanfaatan', 'Kind of use', 'choice', true, {
        options: [
          { value: 'utilitas', label: { id: 'Utilitas (kabel/pipa)', en: 'Utilities (cable/pipe)' } },
          { value: 'akses', label: { id: 'Jalan masuk', en: 'Access road' } },
          { value: 'bangunan', label: { id: 'Bangunan pelengkap', en: 'Ancillary structure' } },
        ],
      }),
      KTP,
      scan('gambar_teknis', 'Gambar teknis', 'Technical drawing'),
    ],
    steps: [
      ['Pemeriksaan kelengkapan', 'Completeness check', 'operator_unit', null, 2],
      ['Survei lapangan dan kajian teknis', 'Site survey and technical review', 'operator_unit', null, 6],
      [
        'Persetujuan kepala dinas',
        'Approval by head of unit',
        'kepala_unit',
        ['banten', 'Dinas Pekerjaan Umum dan Penataan Ruang'],
        2,
      ],
    ],
  },
  {
    unit: ['banten', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'Bidang Pelayanan Perizinan'],
    code: 'IPEN',
    name: 'Izin Penelitian',
    summary: 'Surat izin penelitian/riset bagi mahasiswa, peneliti, dan lembaga di lingkungan Provinsi Banten.',
    fee: 0,
    legal: ['Peraturan Menteri Dalam Negeri Nomor 3 Tahun 2018 tentang Penerbitan Surat Keterangan Penelitian'],
    product: 'Surat Keterangan Penelitian',
    requirements: ['Pindaian KTP-el', 'Surat pengantar dari lembaga/perguruan tinggi', 'Proposal penelitian'],
    fields: [
      ...IDENTITY,
      f('judul', 'Judul penelitian', 'Research title', 'text', true, { maxLength: 300 }),
      f('lembaga', 'Lembaga/perguruan tinggi', 'Institution', 'text'),
      f('mulai', 'Tanggal mulai', 'Start date', 'date'),
      f('selesai', 'Tanggal selesai', 'End date', 'date'),
      KTP,
      scan('surat_pengantar', 'Surat pengantar', 'Cover letter'),
      scan('proposal', 'Proposal penelitian', 'Research proposal'),
    ],
    steps: [
      ['Verifikasi berkas', 'Document verification', 'operator_unit', null, 1],
      [
        'Penandatanganan',
        'Signing',
        'kepala_unit',
        ['banten', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu'],
        2,
      ],
    ],
  },
  {
    unit: ['banten', 'Dinas Lingkungan Hidup'],
    code: 'RTLH',
    name: 'Rekomendasi Teknis Pengelolaan Limbah B3',
    summary: 'Rekomendasi teknis penyimpanan sementara limbah bahan berbahaya dan beracun (B3).',
    fee: 0,
    legal: [
      'Peraturan Pemerintah Nomor 22 Tahun 2021 tentang Penyelenggaraan Perlindungan dan Pengelolaan Lingkungan Hidup',
    ],
    product: 'Surat Rekomendasi Teknis',
    requirements: ['Pindaian KTP-el penanggung jawab', 'Nomor Induk Berusaha (NIB)', 'Tata letak tempat penyimpanan'],
    fields: [
      ...IDENTITY,
      f('nib', 'Nomor Induk Berusaha (NIB)', 'Business ID number (NIB)', 'nib'),
      f('jenis_limbah', 'Jenis limbah B3', 'Kind of hazardous waste', 'text'),
      KTP,
      scan('tata_letak', 'Tata letak TPS', 'Storage layout'),
    ],
    steps: [
      ['Pemeriksaan kelengkapan', 'Completeness check', 'operator_unit', null, 2],
      ['Verifikasi lapangan', 'Site verification', 'operator_unit', null, 8],
      ['Persetujuan kepala dinas', 'Approval by head of unit', 'kepala_unit', null, 2],
      ['Penerbitan', 'Issuance', 'operator_unit', null, 2],
    ],
  },
  {
    unit: ['kota-serang', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'Bidang Pelayanan Perizinan'],
    code: 'REKL',
    name: 'Izin Reklame',
    summary: 'Izin penyelenggaraan reklame papan/billboard, baliho, dan neon box di Kota Serang.',
    fee: 150_000,
    legal: ['Peraturan Daerah Kota Serang tentang Pajak Daerah dan Retribusi Daerah'],
    product: 'Surat Izin Penyelenggaraan Reklame',
    requirements: ['Pindaian KTP-el', 'NIB', 'Desain reklame', 'Foto lokasi'],
    fields: [
      ...IDENTITY,
      f('nib', 'Nomor Induk Berusaha (NIB)', 'Business ID number (NIB)', 'nib'),
      f('jenis', 'Jenis reklame', 'Kind of advertisement', 'choice', true, {
        options: [
          { value: 'billboard', label: { id: 'Papan/billboard', en: 'Billboard' } },
          { value: 'baliho', label: { id: 'Baliho', en: 'Banner' } },
          { value: 'neon_box', label: { id: 'Neon box', en: 'Neon box' } },
        ],
      }),
      f('ukuran', 'Luas bidang reklame (m²)', 'Advertising area (m²)', 'number', true, { min: 0.1, max: 500 }),
      KTP,
      scan('desain', 'Desain reklame', 'Advertisement design'),
      scan('foto_lokasi', 'Foto lokasi', 'Photo of the site'),
    ],
    steps: [
      ['Pemeriksaan kelengkapan', 'Completeness check', 'operator_unit', null, 1],
      ['Tinjauan teknis', 'Technical review', 'operator_unit', null, 3],
      [
        'Persetujuan kepala dinas',
        'Approval by head of unit',
        'kepala_unit',
        ['kota-serang', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu'],
        1,
      ],
    ],
  },
  {
    unit: ['kota-serang', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'Bidang Pelayanan Perizinan'],
    code: 'SIPNAKES',
    name: 'Izin Praktik Tenaga Kesehatan',
    summary: 'Surat Izin Praktik (SIP) bagi dokter, bidan, perawat, dan tenaga kesehatan lain.',
    fee: 0,
    legal: ['Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan'],
    product: 'Surat Izin Praktik (SIP)',
    requirements: [
      'Pindaian KTP-el',
      'Surat Tanda Registrasi (STR) yang berlaku',
      'Surat keterangan dari fasilitas pelayanan kesehatan',
      'Pas foto',
    ],
    fields: [
      ...IDENTITY,
      f('profesi', 'Profesi', 'Profession', 'choice', true, {
        options: [
          { value: 'dokter', label: { id: 'Dokter', en: 'Physician' } },
          { value: 'bidan', label: { id: 'Bidan', en: 'Midwife' } },
          { value: 'perawat', label: { id: 'Perawat', en: 'Nurse' } },
        ],
      }),
      f('nomor_str', 'Nomor STR', 'Registration (STR) number', 'text', true, { maxLength: 40 }),
      f('fasyankes', 'Fasilitas pelayanan kesehatan', 'Health facility', 'text'),
      KTP,
      scan('str', 'Pindaian STR', 'Scan of the STR'),
      scan('pas_foto', 'Pas foto', 'Passport photo'),
    ],
    steps: [
      ['Verifikasi berkas', 'Document verification', 'operator_unit', null, 2],
      [
        'Rekomendasi Dinas Kesehatan',
        'Recommendation by the health office',
        'operator_unit',
        ['kota-serang', 'Dinas Kesehatan'],
        3,
      ],
      [
        'Penandatanganan',
        'Signing',
        'kepala_unit',
        ['kota-serang', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu'],
        2,
      ],
    ],
  },
  {
    unit: ['kota-serang', 'Dinas Kependudukan dan Pencatatan Sipil', 'Bidang Pelayanan Pendaftaran Penduduk'],
    code: 'LEGDUK',
    name: 'Legalisasi Dokumen Kependudukan',
    summary: 'Legalisasi fotokopi Kartu Keluarga, akta kelahiran, dan dokumen kependudukan lain.',
    fee: 0,
    legal: [
      'Undang-Undang Nomor 24 Tahun 2013 tentang Perubahan atas UU Nomor 23 Tahun 2006 tentang Administrasi Kependudukan',
      'Permendagri Nomor 109 Tahun 2019 tentang Formulir dan Buku yang Digunakan dalam Administrasi Kependudukan',
    ],
    product: 'Dokumen kependudukan terlegalisasi',
    requirements: ['Pindaian KTP-el', 'Pindaian dokumen yang dilegalisasi'],
    fields: [
      ...IDENTITY,
      f('dokumen', 'Jenis dokumen', 'Kind of document', 'choice', true, {
        options: [
          { value: 'kk', label: { id: 'Kartu Keluarga', en: 'Family card' } },
          { value: 'akta_lahir', label: { id: 'Akta kelahiran', en: 'Birth certificate' } },
          { value: 'akta_kawin', label: { id: 'Akta perkawinan', en: 'Marriage certificate' } },
        ],
      }),
      f('jumlah', 'Jumlah lembar', 'Number of copies', 'number', true, { min: 1, max: 10 }),
      KTP,
      scan('dokumen_asli', 'Pindaian dokumen', 'Scan of the document'),
    ],
    steps: [
      ['Verifikasi data kependudukan', 'Population data check', 'operator_unit', null, 1],
      ['Penandatanganan', 'Signing', 'kepala_unit', ['kota-serang', 'Dinas Kependudukan dan Pencatatan Sipil'], 1],
    ],
  },
  {
    unit: ['kota-serang', 'Dinas Kependudukan dan Pencatatan Sipil', 'Bidang Pelayanan Pencatatan Sipil'],
    code: 'AKLAHIR',
    name: 'Penerbitan Akta Kelahiran',
    summary: 'Pencatatan kelahiran dan penerbitan kutipan akta kelahiran.',
    fee: 0,
    legal: [
      'Undang-Undang Nomor 24 Tahun 2013 tentang Administrasi Kependudukan',
      'Perpres Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil',
    ],
    product: 'Kutipan Akta Kelahiran',
    requirements: ['Surat keterangan lahir dari dokter/bidan', 'Kartu Keluarga', 'KTP-el orang tua'],
    fields: [
      ...IDENTITY,
      f('nama_anak', 'Nama anak', 'Child’s name', 'text'),
      f('tanggal_lahir', 'Tanggal lahir anak', 'Child’s date of birth', 'date'),
      scan('surat_lahir', 'Surat keterangan lahir', 'Birth statement'),
      scan('kk', 'Kartu Keluarga', 'Family card'),
    ],
    steps: [
      ['Verifikasi berkas', 'Document verification', 'operator_unit', null, 1],
      ['Pencatatan', 'Registration', 'operator_unit', null, 1],
      ['Penandatanganan', 'Signing', 'kepala_unit', ['kota-serang', 'Dinas Kependudukan dan Pencatatan Sipil'], 1],
    ],
  },
  {
    unit: ['kota-serang', 'Dinas Perhubungan'],
    code: 'UJIKIR',
    name: 'Pengujian Berkala Kendaraan Bermotor',
    summary: 'Uji berkala (KIR) kendaraan angkutan barang dan penumpang.',
    fee: 87_000,
    legal: ['Peraturan Menteri Perhubungan Nomor PM 19 Tahun 2021 tentang Pengujian Berkala Kendaraan Bermotor'],
    product: 'Bukti lulus uji elektronik (BLUe)',
    requirements: ['Pindaian STNK', 'Pindaian KTP-el pemilik', 'Bukti uji sebelumnya'],
    fields: [
      ...IDENTITY,
      f('nomor_polisi', 'Nomor polisi', 'Licence plate', 'text', true, { maxLength: 12 }),
      f('jadwal', 'Tanggal uji yang diinginkan', 'Preferred test date', 'date'),
      KTP,
      scan('stnk', 'Pindaian STNK', 'Scan of the vehicle registration'),
    ],
    steps: [
      ['Verifikasi berkas', 'Document verification', 'operator_unit', null, 1],
      ['Pengujian kendaraan', 'Vehicle test', 'operator_unit', null, 1],
      ['Pengesahan', 'Approval', 'kepala_unit', null, 1],
    ],
  },
  {
    unit: ['kota-serang', 'Dinas Sosial'],
    code: 'SKTM',
    name: 'Surat Keterangan Tidak Mampu',
    summary: 'Surat keterangan bagi keluarga tidak mampu untuk keringanan biaya pendidikan dan kesehatan.',
    fee: 0,
    legal: ['Undang-Undang Nomor 13 Tahun 2011 tentang Penanganan Fakir Miskin'],
    product: 'Surat Keterangan Tidak Mampu (SKTM)',
    requirements: ['Pindaian KTP-el', 'Kartu Keluarga', 'Surat pengantar RT/RW'],
    fields: [
      ...IDENTITY,
      f('keperluan', 'Keperluan', 'Purpose', 'choice', true, {
        options: [
          { value: 'pendidikan', label: { id: 'Pendidikan', en: 'Education' } },
          { value: 'kesehatan', label: { id: 'Kesehatan', en: 'Health care' } },
        ],
      }),
      f('tanggungan', 'Jumlah tanggungan', 'Number of dependants', 'number', true, { min: 0, max: 20 }),
      KTP,
      scan('pengantar_rt', 'Surat pengantar RT/RW', 'Letter from the RT/RW'),
    ],
    steps: [
      ['Verifikasi data DTKS', 'Social registry check', 'operator_unit', null, 1],
      ['Penandatanganan', 'Signing', 'kepala_unit', null, 1],
    ],
  },
  {
    unit: ['kota-serang', '@kelurahan'],
    code: 'SKD',
    name: 'Surat Keterangan Domisili',
    summary: 'Surat keterangan tempat tinggal bagi warga yang berdomisili di kelurahan.',
    fee: 0,
    legal: ['Permendagri Nomor 137 Tahun 2017 tentang Kode dan Data Wilayah Administrasi Pemerintahan'],
    product: 'Surat Keterangan Domisili',
    requirements: ['Pindaian KTP-el', 'Surat pengantar RT/RW'],
    fields: [
      ...IDENTITY,
      f('keperluan', 'Keperluan', 'Purpose', 'text', true, { maxLength: 200 }),
      KTP,
      scan('pengantar_rt', 'Surat pengantar RT/RW', 'Letter from the RT/RW'),
    ],
    steps: [
      ['Verifikasi oleh kasi pemerintahan', 'Check by the government section', 'operator_unit', null, 1],
      ['Penandatanganan lurah', 'Signing by the lurah', 'kepala_unit', null, 1],
    ],
  },
];

async function findUnit(ctx: SeedContext, path: string[]): Promise<string | null> {
  const [slug, ...names] = path;
  const agencyId = ctx.agencies.get(slug!);
  if (!agencyId) return null;
  if (names[0] === '@kelurahan') {
    const [k] = await ctx.db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.agencyId, agencyId), eq(units.kind, 'kelurahan'), like(units.name, 'Kelurahan %')))
      .orderBy(asc(units.name))
      .limit(1);
    return k?.id ?? null;
  }
  for (let i = names.length; i > 0; i--) {
    const id = ctx.units.get(`${slug}/${names.slice(0, i).join('/')}`) ?? ctx.units.get(`${slug}/${names[i - 1]}`);
    if (id) return id;
  }
  return null;
}

export async function seedServicesDemo(ctx: SeedContext): Promise<void> {
  const now = ctx.clock.now();
  // Units are looked up before the transaction: PGlite is one session, a query outside an open transaction waits for it.
  const planned: { s: DemoService; agencyId: string; unitId: string; definition: ServiceDefinition }[] = [];
  for (const s of SERVICES) {
    const unitId = await findUnit(ctx, s.unit);
    const agencyId = ctx.agencies.get(s.unit[0]!);
    if (!unitId || !agencyId) continue;
    const workflow = [];
    for (const [id, en, role, at, days] of s.steps) {
      const stepUnit = at ? await findUnit(ctx, at) : unitId;
      workflow.push({ name: { id, en }, role, unitId: stepUnit ?? unitId, days });
    }
    const days = workflow.reduce((n, st) => n + st.days, 0);
    planned.push({
      s,
      agencyId,
      unitId,
      definition: { standard: standard(s, days), feeRupiah: s.fee, durationDays: days, form: s.fields, workflow },
    });
  }
  await ctx.db.transaction(async (tx) => {
    for (const { s, agencyId, unitId, definition } of planned) {
      const [row] = await tx
        .insert(services)
        .values({
          agencyId,
          unitId,
          code: s.code,
          name: s.name,
          summary: s.summary,
          currentVersion: 1,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: services.id });
      await tx
        .insert(serviceVersions)
        .values({ serviceId: row!.id, agencyId, version: 1, ...definition, publishedAt: now });
      await recordAudit(tx, {
        actor: { kind: 'system', name: 'seed-demo' },
        action: 'services.service.publish',
        entityType: 'services_service',
        entityId: row!.id,
        agencyId,
        unitId,
        after: definition,
        meta: { version: 1 },
        at: now,
      });
    }
  });
}
