/**
 * Campaign list benchmark (docs/performance.md): a CPTS after some years of
 * mailings, 300 campaigns and 1,000,000 deliveries, measured in PostgreSQL,
 * where the list's cost is. In one run, each figure beside its baseline:
 *  - the list as the gateway reads it now (count, a page of 20 from the
 *    `listed_at` index, the page's counters) against the list as it was read
 *    before (every campaign, its deliveries counted by state);
 *  - a person's deliveries (GDPR export, erasure, merge) with the
 *    `(tenant_id, professional_id)` index and without it;
 *  - what the counters cost the writes: the send command's one-statement
 *    insert of 5,000 deliveries, and a worker's groups of 50 deliveries
 *    marked sent, with the counting triggers and without them.
 * "Without" runs in a transaction that drops the index or disables the
 * triggers and is rolled back. Each figure: the median wall time of its
 * runs, and the PostgreSQL backend's CPU per run (parallel query off, so the
 * backend does all of a statement's work).
 *
 * Run: BENCH=campaign-list npm run bench (bench/run.sh sets up the database).
 */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

const CPTS = Number(process.env.BENCH_LIST_CPTS ?? 4);
const CAMPAIGNS = 300;
const DELIVERIES = 1_000_000;
const SUBJECT = 'Liste bench';
const PAGE = 20;
const COLUMNS = `id, audience_type, purpose, subject, status, scheduled_at, sending_started_at, finished_at, updated_at`;

/** CPU seconds of a process (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Figure {
  wallMs: number;
  cpuMs: number;
}

/**
 * Runs `fn` `runs` times after one warm-up: the median wall time, and the
 * backend's CPU over all the runs divided by their number (/proc counts in
 * hundredths of a second, too coarse for one run).
 */
async function measure(backend: number, runs: number, fn: (i: number) => Promise<unknown>): Promise<Figure> {
  await fn(-1);
  const walls: number[] = [];
  const cpu = cpuSeconds(backend);
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await fn(i);
    walls.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { wallMs: median(walls), cpuMs: ((cpuSeconds(backend) - cpu) * 1000) / runs };
}

/** EXPLAIN ANALYZE of a statement, printed under a title (plans go in docs/performance.md). */
async function explain(client: Client, title: string, sql: string, params: unknown[]): Promise<void> {
  const plan = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params)).rows.map((r) => r['QUERY PLAN']);
  console.log(`\n-- ${title}\n${plan.map((line) => `   ${line}`).join('\n')}`);
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
/** One line: the figure, its baseline, and baseline / figure (above 1: faster than the baseline). */
function print(name: string, now: Figure, before: Figure, unit: string, labels = ['now', 'before']) {
  console.log(
    `${name.padEnd(48)} ${labels[0]} ${fmt(now.wallMs).padStart(7)} ms (CPU ${fmt(now.cpuMs).padStart(6)} ms) | ${labels[1]} ${fmt(before.wallMs).padStart(7)} ms (CPU ${fmt(before.cpuMs).padStart(6)} ms) | ratio ${(before.wallMs / now.wallMs).toFixed(2)} ${unit}`,
  );
}

