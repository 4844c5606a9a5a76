import { rmSync } from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import type { TestRun } from './global-setup';

/** Drops the run's database and deletes its Redis keys (queues and counters). */
export default async function globalTeardown(): Promise<void> {
  const run = (globalThis as { __CPTS_TEST_RUN__?: TestRun }).__CPTS_TEST_RUN__;
  if (!run) return;
  rmSync(path.dirname(run.uploadDir), { recursive: true, force: true });
  if (!process.env.KEEP_TEST_DATABASE) {
    const admin = new Client({ connectionString: run.adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${run.database} WITH (FORCE)`);
    await admin.end();
  }
  const redis = new Redis(run.redisUrl, { maxRetriesPerRequest: 2 });
  try {
    for (const pattern of [`${run.redisPrefix}:*`, `{${run.redisPrefix}:*`]) {
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
}
