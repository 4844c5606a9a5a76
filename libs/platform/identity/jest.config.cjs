const preset = require('../../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'platform-identity',
  rootDir: __dirname,
  // Integration specs: a fresh database and Redis prefix for this run.
  globalSetup: '../../../libs/testing/src/jest/global-setup.ts',
  globalTeardown: '../../../libs/testing/src/jest/global-teardown.ts',
};
