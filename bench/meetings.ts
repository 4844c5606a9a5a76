/**
 * Meetings and working groups benchmark (docs/performance.md, "Meetings and
 * working groups"), on the bench database's groups (100 CPTS x 20 groups x
 * 15 meetings, 20 action items per group: `migrator seed-scale-meetings`):
 *
 * 1. Reads, the gateway against the baseline server (bench/baseline-server.ts:
 *    Fastify + pg, the same statements in the same kind of tenant
 *    transaction, the same JSON), measured with autocannon in one run
 *    (10 connections, rounds alternating gateway and baseline, medians),
 *    signed in as the CPTS's coordinator:
 *    - "group page": the requests the web app sends for a working group's
 *      page (GROUP_PAGE below: one HTTP request per document, as urql sends
 *      them), each connection loading the page of the next group of the
 *      CPTS in turn;
 *    - "action items, open" and "action items, overdue": the CPTS-wide view,
 *      `actionItems(filter: ...)` unfiltered by owner.
 *    Each prints requests/s, p50, p99, CPU per request (server and
 *    PostgreSQL, from /proc), the ratio gateway/baseline and the p99 ratio.
 *    Targets: ratio >= 0.5, gateway p99 <= 1.5 x baseline p99.
 * 2. Publishing a meeting's minutes to a group of 300 members with an
 *    address, through the gateway (`publishMeetingMinutes` as the web app
 *    sends it): the mutation's time (its answer comes once the 300 outbox rows
 *    are committed), then the time until the 300 mail jobs are in Redis
 *    (queued after the commit), and the CPU the gateway and PostgreSQL spent
 *    on it; a warm-up, then BENCH_PUBLISH_RUNS runs; median and max.
 *    Target < 1 s.
 *    The emails are not sent (no worker runs): their rows and jobs are
 *    removed after each run, and the run's meeting with them.
 *
 * BENCH_SCENARIOS picks read scenarios by name (comma-separated; "none" for
 * none); BENCH_PUBLISH_RUNS (default 5; 0: none); BENCH_MEETINGS_CPTS and
 * BENCH_PUBLISH_CPTS the bench CPTS used (2 and 5); BENCH_CONNECTIONS,
 * BENCH_SECONDS, BENCH_ROUNDS as in gateway-list.ts.
 *
 * Run: BENCH=meetings npm run bench (bench/run.sh sets up the database and builds).
 */
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { formatDocument, gql, stringifyDocument } from '@urql/core';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { createRedis, QueueProducer, QUEUES } from '@cpts/platform-queue';
import { cpuSeconds, freePort, postgresBackends, rssMb } from './processes';

const root = path.resolve(__dirname, '../..');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PUBLISH_RUNS = Number(process.env.BENCH_PUBLISH_RUNS ?? 5);
/** The bench CPTS whose groups are read (the gateway benchmark reads CPTS 1's directory, the mailing one writes in 3). */
const READ_CPTS = Number(process.env.BENCH_MEETINGS_CPTS ?? 2);
/** The bench CPTS given a group of 300 for the publishing measurement. */
const PUBLISH_CPTS = Number(process.env.BENCH_PUBLISH_CPTS ?? 5);
const PUBLISH_MEMBERS = 300;
const PUBLISH_GROUP = 'Diffusion des comptes rendus (bench)';
const OWNER_KIND = 'working_group';
const PASSWORD = 'bench-password-2026';

/**
 * The documents, as the web app has them on 2026-12-03 (apps/web/src/pages/cpts/working-groups: queries.ts,
 * queries-meetings.ts, queries-action-items.ts, OwnPollInvitations.tsx), sent as urql sends them:
 * `__typename` added to every selection (formatDocument), printed, with the operation's name.
 */
