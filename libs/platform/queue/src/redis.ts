import type { RedisEnv } from '@cpts/platform-config';
import Redis, { Cluster, ClusterOptions, RedisOptions } from 'ioredis';

/**
 * A single Redis server or a Redis Cluster. The platform sends both the same
 * commands: each touches one key, or the keys of one queue (one hash tag,
 * hence one cluster slot), so none crosses slots.
 */
export type RedisConnection = Redis | Cluster;

/** Where Redis is: a redis:// URL, or the environment (REDIS_CLUSTER_NODES, when set, wins over REDIS_URL's host). */
export type RedisTarget = string | Pick<RedisEnv, 'REDIS_URL' | 'REDIS_CLUSTER_NODES'>;

type Role = 'worker' | 'client';

/**
 * Workers need `maxRetriesPerRequest: null` (their blocking commands must
 * wait through reconnections; BullMQ refuses a worker connection without
 * it); other clients give up after a few retries so a request does not hang
 * while Redis is down (the reconcilers enqueue what could not be enqueued then).
 */
function roleOptions(role: Role): RedisOptions {
  return { maxRetriesPerRequest: role === 'worker' ? null : 2, connectionName: `cpts-${role}` };
}

/**
 * A cluster's failover: a master that stops answering is marked failed after
 * cluster-node-timeout, the other nodes refuse every key meanwhile
 * (CLUSTERDOWN), then a replica takes its slots (on loopback, every node was
 * ok again ~2.5 s after a master's SIGKILL with a node timeout of 1 s, ~4.6 s
 * with 2 s). ioredis retries a command that met a closed connection or
 * CLUSTERDOWN up to maxRedirections (16) times, refreshing its slot map
 * between tries: 300 ms apart, a command waits out ~5 s (with the default
 * 100 ms, dozens of commands per failover gave up after ~1.6 s). Beyond that
 * the callers retry: BullMQ's workers, the jobs' attempts, the reconcilers.
 */
const CLUSTER_OPTIONS: ClusterOptions = {
  enableReadyCheck: true,
  retryDelayOnFailover: 300,
  retryDelayOnClusterDown: 300,
  // Every node lost at once (the whole cluster restarting): try again soon, then every 2 s.
  clusterRetryStrategy: (times) => Math.min(100 * times, 2000),
};

/**
 * A write that reaches a replica (READONLY) means the slot map is stale: a
 * former master restarted at its old address rejoins as a replica, and for a
 * moment still claims its slots. ioredis follows MOVED but gives READONLY
 * back to the caller; dropping the node's connection and resending the
 * command (2) makes it a closed connection instead, which the cluster retries
 * on a fresh slot map (retryDelayOnFailover).
 */
const reconnectOnReadonly = (err: Error) => (err.message.startsWith('READONLY') ? 2 : false);

/** The user, password and TLS of REDIS_URL, which a cluster's nodes share; its host and port are not used. */
function credentialsOf(url: string | undefined): RedisOptions {
  if (!url) return {};
  const parsed = new URL(url);
  return {
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** REDIS_CLUSTER_NODES ("host:port,host:port") as ioredis' startup nodes. */
function clusterNodes(value: string): Array<{ host: string; port: number }> {
  return value.split(',').map((node) => {
    const [host, port] = node.trim().split(':');
    return { host, port: Number(port) };
  });
}

/**
 * A Redis connection for a role: to a Redis Cluster when the target names
 * cluster nodes, else to the single server of the URL. `lazyConnect`: no
 * connection until the first command.
 */
export function createRedis(target: string, role: Role, options?: { lazyConnect?: boolean }): Redis;
export function createRedis(target: RedisTarget, role: Role, options?: { lazyConnect?: boolean }): RedisConnection;
export function createRedis(target: RedisTarget, role: Role, options: { lazyConnect?: boolean } = {}): RedisConnection {
  const { REDIS_URL: url, REDIS_CLUSTER_NODES: nodes } = typeof target === 'string' ? { REDIS_URL: target, REDIS_CLUSTER_NODES: undefined } : target;
  if (nodes) return new Cluster(clusterNodes(nodes), { ...CLUSTER_OPTIONS, ...options, redisOptions: { ...roleOptions(role), ...credentialsOf(url), reconnectOnError: reconnectOnReadonly } });
  if (!url) throw new Error('Redis: set REDIS_URL or REDIS_CLUSTER_NODES');
  return new Redis(url, { ...roleOptions(role), ...options });
}

/**
 * Readiness: a single server answers PING; a cluster must also say its state
 * is ok (while a failed master has no successor yet, every node answers PING
 * but refuses the keys).
 */
export async function checkRedis(redis: RedisConnection): Promise<void> {
  if (!(redis instanceof Cluster)) {
    await redis.ping();
    return;
  }
  const info = await redis.cluster('INFO');
  if (!/^cluster_state:ok\r?$/m.test(info)) throw new Error('Redis Cluster state is not ok');
}
