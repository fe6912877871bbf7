// The import-boundary check (npm run lint) fails when a module reaches into another module's internals
// or the kernel depends on a module; and the real source tree passes it.
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const ruleSet = require('../.dependency-cruiser.cjs');

async function violations(baseDir: string) {
  const cwd = process.cwd();
  process.chdir(baseDir);
  try {
    const result = await cruise(['src'], {
      ruleSet: { forbidden: ruleSet.forbidden },
      validate: true,
      exclude: { path: '\\.test\\.ts$' },
      tsPreCompilationDeps: true,
    });
    const output = result.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
  } finally {
    process.chdir(cwd);
  }
}

describe('import boundaries', () => {
  it('flags a module importing another module’s internals and the kernel importing a module', async () => {
    const found = await violations(path.resolve('test/fixtures/boundaries'));
    expect(found).toEqual(
      expect.arrayContaining([
        'module-internals-are-private: src/modules/alpha/uses-beta.ts -> src/modules/beta/internal.ts',
        'core-does-not-know-modules: src/core/kernel.ts -> src/modules/alpha/uses-beta.ts',
      ]),
    );
    expect(found.some((v) => v.includes('beta/index.ts'))).toBe(false);
  });

  it('finds no violation in the source tree', async () => {
    expect(await violations(process.cwd())).toEqual([]);
  });
});
