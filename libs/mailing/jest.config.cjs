const preset = require('../../jest.preset.cjs');

module.exports = {
  ...preset,
  displayName: 'mailing',
  rootDir: __dirname,
};
