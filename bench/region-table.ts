/**
 * Regional benchmark (docs/performance.md, "The region's table"): the
 * officer's table "Mes CPTS", `regionOverview(year)` for the 100 bench CPTS
 * (figures of this year and last, governance health), through the gateway's
 * GraphQL against bench/region-baseline.ts (Fastify + pg, the same statements
 * in the same read-only regional transaction), measured with autocannon in one
 * run: 10 connections, a warm-up each, rounds alternating gateway and
 * baseline, medians. Both answers are compared before measuring. The gateway
 * is asked the web page's own document (query RegionTable and its fragment
 * RegionYearFigures, read from apps/web/src/pages/region/FollowedCptsPage.tsx),
 * as urql sends it.
 *
 * The data: bench/run.sh's database (100 CPTS x 900 professionals, their
 * working groups, meetings and action items) with bench/region-seed.ts's
 * memberships, governance, Pro Actif and mailings, seeded on the first run.
 * Then the table's stored figures (cpts_figures), written as the worker does:
 * LiveFiguresRefresher.runOnce() over the 100 CPTS, each in its own tenant
 * transaction; the pass is measured (wall time, PostgreSQL CPU, this
 * process's CPU; BENCH_REFRESH_PASSES, default 2: the first opens the pool's
 * connections). The read then finds every CPTS stored: the benchmark checks
 * that no CPTS took the live count (the baseline's `x-counted-cpts` header;
 * 200 rows in "statements").
 *
 * Scenarios (BENCH_SCENARIOS, comma-separated): "officer" (a mission officer
 * following the 100 CPTS; default) and "admin" (the region admin: the same
 * CPTS, by region). Before them, "statements": the regional transaction's two
 * read statements alone (STORED_FIGURES_SQL, INSTANCE_FACTS_SQL), one client,
 * one after the other (median of BENCH_STATEMENT_RUNS, default 10): the floor
 * the two servers stand on.
 *
 * Prints requests/s, p50, p99, CPU per request (the server; PostgreSQL's
 * backends of the bench database; /proc), errors, peak RSS, the ratio
 * gateway/baseline (target >= 0.5), the p99 ratio (target <= 1.5), then the
 * latency of one reader alone (1 connection; target: the gateway's p50 under
 * 100 ms). At 10 connections a request waits for the 9 others (closed loop):
 * p50 there is 10 / throughput, which no single figure of one request says.
 *
 * BENCH_CONNECTIONS (10), BENCH_SECONDS (20 a round), BENCH_ROUNDS (3),
 * BENCH_WARMUP_SECONDS (5); BENCH_GATEWAY_NODE_ARGS: Node flags for the gateway
 * alone (a CPU profile: "--cpu-prof --cpu-prof-dir=/tmp/prof").
 *
 * Run: BENCH=region npm run bench (bench/run.sh sets up the database and builds).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatDocument, gql, stringifyDocument } from '@urql/core';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { createDataSource, Db } from '@cpts/platform-db';
import { INSTANCE_FACTS_SQL } from '../libs/region/src/health/governance-health';
import { LiveFigures, STORED_FIGURES_SQL } from '../libs/region/src/live-figures/live-figures';
import { LiveFiguresRefresher } from '../libs/region/src/live-figures/live-figures.worker';
import { cpuSeconds, freePort, postgresBackends, root, rssMb, start, stop } from './processes';
import { BENCH_PASSWORD, MISSION_OFFICER_EMAIL, parisYear, REGION_ADMIN_EMAIL, regionBench } from './region-seed';
import type { ChildProcess } from 'node:child_process';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const STATEMENT_RUNS = Number(process.env.BENCH_STATEMENT_RUNS ?? 10);
const REFRESH_PASSES = Number(process.env.BENCH_REFRESH_PASSES ?? 2);
/** A request may take seconds under load while the read model is slow: autocannon's 10 s default would count them as errors. */
const TIMEOUT_SECONDS = 120;
const DATABASE = new URL(process.env.DATABASE_URL as string).pathname.slice(1);
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
type Server = { child: ChildProcess; url: string };

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * The table as the officer's page asks it: the page's own query and fragment (their text read from the page's
 * source, so the benchmark follows the page), with urql's `__typename`s, as urql sends it.
 */
