/**
 * Governance benchmark (docs/performance.md, "Governance"), on bench CPTS
 * BENCH_GOVERNANCE_CPTS (default 6; its data: bench/governance-seed.ts, seeded
 * on the first run): the gateway against bench/governance-baseline.ts
 * (Fastify + pg), measured with autocannon in one run (10 connections, 5 s of
 * warm-up each, rounds alternating gateway and baseline, medians), both
 * answers compared before measuring:
 *
 * 1. "vote": POST /api/public/decisions/<token>/vote from the email link, on
 *    an open decision of the AG of 2,000 members (opened for the run, removed
 *    after). Each request is the next voter's (1,990 of them in turn; 10 never
 *    vote, so the decision never closes), choosing "pour" on their first turn
 *    then the other answer each turn after: every request writes (a first vote,
 *    then a change), from both servers alike, on the same decision. A third
 *    line, the baseline's writes without the page it answers (?answer=none),
 *    shows what the page costs (measured in the same rounds, not in the
 *    ratios). Afterwards
 *    the chain is checked through the gateway (verifyDecisionAudit: the hashes,
 *    and the votes replayed against the table): the baseline's entries too.
 * 2. "register": `decisionRegister(first: 50, after: ...)` through GraphQL,
 *    signed in as the CPTS's coordinator, on its register of 2,000 closed
 *    decisions: the 40 pages in turn (the cursors walked once first, through
 *    both servers, every page compared), each request the next page.
 *
 * Each prints requests/s, p50, p99, CPU per request (the server, PostgreSQL's
 * backends of the bench database; /proc), errors, peak RSS, the ratio
 * gateway/baseline (target >= 0.5) and the p99 ratio (register: target <= 1.5).
 *
 * BENCH_SCENARIOS picks scenarios by name (comma-separated: vote, register);
 * BENCH_CONNECTIONS, BENCH_SECONDS, BENCH_ROUNDS as in gateway-list.ts.
 *
 * Run: BENCH=governance npm run bench (bench/run.sh sets up the database and builds).
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { formatDocument, gql, stringifyDocument } from '@urql/core';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { DecisionLinks } from '@cpts/governance';
import { LinkSigner } from '@cpts/platform-mail';
import {
  governanceCpts,
  GovernanceCpts,
  inTenant,
  MEMBERS,
  openVoteDecision,
  REGISTER_DECISIONS,
  removeVoteDecisions,
} from './governance-seed';
import { cpuSeconds, freePort, postgresBackends, rssMb } from './processes';

const root = path.resolve(__dirname, '../..');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CPTS = Number(process.env.BENCH_GOVERNANCE_CPTS ?? 6);
/** Voters who never vote: "everyone has voted" never holds, the decision stays open through the run. */
const NEVER_VOTING = 10;
const PAGE = 50;
const PASSWORD = 'bench-password-2026';
const DATABASE = new URL(process.env.DATABASE_URL as string).pathname.slice(1);
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
type Server = { child: ChildProcess; url: string };
/** The gateway; the baseline; the baseline's writes alone (the vote without its page). */
type Target = 'gateway' | 'baseline' | 'writes';

/** The register as a page of it would ask (the columns of the register's export, register-export.controller.ts), as urql sends it. */
const REGISTER = (() => {
  const document = formatDocument(
    gql(`query DecisionRegister($first: Int!, $after: String) {
      decisionRegister(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id registerNumber closedAt instanceName source title question outcome amountCents
          tally { for against abstain participating byProxy eligible quorumNeeded } } }
      }
    }`),
  );
  return { query: stringifyDocument(document), operationName: 'DecisionRegister' };
})();
const registerBody = (after: string | null) => JSON.stringify({ ...REGISTER, variables: { first: PAGE, after } });
const registerPath = (after: string | null) => `/register?first=${PAGE}${after ? `&after=${after}` : ''}`;

