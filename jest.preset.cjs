// Shared Jest settings: swc transpiles (decorator metadata included), aliases
// come from tsconfig.base.json. Each project's jest.config.cjs spreads this.
//
// NestJS 12 ships as pure ESM. At run time Node 20.19+ loads it from our
// CommonJS build through require(esm); Jest's own module loader cannot do that
// before Node 24.9, so in tests every "type": "module" package is transpiled
// to CommonJS by swc (cached by Jest after the first run). See docs/adr/0002.
const fs = require('node:fs');
const path = require('node:path');
const { root, swcOptions, jestModuleNameMapper } = require('./scripts/swc-options.cjs');

function esmOnlyPackages() {
  const nodeModules = path.join(root, 'node_modules');
  const names = [];
  for (const entry of fs.readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    const candidates = entry.startsWith('@')
      ? fs.readdirSync(path.join(nodeModules, entry)).map((name) => `${entry}/${name}`)
      : [entry];
    for (const name of candidates) {
      try {
        const pkg = JSON.parse(fs.readFileSync(path.join(nodeModules, name, 'package.json'), 'utf8'));
        if (pkg.type === 'module') names.push(name.replace(/[.+]/g, '\\$&'));
      } catch {
        // not a package folder
      }
    }
  }
  return names;
}

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcOptions({ withPaths: false }), swcrc: false }],
    '^.+\\.m?js$': ['@swc/jest', { swcrc: false, jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages().join('|')})/)`],
  moduleNameMapper: jestModuleNameMapper(),
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  testMatch: ['<rootDir>/**/*.spec.ts'],
  // Some CommonJS dependencies (mercurius, fastify plugins) load ESM with a
  // dynamic import(); Jest serves those only with --experimental-vm-modules,
  // which every project's test target sets in NODE_OPTIONS.
  // Two cores here: Nx runs two projects at once, each Jest one file at a time.
  maxWorkers: 1,
  // Integration tests start real servers and hash passwords with argon2id
  // (19 MiB): on a loaded 2-core machine a set-up hook can pass 5 s (seen in a
  // fresh-clone run). Slow is not wrong here; hanging still fails.
  testTimeout: 30_000,
};
