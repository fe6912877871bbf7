// Demo data: one category tree per demo agency (with tiers; a few emergency categories), routing rules for
// Banten and Kota Serang, reply templates, and a handful of demo complaints in various states.
import { eq } from 'drizzle-orm';
import { DEMO_ACCOUNTS } from '../../core/auth/seed-demo-accounts';
import { roleGrants, users } from '../../core/auth/schema';
import type { Role } from '../../core/auth/roles';
import type { SeedContext } from '../../core/module';
import { changeStatus } from './change-status';
import { disposeComplaint } from './dispose-complaint';
import type { StaffActor } from './policy';
import { categories, replyTemplates, routingRules } from './schema';
import type { Tier } from './states';
import { submitComplaint } from './submit-complaint';
import { verifyComplaint } from './verify-complaint';

interface DemoCategory {
  code: string;
  nameId: string;
  nameEn: string;
  tier: Tier;
  emergency?: boolean;
  forceConfidential?: boolean;
  emergencyHours?: number;
  parent?: string;
}

export const DEMO_CATEGORIES: DemoCategory[] = [
  { code: 'infrastruktur', nameId: 'Infrastruktur', nameEn: 'Infrastructure', tier: 'normatif' },
  {
    code: 'infrastruktur.jalan-provinsi',
    nameId: 'Jalan dan jembatan provinsi rusak',
    nameEn: 'Damaged provincial roads and bridges',
    tier: 'tidak_berkadar_pengawasan',
    parent: 'infrastruktur',
  },
  {
    code: 'infrastruktur.jalan',
    nameId: 'Jalan dan jembatan lingkungan rusak',
    nameEn: 'Damaged local roads and bridges',
    tier: 'tidak_berkadar_pengawasan',
    parent: 'infrastruktur',
  },
  {
    code: 'infrastruktur.drainase',
    nameId: 'Saluran air dan genangan',
    nameEn: 'Drains and flooding streets',
    tier: 'normatif',
    parent: 'infrastruktur',
  },
  { code: 'kebersihan.sampah', nameId: 'Sampah dan kebersihan', nameEn: 'Waste and cleanliness', tier: 'ringan' },
  {
    code: 'pelayanan.adminduk',
    nameId: 'Administrasi kependudukan (KTP, KK, akta)',
    nameEn: 'Civil registration (ID card, family card, certificates)',
    tier: 'normatif',
  },
  {
    code: 'pelayanan.pungli',
    nameId: 'Pungutan liar dan penyalahgunaan wewenang',
    nameEn: 'Illegal levies and abuse of power',
    tier: 'berkadar_pengawasan',
  },
  {
    code: 'kesehatan.layanan',
    nameId: 'Layanan kesehatan (puskesmas, RSUD)',
    nameEn: 'Health services (clinics, hospitals)',
    tier: 'normatif',
  },
  {
    code: 'darurat.bencana',
    nameId: 'Darurat bencana (banjir, longsor, kebakaran)',
    nameEn: 'Disaster emergency (flood, landslide, fire)',
    tier: 'ringan',
    emergency: true,
    emergencyHours: 6,
  },
  {
    code: 'darurat.kesehatan',
    nameId: 'Darurat kesehatan',
    nameEn: 'Health emergency',
    tier: 'ringan',
    emergency: true,
    emergencyHours: 6,
  },
  {
    code: 'darurat.keamanan',
    nameId: 'Keamanan dan keselamatan warga',
    nameEn: 'Safety and security of people',
    tier: 'ringan',
    emergency: true,
    emergencyHours: 6,
  },
  {
    code: 'perlindungan.kekerasan',
    nameId: 'Kekerasan dan pelecehan',
    nameEn: 'Violence and harassment',
    tier: 'berkadar_pengawasan',
    forceConfidential: true,
  },
  {
    code: 'informasi.umum',
    nameId: 'Permintaan informasi publik',
    nameEn: 'Public information request',
    tier: 'normatif',
  },
  { code: 'aspirasi.umum', nameId: 'Saran dan aspirasi', nameEn: 'Suggestions and aspirations', tier: 'normatif' },
];

/** category code × region prefix → unit, per agency. */
const DEMO_RULES: Record<string, { category: string; region: string | null; unit: string }[]> = {
  banten: [
    { category: 'infrastruktur.jalan-provinsi', region: '36', unit: 'Dinas Pekerjaan Umum dan Penataan Ruang' },
    { category: 'kesehatan.layanan', region: '36', unit: 'Dinas Kesehatan' },
    { category: 'darurat.bencana', region: '36', unit: 'Badan Penanggulangan Bencana Daerah' },
  ],
  'kota-serang': [
    { category: 'infrastruktur.jalan', region: null, unit: 'Dinas Pekerjaan Umum dan Penataan Ruang' },
    { category: 'infrastruktur.drainase', region: null, unit: 'Bidang Sumber Daya Air' },
    { category: 'kebersihan.sampah', region: null, unit: 'Dinas Lingkungan Hidup' },
    { category: 'pelayanan.adminduk', region: null, unit: 'Dinas Kependudukan dan Pencatatan Sipil' },
    { category: 'darurat.bencana', region: null, unit: 'Badan Penanggulangan Bencana Daerah' },
  ],
};

