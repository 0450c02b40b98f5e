/** Unit and bundle tests run on the shared in-memory emulator (emulator/). */
module.exports = {
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/globalSetup.cjs',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/browser/'],
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
