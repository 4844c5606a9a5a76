const preset = require('../../jest.preset.cjs');

module.exports = { ...preset, displayName: 'migrator', rootDir: __dirname };
