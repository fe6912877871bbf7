// Passwords: argon2id (the library's defaults: 19 MiB, 2 passes, 1 lane — the OWASP baseline) and the
// rules a new password must meet.
import { hash, verify } from '@node-rs/argon2';
import { badRequest } from '../http/errors';
import { text } from '../i18n/messages';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const hashPassword = (password: string) => hash(password);

/** A hash of nothing anyone knows, verified against when there is no account, so both paths cost the same. */
let decoy: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) {
    decoy ??= hash('pamong-decoy-password-never-valid');
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** Throws a 400 when `password` may not be used for the account with `email`. */
export function assertPasswordAcceptable(password: string, email: string): void {
  if (password.length < PASSWORD_MIN) {
    throw badRequest(
      'WEAK_PASSWORD',
      text(
        `Kata sandi minimal ${PASSWORD_MIN} karakter.`,
        `The password must have at least ${PASSWORD_MIN} characters.`,
      ),
    );
  }
  if (password.length > PASSWORD_MAX) {
    throw badRequest(
      'WEAK_PASSWORD',
      text(
        `Kata sandi paling banyak ${PASSWORD_MAX} karakter.`,
        `The password may have at most ${PASSWORD_MAX} characters.`,
      ),
    );
  }
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    throw badRequest(
      'WEAK_PASSWORD',
      text('Kata sandi tidak boleh sama dengan alamat e-mail.', 'The password may not be the e-mail address.'),
    );
  }
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();