const OVERVIEW = (() => {
  const page = path.join(root, 'apps/web/src/pages/region/FollowedCptsPage.tsx');
  const documents = [...readFileSync(page, 'utf8').matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((m) => m[1]);
  const query = documents.find((d) => /query RegionTable\b/.test(d));
  const fragment = documents.find((d) => /fragment RegionYearFigures\b/.test(d));
  if (!query || !fragment) throw new Error(`${page}: query RegionTable or fragment RegionYearFigures not found`);
  return { query: stringifyDocument(formatDocument(gql(`${query}\n${fragment}`))), operationName: 'RegionTable' };
})();

async function signIn(gateway: Server, email: string): Promise<Record<string, string>> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { login(input: { email: "${email}", password: "${BENCH_PASSWORD}" }) { accessToken } }`,
    }),
  });
  const answer = (await response.json()) as { data?: { login: { accessToken: string } }; errors?: unknown };
  if (!answer.data) throw new Error(`sign-in of ${email}: ${JSON.stringify(answer).slice(0, 300)}`);
  return { authorization: `Bearer ${answer.data.login.accessToken}`, 'content-type': 'application/json' };
}

/** JSON with every object's keys sorted: the gateway and the baseline must answer the same data. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/**
 * Waits until no statement of the bench database is running (but this one): autocannon stops without waiting for the
 * answers in flight, and at seconds a request their work would otherwise run into the next measurement.
 */
async function settle(): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    for (let i = 0; i < TIMEOUT_SECONDS * 10; i++) {
      const [{ n }] = (
        await client.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid()`,
        )
      ).rows;
      if (n === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await client.end();
  }
}

async function load(url: string, requests: autocannon.Request[], pid: number, duration: number) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  // Backends opened during the round count from zero (a pool may have closed idle ones since the last round).
  const backendsBefore = new Map(postgresBackends(DATABASE).map((p) => [p, cpuSeconds(p)]));
  const serverBefore = cpuSeconds(pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration, requests, timeout: TIMEOUT_SECONDS });
  // The answers still in flight finish first: their CPU belongs to this round.
  await settle();
  const serverSeconds = cpuSeconds(pid) - serverBefore;
  const postgresSeconds = postgresBackends(DATABASE).reduce((s, p) => s + cpuSeconds(p) - (backendsBefore.get(p) ?? 0), 0);
  clearInterval(timer);
  // The work of the answers in flight when the round ends (one per connection) is in the CPU measured: counted too.
  const perRequestMs = (seconds: number) => (seconds * 1000) / (result.requests.total + CONNECTIONS);
  return {
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    peakRssMb: peak,
    serverCpuMs: perRequestMs(serverSeconds),
    postgresCpuMs: perRequestMs(postgresSeconds),
  };
}

