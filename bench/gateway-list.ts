/**
 * Gateway benchmark (docs/performance.md): professionals(first: 50) with
 * profession and commune, signed in as a coordinator, against the baseline
 * server doing the same SQL in the same kind of tenant transaction; both
 * measured with autocannon in one run, on data at Agora Lib' scale
 * (100 CPTS x 900 professionals). Each scenario (the list, then name
 * searches) prints requests/s, p50, p99, CPU per request (the server's and
 * PostgreSQL's), the ratio gateway/baseline and the servers' resident memory
 * under load. BENCH_SCENARIOS picks scenarios by name (comma-separated).
 *
 * Run: npm run bench (bench/run.sh sets up the database and builds).
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { cpuSeconds, freePort, postgresBackends, rssMb } from './processes';

const root = path.resolve(__dirname, '../..');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
// Rounds alternate gateway and baseline, so drift on a shared machine hits both; the medians are reported.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const QUERY = `query List($search: String) { professionals(first: 50, filter: { search: $search }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id lastName firstName rpps email phone structureName profession { code label } commune { inseeCode name } } } } }`;

/** The list, a plain name search, and names typed as heard: a typo (Lefebvre, Lefèvre) and a particle without its space (Le Gall). */
const SCENARIOS: Array<{ name: string; search: string | null }> = [
  { name: 'list', search: null },
  { name: 'search "dupont"', search: 'dupont' },
  { name: 'search "lefevbre" (typo)', search: 'lefevbre' },
  { name: 'search "legall" (compound)', search: 'legall' },
];

async function start(script: string, env: Record<string, string>, url: string, readyPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(root, script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  // Up to a minute: on a machine shared with other work the gateway has taken 15 s to start.
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const ok = await fetch(`${url}${readyPath}`).then((r) => r.status < 500, () => false);
    if (ok) return { child, url };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`${script} did not start`);
}

const DATABASE = new URL(process.env.DATABASE_URL as string).pathname.slice(1);

async function load(name: string, options: autocannon.Options, pid: number) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  // Backends opened during the round count from zero (a pool may have closed idle ones since the last round).
  const backendsBefore = new Map(postgresBackends(DATABASE).map((p) => [p, cpuSeconds(p)]));
  const serverBefore = cpuSeconds(pid);
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options });
  const serverSeconds = cpuSeconds(pid) - serverBefore;
  const postgresSeconds = postgresBackends(DATABASE).reduce((s, p) => s + cpuSeconds(p) - (backendsBefore.get(p) ?? 0), 0);
  clearInterval(timer);
  const errors = result.errors + result.non2xx;
  const perRequestMs = (seconds: number) => (seconds * 1000) / Math.max(result.requests.total, 1);
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    peakRssMb: peak,
    total: result.requests.total,
    serverCpuMs: perRequestMs(serverSeconds),
    postgresCpuMs: perRequestMs(postgresSeconds),
  };
}

