import '@fastify/cookie';
import { AppError } from '@cpts/platform-core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** What every resolver finds in the GraphQL context. */
export interface GraphQLContext {
  req: FastifyRequest;
  reply: FastifyReply;
}

export const REFRESH_COOKIE = 'cpts_refresh';
/** The refresh cookie only travels to the GraphQL endpoint, never to static files. */
const COOKIE_PATH = '/graphql';

export function setRefreshCookie(ctx: GraphQLContext, token: string, expires: Date, secure: boolean): void {
  ctx.reply.setCookie(REFRESH_COOKIE, token, { httpOnly: true, secure, sameSite: 'strict', path: COOKIE_PATH, expires });
}

export function clearRefreshCookie(ctx: GraphQLContext, secure: boolean): void {
  ctx.reply.clearCookie(REFRESH_COOKIE, { httpOnly: true, secure, sameSite: 'strict', path: COOKIE_PATH });
}

export function refreshCookie(ctx: GraphQLContext): string | null {
  const value = ctx.req.cookies?.[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function requireRefreshCookie(ctx: GraphQLContext): string {
  const token = refreshCookie(ctx);
  if (!token) throw AppError.unauthenticated('Votre session a expiré. Reconnectez-vous.');
  return token;
}