/** The two servers' answers for one reader, compared; the sizes printed. */
async function compare(gateway: Server, baseline: Server, headers: Record<string, string>, year: number, who: string): Promise<number> {
  const [a, [b, counted]] = await Promise.all([
    fetch(`${gateway.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ ...OVERVIEW, variables: { year } }) }).then((r) =>
      r.text(),
    ),
    fetch(`${baseline.url}/region-overview?year=${year}`, { headers }).then(async (r): Promise<[string, string | null]> => [
      await r.text(),
      r.headers.get('x-counted-cpts'),
    ]),
  ]);
  // The stored path is what is measured: a CPTS counted live would put FIGURES_SQL back into every request.
  if (counted !== '0') throw new Error(`${who}: ${counted} CPTS without stored figures (cpts_figures): the refresh pass missed them`);
  const parsed = JSON.parse(a) as { errors?: unknown; data?: { regionOverview: { rows: unknown[] } } };
  if (parsed.errors || !parsed.data) throw new Error(`${who}: the gateway answered ${a.slice(0, 800)}`);
  if (canonical(parsed) !== canonical(JSON.parse(b)))
    throw new Error(
      `${who}: gateway and baseline disagree\n gateway: ${canonical(parsed).slice(0, 1500)}\nbaseline: ${canonical(JSON.parse(b)).slice(0, 1500)}`,
    );
  const rows = parsed.data.regionOverview.rows.length;
  process.stdout.write(
    `${who}: answers agree (${rows} CPTS, every one from cpts_figures); the gateway's answer ${(Buffer.byteLength(a) / 1000).toFixed(1)} kB of JSON (${(gzipSync(a).length / 1000).toFixed(1)} kB gzipped), the request's document ${(Buffer.byteLength(OVERVIEW.query) / 1000).toFixed(1)} kB\n`,
  );
  return rows;
}

async function measure(
  name: string,
  gateway: Server,
  baseline: Server,
  headers: Record<string, string>,
  year: number,
  cpts: number,
): Promise<void> {
  const lines: Array<{ name: string; server: Server; requests: autocannon.Request[] }> = [
    {
      name: 'gateway',
      server: gateway,
      requests: [{ method: 'POST', path: '/graphql', headers, body: JSON.stringify({ ...OVERVIEW, variables: { year } }) }],
    },
    { name: 'baseline (Fastify + pg)', server: baseline, requests: [{ method: 'GET', path: `/region-overview?year=${year}`, headers }] },
  ];
  process.stderr.write(`${name}: warming up (${WARMUP} s each)...\n`);
  for (const line of lines) {
    await autocannon({
      url: line.server.url,
      connections: CONNECTIONS,
      duration: WARMUP,
      requests: line.requests,
      timeout: TIMEOUT_SECONDS,
    });
    await settle();
  }
  process.stderr.write(`measuring (${ROUNDS} rounds of ${DURATION} s each, ${CONNECTIONS} connections)...\n`);
  type Result = Awaited<ReturnType<typeof load>>;
  const rounds: Result[][] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const round: Result[] = [];
    for (const line of lines) round.push(await load(line.server.url, line.requests, line.server.child.pid as number, DURATION));
    rounds.push(round);
    process.stderr.write(
      `round ${i + 1} (load average ${loadAverage()}): ${lines.map((l, j) => `${l.name} ${round[j].rps.toFixed(1)} req/s (p50 ${round[j].p50} ms, p99 ${round[j].p99} ms, ${round[j].errors} errors)`).join(', ')}\n`,
    );
  }
  const summaries = lines.map((line, which) => {
    const rs = rounds.map((r) => r[which]);
    return {
      name: line.name,
      rps: median(rs.map((r) => r.rps)),
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      serverCpuMs: median(rs.map((r) => r.serverCpuMs)),
      postgresCpuMs: median(rs.map((r) => r.postgresCpuMs)),
      errors: rs.reduce((n, r) => n + r.errors, 0),
      total: rs.reduce((n, r) => n + r.total, 0),
      peakRssMb: Math.max(...rs.map((r) => r.peakRssMb)),
    };
  });
  // One reader at a time (one connection): the latency an officer opening the page sees when nobody else reads.
  const single: Array<{ p50: number; p99: number; total: number }> = [];
  for (const line of lines) {
    const r = await autocannon({
      url: line.server.url,
      connections: 1,
      duration: DURATION,
      requests: line.requests,
      timeout: TIMEOUT_SECONDS,
    });
    await settle();
    single.push({ p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total });
  }
  const ratios = rounds.map(([x, y]) => x.rps / y.rps);
  const p99Ratios = rounds.map(([x, y]) => x.p99 / y.p99);
  const rows = summaries.map(
    (r) =>
      `| ${r.name} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.serverCpuMs.toFixed(1)} | ${r.postgresCpuMs.toFixed(1)} | ${r.errors} of ${r.total} | ${r.peakRssMb.toFixed(0)} |`,
  );
  process.stdout.write(
    [
      `${name}: regionOverview(year: ${year}) for ${cpts} CPTS (the page's document RegionTable: this year and last from cpts_figures, governance health); ${CONNECTIONS} connections, median of ${ROUNDS} alternated rounds of ${DURATION} s, node ${process.version}; load average at the end ${loadAverage()}`,
      '',
      '| Server | Requests/s | p50 (ms) | p99 (ms) | Server CPU (ms/request) | PostgreSQL CPU (ms/request) | Errors | Peak RSS (MB) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Ratio gateway/baseline (requests/s) per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; median ${median(ratios).toFixed(2)} (target >= 0.5)`,
      `p99 gateway/baseline per round: ${p99Ratios.map((r) => r.toFixed(2)).join(', ')}; median ${median(p99Ratios).toFixed(2)} (target <= 1.5)`,
      `p50 of the gateway at ${CONNECTIONS} connections: ${summaries[0].p50} ms`,
      `One reader at a time (1 connection, ${DURATION} s): ${lines.map((l, j) => `${l.name} p50 ${single[j].p50} ms, p99 ${single[j].p99} ms (${single[j].total} requests)`).join('; ')} (target: gateway p50 < 100 ms)`,
      `CPU per request, server + PostgreSQL: ${summaries.map((r) => `${r.name} ${(r.serverCpuMs + r.postgresCpuMs).toFixed(1)} ms`).join(', ')}`,
      '',
    ].join('\n'),
  );
}

/** The regional transaction's two read statements alone, as the reader opens it, one after the other: their own time. */
async function statements(tenantIds: string[], userId: string, year: number): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const [{ role, pid }] = (await client.query(`SELECT current_user || '_regional' AS role, pg_backend_pid() AS pid`)).rows;
  const times: Record<string, number[]> = { STORED_FIGURES_SQL: [], INSTANCE_FACTS_SQL: [] };
  // The backend's own CPU too: on a machine shared with other work, the elapsed time says more about the others.
  const cpu: Record<string, number[]> = { STORED_FIGURES_SQL: [], INSTANCE_FACTS_SQL: [] };
  let stored = 0;
  try {
    for (let i = 0; i < STATEMENT_RUNS + 1; i++) {
      await client.query('START TRANSACTION READ ONLY');
      await client.query(`SET LOCAL ROLE ${role}`);
      await client.query(`SELECT set_config('app.tenant_ids', $1, true), set_config('app.user_id', $2, true)`, [
        tenantIds.join(','),
        userId,
      ]);
      for (const [name, sql, params] of [
        ['STORED_FIGURES_SQL', STORED_FIGURES_SQL, [tenantIds, [year - 1, year]]],
        ['INSTANCE_FACTS_SQL', INSTANCE_FACTS_SQL, [tenantIds]],
      ] as const) {
        const started = process.hrtime.bigint();
        const cpuBefore = cpuSeconds(pid);
        const result = await client.query(sql, [...params]);
        if (name === 'STORED_FIGURES_SQL') stored = result.rowCount ?? 0;
        // The first run warms the caches: not counted.
        if (i > 0) {
          times[name].push(Number(process.hrtime.bigint() - started) / 1e6);
          cpu[name].push((cpuSeconds(pid) - cpuBefore) * 1000);
        }
      }
      await client.query('COMMIT');
    }
  } finally {
    await client.end();
  }
  if (stored !== tenantIds.length * 2)
    throw new Error(`statements: ${stored} stored rows, ${tenantIds.length * 2} expected (two years of each CPTS)`);
  process.stdout.write(
    `statements: the regional read alone for ${tenantIds.length} CPTS (${stored} stored rows), one client, median of ${STATEMENT_RUNS}: ${Object.entries(
      times,
    )
      .map(([name, ts]) => `${name} ${median(ts).toFixed(1)} ms (PostgreSQL CPU ${median(cpu[name]).toFixed(0)} ms)`)
      .join(', ')} (/proc's CPU counts in 10 ms ticks)\n\n`,
  );
}

