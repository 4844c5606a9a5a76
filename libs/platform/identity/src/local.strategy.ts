import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { AppError } from '@cpts/platform-core';
import { Strategy } from 'passport-local';
import { AuthService } from './auth.service';

interface LoginRequest {
  body: { email?: string; password?: string };
  ip: string | null;
  user?: { id: string; email: string };
}

/** Passport's local strategy: email and password, checked by AuthService (argon2id, rate limits). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: false });
  }

  validate(req: LoginRequest, email: string, password: string) {
    return this.auth.verifyCredentials(email, password, req.ip);
  }
}

/**
 * Runs the local strategy for the `login` mutation. Passport reads a request
 * body; a GraphQL request's body is the query, so the guard hands it a small
 * request built from the mutation's input, and leaves the checked user on the
 * GraphQL context for the resolver.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override getRequest(context: ExecutionContext): LoginRequest {
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<{ req: { ip: string }; login?: LoginRequest }>();
    const input = gql.getArgs<{ input?: { email?: unknown; password?: unknown } }>().input ?? {};
    ctx.login ??= {
      body: { email: typeof input.email === 'string' ? input.email : '', password: typeof input.password === 'string' ? input.password : '' },
      ip: ctx.req?.ip ?? null,
    };
    return ctx.login;
  }

  override handleRequest<TUser>(err: unknown, user: TUser): TUser {
    if (err) throw err;
    if (!user) throw AppError.unauthenticated('Saisissez votre adresse e-mail et votre mot de passe.');
    return user;
  }
}

export function loggedInUser(ctx: { login?: LoginRequest }): { id: string; email: string } {
  const user = ctx.login?.user;
  if (!user) throw AppError.unauthenticated();
  return user;
}
