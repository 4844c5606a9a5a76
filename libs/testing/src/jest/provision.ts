import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

export interface ProvisionedDatabase {
  database: string;
  runtimeUrl: string;
  ownerUrl: string;
  runtimeRole: string;
}

/**
 * A fresh database with its two roles, migrated, through the migrator's CLI
 * in dist/ (Jest's global setup runs outside its module mapper).
 */
export function provisionDatabase(adminUrl: string, database: string): ProvisionedDatabase {
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
  return db;
}
