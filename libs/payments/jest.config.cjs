const preset = require('../../jest.preset.cjs');

// Unit tests of the money arithmetic (rounding, labels): no database, no Redis.
module.exports = { ...preset, displayName: 'payments', rootDir: __dirname };
