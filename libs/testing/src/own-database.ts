import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import Redis from 'ioredis';
import { provisionDatabase } from './jest/provision';

const VARIABLES = ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'DATABASE_RUNTIME_ROLE', 'REDIS_PREFIX'] as const;

/**
 * A database and a Redis prefix of its own for one spec file, for a file
 * whose volume would crowd the run's shared ones: the spec files of a Jest
 * project share one database, and any file's worker sends the whole shared
 * outbox (governance-load's 800 emails delayed calls-public's own past its
 * waits). Call before startHarness (it reads the environment); `restore()`
 * in afterAll, after the harness is closed: the environment back, the
 * database dropped, the prefix's keys deleted.
 */
export function ownDatabase(): { restore(): Promise<void> } {
  const adminUrl = process.env.DATABASE_ADMIN_URL as string;
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `cpts_test_own_${id}`;
  const db = provisionDatabase(adminUrl, database);
  const saved = Object.fromEntries(VARIABLES.map((v) => [v, process.env[v]]));
  const prefix = `test_own_${id}`;
  Object.assign(process.env, { DATABASE_URL: db.runtimeUrl, MIGRATION_DATABASE_URL: db.ownerUrl, DATABASE_RUNTIME_ROLE: db.runtimeRole, REDIS_PREFIX: prefix });
  return {
    async restore() {
      Object.assign(process.env, saved);
      const admin = new Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
      const redis = new Redis(process.env.REDIS_URL as string, { maxRetriesPerRequest: 2 });
      try {
        for (const pattern of [`${prefix}:*`, `{${prefix}:*`]) {
          let cursor = '0';
          do {
            const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
            cursor = next;
            if (keys.length > 0) await redis.unlink(...keys);
          } while (cursor !== '0');
        }
      } finally {
        redis.disconnect();
      }
    },
  };
}
