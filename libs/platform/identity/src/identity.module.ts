import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { MailModule } from '@cpts/platform-mail';
import { AccessGuard } from './access.guard';
import { AccessTokenService } from './access-token.service';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { CptsSlugs } from './cpts-slugs';
import { InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';
import { LocalStrategy, LoginGuard } from './local.strategy';
import { MeService } from './me.service';
import { OrganisationResolver } from './organisation.resolver';
import { OrganisationService } from './organisation.service';
import { PasswordResetService } from './password-reset.service';
import { RateLimiter } from './rate-limiter';
import { RegionalAccess } from './regional-access';

/** Tenancy and identity: regions, CPTS, people, roles, sessions, invitations. */
@Module({
  imports: [PassportModule, MailModule],
  providers: [
    AccessGuard,
    AccessTokenService,
    AuthService,
    RateLimiter,
    LocalStrategy,
    LoginGuard,
    InvitationsService,
    PasswordResetService,
    OrganisationService,
    CptsSlugs,
    RegionalAccess,
    MeService,
    AuthResolver,
    InvitationsResolver,
    OrganisationResolver,
  ],
  exports: [AccessGuard, AccessTokenService, AuthService, OrganisationService, CptsSlugs, RegionalAccess, RateLimiter],
})
export class IdentityModule {}

/** The GraphQL resolvers of this library (for the schema printer and the permission snapshot). */
export const identityResolvers = [AuthResolver, InvitationsResolver, OrganisationResolver];
