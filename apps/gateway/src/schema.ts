import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory, RESOLVER_NAME_METADATA, RESOLVER_TYPE_METADATA } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { DOMAINS } from '@cpts/domains';
import { ACCESS_METADATA, AccessRule } from '@cpts/platform-core';
import { identityResolvers } from '@cpts/platform-identity';
import { referenceResolvers } from '@cpts/platform-reference';

/** Every resolver class the gateway serves. A test checks the live schema is built from exactly these. */
export const gatewayResolvers = [...referenceResolvers, ...identityResolvers, ...DOMAINS.flatMap((d) => d.resolvers)];

export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** The schema as SDL, without starting the gateway (no database needed). */
export async function buildSchemaSdl(): Promise<string> {
  const app = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    return printSortedSchema(await app.get(GraphQLSchemaFactory).create(gatewayResolvers));
  } finally {
    await app.close();
  }
}

export interface OperationAccess {
  operation: string;
  access: string;
}

/** Who may call each Query and Mutation, read from the resolvers' @Allow / @Public / @Authenticated. */
export function operationAccess(): OperationAccess[] {
  const rows: OperationAccess[] = [];
  for (const resolver of gatewayResolvers) {
    const proto = resolver.prototype as unknown as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const method = proto[key];
      if (typeof method !== 'function' || key === 'constructor') continue;
      const type = Reflect.getMetadata(RESOLVER_TYPE_METADATA, method);
      if (type !== 'Query' && type !== 'Mutation') continue;
      const name = Reflect.getMetadata(RESOLVER_NAME_METADATA, method) ?? key;
      const rule: AccessRule | undefined = Reflect.getMetadata(ACCESS_METADATA, method) ?? Reflect.getMetadata(ACCESS_METADATA, resolver);
      const access = !rule ? 'NONE (refused)' : rule.kind === 'public' ? 'public' : rule.kind === 'authenticated' ? 'any signed-in person' : rule.roles.join(', ');
      rows.push({ operation: `${type}.${name}`, access });
    }
  }
  return rows.sort((a, b) => a.operation.localeCompare(b.operation));
}

/** docs/permissions.md: the committed snapshot that makes a permission change a visible diff. */
export function permissionsMarkdown(rows: OperationAccess[] = operationAccess()): string {
  return [
    '# Who may call each GraphQL operation',
    '',
    'Generated from the resolvers by `npm run schema:print`; a test fails when it is out of date,',
    'so every change of access shows in review. CPTS roles apply in the active CPTS of the session.',
    '',
    '| Operation | Who |',
    '| --- | --- |',
    ...rows.map((r) => `| \`${r.operation}\` | ${r.access} |`),
    '',
  ].join('\n');
}
