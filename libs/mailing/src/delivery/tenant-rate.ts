import type { RedisConnection } from '@cpts/platform-queue';

/**
 * Messages per second per CPTS, over every worker process: a counter per
 * CPTS and second in Redis. A CPTS over its rate waits for the next second;
 * other CPTS are not slowed by it.
 */
export class TenantRateLimiter {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keyPrefix: string,
    private readonly perSecond: number,
  ) {}

  /**
   * Asks for up to `wanted` messages now (a chunk asks for a few at a time:
   * one Redis round trip per few messages). `granted` may go now; when none
   * may, `waitMs` says how long to wait.
   */
  async take(tenantId: string, wanted = 1, now = Date.now()): Promise<{ granted: number; waitMs: number }> {
    const second = Math.floor(now / 1000);
    const key = `${this.keyPrefix}:rate:${tenantId}:${second}`;
    const [[, count]] = (await this.redis.multi().incrby(key, wanted).pexpire(key, 2000).exec()) as [[Error | null, number], unknown];
    const before = count - wanted;
    const granted = Math.max(0, Math.min(wanted, this.perSecond - before));
    if (granted > 0) return { granted, waitMs: 0 };
    // Spread the waiting chunks over the next seconds rather than all on the next one.
    const secondsAhead = Math.max(1, Math.floor(before / this.perSecond));
    return { granted: 0, waitMs: (second + secondsAhead) * 1000 - now + Math.floor(Math.random() * 50) };
  }
}
