import { DataSource } from 'typeorm';

export class UnsafeDatabaseRoleError extends Error {}

/**
 * The gateway and the worker refuse to start when their database role could
 * step over row-level security: superuser, BYPASSRLS, or owner (directly or by
 * membership) of a table, since owners are exempt unless RLS is forced and
 * could simply turn it off.
 */
export async function assertRuntimeRoleIsConfined(dataSource: DataSource): Promise<void> {
  const [role] = (await dataSource.query(
    `SELECT current_user AS name, rolsuper AS super, rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`,
  )) as Array<{ name: string; super: boolean; bypass: boolean }>;
  const problems: string[] = [];
  if (role.super) problems.push('is a superuser');
  if (role.bypass) problems.push('has BYPASSRLS');
  const owned = (await dataSource.query(
    `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(current_user, c.relowner, 'USAGE')
     ORDER BY 1 LIMIT 5`,
  )) as Array<{ table: string }>;
  if (owned.length > 0) problems.push(`owns (or inherits the owner of) tables: ${owned.map((o) => o.table).join(', ')}`);
  if (problems.length > 0) {
    throw new UnsafeDatabaseRoleError(
      `Refusing to start: database role "${role.name}" ${problems.join('; ')}. ` +
        'Connect with the runtime role (DATABASE_URL), which owns no table and has neither SUPERUSER nor BYPASSRLS; ' +
        'migrations use the owner role (MIGRATION_DATABASE_URL).',
    );
  }
}