async function start(script: string, env: Record<string, string>, url: string): Promise<Server> {
  const child = spawn(process.execPath, [path.join(root, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Up to two minutes: on a machine shared with other work the gateway has taken 15 s to start.
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, url };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`${script} did not start`);
}

async function signIn(gateway: Server): Promise<Record<string, string>> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { login(input: { email: "coordination+${CPTS}@bench.cpts.fr", password: "${PASSWORD}" }) { accessToken } }`,
    }),
  });
  const token = ((await response.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

/** JSON with every object's keys sorted: the gateway and the baseline must answer the same data. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

async function load(url: string, requests: autocannon.Request[], pid: number) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  // Backends opened during the round count from zero (a pool may have closed idle ones since the last round).
  const backendsBefore = new Map(postgresBackends(DATABASE).map((p) => [p, cpuSeconds(p)]));
  const serverBefore = cpuSeconds(pid);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, requests });
  const serverSeconds = cpuSeconds(pid) - serverBefore;
  const postgresSeconds = postgresBackends(DATABASE).reduce((s, p) => s + cpuSeconds(p) - (backendsBefore.get(p) ?? 0), 0);
  clearInterval(timer);
  const perRequestMs = (seconds: number) => (seconds * 1000) / Math.max(result.requests.total, 1);
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

interface Scenario {
  name: string;
  /** What is measured, for the printout. */
  title: string;
  /** autocannon's requests for a server (built afresh for each round: they carry the rotation). */
  requests: (target: Target) => autocannon.Request[];
  /** A third line measured in the same rounds, for information (not in the ratios). */
  extra?: { target: Target; name: string };
  p99Target: boolean;
}

async function measure(scenario: Scenario, gateway: Server, baseline: Server): Promise<void> {
  const lines: Array<{ target: Target; name: string; server: Server }> = [
    { target: 'gateway', name: 'gateway', server: gateway },
    { target: 'baseline', name: 'baseline (Fastify + pg)', server: baseline },
    ...(scenario.extra ? [{ ...scenario.extra, server: baseline }] : []),
  ];
  process.stderr.write(`${scenario.name}: warming up (5 s each)...\n`);
  for (const line of lines)
    await autocannon({ url: line.server.url, connections: CONNECTIONS, duration: 5, requests: scenario.requests(line.target) });
  process.stderr.write(`measuring (${ROUNDS} rounds of ${DURATION} s each, ${CONNECTIONS} connections)...\n`);
  type Result = Awaited<ReturnType<typeof load>>;
  const rounds: Result[][] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const round: Result[] = [];
    for (const line of lines) round.push(await load(line.server.url, scenario.requests(line.target), line.server.child.pid as number));
    rounds.push(round);
    process.stderr.write(
      `round ${i + 1}: ${lines.map((l, j) => `${l.target} ${round[j].rps.toFixed(0)} req/s (p99 ${round[j].p99} ms, ${round[j].errors} errors)`).join(', ')}\n`,
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
  const ratios = rounds.map(([x, y]) => x.rps / y.rps);
  const p99Ratios = rounds.map(([x, y]) => x.p99 / y.p99);
  const rows = summaries.map(
    (r) =>
      `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.serverCpuMs.toFixed(2)} | ${r.postgresCpuMs.toFixed(2)} | ${r.errors} of ${r.total} | ${r.peakRssMb.toFixed(0)} |`,
  );
  process.stdout.write(
    [
      `${scenario.name}: ${scenario.title}; ${CONNECTIONS} connections, median of ${ROUNDS} alternated rounds of ${DURATION} s, node ${process.version}`,
      '',
      '| Server | Requests/s | p50 (ms) | p99 (ms) | Server CPU (ms/request) | PostgreSQL CPU (ms/request) | Errors | Peak RSS (MB) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Ratio gateway/baseline (requests/s) per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; median ${median(ratios).toFixed(2)} (target >= 0.5)`,
      `p99 gateway/baseline per round: ${p99Ratios.map((r) => r.toFixed(2)).join(', ')}; median ${median(p99Ratios).toFixed(2)}${scenario.p99Target ? ' (target <= 1.5)' : ''}`,
      `CPU per request, server + PostgreSQL: ${summaries.map((r) => `${r.name} ${(r.serverCpuMs + r.postgresCpuMs).toFixed(2)} ms`).join(', ')}`,
      '',
    ].join('\n'),
  );
}

