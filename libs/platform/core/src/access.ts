import { SetMetadata } from '@nestjs/common';
import { Role } from './roles';

export const ACCESS_METADATA = 'cpts:access';

/**
 * Every GraphQL operation declares who may call it, or that it is public.
 * An operation with neither is refused (deny by default) and fails the
 * permission test.
 */
export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/** Callable by the listed roles (in the active CPTS for CPTS roles). */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessRule);

/** Callable without a session (sign-in, invitation links). */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Callable by any signed-in person; the operation only touches the caller's own data. */
export const Authenticated = () => SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessRule);
