import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { MeQuery, Role } from '../gql/graphql';
import { FullPageLoader } from '../components/FullPageLoader';
import { ErrorState } from '../components/states';
import { toAppError } from '../lib/errors';

export const MeDocument = graphql(`
  query Me {
    me {
      user {
        id
        displayName
        email
      }
      platformAdmin
      activeRoles
      activeCpts {
        id
        name
        region {
          id
          networkName
        }
      }
      memberships {
        roles
        cpts {
          id
          name
        }
      }
      regionRoles {
        role
        region {
          id
          name
          networkName
        }
      }
    }
  }
`);

export type Me = MeQuery['me'];

export const CPTS_STAFF_ROLES: Role[] = ['COORDINATOR', 'STAFF'];

/** What the person may do, in words the pages can test. */
export interface Abilities {
  me: Me;
  cptsRoles: Role[];
  isCptsStaff: boolean;
  isCoordinator: boolean;
  isBoardMember: boolean;
  isMember: boolean;
  isRegionAdmin: boolean;
  isMissionOfficer: boolean;
  isPlatformAdmin: boolean;
}

export function abilities(me: Me): Abilities {
  const cptsRoles = me.activeRoles;
  const regionRoles = me.regionRoles.map((r) => r.role);
  return {
    me,
    cptsRoles,
    isCptsStaff: cptsRoles.some((r) => CPTS_STAFF_ROLES.includes(r)),
    isCoordinator: cptsRoles.includes('COORDINATOR'),
    isBoardMember: cptsRoles.includes('BOARD_MEMBER'),
    isMember: cptsRoles.includes('MEMBER'),
    isRegionAdmin: regionRoles.includes('REGION_ADMIN'),
    isMissionOfficer: regionRoles.includes('MISSION_OFFICER'),
    isPlatformAdmin: me.platformAdmin,
  };
}

/** Where each person lands after signing in: the work of their active CPTS first, then the region's. */
export function homePath(a: Abilities): string {
  if (a.isCptsStaff) return '/cpts';
  if (a.isRegionAdmin) return '/region';
  if (a.isMissionOfficer) return '/mes-cpts';
  if (a.isBoardMember) return '/bureau';
  if (a.isMember) return '/adherent';
  if (a.isPlatformAdmin) return '/plateforme';
  return '/sans-role';
}

interface MeContextValue extends Abilities {
  refetch: () => void;
}

const MeContext = createContext<MeContextValue | null>(null);

export function MeProvider({ children }: { children: ReactNode }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: MeDocument, requestPolicy: 'cache-first' });
  if (!data) {
    if (fetching || !error) return <FullPageLoader />;
    return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} fullPage />;
  }
  return <MeContext.Provider value={{ ...abilities(data.me), refetch: () => refetch({ requestPolicy: 'network-only' }) }}>{children}</MeContext.Provider>;
}

export function useMe(): MeContextValue {
  const value = useContext(MeContext);
  if (!value) throw new Error('useMe outside MeProvider');
  return value;
}
