import Redis, { RedisOptions } from 'ioredis';

/**
 * A Redis connection. Workers need `maxRetriesPerRequest: null` (their
 * blocking commands must wait through reconnections); other clients give up
 * after a few retries so a request does not hang while Redis is down (the
 * outbox reconciler enqueues what could not be enqueued then).
 */
export function createRedis(url: string, role: 'worker' | 'client', extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: role === 'worker' ? null : 2,
    connectionName: `cpts-${role}`,
    ...extra,
  });
}
