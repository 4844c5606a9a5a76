/**
 * Gateway benchmark (docs/performance.md): professionals(first: 50) with
 * profession and commune, signed in as a coordinator, against the baseline
 * server doing the same SQL in the same kind of tenant transaction; both
 * measured with autocannon in one run, on data at Agora Lib' scale
 * (100 CPTS x 900 professionals). Each scenario (the list, then name
 * searches) runs at each number of connections (BENCH_CONNECTIONS, a
 * comma-separated list, default 10 and 50) and prints requests/s, p50, p99,
 * CPU per request (the server's and PostgreSQL's), the ratios
 * gateway/baseline and the servers' resident memory under load; a summary
 * table ends the run. BENCH_SCENARIOS picks scenarios by name (comma-separated).
 *
 * The machine has 2 cores shared by autocannon, the server and PostgreSQL,
 * so throughput says more about the machine than about the code; what is
 * compared is the cost of a request: the CPU of the server and of the bench
 * database's PostgreSQL backends, per request (target gateway <= 2 x
 * baseline), and the tail latency (target gateway p99 <= 1.5 x baseline's).
 * The throughput ratio is printed too (former target >= 0.5).
 *
 * In that closed loop on saturated cores, latency is about connections /
 * throughput (Little's law), so its p99 ratio mirrors the throughput ratio.
 * Latency itself is compared at a fixed rate too: both servers are offered
 * the same requests/s (BENCH_RATE_FRACTION, default 0.5, of the gateway's
 * closed-loop median at that number of connections), in alternated rounds,
 * for the scenarios of BENCH_RATE_SCENARIOS (default: the list only, to keep
 * the run short); p50, p99 and the achieved rates are printed.
 *
 * Run: npm run bench (bench/run.sh sets up the database and builds).
 */
import { ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { cpuSince, cpuSnapshot, freePort, postgresBackends, rssMb } from './processes';

const root = path.resolve(__dirname, '../..');
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
// Rounds alternate gateway and baseline, so drift on a shared machine hits both; the medians are reported.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET_CPU_RATIO = 2;
const TARGET_P99_RATIO = 1.5;
const RATE_FRACTION = Number(process.env.BENCH_RATE_FRACTION ?? 0.5);
if (!(RATE_FRACTION > 0 && RATE_FRACTION <= 1)) throw new Error(`BENCH_RATE_FRACTION must be in (0, 1] (got ${process.env.BENCH_RATE_FRACTION})`);
const RATE_SCENARIOS = (process.env.BENCH_RATE_SCENARIOS ?? 'list').split(',').map((s) => s.trim());
// Below this share of the offered rate, a server did not keep up and its latencies are a queue's.
const RATE_REACHED = 0.95;
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

async function load(name: string, options: autocannon.Options, connections: number, pid: number) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  // Backends opened during the round count from zero (a pool may have closed idle ones since the last round).
  const cpuBefore = cpuSnapshot({ server: () => [pid], PostgreSQL: () => postgresBackends(DATABASE) });
  const result = await autocannon({ connections, duration: DURATION, ...options });
  const cpu = cpuSince(cpuBefore);
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
    serverCpuMs: perRequestMs(cpu.server),
    postgresCpuMs: perRequestMs(cpu.PostgreSQL),
    cpuMs: perRequestMs(cpu.server + cpu.PostgreSQL),
  };
}

/**
 * Open-loop load: requests start on a fixed schedule whatever the answers, over at most `connections`
 * keep-alive sockets (a request waits for a free one), and each latency counts from the scheduled start,
 * so a server that falls behind shows its queue. Not autocannon's overallRate: its rate is a per-connection
 * budget reset every second, spent back to back at the start of the second (closed-loop bursts), and it
 * "corrects" every latency of v ms with v - 1 made-up samples of 1 to v - 1 ms (a constant 20 ms server
 * reads p50 12 ms, p99 55 ms).
 */
