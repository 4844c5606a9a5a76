import { DOMAINS } from '@cpts/domains';
import { identityMigrations } from '@cpts/platform-identity';
import { mailMigrations } from '@cpts/platform-mail';
import { reminderMigrations } from '@cpts/platform-reminders';
import { referenceMigrations } from '@cpts/platform-reference';

/**
 * Every migration of the platform, in order (by the timestamp in their
 * names): the platform libraries', then each domain library's (DOMAINS).
 * Each library owns the migrations of its tables.
 */
export const allMigrations = [...referenceMigrations, ...identityMigrations, ...mailMigrations, ...reminderMigrations, ...DOMAINS.flatMap((d) => d.migrations)].sort((a, b) => {
  const stamp = (m: { name: string }) => Number(/(\d{13})$/.exec(m.name)?.[1]);
  return stamp(a) - stamp(b);
});
