import { ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { freePort, waitUntil } from './processes';
import { REPO_ROOT } from './repo-root';
const HOST = '127.0.0.1';

export interface RedisClusterOptions {
  masters?: number;
  replicasPerMaster?: number;
  /** cluster-node-timeout: how long a silent master has before the others mark it failed and a replica takes over. */
  nodeTimeoutMs?: number;
}

/**
 * A Redis Cluster of redis-server child processes on loopback (Debian's
 * package), no persistence, its files under .data/scale/. For tests and
 * benchmarks: start it, point REDIS_CLUSTER_NODES at `nodes`, kill a master,
 * watch a replica take over.
 */
export class RedisCluster {
  private readonly children = new Map<number, ChildProcess>();

  private constructor(
    /** Every node's port (bus ports aside). */
    readonly ports: number[],
    private readonly busPorts: number[],
    private readonly dir: string,
    private readonly nodeTimeoutMs: number,
  ) {}

  /** REDIS_CLUSTER_NODES: every node, as host:port. */
  get nodes(): string {
    return this.ports.map((port) => `${HOST}:${port}`).join(',');
  }

  static async start(options: RedisClusterOptions = {}): Promise<RedisCluster> {
    const masters = options.masters ?? 3;
    const replicas = options.replicasPerMaster ?? 1;
    // Each node needs two free ports: clients', and the cluster bus's (by default port + 10000, which may be taken or past 65535).
    const ports = new Set<number>();
    while (ports.size < 2 * masters * (1 + replicas)) ports.add(await freePort());
    const all = [...ports];
    const count = all.length / 2;
    const dir = path.join(REPO_ROOT, '.data/scale', `redis-cluster-${process.pid}-${randomBytes(3).toString('hex')}`);
    mkdirSync(dir, { recursive: true });
    const cluster = new RedisCluster(all.slice(0, count), all.slice(count), dir, options.nodeTimeoutMs ?? 1000);
    try {
      await Promise.all(cluster.ports.map((port) => cluster.spawnNode(port)));
      await promisify(execFile)('redis-cli', ['--cluster', 'create', ...cluster.ports.map((p) => `${HOST}:${p}`), '--cluster-replicas', String(replicas), '--cluster-yes']);
      await waitUntil(() => cluster.healthy(), 60_000, 'the Redis Cluster: state ok on every node, every replica in sync');
      return cluster;
    } catch (err) {
      await cluster.stop();
      throw err;
    }
  }

  /** The port of the master that serves `key`'s slot, as a live node sees it. */
  async masterOf(key: string): Promise<number> {
    const live = this.livePorts();
    for (const port of live) {
      const master = await onNode(port, (node) => masterOfSlot(node, key)).catch(() => undefined);
      if (master !== undefined) return master;
    }
    throw new Error(`no live node of the cluster answers for ${key}`);
  }

  /**
   * Waits until the failover after `formerMaster` died is over: a master other than it serves `key`'s slot,
   * every live node says so and reports the cluster's state ok. The new master's port.
   */
  async failedOver(key: string, formerMaster: number, timeoutMs = 30_000): Promise<number> {
    let master = formerMaster;
    await waitUntil(
      async () => {
        const seen = await Promise.all(this.livePorts().map((port) => onNode(port, async (node) => ((await stateOk(node)) ? masterOfSlot(node, key) : undefined)).catch(() => undefined)));
        master = seen[0] ?? formerMaster;
        return seen.every((port) => port !== undefined && port !== formerMaster && port === master);
      },
      timeoutMs,
      `a replica promoted in place of the master at port ${formerMaster}`,
    );
    return master;
  }

  /** Kills one node and waits until it is gone. */
  async kill(port: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.children.get(port);
    this.children.delete(port);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill(signal);
    });
  }

  /**
   * Starts a killed node again, empty (no persistence) but with its cluster configuration: it learns that
   * its slots moved on, rejoins as a replica of their new master and copies it. Resolves once it is in sync
   * and every node's state is ok.
   */
  async restart(port: number): Promise<void> {
    await this.spawnNode(port);
    await waitUntil(() => this.healthy(), 60_000, `the node at port ${port} back as an in-sync replica`);
  }

  async stop(): Promise<void> {
    await Promise.all([...this.children.keys()].map((port) => this.kill(port)));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private livePorts(): number[] {
    return this.ports.filter((port) => this.children.has(port));
  }

  private async spawnNode(port: number): Promise<void> {
    const bus = this.busPorts[this.ports.indexOf(port)];
    const log = path.join(this.dir, `redis-${port}.log`);
    // Diskless replication without its default 5 s wait for more replicas: a replica syncs at once.
    const child = spawn(
      'redis-server',
      [
        ...['--port', String(port), '--bind', HOST, '--cluster-enabled', 'yes', '--cluster-port', String(bus)],
        ...['--cluster-config-file', path.join(this.dir, `nodes-${port}.conf`), '--cluster-node-timeout', String(this.nodeTimeoutMs)],
        ...['--appendonly', 'no', '--save', '', '--repl-diskless-sync-delay', '0', '--daemonize', 'no'],
        ...['--dir', this.dir, '--logfile', log],
      ],
      { stdio: 'ignore' },
    );
    this.children.set(port, child);
    await waitUntil(
      async () => {
        // Its port taken meanwhile, say: fail now, with what it wrote.
        if (child.exitCode !== null) throw new Error(`redis-server on port ${port} exited (${child.exitCode}): ${readFileSync(log, 'utf8').slice(-500)}`);
        return (await onNode(port, (node) => node.ping()).catch(() => null)) === 'PONG';
      },
      30_000,
      `redis-server on port ${port}`,
    );
  }

  /** Every live node says the cluster's state is ok, and every live replica's link to its master is up. */
  private async healthy(): Promise<boolean> {
    const ok = await Promise.all(
      this.livePorts().map((port) =>
        onNode(port, async (node) => {
          const replication = await node.info('replication');
          return (await stateOk(node)) && (!/^role:slave\r?$/m.test(replication) || /^master_link_status:up\r?$/m.test(replication));
        }).catch(() => false),
      ),
    );
    return ok.every(Boolean);
  }
}

export function startRedisCluster(options: RedisClusterOptions = {}): Promise<RedisCluster> {
  return RedisCluster.start(options);
}

/** A command or two on one node over a connection of their own, which fails at once when the node is down. */
async function onNode<T>(port: number, run: (node: Redis) => Promise<T>): Promise<T> {
  const node = new Redis({ host: HOST, port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, connectTimeout: 2000 });
  node.on('error', () => undefined); // a node down (or not up yet) rejects the command: enough said
  try {
    await node.connect();
    return await run(node);
  } finally {
    node.disconnect();
  }
}

async function stateOk(node: Redis): Promise<boolean> {
  return /^cluster_state:ok\r?$/m.test(await node.cluster('INFO'));
}

/** The port of the master serving `key`'s slot in this node's view (CLUSTER KEYSLOT, then CLUSTER SLOTS). */
async function masterOfSlot(node: Redis, key: string): Promise<number | undefined> {
  const slot = await node.cluster('KEYSLOT', key);
  const range = (await node.cluster('SLOTS')).find(([from, to]) => slot >= from && slot <= to);
  return range?.[2][1];
}