/** 300 sent campaigns, one every 6 days back from now, and their deliveries (95 % sent, 3 % failed, 2 % skipped), once per database. */
async function seed(client: Client, tenantId: string): Promise<void> {
  const [{ n }] = (
    await client.query(`SELECT count(*)::int AS n FROM campaigns WHERE tenant_id = $1 AND subject LIKE $2`, [tenantId, `${SUBJECT}%`])
  ).rows;
  if (n === CAMPAIGNS) return;
  console.log(`seeding ${CAMPAIGNS} campaigns and ${DELIVERIES.toLocaleString('en')} deliveries...`);
  const started = Date.now();
  await client.query(
    `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, status, sending_started_at, finished_at, updated_at)
     SELECT $1, gen_random_uuid(), 'professionals', 'pro_newsletter', $2 || ' ' || k, '<p>x</p>', 'CPTS', 'sent',
            now() - k * interval '6 days', now() - k * interval '6 days' + interval '1 hour', now() - k * interval '6 days' + interval '1 hour'
     FROM generate_series(1, $3) k`,
    [tenantId, SUBJECT, CAMPAIGNS],
  );
  const perCampaign = Math.ceil(DELIVERIES / CAMPAIGNS);
  // Ten campaigns per statement: the counting trigger sees each statement's rows at once.
  const campaigns = (
    await client.query(`SELECT id FROM campaigns WHERE tenant_id = $1 AND subject LIKE $2 ORDER BY id`, [tenantId, `${SUBJECT}%`])
  ).rows.map((r) => r.id);
  for (let i = 0; i < campaigns.length; i += 10) {
    await client.query(
      `WITH people AS (SELECT id, row_number() OVER (ORDER BY id) AS k, count(*) OVER () AS n FROM professionals WHERE tenant_id = $1)
       INSERT INTO campaign_deliveries (tenant_id, id, campaign_id, professional_id, email, basis, state, skip_reason, sent_at)
       SELECT $1, gen_random_uuid(), c, p.id, 'p' || j || '@bench.cpts.fr', 'work_address_opt_out', s.state,
              CASE s.state WHEN 'skipped' THEN 'withdrawn' END, CASE s.state WHEN 'sent' THEN now() END
       FROM unnest($2::uuid[]) c, generate_series(1, $3) j
       JOIN people p ON p.k = 1 + j % p.n
       CROSS JOIN LATERAL (SELECT CASE WHEN j % 100 < 95 THEN 'sent' WHEN j % 100 < 98 THEN 'failed' ELSE 'skipped' END AS state) s`,
      [tenantId, campaigns.slice(i, i + 10), perCampaign],
    );
  }
  console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

async function inTenant<T>(client: Client, tenantId: string, fn: () => Promise<T>, commit = true): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    const result = await fn();
    await client.query(commit ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}

async function main() {
  // The owner: it may drop an index or disable triggers inside a rolled-back transaction. Row-level
  // security is forced on it too, so every statement runs in a tenant transaction as the app's do.
  const client = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
  await client.connect();
  try {
    const [tenant] = (await client.query(`SELECT id, name FROM tenants WHERE contact_email = $1`, [`contact+${CPTS}@bench.cpts.fr`])).rows;
    if (!tenant) throw new Error(`no bench CPTS ${CPTS}: run through bench/run.sh`);
    await inTenant(client, tenant.id, () => seed(client, tenant.id));
    // Earlier runs' write measurements were rolled back; their dead rows go.
    await client.query('VACUUM (ANALYZE) campaigns, campaign_deliveries, campaign_progress');
    const [{ pid: backend }] = (await client.query(`SELECT pg_backend_pid() AS pid`)).rows;
    // All of a statement's work in this backend, whose CPU is read: parallel workers come and go
    // (with them, a scan's wall time is lower on 2 cores, its CPU the same or more).
    await client.query(`SET max_parallel_workers_per_gather = 0`);
    const [{ campaigns, deliveries }] = (
      await inTenant(client, tenant.id, () =>
        client.query(
          `SELECT count(*)::int AS campaigns, (SELECT count(*)::int FROM campaign_deliveries WHERE tenant_id = $1) AS deliveries FROM campaigns WHERE tenant_id = $1`,
          [tenant.id],
        ),
      )
    ).rows;
    console.log(`\n${tenant.name}: ${campaigns} campaigns, ${deliveries.toLocaleString('en')} deliveries\n`);
    const t = <T>(fn: () => Promise<T>, commit = true) => inTenant(client, tenant.id, fn, commit);

    // The list: now (CampaignsService.list) and before (every campaign, deliveries counted).
    const COUNT = `SELECT count(*)::int FROM campaigns WHERE tenant_id = $1`;
    const PAGE_NOW = `SELECT ${COLUMNS}, listed_at::text AS "listedAt" FROM campaigns WHERE tenant_id = $1 ORDER BY listed_at DESC, id DESC LIMIT $2`;
    const PROGRESS_NOW = `SELECT campaign_id, pending + sent + failed + cancelled + skipped AS total, sent, failed, pending, cancelled, skipped
                          FROM campaign_progress WHERE tenant_id = $1 AND campaign_id = ANY($2::uuid[])`;
    const LIST_BEFORE = `SELECT ${COLUMNS} FROM campaigns WHERE tenant_id = $1 ORDER BY coalesce(sending_started_at, scheduled_at, updated_at) DESC, id`;
    const PROGRESS_BEFORE = `SELECT campaign_id, count(*)::int AS total,
              count(*) FILTER (WHERE state = 'sent')::int AS sent, count(*) FILTER (WHERE state = 'failed')::int AS failed,
              count(*) FILTER (WHERE state = 'pending')::int AS pending, count(*) FILTER (WHERE state = 'cancelled')::int AS cancelled,
              count(*) FILTER (WHERE state = 'skipped')::int AS skipped
       FROM campaign_deliveries WHERE tenant_id = $1 AND campaign_id = ANY($2::uuid[]) GROUP BY campaign_id`;
    const pageNow = await measure(backend, 200, () =>
      t(async () => {
        await client.query(COUNT, [tenant.id]);
        const rows = (await client.query(PAGE_NOW, [tenant.id, PAGE + 1])).rows;
        await client.query(PROGRESS_NOW, [tenant.id, rows.map((r) => r.id)]);
      }),
    );
    const pageBefore = await measure(backend, 10, () =>
      t(async () => {
        const rows = (await client.query(LIST_BEFORE, [tenant.id])).rows;
        await client.query(PROGRESS_BEFORE, [tenant.id, rows.map((r) => r.id)]);
      }),
    );
    const firstPage = (await t(() => client.query(PAGE_NOW, [tenant.id, PAGE + 1]))).rows.map((r) => r.id);
    const all = (await t(() => client.query(LIST_BEFORE, [tenant.id]))).rows.map((r) => r.id);
    await t(async () => {
      await explain(client, 'before: the progress of every campaign, deliveries counted', PROGRESS_BEFORE, [tenant.id, all]);
      await explain(client, 'now: the first page', PAGE_NOW, [tenant.id, PAGE + 1]);
      await explain(client, "now: the page's progress", PROGRESS_NOW, [tenant.id, firstPage.slice(0, PAGE)]);
      await explain(client, 'now: the count', COUNT, [tenant.id]);
    });

    // A person's deliveries, for 20 people of the CPTS: with the index, then without (dropped, rolled back).
    const PERSON = `SELECT id, campaign_id, state FROM campaign_deliveries WHERE tenant_id = $1 AND professional_id = $2`;
    const people = (
      await t(() => client.query(`SELECT id FROM professionals WHERE tenant_id = $1 ORDER BY id LIMIT 20`, [tenant.id]))
    ).rows.map((r) => r.id);
    const lookup = (i: number) => client.query(PERSON, [tenant.id, people[Math.max(i, 0) % people.length]]);
    const personNow = await t(async () => {
      await explain(client, "a person's deliveries, with the index", PERSON, [tenant.id, people[0]]);
      return measure(backend, 100, lookup);
    });
    const personBefore = await t(async () => {
      await client.query(`DROP INDEX campaign_deliveries_person_idx`);
      await explain(client, "a person's deliveries, without the index", PERSON, [tenant.id, people[0]]);
      return measure(backend, 10, lookup);
    }, false);
    console.log('');
    print('campaign list (page of 20 / all, counted)', pageNow, pageBefore, 'per list view');
    print("a person's deliveries (GDPR, merge)", personNow, personBefore, 'per person');

    // The writes, with the counters and without (triggers disabled, rolled back).
    const campaignOf = async () =>
      (
        await client.query(
          `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, status, sending_started_at)
           VALUES ($1, gen_random_uuid(), 'professionals', 'pro_newsletter', 'Envoi bench', '<p>x</p>', 'CPTS', 'sending', now()) RETURNING id`,
          [tenant.id],
        )
      ).rows[0].id;
    const sendCommand = async () => {
      const id = await campaignOf();
      await client.query(
        `INSERT INTO campaign_deliveries (tenant_id, id, campaign_id, email, basis) SELECT $1, gen_random_uuid(), $2, 's' || i || '@bench.cpts.fr', 'work_address_opt_out' FROM generate_series(1, 5000) i`,
        [tenant.id, id],
      );
    };
    const triggers = async (on: boolean) => {
      for (const op of ['insert', 'update', 'delete']) {
        await client.query(`ALTER TABLE campaign_deliveries ${on ? 'ENABLE' : 'DISABLE'} TRIGGER campaign_deliveries_count_${op}`);
      }
    };
    const sendNow = await measure(backend, 9, () => t(sendCommand, false));
    const sendBefore = await measure(backend, 9, () =>
      t(async () => {
        await triggers(false);
        await sendCommand();
      }, false),
    );
    print('send command (5,000 deliveries, one statement)', sendNow, sendBefore, 'per campaign sent', ['counted', 'uncounted']);

    // A worker's groups: 100 statements of 50 deliveries marked sent, the delivery processor's MARK_SENT.
    const groups = async () => {
      const id = await campaignOf();
      await client.query(
        `INSERT INTO campaign_deliveries (tenant_id, id, campaign_id, email, basis) SELECT $1, gen_random_uuid(), $2, 'g' || i || '@bench.cpts.fr', 'work_address_opt_out' FROM generate_series(1, 5000) i`,
        [tenant.id, id],
      );
      const ids = (
        await client.query(`SELECT id FROM campaign_deliveries WHERE tenant_id = $1 AND campaign_id = $2 ORDER BY id`, [tenant.id, id])
      ).rows.map((r) => r.id);
      const cpu = cpuSeconds(backend);
      const started = process.hrtime.bigint();
      for (let i = 0; i < ids.length; i += 50) {
        await client.query(
          `UPDATE campaign_deliveries SET state = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
          [tenant.id, ids.slice(i, i + 50)],
        );
      }
      return {
        wallMs: Number(process.hrtime.bigint() - started) / 1e6 / (ids.length / 50),
        cpuMs: ((cpuSeconds(backend) - cpu) * 1000) / (ids.length / 50),
      };
    };
    const groupRuns = async (on: boolean) => {
      const figures: Figure[] = [];
      for (let i = 0; i < 6; i++) {
        figures.push(
          await t(async () => {
            if (!on) await triggers(false);
            return groups();
          }, false),
        );
      }
      return { wallMs: median(figures.map((f) => f.wallMs)), cpuMs: median(figures.map((f) => f.cpuMs)) };
    };
    print("worker's group (50 deliveries marked sent)", await groupRuns(true), await groupRuns(false), 'per group statement', [
      'counted',
      'uncounted',
    ]);
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
