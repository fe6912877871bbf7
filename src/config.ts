// The only reader of process.env. Validated at boot; fails fast with a readable list of problems.
import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  /** postgres://… selects PostgreSQL; unset selects embedded PGlite in `dataDir`/pg. */
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  logLevel: string;
  /** smtp://user:pass@host:port; unset writes mails to the log instead. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Ed25519 private key (PEM) for signing ledger checkpoints; kept outside the database. */
  ledgerKeyFile: string;
  sessionTtlHours: number;
  /** Demo government and demo accounts on first start. */
  seedDemo: boolean;
  nodeEnv: string;
  /** Run background workers (outbox delivery, checkpoints, escalations). */
  workers: boolean;
  /** Largest accepted upload (one attachment), in bytes. */
  uploadMaxBytes: number;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://');
  const port = int('PORT', 3000, 0, 65535);
  const dataDir = path.resolve(env.PAMONG_DATA_DIR || './data');
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/$/, '');
  if (!/^https?:\/\//.test(publicUrl)) problems.push('PUBLIC_URL must start with http:// or https://');
  const config: Config = {
    host: env.HOST || '0.0.0.0',
    port,
    databaseUrl,
    dataDir,
    publicUrl,
    logLevel: env.LOG_LEVEL || 'info',
    smtpUrl,
    mailFrom: env.MAIL_FROM || 'Pamong <no-reply@pamong.local>',
    ledgerKeyFile: path.resolve(env.LEDGER_KEY_FILE || path.join(dataDir, 'keys', 'ledger-ed25519.pem')),
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    seedDemo: bool('PAMONG_SEED_DEMO', true),
    nodeEnv: env.NODE_ENV || 'development',
    workers: bool('PAMONG_WORKERS', true),
    uploadMaxBytes: int('UPLOAD_MAX_MB', 10, 1, 100) * 1024 * 1024,
    ...overrides,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
