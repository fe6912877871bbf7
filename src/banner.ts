// What `npm start` prints once the server listens: where to go and how to log in.
import type { Config } from './config';

export function printBanner(config: Config, url: string): void {
  const db = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir}/pg)`;
  const lines = [
    '',
    `  Pamong berjalan di / is running at ${url}`,
    `  Basis data / database: ${db}`,
    `  Portal warga / citizen portal:  ${url}/`,
    `  Konsol staf / staff console:    ${url}/konsol`,
    `  Dokumentasi API / API docs:     ${url}/api/docs`,
    '',
  ];
  console.log(lines.join('\n'));
}
