// `pamong user create`: a staff account made by whoever runs the server (the first admin of an agency,
// a platform admin). Prints a generated password when none is given; the first sign-in enrols TOTP.
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context';
import { badRequest } from '../http/errors';
import { text } from '../i18n/messages';
import { agencies } from '../org/schema';
import { emailTaken, insertStaffAccount } from './create-staff-user';
import { assertPasswordAcceptable, hashPassword, normalizeEmail } from './password';
import { ROLES, type Role } from './roles';
import { newToken } from './session';
import { findUnit, findUserByEmail } from './user-queries';

export interface CliUserInput {
  email: string;
  name: string;
  agency: string;
  role: string;
  unit?: string;
  password?: string;
}

export async function createUserFromCli(
  ctx: AppContext,
  input: CliUserInput,
): Promise<{ userId: string; email: string; password: string; generated: boolean }> {
  const now = ctx.clock.now();
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    throw badRequest('INVALID_EMAIL', text('Alamat e-mail tidak valid.', 'Invalid e-mail address.'));
  }
  const name = input.name.trim();
  if (name.length < 2 || name.length > 120) {
    throw badRequest(
      'INVALID_NAME',
      text('Nama harus 2 sampai 120 karakter.', 'The name must have 2 to 120 characters.'),
    );
  }
  if (!(ROLES as readonly string[]).includes(input.role)) {
    throw badRequest(
      'UNKNOWN_ROLE',
      text(`Peran tidak dikenal. Pilih: ${ROLES.join(', ')}.`, `Unknown role. Choose one of: ${ROLES.join(', ')}.`),
    );
  }
  const role = input.role as Role;
  const [agency] = await ctx.db
    .select({ id: agencies.id })
    .from(agencies)
    .where(eq(agencies.slug, input.agency))
    .limit(1);
  if (!agency)
    throw badRequest(
      'UNKNOWN_AGENCY',
      text(`Instansi "${input.agency}" tidak ditemukan.`, `No agency "${input.agency}".`),
    );
  let unitId: string | null = null;
  if (input.unit) {
    const unit = /^[0-9a-f-]{36}$/i.test(input.unit) ? await findUnit(ctx.db, input.unit) : undefined;
    if (!unit || unit.agencyId !== agency.id) {
      throw badRequest(
        'UNIT_NOT_IN_AGENCY',
        text('Unit tidak ditemukan di instansi ini.', 'No such unit in this agency.'),
      );
    }
    if (role === 'platform_admin') {
      throw badRequest(
        'PLATFORM_ADMIN_AGENCY_WIDE',
        text('Peran admin platform tidak terikat unit.', 'The platform admin role is not held in a unit.'),
      );
    }
    unitId = unit.id;
  }
  const generated = !input.password;
  const password = input.password ?? newToken(12);
  assertPasswordAcceptable(password, email);
  if (await findUserByEmail(ctx.db, email)) throw emailTaken();
  const passwordHash = await hashPassword(password);
  const { user } = await ctx.db.transaction((tx) =>
    insertStaffAccount(tx, {
      email,
      name,
      agencyId: agency.id,
      passwordHash,
      grants: [{ role, unitId }],
      actor: { kind: 'system', name: 'cli' },
      now,
    }),
  );
  return { userId: user.id, email: user.email, password, generated };
}
