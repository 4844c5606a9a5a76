import type { Role } from '../gql/graphql';
import i18n from '../i18n';

export const roleLabel = (role: Role): string => i18n.t(`roles.${role}`);
export const rolesLabel = (roles: Role[]): string => roles.map(roleLabel).join(', ');

/** Colour of a role badge (all dark enough for white text). */
export const roleColor: Record<Role, string> = {
  PLATFORM_ADMIN: 'dark',
  REGION_ADMIN: 'grape',
  MISSION_OFFICER: 'violet',
  COORDINATOR: 'brand',
  STAFF: 'cyan',
  BOARD_MEMBER: 'orange',
  MEMBER: 'teal',
};
