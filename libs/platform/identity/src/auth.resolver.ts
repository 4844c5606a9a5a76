import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthEnv } from '@cpts/platform-config';
import { Authenticated, currentScope, Public, requirePrincipal, UuidPipe } from '@cpts/platform-core';
import { AuthService, IssuedTokens } from './auth.service';
import { clearRefreshCookie, GraphQLContext, refreshCookie, requireRefreshCookie, setRefreshCookie } from './graphql-context';
import { LoginInput } from './identity.inputs';
import { AuthPayload, Me } from './identity.types';
import { loggedInUser, LoginGuard } from './local.strategy';
import { MeService } from './me.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly meService: MeService,
    private readonly env: AuthEnv,
  ) {}

  @Mutation(() => AuthPayload, { description: 'Signs in with email and password; sets the refresh cookie.' })
  @Public()
  @UseGuards(LoginGuard)
  async login(@Args('input') _input: LoginInput, @Context() ctx: GraphQLContext & { login?: never }): Promise<AuthPayload> {
    const user = loggedInUser(ctx);
    const issued = await this.auth.openSession(user.id, { ip: ctx.req.ip, userAgent: ctx.req.headers['user-agent'] ?? null });
    return this.reply(ctx, issued);
  }

  @Mutation(() => AuthPayload, { description: 'A new access token from the refresh cookie, which is rotated.' })
  @Public()
  async refreshSession(@Context() ctx: GraphQLContext): Promise<AuthPayload> {
    const issued = await this.auth.refresh(requireRefreshCookie(ctx));
    return this.reply(ctx, issued);
  }

  @Mutation(() => Boolean, { description: 'Ends the session: its refresh token stops working at once.' })
  @Public()
  async logout(@Context() ctx: GraphQLContext): Promise<boolean> {
    const token = refreshCookie(ctx);
    const sessionId = (token && (await this.auth.sessionOfRefreshToken(token))) || currentScope()?.principal?.sessionId;
    if (sessionId) await this.auth.revokeSession(sessionId);
    clearRefreshCookie(ctx, this.env.COOKIE_SECURE);
    return true;
  }

  @Mutation(() => AuthPayload, { description: 'Makes another CPTS where the person holds a role the active one.' })
  @Authenticated()
  async switchCpts(@Args('cptsId', { type: () => ID }, UuidPipe) cptsId: string, @Context() ctx: GraphQLContext): Promise<AuthPayload> {
    const issued = await this.auth.switchTenant(requirePrincipal(), cptsId);
    return this.reply(ctx, issued);
  }

  @Query(() => Me)
  @Authenticated()
  me(): Promise<Me> {
    return this.meService.me(requirePrincipal());
  }

  private reply(ctx: GraphQLContext, issued: IssuedTokens): AuthPayload {
    setRefreshCookie(ctx, issued.refreshToken, issued.refreshTokenExpiresAt, this.env.COOKIE_SECURE);
    return { accessToken: issued.accessToken, accessTokenExpiresAt: issued.accessTokenExpiresAt };
  }
}