async function paced(options: autocannon.Options, rate: number, connections: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers = { ...options.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
  const latencies: number[] = [];
  let errors = 0;
  let lastAnswer = 0;
  const send = (scheduled: number) =>
    new Promise<void>((resolve) => {
      const fail = () => (errors++, resolve());
      const request = http.request(options.url, { method: options.method, headers, agent, timeout: 10_000 }, (response) => {
        response.resume();
        response.on('end', () => {
          lastAnswer = performance.now();
          if ((response.statusCode ?? 500) < 300) latencies.push(lastAnswer - scheduled);
          else errors++;
          resolve();
        });
        response.on('error', fail);
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', fail);
      request.end(body);
    });
  const start = performance.now();
  const total = Math.round(rate * DURATION);
  const answers: Array<Promise<void>> = [];
  // Timers fire late on a busy machine: each tick sends every request whose time has come.
  while (answers.length < total) {
    while (answers.length < total && start + (answers.length * 1000) / rate <= performance.now()) {
      answers.push(send(start + (answers.length * 1000) / rate));
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(answers);
  agent.destroy();
  latencies.sort((x, y) => x - y);
  const percentile = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? NaN;
  return {
    // Answers over the time it took to get them all (the schedule's DURATION when the server kept up).
    achieved: latencies.length / (Math.max(lastAnswer - start, DURATION * 1000) / 1000),
    p50: percentile(0.5),
    p99: percentile(0.99),
    errors,
  };
}

/** Both servers at the same offered rate: medians of alternated rounds, ratios per round. */
interface FixedRate {
  rate: number;
  achieved: [number, number];
  p50: [number, number];
  p99: [number, number];
  p50Ratio: number;
  p99Ratio: number;
  reached: boolean;
}

/** One line of the closing summary: a scenario at a number of connections. */
interface Outcome {
  scenario: string;
  connections: number;
  cpuMs: [number, number];
  p99: [number, number];
  cpuRatio: number;
  p99Ratio: number;
  rpsRatio: number;
  fixed?: FixedRate;
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
    const outcomes: Outcome[] = [];
    for (const scenario of SCENARIOS.filter((s) => !picked || picked.some((p) => s.name.includes(p)))) {
      outcomes.push(...(await measure(scenario, gateway, baseline, headers)));
    }
    process.stdout.write(summary(outcomes));
  } finally {
    gateway.child.kill('SIGTERM');
    baseline.child.kill('SIGTERM');
  }
}

type Server = { child: ChildProcess; url: string };

async function measure(scenario: (typeof SCENARIOS)[number], gateway: Server, baseline: Server, headers: Record<string, string>): Promise<Outcome[]> {
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

  const matches = a.data.professionals.totalCount;
  process.stderr.write(`${scenario.name}: ${matches} matches; warming up (5 s each)...\n`);
  await autocannon({ ...gql, connections: Math.max(...CONNECTIONS), duration: 5 });
  await autocannon({ ...base, connections: Math.max(...CONNECTIONS), duration: 5 });
  const outcomes: Outcome[] = [];
  for (const connections of CONNECTIONS) outcomes.push(await measureAt(connections, scenario.name, matches, gql, base, gateway, baseline));
  return outcomes;
}

async function measureAt(
  connections: number,
  scenario: string,
  matches: number,
  gql: autocannon.Options,
  base: autocannon.Options,
  gateway: Server,
  baseline: Server,
): Promise<Outcome> {
  process.stderr.write(`measuring (${ROUNDS} rounds of ${DURATION} s each, ${connections} connections)...\n`);
  type Result = Awaited<ReturnType<typeof load>>;
  const rounds: Array<[Result, Result]> = [];
  for (let i = 0; i < ROUNDS; i++) {
    const g = await load('gateway (GraphQL)', gql, connections, gateway.child.pid as number);
    const bl = await load('baseline (Fastify + pg)', base, connections, baseline.child.pid as number);
    rounds.push([g, bl]);
    process.stderr.write(`round ${i + 1}: gateway ${g.rps.toFixed(0)} req/s ${g.cpuMs.toFixed(2)} ms CPU/req, baseline ${bl.rps.toFixed(0)} req/s ${bl.cpuMs.toFixed(2)} ms CPU/req\n`);
  }
  const summarize = (which: 0 | 1) => {
    const rs = rounds.map((r) => r[which]);
    return {
      name: rs[0].name,
      rps: median(rs.map((r) => r.rps)),
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      serverCpuMs: median(rs.map((r) => r.serverCpuMs)),
      postgresCpuMs: median(rs.map((r) => r.postgresCpuMs)),
      cpuMs: median(rs.map((r) => r.cpuMs)),
      errors: rs.reduce((n, r) => n + r.errors, 0),
      peakRssMb: Math.max(...rs.map((r) => r.peakRssMb)),
    };
  };
  const g = summarize(0);
  const bl = summarize(1);
  // Ratios per round (each pair saw the same machine), then their median.
  const ratios = (of: (r: Result) => number) => rounds.map(([x, y]) => of(x) / of(y));
  const list = (xs: number[]) => `${xs.map((r) => r.toFixed(2)).join(', ')}; median ${median(xs).toFixed(2)}`;
  const [cpuRatios, p99Ratios, rpsRatios] = [ratios((r) => r.cpuMs), ratios((r) => r.p99), ratios((r) => r.rps)];
  const rows = [g, bl].map(
    (r) =>
      `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.serverCpuMs.toFixed(2)} | ${r.postgresCpuMs.toFixed(2)} | ${r.cpuMs.toFixed(2)} | ${r.errors} | ${r.peakRssMb.toFixed(0)} |`,
  );
  process.stdout.write(
    [
      `${scenario} (${matches} matches): professionals(first: 50) with profession and commune, ${connections} connections, median of ${ROUNDS} alternated rounds of ${DURATION} s, node ${process.version}`,
      '',
      '| Server | Requests/s | p50 (ms) | p99 (ms) | Server CPU (ms/request) | PostgreSQL CPU (ms/request) | CPU (ms/request) | Errors | Peak RSS (MB) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `CPU per request gateway/baseline per round: ${list(cpuRatios)} (target <= ${TARGET_CPU_RATIO}: ${met(median(cpuRatios) <= TARGET_CPU_RATIO)})`,
      `p99 gateway/baseline per round: ${list(p99Ratios)} (target <= ${TARGET_P99_RATIO}: ${met(median(p99Ratios) <= TARGET_P99_RATIO)})`,
      `Requests/s gateway/baseline per round: ${list(rpsRatios)} (former target >= 0.5)`,
      '',
    ].join('\n'),
  );
  return {
    scenario,
    connections,
    cpuMs: [g.cpuMs, bl.cpuMs],
    p99: [g.p99, bl.p99],
    cpuRatio: median(cpuRatios),
    p99Ratio: median(p99Ratios),
    rpsRatio: median(rpsRatios),
    fixed: RATE_SCENARIOS.some((p) => scenario.includes(p))
      ? await measureFixedRate(Math.max(1, Math.round(RATE_FRACTION * g.rps)), connections, scenario, gql, base)
      : undefined,
  };
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

async function measureFixedRate(rate: number, connections: number, scenario: string, gql: autocannon.Options, base: autocannon.Options): Promise<FixedRate> {
  process.stderr.write(`fixed rate: ${rate} requests/s, ${ROUNDS} rounds of ${DURATION} s each, at most ${connections} connections...\n`);
  type Result = Awaited<ReturnType<typeof paced>>;
  const rounds: Array<[Result, Result]> = [];
  for (let i = 0; i < ROUNDS; i++) {
    const g = await paced(gql, rate, connections);
    const bl = await paced(base, rate, connections);
    rounds.push([g, bl]);
    process.stderr.write(`round ${i + 1}: gateway ${g.achieved.toFixed(0)} req/s p99 ${g.p99.toFixed(1)} ms, baseline ${bl.achieved.toFixed(0)} req/s p99 ${bl.p99.toFixed(1)} ms\n`);
  }
  const of = (which: 0 | 1, value: (r: Result) => number) => median(rounds.map((r) => value(r[which])));
  const both = (value: (r: Result) => number): [number, number] => [of(0, value), of(1, value)];
  const ratios = (value: (r: Result) => number) => rounds.map(([x, y]) => value(x) / value(y));
  const list = (xs: number[]) => `${xs.map((r) => r.toFixed(2)).join(', ')}; median ${median(xs).toFixed(2)}`;
  const [p50Ratios, p99Ratios] = [ratios((r) => r.p50), ratios((r) => r.p99)];
  // Every round of both servers, not the medians: one round that fell behind measured a queue.
  const short = rounds.flatMap(([x, y], i) => [
    ...(x.achieved < RATE_REACHED * rate ? [`gateway round ${i + 1}: ${x.achieved.toFixed(0)}`] : []),
    ...(y.achieved < RATE_REACHED * rate ? [`baseline round ${i + 1}: ${y.achieved.toFixed(0)}`] : []),
  ]);
  const fixed: FixedRate = {
    rate,
    achieved: both((r) => r.achieved),
    p50: both((r) => r.p50),
    p99: both((r) => r.p99),
    p50Ratio: median(p50Ratios),
    p99Ratio: median(p99Ratios),
    reached: short.length === 0,
  };
  const errors = (which: 0 | 1) => rounds.reduce((n, r) => n + r[which].errors, 0);
  const row = (name: string, which: 0 | 1) =>
    `| ${name} | ${rate} | ${fixed.achieved[which].toFixed(0)} | ${fixed.p50[which].toFixed(1)} | ${fixed.p99[which].toFixed(1)} | ${errors(which)} |`;
  process.stdout.write(
    [
      `${scenario} at a fixed rate: ${rate} requests/s offered to both (${RATE_FRACTION} x the gateway's closed-loop median), at most ${connections} connections, latency from each request's scheduled start, median of ${ROUNDS} alternated rounds of ${DURATION} s`,
      '',
      '| Server | Offered (req/s) | Achieved (req/s) | p50 (ms) | p99 (ms) | Errors |',
      '| --- | --- | --- | --- | --- | --- |',
      row('gateway (GraphQL)', 0),
      row('baseline (Fastify + pg)', 1),
      '',
      `p50 gateway/baseline per round: ${list(p50Ratios)}`,
      `p99 gateway/baseline per round: ${list(p99Ratios)} (target <= ${TARGET_P99_RATIO}: ${met(fixed.p99Ratio <= TARGET_P99_RATIO)})`,
      fixed.reached
        ? `Offered rate reached by both in every round (>= ${RATE_REACHED * 100} %).`
        : `OFFERED RATE NOT REACHED (< ${RATE_REACHED * 100} % of ${rate} req/s): ${short.join('; ')}; those latencies include a growing queue.`,
      '',
    ].join('\n'),
  );
  return fixed;
}

/** The closing table: every scenario at every number of connections, against the targets. */
function summary(outcomes: Outcome[]): string {
  const fixed = outcomes.flatMap(({ scenario, connections, fixed: f }) => (f ? [{ scenario, connections, r: f }] : []));
  return [
    'Summary (medians of the rounds; CPU = server + PostgreSQL backends of the bench database, per request):',
    '',
    `| Scenario | Connections | CPU gateway (ms/request) | CPU baseline (ms/request) | CPU ratio (<= ${TARGET_CPU_RATIO}) | p99 gateway (ms) | p99 baseline (ms) | p99 ratio (<= ${TARGET_P99_RATIO}) | Requests/s ratio (former >= 0.5) |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...outcomes.map(
      (o) =>
        `| ${o.scenario} | ${o.connections} | ${o.cpuMs[0].toFixed(2)} | ${o.cpuMs[1].toFixed(2)} | ${o.cpuRatio.toFixed(2)} ${met(o.cpuRatio <= TARGET_CPU_RATIO)} | ` +
        `${o.p99[0]} | ${o.p99[1]} | ${o.p99Ratio.toFixed(2)} ${met(o.p99Ratio <= TARGET_P99_RATIO)} | ${o.rpsRatio.toFixed(2)} |`,
    ),
    '',
    ...(fixed.length
      ? [
          `At a fixed rate (${RATE_FRACTION} x the gateway's closed-loop requests/s, the same for both servers; latency from each request's scheduled start):`,
          '',
          `| Scenario | Connections (at most) | Offered (req/s) | Achieved gateway / baseline (req/s) | p50 gateway (ms) | p50 baseline (ms) | p50 ratio | p99 gateway (ms) | p99 baseline (ms) | p99 ratio (<= ${TARGET_P99_RATIO}) |`,
          '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
          ...fixed.map(
            ({ scenario, connections, r }) =>
              `| ${scenario} | ${connections} | ${r.rate} | ${r.achieved[0].toFixed(0)} / ${r.achieved[1].toFixed(0)}${r.reached ? '' : ' NOT reached'} | ` +
              `${r.p50[0].toFixed(1)} | ${r.p50[1].toFixed(1)} | ${r.p50Ratio.toFixed(2)} | ${r.p99[0].toFixed(1)} | ${r.p99[1].toFixed(1)} | ${r.p99Ratio.toFixed(2)} ${met(r.p99Ratio <= TARGET_P99_RATIO)} |`,
          ),
          '',
        ]
      : []),
  ].join('\n');
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
