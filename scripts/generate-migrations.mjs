// Generates the next SQL migration from the Drizzle schemas (src/**/schema.ts) into drizzle/.
// `--squash` regenerates the whole history as one migration: only before the first release.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const squash = process.argv.includes('--squash');
if (squash) fs.rmSync(new URL('../drizzle', import.meta.url), { recursive: true, force: true });
const args = ['drizzle-kit', 'generate', ...(squash ? ['--name', 'init'] : [])];
execFileSync('npx', args, { stdio: 'inherit' });