const WORKING_GROUP_FIELDS = `fragment WorkingGroupFields on WorkingGroup { id name missions theme description status frame { purpose rules confidentiality } memberCount referentCount referentWarning }`;
const MEETING_FIELDS = `fragment MeetingFields on Meeting { id title startsAt endsAt place videoUrl status agenda { title durationMinutes presenter } presentCount inviteeCount minutesPublishedAt }`;
const POLL_FIELDS = `fragment MeetingPollFields on MeetingPoll { id ownerId ownerName title place videoUrl status meetingId inviteeCount answeredCount createdAt slots { id startsAt endsAt yes ifNeedBe no } }`;
/** ActionItemFields: what every list of action items shows (the group page's sections and the CPTS-wide view). */
const ITEM_FIELDS = [
  'id',
  'ownerKind',
  'ownerId',
  'ownerName',
  'meetingId',
  'title',
  'assigneeName',
  'professionalId',
  'userId',
  'dueOn',
  'status',
  'statusAt',
  'statusBy',
  'statusByName',
  'overdue',
  'mine',
];
const ACTION_ITEMS = `query ActionItems($filter: ActionItemFilter) { actionItems(filter: $filter) { ...ActionItemFields } } fragment ActionItemFields on ActionItem { ${ITEM_FIELDS.join(' ')} }`;
const itemsPath = (filter: string) => `/action-items?${filter}&fields=${ITEM_FIELDS.join(',')}`;

interface Doc {
  name: string;
  /** The GraphQL request's body, for a group. */
  body: (groupId: string) => string;
  /** The baseline's path for the same answer. */
  path: (groupId: string) => string;
}

function doc(source: string, variables: (groupId: string) => Record<string, unknown>, basePath: (groupId: string) => string): Doc {
  const document = formatDocument(gql(source));
  const query = stringifyDocument(document);
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  const operationName = operation && 'name' in operation ? operation.name?.value : undefined;
  return { name: operationName ?? '?', body: (id) => JSON.stringify({ operationName, query, variables: variables(id) }), path: basePath };
}

/** The start of the quarter in Paris, as "done this quarter" asks (ActionItemParts.quarterStart): 00:00 on its first day. */
function parisQuarterStart(now = new Date()): string {
  const part = (date: Date, type: string) =>
    Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: 'numeric', hour: 'numeric', hourCycle: 'h23' })
        .formatToParts(date)
        .find((p) => p.type === type)?.value,
    );
  const [year, month] = [part(now, 'year'), part(now, 'month')];
  // Midnight UTC of that day, less Paris's offset then (1 or 2 hours): the hour Paris shows at 00:00 UTC.
  const utcMidnight = Date.UTC(year, Math.floor((month - 1) / 3) * 3, 1);
  return new Date(utcMidnight - part(new Date(utcMidnight), 'hour') * 3_600_000).toISOString();
}
const QUARTER_START = parisQuarterStart();

/**
 * A working group's page, one request per document as urql sends them, in the page's order: WorkingGroupPage
 * (the group, its members), OwnPollInvitations, MeetingsSection and its PollList, OpenActionItems and
 * DoneThisQuarter. Not counted: the professions' labels (read once a session, cache-first) and what the
 * forms read when opened.
 */
