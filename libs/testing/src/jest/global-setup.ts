import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';

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
  // Jest runs this file outside its module mapper: the migrator CLI does the work.
  const migrator = path.join(root, 'dist/apps/migrator/src/main.js');
  const exported = execFileSync(process.execPath, [migrator, 'provision', database], {
    env: { ...process.env, DATABASE_ADMIN_URL: adminUrl },
    encoding: 'utf8',
  });
  const urls = Object.fromEntries([...exported.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1], m[2]]));
  const db = { database, runtimeUrl: urls.DATABASE_URL, ownerUrl: urls.MIGRATION_DATABASE_URL, runtimeRole: urls.DATABASE_RUNTIME_ROLE };
  execFileSync(process.execPath, [migrator, 'migrate'], {
    env: { ...process.env, MIGRATION_DATABASE_URL: db.ownerUrl, DATABASE_RUNTIME_ROLE: db.runtimeRole },
    stdio: ['ignore', 'ignore', 'inherit'],
  });

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
