/** Processes of a benchmark: the platform's apps from dist/, their memory, free ports. */
import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(__dirname, '../..');

export function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0; // the process is gone
  }
}

/** Peak RSS of a process, sampled every 250 ms until stopped. */
export function rssSampler(pid: number) {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, rssMb(pid));
    },
  };
}

export { freePort } from '@cpts/testing';

/** The worker's Node options in production: the flags of docker-compose.yml's worker command (its heap cap). */
export function workerNodeArgs(): string[] {
  const compose = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
  const command = /^ {2}worker:\n(?: {4}.*\n)*? {4}command: \[(.*)\]$/m.exec(compose)?.[1] ?? '';
  return [...command.matchAll(/"(--[^"]+)"/g)].map((m) => m[1]);
}

/** Starts an app of dist/ and waits until its /health/ready answers at `url` (two minutes at most: a loaded machine boots slowly). */
export async function start(script: string, env: Record<string, string>, url: string, nodeArgs: string[] = []): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, script)], { env: { ...process.env, ...env }, stdio: ['ignore', process.env.BENCH_APP_STDOUT ? 'inherit' : 'ignore', 'inherit'] });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if (await fetch(`${url}/health/ready`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`${script} did not start`);
}

/** SIGTERM, then waits for the exit (the worker finishes its jobs, and writes its CPU profile when asked). */
export async function stop(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The processes of each part of a measure (a server, a worker, PostgreSQL's backends of one database...), by
 * pid, listed again at each snapshot since backends come and go. Explicit pids rather than command-line
 * patterns: the machine runs other work (other checkouts' workers, other databases, other Redis servers).
 */
export type Parts = Record<string, () => number[]>;

export interface CpuSnapshot {
  parts: Parts;
  seconds: Map<number, { part: string; seconds: number }>;
}

/** CPU seconds used so far by each process of each part, from /proc. */
export function cpuSnapshot(parts: Parts): CpuSnapshot {
  const seconds = new Map<number, { part: string; seconds: number }>();
  for (const [part, pids] of Object.entries(parts)) {
    for (const pid of pids()) {
      const used = processCpu(pid);
      if (used !== undefined) seconds.set(pid, { part, seconds: used });
    }
  }
  return { parts, seconds };
}

/** CPU seconds per part since `before`: a process that appeared in between counts from zero; one that ended in between is not counted. */
export function cpuSince(before: CpuSnapshot): Record<string, number> {
  const used: Record<string, number> = Object.fromEntries(Object.keys(before.parts).map((part) => [part, 0]));
  for (const [pid, { part, seconds }] of cpuSnapshot(before.parts).seconds) used[part] += seconds - (before.seconds.get(pid)?.seconds ?? 0);
  return used;
}

/** CPU seconds used so far by one process, from /proc; 0 once it is gone. */
export function cpuSeconds(pid: number): number {
  return processCpu(pid) ?? 0;
}

/** CPU seconds used so far by one process (all its threads), from /proc; undefined once it is gone. */
function processCpu(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // utime and stime: fields 14 and 15, counted after the command name's closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/**
 * The PostgreSQL backends connected to one database (the server's other databases are other work). The
 * server's background processes (WAL writer, checkpointer, background writer) serve every database: not counted.
 */
export function postgresBackends(database: string): number[] {
  // "postgres: [<cluster>: ]<role> <database> <client> <state>" (Debian names the cluster, e.g. "15/main: ")
  return processesWhere((cmdline) => /^postgres: (?:\S+: )?\S+ (\S+) /.exec(cmdline)?.[1] === database);
}

/** The redis-server processes listening on these ports (Redis titles itself "redis-server <address>:<port> [cluster]"). */
export function redisServers(ports: number[]): number[] {
  return processesWhere((cmdline) => {
    const port = /redis-server \S*:(\d+)/.exec(cmdline)?.[1];
    return port !== undefined && ports.includes(Number(port));
  });
}

/** The pids of the processes whose command line matches. */
function processesWhere(matches: (cmdline: string) => boolean): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (matches(readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' '))) pids.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

/** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every architecture Node.js runs on. */
const CLOCK_TICKS = 100;
