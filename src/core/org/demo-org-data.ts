// The demo government: Pemerintah Provinsi Banten and its eight kabupaten/kota (Kepmendagri codes), with a
// typical set of perangkat daerah (OPD) and a few bidang/seksi/bagian under some of them.
import type { AgencyKind, UnitKind } from './schema';

export interface DemoAgency {
  slug: string;
  name: string;
  kind: AgencyKind;
  regionCode: string;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  { slug: 'banten', name: 'Pemerintah Provinsi Banten', kind: 'provinsi', regionCode: '36' },
  { slug: 'kab-pandeglang', name: 'Pemerintah Kabupaten Pandeglang', kind: 'kabupaten', regionCode: '36.01' },
  { slug: 'kab-lebak', name: 'Pemerintah Kabupaten Lebak', kind: 'kabupaten', regionCode: '36.02' },
  { slug: 'kab-tangerang', name: 'Pemerintah Kabupaten Tangerang', kind: 'kabupaten', regionCode: '36.03' },
  { slug: 'kab-serang', name: 'Pemerintah Kabupaten Serang', kind: 'kabupaten', regionCode: '36.04' },
  { slug: 'kota-tangerang', name: 'Pemerintah Kota Tangerang', kind: 'kota', regionCode: '36.71' },
  { slug: 'kota-cilegon', name: 'Pemerintah Kota Cilegon', kind: 'kota', regionCode: '36.72' },
  { slug: 'kota-serang', name: 'Pemerintah Kota Serang', kind: 'kota', regionCode: '36.73' },
  { slug: 'kota-tangerang-selatan', name: 'Pemerintah Kota Tangerang Selatan', kind: 'kota', regionCode: '36.74' },
];

/** Kota Serang also gets its kelurahan as units under its kecamatan. */
export const DEMO_KELURAHAN_AGENCY = 'kota-serang';

export interface DemoUnit {
  name: string;
  kind: UnitKind;
  children?: DemoUnit[];
}

const u = (name: string, kind: UnitKind, children?: DemoUnit[]): DemoUnit => ({
  name,
  kind,
  ...(children ? { children } : {}),
});

/** The OPD of one agency. Names are unique within an agency, so `${slug}/${name}` finds one unit. */
export function demoOpd(kind: AgencyKind): DemoUnit[] {
  const local = kind !== 'provinsi';
  return [
    u('Sekretariat Daerah', 'opd', [
      u('Bagian Organisasi', 'bagian'),
      u('Bagian Hukum', 'bagian'),
      u('Bagian Umum', 'bagian'),
      u('Bagian Kesejahteraan Rakyat', 'bagian'),
    ]),
    u('Inspektorat', 'opd', [
      u('Inspektur Pembantu Wilayah I', 'bidang'),
      u('Inspektur Pembantu Wilayah II', 'bidang'),
    ]),
    u('Badan Perencanaan Pembangunan Daerah', 'opd'),
    u('Badan Pengelolaan Keuangan dan Aset Daerah', 'opd'),
    u('Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'opd', [
      u('Bidang Pengembangan Kompetensi Aparatur', 'bidang'),
      u('Bidang Mutasi dan Promosi', 'bidang'),
    ]),
    u('Badan Penanggulangan Bencana Daerah', 'opd'),
    u(
      'Dinas Pendidikan',
      'opd',
      local
        ? [u('Bidang Pembinaan Sekolah Dasar', 'bidang'), u('Bidang Pembinaan Sekolah Menengah Pertama', 'bidang')]
        : [
            u('Bidang Pembinaan Sekolah Menengah Atas', 'bidang'),
            u('Bidang Pembinaan Sekolah Menengah Kejuruan', 'bidang'),
          ],
    ),
    u('Dinas Kesehatan', 'opd', [
      u('Bidang Pelayanan Kesehatan', 'bidang', [
        u('Seksi Pelayanan Kesehatan Primer', 'seksi'),
        u('Seksi Pelayanan Kesehatan Rujukan', 'seksi'),
      ]),
      u('Bidang Pencegahan dan Pengendalian Penyakit', 'bidang'),
    ]),
    u('Dinas Pekerjaan Umum dan Penataan Ruang', 'opd', [
      u('Bidang Bina Marga', 'bidang', [
        u('Seksi Pembangunan Jalan dan Jembatan', 'seksi'),
        u('Seksi Pemeliharaan Jalan dan Jembatan', 'seksi'),
      ]),
      u('Bidang Sumber Daya Air', 'bidang'),
      u('Bidang Penataan Ruang', 'bidang'),
    ]),
    u('Dinas Perhubungan', 'opd', [u('Bidang Lalu Lintas dan Angkutan', 'bidang')]),
    u('Dinas Sosial', 'opd', [
      u('Bidang Rehabilitasi Sosial', 'bidang'),
      u('Bidang Perlindungan dan Jaminan Sosial', 'bidang'),
    ]),
    u('Dinas Lingkungan Hidup', 'opd', [u('Bidang Pengelolaan Sampah dan Limbah B3', 'bidang')]),
    // Population registration is a kabupaten/kota service.
    ...(local
      ? [
          u('Dinas Kependudukan dan Pencatatan Sipil', 'opd', [
            u('Bidang Pelayanan Pendaftaran Penduduk', 'bidang'),
            u('Bidang Pelayanan Pencatatan Sipil', 'bidang'),
          ]),
        ]
      : []),
    u('Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'opd', [
      u('Bidang Pelayanan Perizinan', 'bidang'),
      u('Bidang Pengaduan, Kebijakan dan Pelaporan Layanan', 'bidang'),
    ]),
    u('Dinas Komunikasi dan Informatika', 'opd', [
      u('Bidang Aplikasi Informatika', 'bidang'),
      u('Bidang Informasi dan Komunikasi Publik', 'bidang'),
    ]),
    u('Satuan Polisi Pamong Praja', 'opd'),
  ];
}
