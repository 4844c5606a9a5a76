const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'migrator',
  rootDir: __dirname,
  // seed.spec.ts loads the demo into a fresh database (and Redis prefix) for this run.
  globalSetup: '../../libs/testing/src/jest/global-setup.ts',
  globalTeardown: '../../libs/testing/src/jest/global-teardown.ts',
};
