import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { gatewayEntities } from '../src/app.module';
import { buildSchemaSdl, permissionsMarkdown, printSortedSchema } from '../src/schema';
import { Harness, startHarness } from './harness';

const root = path.resolve(__dirname, '../../..');
const HOW_TO_FIX = 'run `npm run build && npm run schema:print` and commit the result';

describe('committed contracts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('apps/gateway/schema.gql is the schema the gateway serves', async () => {
    const committed = readFileSync(path.join(root, 'apps/gateway/schema.gql'), 'utf8');
    const served = printSortedSchema(h.gateway.app.get(GraphQLSchemaHost).schema);
    expect({ served, hint: HOW_TO_FIX }).toEqual({ served: committed, hint: HOW_TO_FIX });
    // The printer builds it from the same resolvers without a database.
    expect(await buildSchemaSdl()).toBe(served);
  });

  it('docs/permissions.md lists who may call each operation, as the code says', () => {
    const committed = readFileSync(path.join(root, 'docs/permissions.md'), 'utf8');
    expect({ generated: permissionsMarkdown(), hint: HOW_TO_FIX }).toEqual({ generated: committed, hint: HOW_TO_FIX });
    expect(committed).not.toContain('NONE (refused)');
  });

  it('the entities and the migrations describe the same columns', async () => {
    const dataSource = h.gateway.app.get(DataSource);
    const live = (await dataSource.query(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    )) as Array<{ table_name: string; column_name: string; udt_name: string; is_nullable: string }>;
    const normalise = (type: string) => ({ int: 'int4', integer: 'int4', smallint: 'int2', bigint: 'int8', boolean: 'bool' })[type] ?? type;
    const problems: string[] = [];
    const mapped = new Set<string>();
    for (const entity of gatewayEntities) {
      const meta = dataSource.getMetadata(entity);
      for (const column of meta.columns) {
        const key = `${meta.tableName}.${column.databaseName}`;
        mapped.add(key);
        const row = live.find((c) => c.table_name === meta.tableName && c.column_name === column.databaseName);
        if (!row) {
          problems.push(`${key}: in the entity, not in the database`);
          continue;
        }
        const expectedType = (column.isArray ? '_' : '') + normalise(String(column.type));
        if (row.udt_name !== expectedType) problems.push(`${key}: entity says ${expectedType}, database has ${row.udt_name}`);
        if ((row.is_nullable === 'YES') !== column.isNullable) problems.push(`${key}: nullability differs (database ${row.is_nullable})`);
      }
    }
    for (const row of live) {
      if (row.table_name === 'schema_migrations') continue;
      if (!mapped.has(`${row.table_name}.${row.column_name}`)) problems.push(`${row.table_name}.${row.column_name}: in the database, in no entity`);
    }
    expect(problems).toEqual([]);
  });
});
