import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_METADATA, AccessRule, AppError, hasAnyRole, requirePrincipal } from '@cpts/platform-core';

/**
 * Global guard: every resolver and controller handler must declare who may
 * call it (@Allow, @Authenticated or @Public). Undeclared means refused.
 * Data-level checks (which CPTS) happen below, in services and in RLS.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!rule) throw AppError.forbidden();
    if (rule.kind === 'public') return true;
    const principal = requirePrincipal();
    if (rule.kind === 'authenticated') return true;
    if (hasAnyRole(principal, rule.roles)) return true;
    throw AppError.forbidden();
  }
}
