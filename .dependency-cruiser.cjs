// Import boundaries: lib <- core <- modules <- app; a module reaches another only through its index.ts.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'lib-is-framework-free',
      comment: 'src/lib holds framework-free helpers: it imports nothing of the app.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/(core|modules)/|^src/[^/]+\\.ts$' },
    },
    {
      name: 'core-does-not-know-modules',
      comment: 'The shared kernel must not depend on feature modules or the app wiring.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/modules/|^src/[^/]+\\.ts$', pathNot: '^src/config\\.ts$' },
    },
    {
      name: 'module-internals-are-private',
      comment: "A module imports another module only through that module's index.ts (its manifest).",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/.+', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'modules-do-not-import-app',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/[^/]+\\.ts$', pathNot: '^src/config\\.ts$' },
    },
    {
      name: 'no-test-code-in-production',
      severity: 'error',
      comment: 'Test helpers (test/, *.test.ts, src/**/test-*.ts) serve tests only.',
      from: { path: '^src/', pathNot: '\\.test\\.ts$|/test-[^/]+\\.ts$' },
      to: { path: '^test/|\\.test\\.ts$|/test-[^/]+\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.ts$|\\.spec\\.ts$' },
  },
};
