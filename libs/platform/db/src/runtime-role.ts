import { DataSource } from 'typeorm';
import { regionalRoleOf } from './provisioning';

export class UnsafeDatabaseRoleError extends Error {}

/**
 * The gateway and the worker refuse to start when their database role could
 * step over row-level security: superuser, BYPASSRLS, or owner (directly or by
 * membership) of a table, since owners are exempt unless RLS is forced and
 * could simply turn it off. Also checks the regional role is there for the
 * regional read path, granted without inheritance. Returns the role's name.
 */
export async function assertRuntimeRoleIsConfined(dataSource: DataSource): Promise<string> {
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
  if (!role.super) {
    const regional = regionalRoleOf(role.name);
    const [r] = (await dataSource.query(
      `SELECT r.rolsuper OR r.rolbypassrls AS unsafe, pg_has_role(current_user, r.oid, 'MEMBER') AS member, pg_has_role(current_user, r.oid, 'USAGE') AS inherits
       FROM pg_roles r WHERE r.rolname = $1`,
      [regional],
    )) as Array<{ unsafe: boolean; member: boolean; inherits: boolean }>;
    if (!r || !r.member) problems.push(`is not a member of the regional role "${regional}" (GRANT ${regional} TO ${role.name})`);
    else if (r.inherits) problems.push(`inherits the regional role "${regional}" (ALTER ROLE ${role.name} NOINHERIT)`);
    if (r?.unsafe) problems.push(`can switch to "${regional}", which could bypass row-level security`);
  }
  if (problems.length > 0) {
    throw new UnsafeDatabaseRoleError(
      `Refusing to start: database role "${role.name}" ${problems.join('; ')}. ` +
        'Connect with the runtime role (DATABASE_URL), which owns no table and has neither SUPERUSER nor BYPASSRLS; ' +
        'migrations use the owner role (MIGRATION_DATABASE_URL).',
    );
  }
  return role.name;
}