/** The vote scenario: a fresh open decision of the AG, its voters' links, the answers compared, then the measurement and the chain checked. */
async function votes(gateway: Server, baseline: Server, owner: Client, g: GovernanceCpts, headers: Record<string, string>): Promise<void> {
  const decision = await openVoteDecision(owner, g);
  try {
    if (decision.voters.length !== MEMBERS) throw new Error(`${decision.voters.length} voters for ${MEMBERS} members`);
    const links = new DecisionLinks(new LinkSigner(process.env.LINK_SECRET as string), '');
    const tokens = decision.voters.slice(NEVER_VOTING).map((v) => links.token({ tenantId: g.tenantId, voterId: v.id }));
    // The choice each voter made last, whichever server took it: the next request changes it.
    const last = new Map<number, string>();
    let next = 0;
    const nextVote = () => {
      const i = next++ % tokens.length;
      const choice = last.get(i) === 'for' ? 'against' : 'for';
      last.set(i, choice);
      return { token: tokens[i], body: JSON.stringify({ choice }) };
    };
    const post = (target: Target, token: string, body: string) =>
      fetch(`${target === 'gateway' ? gateway.url : baseline.url}${target === 'gateway' ? '/api/public' : ''}/decisions/${token}/vote`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    // The same answer from both, the first vote by the gateway, the change by the baseline (only the choice differs).
    const first = nextVote();
    const a = await post('gateway', first.token, first.body);
    next = 0;
    const change = nextVote();
    const b = await post('baseline', change.token, change.body);
    const [ga, ba] = [(await a.json()) as { voter: { choice: string } }, (await b.json()) as { voter: { choice: string } }];
    if (a.status !== 200 || b.status !== 200 || ga.voter?.choice !== 'for' || ba.voter?.choice !== 'against')
      throw new Error(`vote: ${a.status} ${JSON.stringify(ga).slice(0, 300)}; baseline ${b.status} ${JSON.stringify(ba).slice(0, 300)}`);
    const size = JSON.stringify(ga).length;
    ga.voter.choice = ba.voter.choice = '';
    if (canonical(ga) !== canonical(ba))
      throw new Error(
        `vote: gateway and baseline disagree\n gateway: ${canonical(ga).slice(0, 800)}\nbaseline: ${canonical(ba).slice(0, 800)}`,
      );
    process.stderr.write(`vote: answers agree (${(size / 1000).toFixed(1)} kB: the vote page, with the ${MEMBERS - 1} other voters)\n`);
    next = 1;
    const requests = (target: Target): autocannon.Request[] => [
      {
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          const { token, body } = nextVote();
          return {
            ...request,
            path: `${target === 'gateway' ? '/api/public' : ''}/decisions/${token}/vote${target === 'writes' ? '?answer=none' : ''}`,
            body,
          };
        },
      },
    ];
    await measure(
      {
        name: 'vote',
        title: `POST /api/public/decisions/<token>/vote on an open decision of the AG (${MEMBERS} voters, ${tokens.length} voting in turn), bench CPTS ${CPTS}`,
        requests,
        extra: { target: 'writes', name: 'baseline, the writes only (no page)' },
        p99Target: false,
      },
      gateway,
      baseline,
    );
    // The load generator stops without waiting for the answers in flight: let their transactions end first.
    await new Promise((r) => setTimeout(r, 2000));
    const [{ entries, changed }] = await inTenant(
      owner,
      g.tenantId,
      async () =>
        (
          await owner.query(
            `SELECT count(*)::int AS entries, count(*) FILTER (WHERE event = 'vote_changed')::int AS changed FROM governance_audit WHERE tenant_id = $1 AND decision_id = $2`,
            [g.tenantId, decision.decisionId],
          )
        ).rows,
    );
    const check = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        query: `query($id: ID!) { verifyDecisionAudit(id: $id) { ok entries problem } }`,
        variables: { id: decision.decisionId },
      }),
    }).then((r) => r.json() as Promise<{ data?: { verifyDecisionAudit: { ok: boolean; entries: number; problem: string | null } } }>);
    const verified = check.data?.verifyDecisionAudit;
    if (!verified?.ok) throw new Error(`the chain does not hold after the run: ${JSON.stringify(check)}`);
    process.stdout.write(
      `The decision's chain after the run: ${entries} entries (${entries - 1 - changed} first votes, ${changed} changes), verified through the gateway (hashes, and the votes replayed against the table).\n\n`,
    );
  } finally {
    await removeVoteDecisions(owner, g.tenantId);
  }
}

