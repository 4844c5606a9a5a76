import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { GatewayEnv } from '@cpts/platform-config';
import { AppError } from '@cpts/platform-core';
import { RateLimiter } from '@cpts/platform-identity';

const PUBLIC_API = '/api/public/';
/** The one-click unsubscribe, at a CPTS's address (/api/public/cpts/<slug>/unsubscribe/…) or at the address of before. */
const ONE_CLICK_UNSUBSCRIBE = /^\/api\/public\/(?:cpts\/[^/]+\/)?unsubscribe\//;

/**
 * The login-free routes under /api/public/ (public directory, unsubscribe,
 * preferences, click redirects) each cost database work: per client
 * address, at most PUBLIC_API_RATE_PER_MINUTE a minute, over every gateway
 * replica, except the one-click unsubscribe POST. Unlike sign-in, it fails open: with Redis unreachable, a
 * professional can still unsubscribe or follow a link.
 */
@Injectable()
export class PublicRateGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly env: GatewayEnv,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<{ url: string; ip: string; method: string }>();
    if (!request.url.startsWith(PUBLIC_API)) return true;
    // One-click unsubscribes (RFC 8058) are posted by mailbox providers' servers: a few addresses speaking for
    // thousands of people after a newsletter. The token is signed and the change idempotent: never refused.
    if (request.method === 'POST' && ONE_CLICK_UNSUBSCRIBE.test(request.url)) return true;
    try {
      await this.limiter.hit({ key: `public-ip:${request.ip}`, max: this.env.PUBLIC_API_RATE_PER_MINUTE, windowSeconds: 60 });
    } catch (err) {
      if (err instanceof AppError) throw err;
    }
    return true;
  }
}
