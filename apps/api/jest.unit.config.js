// API unit tests: every `*.spec.ts` that is not `*.integration.spec.ts`. No global setup starts PostgreSQL, and
// test/no-database.setup.ts makes any attempt to reach one fail at once with a message naming the fix.
module.exports = {
  ...require('../../jest.preset'),
  displayName: 'api-unit',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.integration\\.spec\\.ts$'],
  setupFiles: ['<rootDir>/test/no-database.setup.ts'],
  // Building the whole Nest module graph (route-permissions, openapi-drift) takes a few seconds on 2 cores.
  testTimeout: 30000,
};
