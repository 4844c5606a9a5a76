const preset = require('../../jest.preset.cjs');

// Unit tests of the statutes' arithmetic: no database, no Redis.
module.exports = { ...preset, displayName: 'governance', rootDir: __dirname };
