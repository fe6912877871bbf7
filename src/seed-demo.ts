// The demo government (Pemerintah Provinsi Banten and its kabupaten/kota), one account per role,
// then each module's demo data. Runs only on an empty database (no agencies yet).
import { sql } from 'drizzle-orm';
import { seedDemoAccounts } from './core/auth/seed-demo-accounts';
import type { AppContext } from './core/context';
import { seedDemoOrg } from './core/org/seed-demo-org';
import { modules } from './modules';

export async function seedDemo(ctx: AppContext): Promise<{ seeded: boolean }> {
  const rows = await ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from core_agencies`);
  if (Number(rows.rows[0]?.n ?? 0) > 0) return { seeded: false };
  const org = await seedDemoOrg(ctx);
  await seedDemoAccounts(ctx, org);
  for (const m of modules) await m.seedDemo?.({ ...ctx, ...org });
  return { seeded: true };
}
