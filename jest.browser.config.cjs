/**
 * Browser tests: the real built sidebar (dist/Sidebar.html) in Debian's chromium, driven by
 * playwright-core, answered by the real server bundle on the emulator (scripts/playground.ts).
 * Needs `chromium` on PATH (.ci/run installs it with apt-get).
 */
module.exports = {
  testEnvironment: 'node',
  // Builds dist/ first (as the unit config does), so the browser never tests a stale bundle.
  globalSetup: '<rootDir>/test/globalSetup.cjs',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 60000,
  maxWorkers: 1,
  transform: {
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
  },
};
