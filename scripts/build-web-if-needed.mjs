// Builds web/dist with Vite only when it is missing or older than the newest file under web/src or
// web/index.html (or web/vite.config.ts). `npm start` and the browser tests run it; a lock keeps two
// callers (parallel test files) from building into the same folder at once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lockfile from 'proper-lockfile';

const root = fileURLToPath(new URL('..', import.meta.url));
const webDir = path.join(root, 'web');
const marker = path.join(webDir, 'dist', 'index.html');

function newestMtime(p) {
  const st = fs.statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when web/dist is missing or older than its sources. */
export function webBuildIsStale() {
  const built = fs.statSync(marker, { throwIfNoEntry: false });
  if (!built) return true;
  const sources = Math.max(
    newestMtime(path.join(webDir, 'src')),
    newestMtime(path.join(webDir, 'index.html')),
    newestMtime(path.join(webDir, 'vite.config.ts')),
  );
  return sources > built.mtimeMs;
}

/** Builds web/dist when stale. Returns true when it built. */
export async function buildWebIfNeeded({ quiet = false } = {}) {
  if (!webBuildIsStale()) return false;
  const release = await lockfile.lock(webDir, {
    lockfilePath: path.join(webDir, '.dist-build.lock'),
    stale: 120_000,
    retries: { retries: 600, minTimeout: 200, maxTimeout: 500, factor: 1 },
  });
  try {
    if (!webBuildIsStale()) return false; // another caller built it while we waited
    // A production bundle even when called from a test run (NODE_ENV=test would bundle React's dev build).
    process.env.NODE_ENV = 'production';
    const { build } = await import('vite');
    await build({
      configFile: path.join(webDir, 'vite.config.ts'),
      mode: 'production',
      logLevel: quiet ? 'warn' : 'info',
    });
    return true;
  } finally {
    await release();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const quiet = process.argv.includes('--quiet');
  buildWebIfNeeded({ quiet }).then(
    (built) => {
      if (!built && !quiet) console.log('web/dist is up to date');
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
