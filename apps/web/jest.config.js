// Web unit tests: pure helpers and components rendered in jsdom with Testing Library; no API, no database.
// Vite conventions mapped for Jest: CSS imports (plain and CSS modules) become stubs, the @skinledger aliases
// come from the preset, `@web/…` is apps/web/src, TSX goes through SWC with React's automatic runtime (.swcrc).
const path = require('node:path');
const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  moduleNameMapper: {
    ...preset.moduleNameMapper,
    '\\.module\\.css$': path.join(__dirname, 'test/css-module-stub.js'),
    '\\.css$': path.join(__dirname, 'test/css-stub.js'),
    // The `@web/*` and `@web-test/*` aliases of apps/web/tsconfig.spec.json (after the CSS stubs: first match wins).
    '^@web/(.*)$': '<rootDir>/src/$1',
    '^@web-test/(.*)$': '<rootDir>/test/$1',
  },
  // Rendering Mantine forms in jsdom takes a few seconds per test on a loaded 2-core machine.
  testTimeout: 20000,
  setupFiles: ['<rootDir>/test/jsdom-polyfills.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/setup-after-env.ts'],
};
