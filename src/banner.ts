// What `npm start` prints once the server listens: where to go and how to log in.
import type { Config } from './config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './core/auth/seed-demo-accounts';
import { ROLE_LABELS } from './core/auth/roles';

export function printBanner(config: Config, url: string, missingHolidayYears: number[] = []): void {
  const db = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir}/pg)`;
  const lines = [
    '',
    `  Pamong berjalan di / is running at ${url}`,
    `  Basis data / database: ${db}`,
    `  Portal warga / citizen portal:  ${url}/`,
    `  Konsol staf / staff console:    ${url}/konsol`,
    `  Dokumentasi API / API docs:     ${url}/api/docs`,
  ];
  if (config.seedDemo) {
    lines.push('', `  Akun demo / demo accounts (kata sandi / password: ${DEMO_PASSWORD})`);
    for (const [role, email] of Object.entries(DEMO_ACCOUNTS)) {
      const label = role === 'citizen' ? 'Warga / citizen' : ROLE_LABELS[role as keyof typeof ROLE_LABELS].id;
      lines.push(`    ${label.padEnd(28)} ${email}`);
    }
    lines.push(
      '',
      '  Akun staf mendaftarkan aplikasi autentikator (TOTP) saat masuk pertama kali.',
      '  Staff accounts enrol an authenticator app (TOTP) at their first sign-in.',
    );
  }
  if (missingHolidayYears.length > 0) {
    const years = missingHolidayYears.join(', ');
    lines.push(
      '',
      `  PERHATIAN: hari libur nasional ${years} belum dimuat; batas waktu pada tahun itu bisa terlalu awal.`,
      `  WARNING: national holidays for ${years} are not loaded; deadlines in that year may come too early.`,
      '  Muat SKB 3 Menteri / load the joint decree: Konsol > Kalender, atau / or `pamong calendar import FILE`',
    );
  }
  lines.push('');
  console.log(lines.join('\n'));
}