async function main() {
  const [gatewayPort, baselinePort] = [await freePort(), await freePort()];
  const env = { NODE_ENV: 'production', LOG_LEVEL: 'warn', GATEWAY_PORT: String(gatewayPort), BASELINE_PORT: String(baselinePort) };
  const gateway = await start('dist/apps/gateway/src/main.js', env, `http://127.0.0.1:${gatewayPort}`, '/health/live');
  const baseline = await start('dist/bench/baseline-server.js', env, `http://127.0.0.1:${baselinePort}`, '/professionals');
  try {
    const login = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(input: { email: "coordination+1@bench.cpts.fr", password: "bench-password-2026" }) { accessToken } }` }),
    });
    const token = ((await login.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const picked = process.env.BENCH_SCENARIOS?.split(',').map((s) => s.trim());
    for (const scenario of SCENARIOS.filter((s) => !picked || picked.some((p) => s.name.includes(p)))) {
      await measure(scenario, gateway, baseline, headers);
    }
  } finally {
    gateway.child.kill('SIGTERM');
    baseline.child.kill('SIGTERM');
  }
}

type Server = { child: ChildProcess; url: string };

async function measure(scenario: (typeof SCENARIOS)[number], gateway: Server, baseline: Server, headers: Record<string, string>) {
  const gql = {
    url: `${gateway.url}/graphql`,
    method: 'POST' as const,
    headers,
    body: JSON.stringify({ query: QUERY, operationName: 'List', variables: { search: scenario.search } }),
  };
  const base = {
    url: `${baseline.url}/professionals${scenario.search ? `?search=${encodeURIComponent(scenario.search)}` : ''}`,
    method: 'GET' as const,
    headers,
  };

  // Same answer from both, before measuring anything.
  type Page = { data: { professionals: { totalCount: number; edges: Array<{ node: { id: string } }> } } };
  const [a, b] = (await Promise.all([fetch(gql.url, gql).then((r) => r.json()), fetch(base.url, base).then((r) => r.json())])) as [
    Page,
    Page,
  ];
  const ids = (x: Page) => x.data.professionals.edges.map((e) => e.node.id).join();
  if (ids(a) !== ids(b) || a.data.professionals.totalCount !== b.data.professionals.totalCount) {
    throw new Error(`${scenario.name}: gateway and baseline disagree`);
  }
  if (!scenario.search && a.data.professionals.edges.length !== 50) throw new Error('the list should fill a page');

  process.stderr.write(`${scenario.name}: ${a.data.professionals.totalCount} matches; warming up (5 s each)...\n`);
  await autocannon({ ...gql, connections: CONNECTIONS, duration: 5 });
  await autocannon({ ...base, connections: CONNECTIONS, duration: 5 });
  process.stderr.write(`measuring (${ROUNDS} rounds of ${DURATION} s each, ${CONNECTIONS} connections)...\n`);
  type Result = Awaited<ReturnType<typeof load>>;
  const rounds: Array<[Result, Result]> = [];
  for (let i = 0; i < ROUNDS; i++) {
    const g = await load('gateway (GraphQL)', gql, gateway.child.pid as number);
    const bl = await load('baseline (Fastify + pg)', base, baseline.child.pid as number);
    rounds.push([g, bl]);
    process.stderr.write(`round ${i + 1}: gateway ${g.rps.toFixed(0)} req/s, baseline ${bl.rps.toFixed(0)} req/s\n`);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const summary = (which: 0 | 1) => {
    const rs = rounds.map((r) => r[which]);
    return {
      name: rs[0].name,
      rps: median(rs.map((r) => r.rps)),
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      serverCpuMs: median(rs.map((r) => r.serverCpuMs)),
      postgresCpuMs: median(rs.map((r) => r.postgresCpuMs)),
      errors: rs.reduce((n, r) => n + r.errors, 0),
      peakRssMb: Math.max(...rs.map((r) => r.peakRssMb)),
    };
  };
  const g = summary(0);
  const bl = summary(1);
  const ratios = rounds.map(([x, y]) => x.rps / y.rps);
  const rows = [g, bl].map(
    (r) =>
      `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.serverCpuMs.toFixed(2)} | ${r.postgresCpuMs.toFixed(2)} | ${r.errors} | ${r.peakRssMb.toFixed(0)} |`,
  );
  process.stdout.write(
    [
      `${scenario.name} (${a.data.professionals.totalCount} matches): professionals(first: 50) with profession and commune, ${CONNECTIONS} connections, median of ${ROUNDS} alternated rounds of ${DURATION} s, node ${process.version}`,
      '',
      '| Server | Requests/s | p50 (ms) | p99 (ms) | Server CPU (ms/request) | PostgreSQL CPU (ms/request) | Errors | Peak RSS (MB) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Ratio gateway/baseline (requests/s) per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; median ${median(ratios).toFixed(2)} (target >= 0.5)`,
      `Gateway p99 ${g.p99} ms (target <= 50 ms)`,
      '',
    ].join('\n'),
  );
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
