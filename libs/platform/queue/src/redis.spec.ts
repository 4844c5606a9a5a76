import Redis, { Cluster } from 'ioredis';
import { createRedis } from './redis';

describe('createRedis', () => {
  it('connects to the single server of REDIS_URL; a worker connection retries without limit', () => {
    const redis = createRedis({ REDIS_URL: 'redis://:pw@redis.internal:6390' }, 'worker', { lazyConnect: true });
    expect(redis).toBeInstanceOf(Redis);
    expect(redis.options).toMatchObject({ host: 'redis.internal', port: 6390, password: 'pw', maxRetriesPerRequest: null, connectionName: 'cpts-worker' });
  });

  it("connects to a Redis Cluster when REDIS_CLUSTER_NODES is set, with REDIS_URL's user, password and TLS on every node", () => {
    const cluster = createRedis(
      { REDIS_URL: 'rediss://app:s%40cret@not-used:6379', REDIS_CLUSTER_NODES: 'node-a:7001, node-b:7002' },
      'client',
      { lazyConnect: true },
    ) as Cluster;
    expect(cluster).toBeInstanceOf(Cluster);
    expect(cluster.status).toBe('wait');
    expect((cluster as unknown as { startupNodes: unknown }).startupNodes).toEqual([
      { host: 'node-a', port: 7001 },
      { host: 'node-b', port: 7002 },
    ]);
    expect(cluster.options.redisOptions).toMatchObject({ maxRetriesPerRequest: 2, connectionName: 'cpts-client', username: 'app', password: 's@cret', tls: {} });
    // A write that reached a replica is sent again, on a fresh slot map.
    const { reconnectOnError } = cluster.options.redisOptions!;
    expect(reconnectOnError!(new Error("READONLY You can't write against a read only replica."))).toBe(2);
    expect(reconnectOnError!(new Error('ERR wrong number of arguments'))).toBe(false);
  });

  it('gives a cluster worker connection no retry limit (BullMQ refuses a blocking connection with one)', () => {
    const cluster = createRedis({ REDIS_CLUSTER_NODES: '127.0.0.1:7001' }, 'worker', { lazyConnect: true }) as Cluster;
    expect(cluster.options.redisOptions).toMatchObject({ maxRetriesPerRequest: null, connectionName: 'cpts-worker' });
    expect(cluster.options.redisOptions).not.toHaveProperty('password');
  });
});
