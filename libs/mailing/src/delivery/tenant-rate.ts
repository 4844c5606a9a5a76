import type Redis from 'ioredis';

/**
 * Messages per second per CPTS, over every worker process: a counter per
 * CPTS and second in Redis. A CPTS over its rate waits for the next second;
 * other CPTS are not slowed by it.
 */
export class TenantRateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly perSecond: number,
  ) {}

  /** 0 when a message may go now; otherwise how many milliseconds to wait. */
  async take(tenantId: string, now = Date.now()): Promise<number> {
    const second = Math.floor(now / 1000);
    const key = `${this.keyPrefix}:rate:${tenantId}:${second}`;
    const [[, count]] = (await this.redis.multi().incr(key).pexpire(key, 2000).exec()) as [[Error | null, number], unknown];
    if (count <= this.perSecond) return 0;
    // Spread the waiting messages over the next seconds rather than all on the next one.
    const secondsAhead = Math.floor((count - 1) / this.perSecond);
    return (second + secondsAhead) * 1000 - now + Math.floor(Math.random() * 50);
  }
}