/**
 * The table's stored figures written as the worker writes them (LiveFiguresRefresher.runOnce: each CPTS in its
 * own tenant transaction, this year and last), over the bench CPTS; each pass measured: elapsed, the CPU of
 * PostgreSQL's backends of the bench database and of this process (the worker's share).
 */
async function refreshFigures(tenantIds: string[]): Promise<void> {
  const dataSource = createDataSource({
    url: process.env.DATABASE_URL as string,
    entities: [],
    applicationName: 'cpts-bench-figures',
    poolSize: 2,
  });
  await dataSource.initialize();
  const db = new Db(dataSource);
  const errors: unknown[] = [];
  const logger = { error: (...args: unknown[]) => errors.push(args), warn: () => undefined, info: () => undefined, debug: () => undefined };
  const refresher = new LiveFiguresRefresher(db, new LiveFigures(db), logger as never);
  try {
    for (let pass = 1; pass <= REFRESH_PASSES; pass++) {
      await settle();
      // Backends opened during the pass count from zero.
      const backendsBefore = new Map(postgresBackends(DATABASE).map((p) => [p, cpuSeconds(p)]));
      const nodeBefore = process.cpuUsage();
      const started = process.hrtime.bigint();
      const done = await refresher.runOnce(tenantIds);
      const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
      const nodeMs = (() => {
        const u = process.cpuUsage(nodeBefore);
        return (u.user + u.system) / 1000;
      })();
      const postgresMs = postgresBackends(DATABASE).reduce((s, p) => s + cpuSeconds(p) - (backendsBefore.get(p) ?? 0), 0) * 1000;
      if (done !== tenantIds.length || errors.length > 0)
        throw new Error(`refresh pass ${pass}: ${done} of ${tenantIds.length} CPTS recounted; ${JSON.stringify(errors).slice(0, 800)}`);
      const per = (ms: number) => (ms / done).toFixed(1);
      process.stdout.write(
        `refresh pass ${pass} (LiveFiguresRefresher.runOnce, ${done} CPTS, this year and last (and the closed years not counted today), load average ${loadAverage()}): ${(elapsedMs / 1000).toFixed(2)} s elapsed (${per(elapsedMs)} ms a CPTS), PostgreSQL CPU ${(postgresMs / 1000).toFixed(2)} s (${per(postgresMs)} ms a CPTS), the pass's Node CPU ${(nodeMs / 1000).toFixed(2)} s (${per(nodeMs)} ms a CPTS)\n`,
      );
    }
    process.stdout.write('\n');
  } finally {
    await dataSource.destroy();
  }
}

