// API integration tests: every `*.integration.spec.ts` anywhere under apps/api. They go through HTTP into a real
// PostgreSQL (DATABASE_URL's server, else an embedded throwaway cluster) set up once per run by global-setup.
// Pure specs (no database) run in jest.unit.config.js; the split is by file name, so a new integration spec lands
// here without touching this file.
module.exports = {
  ...require('../../jest.preset'),
  displayName: 'api-integration',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.integration.spec.ts', '<rootDir>/test/**/*.integration.spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // Argon2 hashing and real HTTP round trips into PostgreSQL take longer than the 5 s default on 2 cores.
  testTimeout: 30000,
};
