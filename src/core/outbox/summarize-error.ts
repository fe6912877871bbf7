// A short, personal-data-free description of a delivery failure for core_outbox.last_error and logs.
// SMTP errors carry recipient addresses (err.rejected, and the server's reply text often names the
// address): keep only codes and the reply with addresses and long digit runs (phone, NIK) masked.

const EMAIL = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;
const LONG_DIGITS = /\d{6,}/g;
const MAX = 200;

export function redact(s: string): string {
  return s.replace(EMAIL, '[alamat]').replace(LONG_DIGITS, '[angka]');
}

export function summarizeError(err: unknown): string {
  if (!(err instanceof Error)) return 'Error';
  const e = err as Error & { code?: unknown; responseCode?: unknown; command?: unknown; response?: unknown };
  const parts: string[] = [];
  parts.push(typeof e.code === 'string' && /^[A-Z0-9_]{1,40}$/.test(e.code) ? e.code : e.name || 'Error');
  if (typeof e.responseCode === 'number') parts.push(String(e.responseCode));
  if (typeof e.command === 'string' && /^[A-Z ]{1,20}$/.test(e.command)) parts.push(`(${e.command})`);
  const detail = typeof e.response === 'string' ? e.response : e.message;
  const line = redact(String(detail ?? '').split('\n')[0] ?? '').trim();
  const head = parts.join(' ');
  const out = line ? `${head}: ${line}` : head;
  return out.length > MAX ? `${out.slice(0, MAX - 1)}…` : out;
}
