/**
 * Tables that are NOT tenant tables, each with the reason. Every other table
 * must follow the tenant rules; the catalog test fails on a table that is in
 * neither group, so adding a table means deciding which it is.
 */
export const SHARED_TABLES: Record<string, string> = {
  schema_migrations: 'TypeORM migration bookkeeping',
  regions: 'organisation: the regional networks, above tenants',
  tenants: 'organisation: one row per CPTS (the tenant itself)',
  tenant_slugs: 'organisation: the public addresses of every CPTS, looked up before any tenant is known',
  users: 'identity: a person may hold roles in several CPTS',
  role_assignments: 'identity: roles across platform, regions and CPTS, read at sign-in',
  mission_officer_tenants: 'organisation: which CPTS a mission officer follows (region level)',
  sessions: 'identity: sign-in sessions, before any CPTS is chosen',
  refresh_tokens: 'identity: rotating refresh tokens of sessions',
  invitations: 'identity: looked up by token from a login-free link',
  password_resets: 'identity: looked up by token from a login-free link',
  mail_outbox: 'platform mail (invitations, resets) for people who may not belong to a CPTS yet',
  regional_access_log: 'audit of the cross-CPTS read path (region level)',
  professions: 'reference data: RPPS profession codes',
  departements: 'reference data: French départements',
  communes: 'reference data: INSEE communes',
  pass_ceilings: 'reference data: the plafond annuel de la sécurité sociale per year, one national figure every CPTS caps its payments with, kept by the platform admin',
};