async function main() {
  const [gatewayPort, baselinePort] = [await freePort(), await freePort()];
  const env = { NODE_ENV: 'production', LOG_LEVEL: 'warn', GATEWAY_PORT: String(gatewayPort), BASELINE_PORT: String(baselinePort) };
  const owner = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
  await owner.connect();
  let bench: Awaited<ReturnType<typeof regionBench>>;
  let year: number;
  try {
    bench = await regionBench(owner);
    year = await parisYear(owner);
  } finally {
    await owner.end();
  }
  const picked = process.env.BENCH_SCENARIOS?.split(',').map((s) => s.trim()) ?? ['statements', 'officer'];
  // The worker's pass, as it runs every five minutes: the rows the table reads, fresh for the whole run (a few minutes).
  process.stdout.write(`load average at the start ${loadAverage()}\n`);
  await refreshFigures(bench.tenantIds);
  if (picked.includes('statements')) await statements(bench.tenantIds, bench.missionOfficerId, year);
  const readers = [
    { name: 'officer', email: MISSION_OFFICER_EMAIL },
    { name: 'admin', email: REGION_ADMIN_EMAIL },
  ].filter((r) => picked.includes(r.name));
  if (readers.length === 0) return;
  const gateway = {
    // BENCH_GATEWAY_NODE_ARGS: Node flags for the gateway alone (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", which NODE_OPTIONS refuses).
    child: await start(
      'dist/apps/gateway/src/main.js',
      env,
      `http://127.0.0.1:${gatewayPort}`,
      process.env.BENCH_GATEWAY_NODE_ARGS?.split(' ').filter(Boolean),
    ),
    url: `http://127.0.0.1:${gatewayPort}`,
  };
  let baseline: Server | null = null;
  try {
    baseline = {
      child: await start('dist/bench/region-baseline.js', env, `http://127.0.0.1:${baselinePort}`),
      url: `http://127.0.0.1:${baselinePort}`,
    };
    for (const reader of readers) {
      const headers = await signIn(gateway, reader.email);
      const cpts = await compare(gateway, baseline, headers, year, reader.name);
      if (cpts !== bench.tenantIds.length) throw new Error(`${reader.name}: ${cpts} CPTS in the table, ${bench.tenantIds.length} expected`);
      await measure(reader.name, gateway, baseline, headers, year, cpts);
    }
  } finally {
    await stop(gateway.child);
    await stop(baseline?.child ?? null);
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
