// HMAC-SHA256 over `<timestamp>.<raw body>` with the gateway's secret, in constant time; the timestamp
// must be within five minutes, so a captured request cannot be replayed later.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_SKEW_MS = 5 * 60_000;

export function signGatewayRequest(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

export function verifyGatewaySignature(
  secret: string,
  headers: { timestamp?: string; signature?: string },
  rawBody: string,
  now: Date,
): 'ok' | 'missing' | 'stale' | 'bad_signature' {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature) return 'missing';
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds) || Math.abs(now.getTime() - seconds * 1000) > MAX_SKEW_MS) return 'stale';
  const expected = Buffer.from(signGatewayRequest(secret, timestamp, rawBody), 'hex');
  const given = Buffer.from(signature.replace(/^sha256=/, ''), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'bad_signature';
}