/** The register scenario: the cursors of its pages, walked once through both servers (every page compared), then the pages in turn. */
async function register(gateway: Server, baseline: Server, headers: Record<string, string>): Promise<void> {
  const cursors: Array<string | null> = [null];
  let bytes = 0;
  for (;;) {
    const after = cursors[cursors.length - 1];
    const [a, b] = await Promise.all([
      fetch(`${gateway.url}/graphql`, { method: 'POST', headers, body: registerBody(after) }).then((r) => r.text()),
      fetch(`${baseline.url}${registerPath(after)}`, { headers }).then((r) => r.text()),
    ]);
    const parsed = JSON.parse(a) as {
      errors?: unknown;
      data?: { decisionRegister: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    };
    if (parsed.errors || !parsed.data) throw new Error(`register: the gateway answered ${a.slice(0, 500)}`);
    if (canonical(parsed) !== canonical(JSON.parse(b)))
      throw new Error(
        `register, page ${cursors.length}: gateway and baseline disagree\n gateway: ${a.slice(0, 800)}\nbaseline: ${b.slice(0, 800)}`,
      );
    bytes += a.length;
    const { totalCount, pageInfo } = parsed.data.decisionRegister;
    if (totalCount !== REGISTER_DECISIONS) throw new Error(`the register counts ${totalCount} decisions, not ${REGISTER_DECISIONS}`);
    if (!pageInfo.hasNextPage) break;
    cursors.push(pageInfo.endCursor);
  }
  process.stderr.write(
    `register: ${cursors.length} pages, answers agree (${(bytes / cursors.length / 1000).toFixed(1)} kB a page on average)\n`,
  );
  const requests = (target: Target): autocannon.Request[] => {
    let next = 0;
    return [
      {
        method: target === 'gateway' ? 'POST' : 'GET',
        path: target === 'gateway' ? '/graphql' : registerPath(null),
        headers,
        body: target === 'gateway' ? registerBody(null) : undefined,
        setupRequest: (request) => {
          const after = cursors[next++ % cursors.length];
          return target === 'gateway' ? { ...request, body: registerBody(after) } : { ...request, path: registerPath(after) };
        },
      },
    ];
  };
  await measure(
    {
      name: 'register',
      title: `decisionRegister(first: ${PAGE}, after) over the ${cursors.length} pages of ${REGISTER_DECISIONS} closed decisions in turn, bench CPTS ${CPTS}`,
      requests,
      p99Target: true,
    },
    gateway,
    baseline,
  );
}

async function main() {
  const [gatewayPort, baselinePort] = [await freePort(), await freePort()];
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    GATEWAY_PORT: String(gatewayPort),
    BASELINE_PORT: String(baselinePort),
    // The per-address limit of /api/public/ (120 a minute) would refuse the load generator's one address:
    // the gateway still counts every request in Redis, as in production.
    PUBLIC_API_RATE_PER_MINUTE: '1000000000',
  };
  const owner = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
  await owner.connect();
  const g = await governanceCpts(owner, CPTS);
  const gateway = await start('dist/apps/gateway/src/main.js', env, `http://127.0.0.1:${gatewayPort}`);
  const baseline = await start('dist/bench/governance-baseline.js', env, `http://127.0.0.1:${baselinePort}`);
  try {
    const picked = process.env.BENCH_SCENARIOS?.split(',').map((s) => s.trim());
    const headers = await signIn(gateway);
    if (!picked || picked.includes('vote')) await votes(gateway, baseline, owner, g, headers);
    if (!picked || picked.includes('register')) await register(gateway, baseline, headers);
  } finally {
    await owner.end();
    gateway.child.kill('SIGTERM');
    baseline.child.kill('SIGTERM');
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
