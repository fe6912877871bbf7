// The demo government (Pemerintah Provinsi Banten and its kabupaten/kota), one account per role,
// then each module's demo data. Runs only on an empty database.
import type { AppContext } from './core/context';

export async function seedDemo(_ctx: AppContext): Promise<{ seeded: boolean }> {
  return { seeded: false };
}
