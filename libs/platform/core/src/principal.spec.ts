import { hasAnyRole, hasRole, Principal, regionsWhere } from './principal';
import { Role } from './roles';

const base: Principal = {
  userId: 'u',
  sessionId: 's',
  tenantId: null,
  tenantRoles: [],
  regionRoles: [],
  platformAdmin: false,
};

describe('principal roles', () => {
  it('never grants a CPTS role without an active CPTS', () => {
    expect(hasRole({ ...base, tenantRoles: [Role.COORDINATOR] }, Role.COORDINATOR)).toBe(false);
    expect(hasRole({ ...base, tenantId: 't1', tenantRoles: [Role.COORDINATOR] }, Role.COORDINATOR)).toBe(true);
  });

  it('reads region roles per region', () => {
    const p = { ...base, regionRoles: [{ role: Role.MISSION_OFFICER, regionId: 'r1' }] };
    expect(hasRole(p, Role.MISSION_OFFICER)).toBe(true);
    expect(hasRole(p, Role.REGION_ADMIN)).toBe(false);
    expect(regionsWhere(p, [Role.MISSION_OFFICER])).toEqual(['r1']);
    expect(hasAnyRole(p, [Role.REGION_ADMIN, Role.MISSION_OFFICER])).toBe(true);
  });
});
