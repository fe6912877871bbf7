// A fixed-window request counter per key (client IP), held in memory.
//
// Why memory is enough here: it only throttles spraying from one address. The guard that matters for
// guessing one account's password is the per-address lockout, which lives in the database and so holds
// across restarts and across instances. With N instances behind a load balancer an address gets at most
// N x the limit, still bounded; a restart forgets the counters, which costs an attacker a restart they
// cannot cause. Moving it to the database would put a write on every login for little gain.
import type { Clock } from '../context';
import { AppError } from '../http/errors';
import { type Text, text } from '../i18n/messages';

/**
 * The 429 for an address over its limit, with the seconds to wait (the error handler also sends them as
 * Retry-After). `message` words it for the route, e.g. survey answers from one device.
 */
export function tooManyRequests(
  seconds: number,
  message: Text = text(
    `Terlalu banyak permintaan dari alamat Anda. Coba lagi dalam ${seconds} detik.`,
    `Too many requests from your address. Try again in ${seconds} seconds.`,
  ),
): AppError {
  return new AppError(429, 'RATE_LIMITED', message, { retryAfterSeconds: seconds });
}

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit for `key`; returns the seconds to wait when it is over the limit, else 0. */
  hit(key: string): number {
    const now = this.clock.now().getTime();
    if (this.windows.size > 10_000) this.prune(now);
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs || now < w.start) {
      this.windows.set(key, { start: now, count: 1 });
      return 0;
    }
    w.count += 1;
    return w.count > this.limit ? Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000)) : 0;
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}