const GROUP_PAGE: Doc[] = [
  doc(
    `query WorkingGroup($id: ID!) { workingGroup(id: $id) { ...WorkingGroupFields } } ${WORKING_GROUP_FIELDS}`,
    (id) => ({ id }),
    (id) => `/working-groups/${id}`,
  ),
  doc(
    `query WorkingGroupMembers($id: ID!, $includeFormer: Boolean!) { workingGroup(id: $id) { id members(includeFormer: $includeFormer) { id kind name professionalId userId professionCode role joinedAt leftAt } } }`,
    (id) => ({ id, includeFormer: false }),
    (id) => `/working-groups/${id}/members?includeFormer=false`,
  ),
  doc(
    `query GroupPollsToAnswer($ownerKind: String!, $ownerId: ID!) { meetingPolls(ownerKind: $ownerKind, ownerId: $ownerId) { id title status slots { id startsAt endsAt } myInvitation { answerPath answeredAt } } }`,
    (id) => ({ ownerKind: OWNER_KIND, ownerId: id }),
    (id) => `/meeting-polls/mine?ownerKind=${OWNER_KIND}&ownerId=${id}`,
  ),
  doc(
    `query Meetings($ownerKind: String!, $ownerId: ID!) { meetings(ownerKind: $ownerKind, ownerId: $ownerId) { ...MeetingFields } } ${MEETING_FIELDS}`,
    (id) => ({ ownerKind: OWNER_KIND, ownerId: id }),
    (id) => `/meetings?ownerKind=${OWNER_KIND}&ownerId=${id}`,
  ),
  doc(
    `query MeetingPolls($ownerKind: String!, $ownerId: ID!) { meetingPolls(ownerKind: $ownerKind, ownerId: $ownerId) { ...MeetingPollFields } } ${POLL_FIELDS}`,
    (id) => ({ ownerKind: OWNER_KIND, ownerId: id }),
    (id) => `/meeting-polls?ownerKind=${OWNER_KIND}&ownerId=${id}`,
  ),
  doc(
    ACTION_ITEMS,
    (id) => ({ filter: { ownerKind: OWNER_KIND, ownerId: id, status: 'OPEN' } }),
    (id) => itemsPath(`ownerKind=${OWNER_KIND}&ownerId=${id}&status=open`),
  ),
  doc(
    ACTION_ITEMS,
    (id) => ({ filter: { ownerKind: OWNER_KIND, ownerId: id, doneSince: QUARTER_START } }),
    (id) => itemsPath(`ownerKind=${OWNER_KIND}&ownerId=${id}&doneSince=${encodeURIComponent(QUARTER_START)}`),
  ),
];

interface Scenario {
  name: string;
  docs: Doc[];
  /** Rotates over the CPTS's groups (a page per group); the CPTS-wide view names none. */
  perGroup: boolean;
}

/** The CPTS-wide view (ActionItemsPage) as it opens: the open items; and with a filter, the late ones. */
const SCENARIOS: Scenario[] = [
  { name: 'group page', docs: GROUP_PAGE, perGroup: true },
  {
    name: 'action items, open',
    docs: [
      doc(
        ACTION_ITEMS,
        () => ({ filter: { status: 'OPEN' } }),
        () => itemsPath('status=open'),
      ),
    ],
    perGroup: false,
  },
  {
    name: 'action items, overdue',
    docs: [
      doc(
        ACTION_ITEMS,
        () => ({ filter: { overdueOnly: true } }),
        () => itemsPath('overdueOnly=true'),
      ),
    ],
    perGroup: false,
  },
];

const DATABASE = new URL(process.env.DATABASE_URL as string).pathname.slice(1);
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
type Server = { child: ChildProcess; url: string };

