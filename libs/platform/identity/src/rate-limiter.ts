import { Inject, Injectable } from '@nestjs/common';
import { RedisEnv } from '@cpts/platform-config';
import { AppError } from '@cpts/platform-core';
import { REDIS, RedisConnection } from '@cpts/platform-queue';

export interface Limit {
  /** Counter name, e.g. "login-ip:203.0.113.9". */
  key: string;
  max: number;
  windowSeconds: number;
  /** What the person did too often, in French, for the message (default: "Trop de tentatives."). */
  reason?: string;
}

// INCR and set the expiry on first hit, atomically; returns [count, ttl ms].
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

/**
 * Fixed-window counters in Redis, shared by every gateway replica. Used for
 * sign-in (per IP and per account), password reset requests and invitation
 * links. When Redis is unreachable the limiter refuses (fails closed): an
 * attacker must not get unlimited guesses by taking Redis down.
 */
@Injectable()
export class RateLimiter {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS) private readonly redis: RedisConnection,
    env: RedisEnv,
  ) {
    this.prefix = `${env.REDIS_PREFIX}:rl:`;
  }

  /** Counts one hit; RATE_LIMITED once over `max` within the window. */
  async hit(limit: Limit): Promise<void> {
    const [count, ttl] = (await this.redis.eval(HIT, 1, this.prefix + limit.key, limit.windowSeconds * 1000)) as [number, number];
    if (count > limit.max) throw AppError.rateLimited(Math.ceil(Math.max(ttl, 0) / 1000), limit.reason);
  }

  /** Counts one hit without refusing (e.g. a failed password, checked on the next attempt). */
  async record(limit: Limit): Promise<void> {
    await this.redis.eval(HIT, 1, this.prefix + limit.key, limit.windowSeconds * 1000);
  }

  /** RATE_LIMITED if the counter is already at `max`, without counting. */
  async check(limit: Limit): Promise<void> {
    const key = this.prefix + limit.key;
    const [count, ttl] = (await this.redis.multi().get(key).pttl(key).exec())!.map(([, v]) => v) as [string | null, number];
    if (count !== null && Number(count) >= limit.max) throw AppError.rateLimited(Math.ceil(Math.max(ttl, 0) / 1000), limit.reason);
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
