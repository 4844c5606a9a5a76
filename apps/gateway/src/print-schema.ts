/**
 * Writes apps/gateway/schema.gql (the GraphQL schema, for the web app's code
 * generator and for review) and docs/permissions.md (who may call what).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchemaSdl, permissionsMarkdown } from './schema';

const root = path.resolve(__dirname, '../../..').replace(`${path.sep}dist`, '');

buildSchemaSdl().then((sdl) => {
  writeFileSync(path.join(root, 'apps/gateway/schema.gql'), sdl);
  writeFileSync(path.join(root, 'docs/permissions.md'), permissionsMarkdown());
  process.stdout.write('wrote apps/gateway/schema.gql and docs/permissions.md\n');
});
