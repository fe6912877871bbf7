// TOTP (RFC 6238, 30-second steps, 6 digits, SHA-1: what every authenticator app speaks) and recovery codes.
import { randomBytes } from 'node:crypto';
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { hashToken } from './session';

export const TOTP_ISSUER = 'Pamong';
export const TOTP_PERIOD = 30;
export const RECOVERY_CODE_COUNT = 10;

export const newTotpSecret = () => generateSecret();

export async function totpEnrolment(
  secret: string,
  label: string,
): Promise<{ otpauthUrl: string; secret: string; qrDataUrl: string }> {
  const otpauthUrl = generateURI({ issuer: TOTP_ISSUER, label, secret });
  // SVG: sharp at any size, a tenth of the bytes of a PNG, and quicker to make.
  const svg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const qrDataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  return { otpauthUrl, secret, qrDataUrl };
}

/**
 * The time step a code matches (one step of clock drift either way), or null. Steps at or before
 * `afterStep` are refused: a code once accepted is never accepted again.
 */
export async function matchTotp(
  secret: string,
  code: string,
  now: Date,
  afterStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOTP_PERIOD,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  }).catch(() => ({ valid: false as const }));
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The code an authenticator app shows at `now` (tests and the CLI's self-check). */
export const totpCode = (secret: string, now: Date) => generate({ secret, epoch: Math.floor(now.getTime() / 1000) });

// Crockford's base32 alphabet (no i, l, o, u): 32 symbols, so a byte masked to 5 bits picks one evenly.
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Ten codes like `k7m2q-x9dfp` (50 bits each) and their SHA-256 digests for storage. */
export function newRecoveryCodes(): { codes: string[]; digests: string[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = Array.from(bytes, (b) => RECOVERY_ALPHABET[b & 31]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  return { codes, digests: codes.map(recoveryDigest) };
}

export const recoveryDigest = (code: string) => hashToken(code.replace(/[\s-]/g, '').toLowerCase());
