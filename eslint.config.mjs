import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const testFiles = ['**/*.spec.ts', '**/test/**/*.ts', 'libs/testing/**/*.ts', 'bench/**/*.ts'];

// Layering (see docs/architecture.md): apps -> libs; the domain list
// (type:domains) -> domain and engine; domain -> engine (a domain library
// other domains build on: meetings, governance) -> engine and platform
// (engines form no cycle: governance builds on meetings, never the reverse);
// platform -> platform only.
// Test helpers (type:testing) only from test code.
const layering = (allowTesting) => [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domains', 'type:domain', 'type:engine', 'type:platform', ...(allowTesting ? ['type:testing'] : [])] },
  { sourceTag: 'type:domains', onlyDependOnLibsWithTags: ['type:domain', 'type:engine', 'type:platform'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:engine', 'type:platform', ...(allowTesting ? ['type:testing'] : [])] },
  { sourceTag: 'type:engine', onlyDependOnLibsWithTags: ['type:engine', 'type:platform', ...(allowTesting ? ['type:testing'] : [])] },
  { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform', ...(allowTesting ? ['type:testing'] : [])] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:platform', 'type:testing'] },
  // Local tools (the development SMTP sink) may use test helpers.
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:platform', 'type:testing'] },
];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', '.data/**', 'apps/web/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: layering(false), banTransitiveDependencies: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  {
    files: testFiles,
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: layering(true), banTransitiveDependencies: false },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.cjs', '**/*.mjs', '**/*.js'],
    languageOptions: { sourceType: 'module', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-console': 'off' },
  },
];
