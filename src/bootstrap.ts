// Brings a database to a usable state: migrations, reference data, and (optionally) the demo government.
// Every step is idempotent, so `npm start` runs it on every boot (it also seals TOTP secrets that earlier
// versions stored in plain text).
import type { AppContext } from './core/context';
import { migrateDatabase } from './core/db/migrate';
import { sealPlaintextTotpSecrets } from './core/auth/totp-secret';
import { loadReferenceData } from './core/reference-data';
import { seedDemo } from './seed-demo';
import { modules } from './modules';

export async function prepareDatabase(ctx: AppContext, opts: { seedDemo: boolean }): Promise<{ seeded: boolean }> {
  await migrateDatabase(
    ctx.database,
    modules.flatMap((m) => m.postMigrationSql ?? []),
  );
  await loadReferenceData(ctx);
  await sealPlaintextTotpSecrets(ctx.db, ctx.config);
  if (!opts.seedDemo) return { seeded: false };
  return seedDemo(ctx);
}
