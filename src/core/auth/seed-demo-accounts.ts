// One demo account per role in the demo government (Provinsi Banten), plus a citizen. All share
// DEMO_PASSWORD. Demo staff are not TOTP-enrolled: their first sign-in enrols an authenticator, as for
// any new staff member.
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import { agencies, units } from '../org/schema';
import type { DemoOrg } from '../org/seed-demo-org';
import { type NewGrant, insertStaffAccount } from './create-staff-user';
import { hashPassword } from './password';
import type { Role } from './roles';
import { users } from './schema';

export const DEMO_PASSWORD = 'Pamong#Demo2026';

/** The demo sign-in of each role (and of the demo citizen). */
export const DEMO_ACCOUNTS: Record<Role | 'citizen', string> = {
  platform_admin: 'platform@pamong.test',
  admin_instansi: 'admin@banten.pamong.test',
  operator_unit: 'operator@banten.pamong.test',
  kepala_unit: 'kepala@banten.pamong.test',
  inspektorat: 'inspektorat@banten.pamong.test',
  ppid: 'ppid@banten.pamong.test',
  bkpsdm: 'bkpsdm@banten.pamong.test',
  pimpinan: 'pimpinan@banten.pamong.test',
  citizen: 'warga@pamong.test',
};

/** A second agency's admin and operator, for checks that one agency cannot reach another's data. */
export const DEMO_OTHER_AGENCY_ACCOUNTS = {
  admin_instansi: 'admin@kota-serang.pamong.test',
  operator_unit: 'operator@kota-serang.pamong.test',
} as const;

const DEMO_AGENCY = 'banten';
const OTHER_AGENCY = 'kota-serang';
/** Unit-scoped roles are held in this unit (or, if the demo org lacks it, the agency's first unit). */
const DEMO_UNIT = 'Dinas Pekerjaan Umum dan Penataan Ruang';

const NAMES: Record<Role | 'citizen', string> = {
  platform_admin: 'Admin Platform Demo',
  admin_instansi: 'Admin Instansi Banten',
  operator_unit: 'Operator DPUPR Banten',
  kepala_unit: 'Kepala DPUPR Banten',
  inspektorat: 'Auditor Inspektorat Banten',
  ppid: 'PPID Banten',
  bkpsdm: 'Staf BKPSDM Banten',
  pimpinan: 'Pimpinan Banten',
  citizen: 'Warga Demo',
};

const UNIT_ROLES: Role[] = ['operator_unit', 'kepala_unit'];

async function agencyId(ctx: AppContext, org: DemoOrg, slug: string): Promise<string | undefined> {
  const known = org.agencies.get(slug);
  if (known) return known;
  const [row] = await ctx.db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, slug)).limit(1);
  return row?.id;
}

/** The named demo unit, else the agency's first top-level unit, else null (agency-wide). */
async function demoUnit(ctx: AppContext, org: DemoOrg, slug: string, id: string): Promise<string | null> {
  const named = org.units.get(`${slug}/${DEMO_UNIT}`);
  if (named) return named;
  const [first] = await ctx.db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.agencyId, id), eq(units.active, true)))
    .orderBy(asc(units.depth), asc(units.name))
    .limit(1);
  return first?.id ?? null;
}

export async function seedDemoAccounts(ctx: AppContext, org: DemoOrg): Promise<void> {
  const now = ctx.clock.now();
  const actor = { kind: 'system' as const, name: 'seed-demo' };
  // One hash for all demo accounts: they share a published password anyway, and seeding stays quick.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const banten = await agencyId(ctx, org, DEMO_AGENCY);
  const serang = await agencyId(ctx, org, OTHER_AGENCY);
  const bantenUnit = banten ? await demoUnit(ctx, org, DEMO_AGENCY, banten) : null;
  const serangUnit = serang ? await demoUnit(ctx, org, OTHER_AGENCY, serang) : null;

  await ctx.db.transaction(async (tx) => {
    if (banten) {
      for (const [role, email] of Object.entries(DEMO_ACCOUNTS) as [Role | 'citizen', string][]) {
        if (role === 'citizen') continue;
        const grant: NewGrant = { role, unitId: UNIT_ROLES.includes(role) ? bantenUnit : null };
        await insertStaffAccount(tx, {
          email,
          name: NAMES[role],
          agencyId: banten,
          passwordHash,
          emailVerified: true,
          grants: [grant],
          actor,
          now,
        });
      }
    } else {
      ctx.log.warn(`demo agency '${DEMO_AGENCY}' not found: demo staff accounts not created`);
    }
    if (serang) {
      const others: [string, string, NewGrant][] = [
        [
          DEMO_OTHER_AGENCY_ACCOUNTS.admin_instansi,
          'Admin Instansi Kota Serang',
          { role: 'admin_instansi', unitId: null },
        ],
        [
          DEMO_OTHER_AGENCY_ACCOUNTS.operator_unit,
          'Operator Kota Serang',
          { role: 'operator_unit', unitId: serangUnit },
        ],
      ];
      for (const [email, name, grant] of others) {
        await insertStaffAccount(tx, {
          email,
          name,
          agencyId: serang,
          passwordHash,
          emailVerified: true,
          grants: [grant],
          actor,
          now,
        });
      }
    }
    await tx.insert(users).values({
      kind: 'citizen',
      email: DEMO_ACCOUNTS.citizen,
      name: NAMES.citizen,
      phone: '+6281200000000',
      passwordHash,
      emailVerifiedAt: now,
      createdAt: now,
    });
  });
}
