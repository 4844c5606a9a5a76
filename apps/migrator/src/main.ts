import { ConfigError, DatabaseEnv, loadEnv, MigrationEnv } from '@cpts/platform-config';
import { createDataSource, Db, localDatabase, migrate, provisionDatabase } from '@cpts/platform-db';
import { DEMO_PASSWORD, seedDemo } from './demo';
import { allMigrations } from './migrations';
import { seedScale } from './scale';
import { seedScaleMeetings } from './scale-meetings';

const USAGE = `usage: migrator <command>
  provision <database>   create the owner and runtime roles and the database (DATABASE_ADMIN_URL),
                         then print the DATABASE_URL and MIGRATION_DATABASE_URL to use
  migrate                apply pending migrations as the owner (MIGRATION_DATABASE_URL) and grant the runtime role
  seed-demo              load the demo region, CPTS, professionals and people (DATABASE_URL), once; the open decision's
                         emails carry vote links (LINK_SECRET, APP_URL and SMTP_URL, as the gateway's)
  seed-scale [cpts] [professionals per CPTS]
                         load benchmark data at Agora Lib' scale (default 100 x 900)
  seed-scale-meetings    give every bench CPTS without working groups its groups, meetings and action items
                         (20 x 15 meetings, 20 items); prints the number of CPTS given them (0: all had them)
  analyze                refresh the planner's statistics (as the owner), e.g. after a bulk load`;

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const env = loadEnv(DatabaseEnv);
  const dataSource = createDataSource({ url: env.DATABASE_URL, entities: [], applicationName: 'cpts-migrator', poolSize: 4 });
  await dataSource.initialize();
  try {
    return await fn(new Db(dataSource));
  } finally {
    await dataSource.destroy();
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  switch (command) {
    case 'provision': {
      const adminUrl = process.env.DATABASE_ADMIN_URL;
      if (!adminUrl || !args[0]) throw new ConfigError('provision needs DATABASE_ADMIN_URL and a database name');
      const db = localDatabase(adminUrl, args[0]);
      await provisionDatabase(adminUrl, db);
      out(`export DATABASE_URL='${db.runtimeUrl}'`);
      out(`export MIGRATION_DATABASE_URL='${db.ownerUrl}'`);
      out(`export DATABASE_RUNTIME_ROLE='${db.runtimeRole}'`);
      return;
    }
    case 'migrate': {
      const env = loadEnv(MigrationEnv);
      const applied = await migrate(env.MIGRATION_DATABASE_URL, env.DATABASE_RUNTIME_ROLE, allMigrations);
      process.stderr.write(applied.length ? `migrations applied: ${applied.join(', ')}\n` : 'database schema is up to date\n');
      return;
    }
    case 'analyze': {
      const env = loadEnv(MigrationEnv);
      const owner = createDataSource({ url: env.MIGRATION_DATABASE_URL, entities: [], applicationName: 'cpts-migrator', poolSize: 1 });
      await owner.initialize();
      await owner.query('ANALYZE');
      await owner.destroy();
      return;
    }
    case 'seed-demo': {
      const logins = await withDb(seedDemo);
      if (!logins) {
        process.stderr.write('demo data already present\n');
        return;
      }
      process.stderr.write(`demo data loaded; every demo account uses the password "${DEMO_PASSWORD}"\n`);
      for (const login of logins) process.stderr.write(`  ${login.email.padEnd(34)} ${login.role}\n`);
      return;
    }
    case 'seed-scale': {
      const cpts = Number(args[0] ?? 100);
      const per = Number(args[1] ?? 900);
      const started = Date.now();
      const result = await withDb((db) => seedScale(db, cpts, per));
      process.stderr.write(`loaded ${result.cpts} CPTS and ${result.professionals} professionals in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      return;
    }
    case 'seed-scale-meetings': {
      const started = Date.now();
      const result = await withDb((db) => seedScaleMeetings(db));
      if (result.cpts > 0)
        process.stderr.write(
          `loaded ${result.groups} working groups in ${result.cpts} CPTS in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
        );
      out(String(result.cpts));
      return;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      process.exitCode = command ? 2 : 0;
  }
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`migrator: ${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