async function start(script: string, env: Record<string, string>, url: string, readyPath: string): Promise<Server> {
  const child = spawn(process.execPath, [path.join(root, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Up to two minutes: on a machine shared with other work the gateway has taken 15 s to start.
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if (
      await fetch(`${url}${readyPath}`).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      return { child, url };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`${script} did not start`);
}

async function signIn(gateway: Server, cpts: number): Promise<Record<string, string>> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { login(input: { email: "coordination+${cpts}@bench.cpts.fr", password: "${PASSWORD}" }) { accessToken } }`,
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

/** The autocannon requests of a scenario against one server: each connection's sequence, a new group at each turn. */
function requestsOf(
  scenario: Scenario,
  groups: string[],
  target: 'gateway' | 'baseline',
  headers: Record<string, string>,
): autocannon.Request[] {
  let next = 0;
  return scenario.docs.map((d, i) => ({
    method: target === 'gateway' ? 'POST' : 'GET',
    path: target === 'gateway' ? '/graphql' : d.path(groups[0]),
    headers,
    body: target === 'gateway' ? d.body(groups[0]) : undefined,
    setupRequest: (request, context) => {
      // The page's first request takes the next group; the others load the same group's page.
      if (i === 0 || context.group === undefined) context.group = groups[next++ % groups.length];
      const group = context.group as string;
      return target === 'gateway' ? { ...request, body: d.body(group) } : { ...request, path: d.path(group) };
    },
  }));
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
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    peakRssMb: peak,
    serverCpuMs: perRequestMs(serverSeconds),
    postgresCpuMs: perRequestMs(postgresSeconds),
  };
}

async function measure(scenario: Scenario, gateway: Server, baseline: Server, headers: Record<string, string>, groups: string[]) {
  // Same answers from both, for every group and document, before measuring anything.
  let bytes = 0;
  for (const group of scenario.perGroup ? groups : [groups[0]]) {
    for (const d of scenario.docs) {
      const [a, b] = await Promise.all([
        fetch(`${gateway.url}/graphql`, { method: 'POST', headers, body: d.body(group) }).then((r) => r.text()),
        fetch(`${baseline.url}${d.path(group)}`, { headers }).then((r) => r.text()),
      ]);
      const parsed = JSON.parse(a) as { errors?: unknown; data?: unknown };
      if (parsed.errors || !parsed.data) throw new Error(`${scenario.name}, ${d.name}: the gateway answered ${a.slice(0, 500)}`);
      if (canonical(parsed) !== canonical(JSON.parse(b))) {
        throw new Error(
          `${scenario.name}, ${d.name}: gateway and baseline disagree\n gateway: ${a.slice(0, 800)}\nbaseline: ${b.slice(0, 800)}`,
        );
      }
      bytes += a.length;
    }
  }
  const answers = scenario.perGroup ? groups.length * scenario.docs.length : scenario.docs.length;
  process.stderr.write(
    `${scenario.name}: answers agree (${(bytes / answers / 1000).toFixed(1)} kB a request on average); warming up (5 s each)...\n`,
  );
  await autocannon({ url: gateway.url, connections: CONNECTIONS, duration: 5, requests: requestsOf(scenario, groups, 'gateway', headers) });
  await autocannon({
    url: baseline.url,
    connections: CONNECTIONS,
    duration: 5,
    requests: requestsOf(scenario, groups, 'baseline', headers),
  });
  process.stderr.write(`measuring (${ROUNDS} rounds of ${DURATION} s each, ${CONNECTIONS} connections)...\n`);
  type Result = Awaited<ReturnType<typeof load>>;
  const rounds: Array<[Result, Result]> = [];
  for (let i = 0; i < ROUNDS; i++) {
    const x = await load(gateway.url, requestsOf(scenario, groups, 'gateway', headers), gateway.child.pid as number);
    const y = await load(baseline.url, requestsOf(scenario, groups, 'baseline', headers), baseline.child.pid as number);
    rounds.push([x, y]);
    process.stderr.write(
      `round ${i + 1}: gateway ${x.rps.toFixed(0)} req/s (p99 ${x.p99} ms), baseline ${y.rps.toFixed(0)} req/s (p99 ${y.p99} ms)\n`,
    );
  }
  const summary = (which: 0 | 1) => {
    const rs = rounds.map((r) => r[which]);
    return {
      name: which === 0 ? 'gateway (GraphQL)' : 'baseline (Fastify + pg)',
      rps: median(rs.map((r) => r.rps)),
      p50: median(rs.map((r) => r.p50)),
      p99: median(rs.map((r) => r.p99)),
      serverCpuMs: median(rs.map((r) => r.serverCpuMs)),
      postgresCpuMs: median(rs.map((r) => r.postgresCpuMs)),
      errors: rs.reduce((n, r) => n + r.errors, 0),
      peakRssMb: Math.max(...rs.map((r) => r.peakRssMb)),
    };
  };
  const [gs, bs] = [summary(0), summary(1)];
  const ratios = rounds.map(([x, y]) => x.rps / y.rps);
  const p99Ratios = rounds.map(([x, y]) => x.p99 / y.p99);
  const perPage = scenario.docs.length;
  const rows = [gs, bs].map(
    (r) =>
      `| ${r.name} | ${r.rps.toFixed(0)}${perPage > 1 ? ` (${(r.rps / perPage).toFixed(0)} pages)` : ''} | ${r.p50} | ${r.p99} | ${r.serverCpuMs.toFixed(2)} | ${r.postgresCpuMs.toFixed(2)} | ${r.errors} | ${r.peakRssMb.toFixed(0)} |`,
  );
  process.stdout.write(
    [
      `${scenario.name}: ${scenario.docs.map((d) => d.name).join(' + ')}${scenario.perGroup ? `, the ${groups.length} groups of bench CPTS ${READ_CPTS} in turn` : `, bench CPTS ${READ_CPTS}`}; ${CONNECTIONS} connections, median of ${ROUNDS} alternated rounds of ${DURATION} s, node ${process.version}`,
      '',
      '| Server | Requests/s | p50 (ms) | p99 (ms) | Server CPU (ms/request) | PostgreSQL CPU (ms/request) | Errors | Peak RSS (MB) |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      `Ratio gateway/baseline (requests/s) per round: ${ratios.map((r) => r.toFixed(2)).join(', ')}; median ${median(ratios).toFixed(2)} (target >= 0.5)`,
      `p99 gateway/baseline per round: ${p99Ratios.map((r) => r.toFixed(2)).join(', ')}; median ${median(p99Ratios).toFixed(2)} (target <= 1.5)`,
      `CPU per request, server + PostgreSQL: gateway ${(gs.serverCpuMs + gs.postgresCpuMs).toFixed(2)} ms, baseline ${(bs.serverCpuMs + bs.postgresCpuMs).toFixed(2)} ms`,
      '',
    ].join('\n'),
  );
}

/** A tenant transaction of the owner (row-level security is forced on it too). */
async function inTenant<T>(client: Client, tenantId: string, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

const PUBLISH = `mutation PublishMeetingMinutes($meetingId: ID!) { publishMeetingMinutes(meetingId: $meetingId) { id minutesPublishedAt minutesRecipients { name emailed sentAt } } }`;

/**
 * Minutes sent to a group of 300 members with an address: per run, a meeting held an hour ago with its
 * minutes written, published through the gateway as the web app does; then its emails' rows and jobs,
 * and the meeting, removed (no worker sends them; a later benchmark's worker must not either).
 */
async function publishing(gateway: Server, owner: Client): Promise<void> {
  const [tenant] = (await owner.query(`SELECT id FROM tenants WHERE contact_email = $1`, [`contact+${PUBLISH_CPTS}@bench.cpts.fr`])).rows;
  if (!tenant) throw new Error(`no bench CPTS ${PUBLISH_CPTS}: run through bench/run.sh`);
  const [coordinator] = (await owner.query(`SELECT id FROM users WHERE email = $1`, [`coordination+${PUBLISH_CPTS}@bench.cpts.fr`])).rows;
  const groupId = await inTenant(owner, tenant.id, async () => {
    const [found] = (await owner.query(`SELECT id FROM working_groups WHERE tenant_id = $1 AND name = $2`, [tenant.id, PUBLISH_GROUP]))
      .rows;
    if (found) return found.id as string;
    const [created] = (
      await owner.query(
        `INSERT INTO working_groups (tenant_id, id, name, missions, description, frame_purpose, created_by)
         VALUES ($1, gen_random_uuid(), $2, '{care_pathways}', 'Un groupe ouvert à tous les professionnels du territoire.', 'Partager les travaux de la CPTS.', $3) RETURNING id`,
        [tenant.id, PUBLISH_GROUP, coordinator.id],
      )
    ).rows;
    await owner.query(
      `INSERT INTO working_group_members (tenant_id, id, group_id, professional_id, role, added_by)
       SELECT $1, gen_random_uuid(), $2, p.id, CASE WHEN row_number() OVER (ORDER BY p.id) <= 2 THEN 'referent' ELSE 'member' END, $4
       FROM (SELECT id FROM professionals WHERE tenant_id = $1 AND nullif(btrim(email), '') IS NOT NULL AND archived_at IS NULL AND erased_at IS NULL
             AND merged_into IS NULL ORDER BY id LIMIT $3) p`,
      [tenant.id, created.id, PUBLISH_MEMBERS, coordinator.id],
    );
    return created.id as string;
  });
  const headers = await signIn(gateway, PUBLISH_CPTS);
  const redis = createRedis(process.env.REDIS_URL as string, 'client');
  const producer = new QueueProducer(redis, process.env.REDIS_PREFIX as string);
  const mail = producer.queue(QUEUES.mail);
  const runs: Array<{ mutationMs: number; queuedMs: number; gatewayCpuMs: number; postgresCpuMs: number }> = [];
  // PostgreSQL's CPU of a publication: the backends of the bench database but this script's own.
  const [{ pid: ownBackend }] = (await owner.query(`SELECT pg_backend_pid() AS pid`)).rows;
  const backends = () => postgresBackends(DATABASE).filter((p) => p !== ownBackend);
  try {
    for (let run = 0; run <= PUBLISH_RUNS; run++) {
      const meetingId = await inTenant(owner, tenant.id, async () => {
        const [m] = (
          await owner.query(
            `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, frame, title, starts_at, ends_at, place, minutes_html, minutes_decisions, minutes_updated_at, created_by)
             VALUES ($1, gen_random_uuid(), $2, $3, $4, 'Objet : Partager les travaux de la CPTS.', 'Assemblée des professionnels', now() - interval '3 hours', now() - interval '1 hour',
                     'Salle des fêtes', $5, ARRAY['Lancer le parcours en janvier', 'Un atelier patients au printemps'], now(), $6) RETURNING id`,
            [
              tenant.id,
              OWNER_KIND,
              groupId,
              PUBLISH_GROUP,
              `<h2>Points</h2>${'<p>Le groupe fait le point sur les parcours et les actions du trimestre.</p>'.repeat(12)}`,
              coordinator.id,
            ],
          )
        ).rows;
        return m.id as string;
      });
      const since = (await owner.query(`SELECT clock_timestamp() AS t`)).rows[0].t as Date;
      const backendsBefore = new Map(backends().map((p) => [p, cpuSeconds(p)]));
      const gatewayBefore = cpuSeconds(gateway.child.pid as number);
      const started = process.hrtime.bigint();
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ operationName: 'PublishMeetingMinutes', query: PUBLISH, variables: { meetingId } }),
      });
      const answer = (await response.json()) as { errors?: unknown; data?: { publishMeetingMinutes: { minutesRecipients: unknown[] } } };
      const mutationMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (answer.errors || !answer.data) throw new Error(`publishMeetingMinutes: ${JSON.stringify(answer).slice(0, 500)}`);
      const ids = (
        await owner.query(`SELECT id FROM mail_outbox WHERE tenant_id = $1 AND kind = 'meeting_minutes' AND created_at >= $2`, [
          tenant.id,
          since,
        ])
      ).rows.map((r) => r.id as string);
      if (ids.length !== PUBLISH_MEMBERS) throw new Error(`${ids.length} outbox rows for ${PUBLISH_MEMBERS} members`);
      // The jobs go after the commit (the request's after-commit work, once the answer is sent): wait for the last one.
      for (;;) {
        const jobs = await Promise.all(ids.map((id) => mail.getJob(id)));
        if (jobs.every(Boolean)) break;
        if (Number(process.hrtime.bigint() - started) / 1e6 > 30_000) throw new Error('the mail jobs were not all queued in 30 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      const queuedMs = Number(process.hrtime.bigint() - started) / 1e6;
      const gatewayCpuMs = (cpuSeconds(gateway.child.pid as number) - gatewayBefore) * 1000;
      const postgresCpuMs = backends().reduce((sum, p) => sum + cpuSeconds(p) - (backendsBefore.get(p) ?? 0), 0) * 1000;
      await Promise.all(ids.map((id) => mail.remove(id)));
      await owner.query(`DELETE FROM mail_outbox WHERE id = ANY($1::uuid[])`, [ids]);
      await inTenant(owner, tenant.id, async () => {
        await owner.query(`DELETE FROM meeting_minutes_recipients WHERE tenant_id = $1 AND meeting_id = $2`, [tenant.id, meetingId]);
        await owner.query(`DELETE FROM meetings WHERE tenant_id = $1 AND id = $2`, [tenant.id, meetingId]);
      });
      // The first run warms the gateway's code paths up and is not counted.
      if (run > 0) runs.push({ mutationMs, queuedMs, gatewayCpuMs, postgresCpuMs });
      if (answer.data.publishMeetingMinutes.minutesRecipients.length !== PUBLISH_MEMBERS)
        throw new Error('the minutes should list every member');
      process.stderr.write(
        `publish ${run === 0 ? '(warm-up)' : run}: answered in ${mutationMs.toFixed(0)} ms, ${ids.length} jobs queued at ${queuedMs.toFixed(0)} ms (CPU: gateway ${gatewayCpuMs.toFixed(0)} ms, PostgreSQL ${postgresCpuMs.toFixed(0)} ms)\n`,
      );
    }
  } finally {
    await producer.close();
    redis.disconnect();
  }
  if (runs.length === 0) return;
  const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
  process.stdout.write(
    [
      `Publishing minutes to ${PUBLISH_MEMBERS} members (bench CPTS ${PUBLISH_CPTS}), ${runs.length} runs after a warm-up:`,
      `- publishMeetingMinutes answered (${PUBLISH_MEMBERS} outbox rows committed): ${runs.map((r) => r.mutationMs.toFixed(0)).join(', ')} ms; ${fmt(runs.map((r) => r.mutationMs))} (target < 1 s)`,
      `- every mail job in Redis: ${runs.map((r) => r.queuedMs.toFixed(0)).join(', ')} ms; ${fmt(runs.map((r) => r.queuedMs))}`,
      `- CPU of a publication (/proc, 10 ms ticks): gateway ${fmt(runs.map((r) => r.gatewayCpuMs))}; PostgreSQL ${fmt(runs.map((r) => r.postgresCpuMs))}`,
      '',
    ].join('\n'),
  );
}

async function main() {
  const [gatewayPort, baselinePort] = [await freePort(), await freePort()];
  const env = { NODE_ENV: 'production', LOG_LEVEL: 'warn', GATEWAY_PORT: String(gatewayPort), BASELINE_PORT: String(baselinePort) };
  const gateway = await start('dist/apps/gateway/src/main.js', env, `http://127.0.0.1:${gatewayPort}`, '/health/ready');
  const baseline = await start('dist/bench/baseline-server.js', env, `http://127.0.0.1:${baselinePort}`, '/professionals');
  const owner = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
  await owner.connect();
  try {
    const picked = process.env.BENCH_SCENARIOS?.split(',').map((s) => s.trim());
    const scenarios = SCENARIOS.filter((s) => !picked || picked.some((p) => s.name.includes(p)));
    if (scenarios.length > 0) {
      const [tenant] = (await owner.query(`SELECT id FROM tenants WHERE contact_email = $1`, [`contact+${READ_CPTS}@bench.cpts.fr`])).rows;
      if (!tenant) throw new Error(`no bench CPTS ${READ_CPTS}: run through bench/run.sh`);
      const groups = await inTenant(owner, tenant.id, async () =>
        (await owner.query(`SELECT id FROM working_groups WHERE tenant_id = $1 ORDER BY name`, [tenant.id])).rows.map(
          (r) => r.id as string,
        ),
      );
      if (groups.length === 0) throw new Error(`bench CPTS ${READ_CPTS} has no working groups: run through bench/run.sh`);
      for (const scenario of scenarios) await measure(scenario, gateway, baseline, await signIn(gateway, READ_CPTS), groups);
    }
    if (PUBLISH_RUNS > 0) await publishing(gateway, owner);
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
