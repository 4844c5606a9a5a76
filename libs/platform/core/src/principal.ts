import { Role } from './roles';

/**
 * The verified caller, rebuilt from the access token on every request. The
 * active tenant comes from here and only from here: never from a header or a
 * GraphQL argument the client chooses.
 */
export interface Principal {
  userId: string;
  sessionId: string;
  /** Active CPTS, null for a platform or region session without a CPTS. */
  tenantId: string | null;
  /** Roles held in the active CPTS. */
  tenantRoles: Role[];
  /** Region-level roles, each with its region. */
  regionRoles: Array<{ role: Role; regionId: string }>;
  platformAdmin: boolean;
}

export function hasRole(principal: Principal, role: Role): boolean {
  if (role === Role.PLATFORM_ADMIN) return principal.platformAdmin;
  if (role === Role.REGION_ADMIN || role === Role.MISSION_OFFICER) {
    return principal.regionRoles.some((r) => r.role === role);
  }
  return principal.tenantId !== null && principal.tenantRoles.includes(role);
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return roles.some((role) => hasRole(principal, role));
}

/** Regions where the principal holds one of the given region roles. */
export function regionsWhere(principal: Principal, roles: readonly Role[]): string[] {
  return principal.regionRoles.filter((r) => roles.includes(r.role)).map((r) => r.regionId);
}
