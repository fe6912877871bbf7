import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Two cores: one test file per core (Vitest's default would be one worker in all).
    maxWorkers: 2,
    // Generous: a loaded 2-core CI machine runs two PGlite files at once. Speed lives in npm run bench.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
