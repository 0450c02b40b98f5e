/**
 * Three jest projects (`npx jest` runs all; `--selectProjects <name>` one):
 *   unit        everything under test/ but the three below: fast, run while changing code (`npm run test:unit`);
 *   reliability the fault sweeps and hostile sheets (test/reliability): minutes of CPU (`npm run test:reliability`);
 *   output      test/output: runs the noisiest unit folders again in a child jest and fails on any stray
 *               line, so `npm test` shows results only (`npm run test:output`; half a minute, kept out of unit);
 *   browser     the built sidebar in Debian's chromium (test/browser; `npm run test:browser`, one worker).
 * Unit and browser build dist/ first (globalSetup) so the bundle tests never test a stale bundle.
 */
const transform = {
  '^.+\\.ts$': [
    'ts-jest',
    {
      tsconfig: {
        module: 'CommonJS',
        moduleResolution: 'node',
        target: 'ES2020',
        esModuleInterop: true,
        isolatedModules: true,
        strict: true,
      },
      diagnostics: false,
    },
  ],
};

const project = (displayName, options) => ({
  displayName,
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform,
  ...options,
});

module.exports = {
  projects: [
    project('unit', {
      globalSetup: '<rootDir>/test/globalSetup.cjs',
      roots: ['<rootDir>/test'],
      testPathIgnorePatterns: ['/node_modules/', '/test/browser/', '/test/reliability/', '/test/output/'],
    }),
    project('reliability', { roots: ['<rootDir>/test/reliability'] }),
    project('output', { globalSetup: '<rootDir>/test/globalSetup.cjs', roots: ['<rootDir>/test/output'] }),
    project('browser', {
      globalSetup: '<rootDir>/test/globalSetup.cjs',
      roots: ['<rootDir>/test/browser'],
      testTimeout: 60_000,
    }),
  ],
};
