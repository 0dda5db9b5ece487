// Shared Jest settings: SWC transpiles TypeScript (with decorator metadata for Nest);
// type checking is the typecheck target's job, so tests stay fast.
const path = require('node:path');
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  // ESM-only dependencies are compiled to CommonJS for Jest (Node 20 itself loads them through require()).
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@skinledger/domain$': path.join(__dirname, 'libs/domain/src/index.ts'),
    '^@skinledger/api-client$': path.join(__dirname, 'libs/api-client/src/index.ts'),
  },
};
