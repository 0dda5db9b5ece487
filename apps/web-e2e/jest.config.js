module.exports = {
  ...require('../../jest.preset'),
  displayName: 'web-e2e',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  testTimeout: 120000,
  // Node's fetch keeps idle keep-alive sockets to the stopped server open for a few seconds; don't wait for them.
  forceExit: true,
};
