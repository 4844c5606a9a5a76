/**
 * Who may do what. Platform and region roles stand above tenants; the four
 * CPTS roles are held per CPTS (one person may be coordinator here and board
 * member there).
 */
export enum Role {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  REGION_ADMIN = 'REGION_ADMIN',
  /** Reads the CPTS assigned to them, never writes. */
  MISSION_OFFICER = 'MISSION_OFFICER',
  /** The CPTS's tenant admin. */
  COORDINATOR = 'COORDINATOR',
  STAFF = 'STAFF',
  BOARD_MEMBER = 'BOARD_MEMBER',
  MEMBER = 'MEMBER',
}

export const REGION_ROLES: readonly Role[] = [Role.REGION_ADMIN, Role.MISSION_OFFICER];
export const TENANT_ROLES: readonly Role[] = [Role.COORDINATOR, Role.STAFF, Role.BOARD_MEMBER, Role.MEMBER];

/** The CPTS team that runs the day-to-day. */
export const CPTS_TEAM: readonly Role[] = [Role.COORDINATOR, Role.STAFF];

export const ROLE_LABELS_FR: Record<Role, string> = {
  [Role.PLATFORM_ADMIN]: 'Administrateur de la plateforme',
  [Role.REGION_ADMIN]: 'Administrateur régional',
  [Role.MISSION_OFFICER]: 'Chargé·e de mission',
  [Role.COORDINATOR]: 'Coordinateur·rice',
  [Role.STAFF]: 'Équipe salariée',
  [Role.BOARD_MEMBER]: 'Membre du bureau',
  [Role.MEMBER]: 'Adhérent·e',
};

export function isTenantRole(role: Role): boolean {
  return TENANT_ROLES.includes(role);
}
