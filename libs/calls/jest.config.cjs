const preset = require('../../jest.preset.cjs');

// Unit tests of the calls' money arithmetic: no database, no Redis.
module.exports = { ...preset, displayName: 'calls', rootDir: __dirname };
