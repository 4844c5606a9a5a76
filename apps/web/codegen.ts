import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the gateway's committed schema: no server, no network.
const config: CodegenConfig = {
  schema: '../gateway/schema.gql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { DateTime: 'string' }, avoidOptionals: false },
    },
  },
  hooks: {},
};

export default config;
