const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'scale-e2e',
  rootDir: __dirname,
  // The platform on real distributed parts: each spec starts its own extra
  // servers (a Redis Cluster, PgBouncer, a PostgreSQL replica, several gateways
  // and workers from dist/) on loopback ports, from Debian's packages.
  globalSetup: '../../libs/testing/src/jest/global-setup.ts',
  globalTeardown: '../../libs/testing/src/jest/global-teardown.ts',
  testTimeout: 120_000,
};