const TEMPLATES = [
  {
    title: 'Laporan diterima dan diteruskan',
    body: 'Terima kasih atas laporan Anda. Laporan telah kami terima dan diteruskan kepada unit yang berwenang untuk ditindaklanjuti.',
  },
  {
    title: 'Mohon kelengkapan informasi',
    body: 'Mohon lengkapi laporan Anda dengan lokasi yang lebih rinci dan foto kejadian agar dapat kami tindak lanjuti.',
  },
  {
    title: 'Tindak lanjut selesai',
    body: 'Laporan Anda telah selesai ditindaklanjuti. Silakan berikan penilaian atas penanganan laporan ini.',
  },
];

async function demoStaff(ctx: SeedContext, email: string): Promise<StaffActor | null> {
  const [u] = await ctx.db
    .select({ id: users.id, name: users.name, agencyId: users.agencyId })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  if (!u?.agencyId) return null;
  const grants = await ctx.db
    .select({ role: roleGrants.role, agencyId: roleGrants.agencyId, unitId: roleGrants.unitId })
    .from(roleGrants)
    .where(eq(roleGrants.userId, u.id));
  return {
    kind: 'staff',
    userId: u.id,
    sessionId: 'seed',
    name: u.name,
    agencyId: u.agencyId,
    grants: grants.map((g) => ({ ...g, role: g.role as Role })),
  };
}

export async function seedComplaintsDemo(ctx: SeedContext): Promise<void> {
  const now = ctx.clock.now();
  const catIds = new Map<string, string>();
  await ctx.db.transaction(async (tx) => {
    for (const [slug, agencyId] of ctx.agencies) {
      for (const c of DEMO_CATEGORIES) {
        const [row] = await tx
          .insert(categories)
          .values({
            agencyId,
            parentId: c.parent ? (catIds.get(`${slug}/${c.parent}`) ?? null) : null,
            code: c.code,
            nameId: c.nameId,
            nameEn: c.nameEn,
            tier: c.tier,
            emergency: c.emergency ?? false,
            forceConfidential: c.forceConfidential ?? false,
            emergencyHours: c.emergencyHours ?? null,
            createdAt: now,
          })
          .returning({ id: categories.id });
        catIds.set(`${slug}/${c.code}`, row!.id);
      }
      await tx.insert(replyTemplates).values(TEMPLATES.map((t) => ({ ...t, agencyId, createdAt: now })));
    }
    for (const [slug, rules] of Object.entries(DEMO_RULES)) {
      const agencyId = ctx.agencies.get(slug);
      if (!agencyId) continue;
      for (const r of rules) {
        const unitId = ctx.units.get(`${slug}/${r.unit}`);
        const categoryId = catIds.get(`${slug}/${r.category}`);
        if (!unitId || !categoryId) continue;
        await tx.insert(routingRules).values({
          agencyId,
          categoryId,
          regionPrefix: r.region,
          targetAgencyId: agencyId,
          targetUnitId: unitId,
          createdAt: now,
        });
      }
    }
  });

  const banten = ctx.agencies.get('banten');
  if (!banten) return;
  const cat = (code: string) => catIds.get(`banten/${code}`) ?? null;
  const file = (
    title: string,
    description: string,
    code: string,
    regionCode: string,
    visibility: 'rahasia' | 'anonim' | 'biasa',
    name: string | null,
  ) =>
    submitComplaint(
      ctx,
      {
        agencyId: banten,
        kind: 'pengaduan',
        title,
        description,
        categoryId: cat(code),
        regionCode,
        visibility,
        reporter: name
          ? { name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@contoh.test`, phone: null }
          : undefined,
      },
      'website',
    );
  const a = await file(
    'Jalan provinsi berlubang di Kasemen',
    'Jalan provinsi di depan pasar Kasemen berlubang besar dan membahayakan pengendara motor, terutama saat hujan.',
    'infrastruktur.jalan-provinsi',
    '36.73.02.1001',
    'biasa',
    'Siti Rahma',
  );
  await file(
    'Sampah menumpuk di pinggir jalan',
    'Sampah rumah tangga menumpuk lebih dari seminggu di pinggir jalan dekat SD, menimbulkan bau dan lalat.',
    'kebersihan.sampah',
    '36.73.01.1001',
    'anonim',
    null,
  );
  await file(
    'Dugaan pungutan liar pengurusan izin',
    'Ada permintaan uang tambahan di luar tarif resmi saat mengurus izin usaha di kantor kecamatan.',
    'pelayanan.pungli',
    '36.04.05.2001',
    'rahasia',
    null,
  );
  const d = await file(
    'Saluran air tersumbat di Cipare',
    'Saluran air di gang utama tersumbat sehingga air meluap ke rumah warga setiap kali hujan deras.',
    'infrastruktur.jalan-provinsi',
    '36.73.01.1002',
    'biasa',
    'Budi Santoso',
  );

  const admin = await demoStaff(ctx, DEMO_ACCOUNTS.admin_instansi);
  const bidang = ctx.units.get('banten/Bidang Bina Marga');
  if (!admin || !bidang) return;
  await verifyComplaint(ctx, admin, a.id);
  await disposeComplaint(ctx, admin, d.id, { unitId: bidang });
  await changeStatus(ctx, admin, d.id, {
    action: 'follow_up',
    message: 'Tim Bidang Bina Marga akan meninjau lokasi minggu ini.',
  });
  await changeStatus(ctx, admin, d.id, {
    action: 'complete',
    message: 'Saluran telah dibersihkan dan diperbaiki oleh tim pemeliharaan.',
  });
  await changeStatus(ctx, admin, d.id, { action: 'close', closeHow: 'resolved' });
}
