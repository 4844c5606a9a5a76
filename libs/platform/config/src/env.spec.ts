import { AuthEnv, ConfigError, DatabaseEnv, describeEnv, loadEnv, MailEnv, RedisEnv } from './env';

describe('loadEnv', () => {
  it('applies defaults and converts numbers', () => {
    const env = loadEnv(DatabaseEnv, { DATABASE_URL: 'postgres://app@db/cpts', DATABASE_POOL_SIZE: '7' });
    expect(env.DATABASE_URL).toBe('postgres://app@db/cpts');
    expect(env.DATABASE_POOL_SIZE).toBe(7);
  });

  it('names the variable but never prints a rejected secret', () => {
    const secret = 'short-secret';
    let error: unknown;
    try {
      loadEnv(AuthEnv, { JWT_SECRET: secret });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('JWT_SECRET');
    expect((error as Error).message).not.toContain(secret);
  });

  it('reads booleans', () => {
    const env = loadEnv(AuthEnv, { JWT_SECRET: 'x'.repeat(32), COOKIE_SECURE: 'false' });
    expect(env.COOKIE_SECURE).toBe(false);
  });

  it('takes a bounce mailbox whose VERP addresses stay within 64 characters before the @', () => {
    const mail = (address: string) =>
      loadEnv(MailEnv, { SMTP_URL: 'smtp://127.0.0.1:2525', LINK_SECRET: 'y'.repeat(40), MAIL_BOUNCE_ADDRESS: address });
    expect(mail('bounces@cpts.example.fr').MAIL_BOUNCE_ADDRESS).toBe('bounces@cpts.example.fr');
    expect(() => mail('retours-campagnes@cpts.example.fr')).toThrow(/MAIL_BOUNCE_ADDRESS: at most 9 characters before the @/);
  });

  it('wants REDIS_URL unless REDIS_CLUSTER_NODES names a cluster', () => {
    expect(() => loadEnv(RedisEnv, {})).toThrow(/REDIS_URL must be a redis:\/\/ URL \(or set REDIS_CLUSTER_NODES\)/);
    expect(loadEnv(RedisEnv, { REDIS_CLUSTER_NODES: '10.0.0.1:6379, 10.0.0.2:6379' }).REDIS_URL).toBeUndefined();
    expect(() => loadEnv(RedisEnv, { REDIS_CLUSTER_NODES: '10.0.0.1:6379', REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
    expect(() => loadEnv(RedisEnv, { REDIS_CLUSTER_NODES: '10.0.0.1' })).toThrow(/REDIS_CLUSTER_NODES must be host:port pairs/);
  });

  it('masks sensitive values when described', () => {
    const env = loadEnv(MailEnv, { SMTP_URL: 'smtp://127.0.0.1:2525', LINK_SECRET: 'y'.repeat(40) });
    const described = describeEnv(env);
    expect(described.LINK_SECRET).toBe('***');
    expect(described.SMTP_URL).toBe('smtp://127.0.0.1:2525');
  });
});
