import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { provisionDatabase } from './provision';

const root = path.resolve(__dirname, '../../../..');

export interface TestRun {
  adminUrl: string;
  database: string;
  redisUrl: string;
  redisPrefix: string;
  uploadDir: string;
}

/**
 * Once per Jest project run: a fresh database (migrated, with its two roles)
 * and a fresh Redis key prefix, exported to the test workers through the
 * environment. Dropped again by global-teardown.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.CPTS_BUILT) {
    // Run alone (not through `npm test`): make sure the migrator in dist/ is current.
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { stdio: 'ignore' });
  }
  const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `cpts_test_${id}`;
  const db = provisionDatabase(adminUrl, database);

  const run: TestRun = {
    adminUrl,
    database: db.database,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisPrefix: `test_${id}`,
    uploadDir: path.join(tmpdir(), `cpts_test_${id}`, 'uploads'),
  };
  (globalThis as { __CPTS_TEST_RUN__?: TestRun }).__CPTS_TEST_RUN__ = run;

  Object.assign(process.env, {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_ADMIN_URL: adminUrl,
    DATABASE_URL: db.runtimeUrl,
    MIGRATION_DATABASE_URL: db.ownerUrl,
    DATABASE_RUNTIME_ROLE: db.runtimeRole,
    REDIS_URL: run.redisUrl,
    REDIS_PREFIX: run.redisPrefix,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LINK_SECRET: randomBytes(32).toString('hex'),
    SMTP_URL: 'smtp://127.0.0.1:2525?tls=off',
    APP_URL: 'http://cpts.test',
    COOKIE_SECURE: 'false',
    GATEWAY_PORT: '0',
    WORKER_HTTP_PORT: '0',
    UPLOAD_DIR: run.uploadDir,
    // Every test's public requests come from 127.0.0.1: the limit has its own test (public-rate.spec.ts).
    PUBLIC_API_RATE_PER_MINUTE: '100000',
  });
}
