const preset = require('../../jest.preset.cjs');

// Unit tests of the library's pure logic (content validation, diff): no database, no Redis.
module.exports = { ...preset, displayName: 'resources', rootDir: __dirname };
