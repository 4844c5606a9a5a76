import { GraphQLError } from 'graphql';
import { Client } from 'pg';
import { AppError } from '@cpts/platform-core';
import type { Logger } from '@cpts/platform-observability';
import { mercuriusErrorFormatter } from '../src/errors';

/** Who is to blame for an error without a cause depends on when it was raised: before execution the caller, during it us. */
describe('GraphQL error shaping', () => {
  const logged: Array<{ level: string; msg: string }> = [];
  const logger = {
    info: (_o: unknown, msg: string) => logged.push({ level: 'info', msg }),
    warn: (_o: unknown, msg: string) => logged.push({ level: 'warn', msg }),
    error: (_o: unknown, msg: string) => logged.push({ level: 'error', msg }),
  } as unknown as Logger;
  const format = mercuriusErrorFormatter(logger);
  beforeEach(() => void (logged.length = 0));

  it('a document or variable refused before execution is the caller’s mistake, logged at info', () => {
    const out = format(
      { errors: [new GraphQLError('Variable "$first" got invalid value "x"; Int cannot represent non-integer value: "x"')] },
      {},
    );
    expect(out.response.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(out.response.errors[0].message).toBe("La variable « $first » n'a pas une valeur du type attendu.");
    expect(logged.map((l) => l.level)).toEqual(['info']);
  });

  it('an error without a cause during execution (a null for a non-null field) is ours: INTERNAL, logged at error', () => {
    const out = format(
      { data: null, errors: [new GraphQLError('Cannot return null for non-nullable field Query.me.', { path: ['me'] })] },
      {},
    );
    expect(out.statusCode).toBe(200);
    expect(out.response.errors[0].extensions?.code).toBe('INTERNAL');
    expect(logged.map((l) => l.level)).toEqual(['error']);
  });

  it('an AppError keeps its code and French message, with nothing logged', () => {
    const out = format(
      { data: null, errors: [new GraphQLError('x', { originalError: AppError.notFound('Professionnel introuvable.') })] },
      {},
    );
    expect(out.response.errors[0]).toMatchObject({ message: 'Professionnel introuvable.', extensions: { code: 'NOT_FOUND' } });
    expect(logged).toEqual([]);
  });

  it('a statement PostgreSQL cancelled for its timeout is load, not a bug: UNAVAILABLE with a French message, logged at warn', async () => {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const timedOut = await client
      .query(`SET statement_timeout = 50; SELECT pg_sleep(2)`)
      .then(() => null, (err: Error) => err)
      .finally(() => client.end());
    expect((timedOut as { code?: string } | null)?.code).toBe('57014');
    const out = format({ data: null, errors: [new GraphQLError(timedOut!.message, { originalError: timedOut!, path: ['members'] })] }, {});
    expect(out.response.errors[0]).toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
    expect(out.response.errors[0].message).toMatch(/très sollicitée.*réessayez/);
    expect(logged.map((l) => l.level)).toEqual(['warn']);
  });
});
