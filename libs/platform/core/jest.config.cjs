const preset = require('../../../jest.preset.cjs');

module.exports = { ...preset, displayName: 'platform-core', rootDir: __dirname };
