/**
 * Directory import benchmark: the national extraction into one CPTS's
 * directory, end to end, with the real components: the file is uploaded to
 * the gateway (POST /api/directory/imports, as the web app does), the gateway
 * stores it and, once it is whole, queues its job (BullMQ on Redis), and the
 * real worker process imports it into PostgreSQL (ADR 0009). The clock runs
 * from the first byte uploaded to the moment the import row reads 'done'
 * (polled every 100 ms).
 *
 * The extraction is generated (bench/rpps-extraction.ts): 1,000,000 lines of
 * which 50,000 fall on the CPTS's territory (its communes), the others on
 * communes of other départements. It is written once to .data/bench/ and kept
 * between runs while its parameters are the same.
 *
 * The CPTS is bench CPTS n° BENCH_IMPORT_CPTS (default 2, not 1: the gateway
 * benchmark lists CPTS 1's directory and must keep its 900 professionals).
 * Its directory and its imports are emptied first, then the table vacuumed
 * and analyzed (the planner's statistics then say the directory is empty, as
 * before a CPTS's first import), so every run measures the same imports:
 *   1. first import into an empty directory (every professional created);
 *   2. re-import of the same file (every professional unchanged), on the
 *      same statistics: nothing analyzes the table in between.
 * The target applies to the first: >= 10,000 kept lines per second end to
 * end, with flat memory (the worker's RSS idle and at its peak, and its V8
 * heap in use at its peak, from its /metrics: what --max-old-space-size
 * bounds; both sampled every 250 ms). The worker's CPU time per line is
 * printed too: on a shared machine it moves less than the wall-clock figures.
 * The parser alone, on the same file in this process, is the baseline.
 *
 * Run: BENCH=import npm run bench (bench/run.sh sets up the database and
 * builds). BENCH_IMPORT_REIMPORTS=n re-imports n times (default 1);
 * BENCH_IMPORT_UPLOAD_MBITS=m paces the upload at m megabits per second (a
 * real connection instead of loopback); BENCH_WORKER_NODE_OPTIONS gives the
 * worker its own Node options (e.g. another heap cap);
 * BENCH_WORKER_PROF=<dir> writes a CPU profile of the worker there.
 */
import { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { parseRppsExtraction } from '@cpts/directory';
import { cpuSince, cpuSnapshot, freePort, root, rssMb, rssSampler, start, stop, workerNodeArgs } from './processes';
import { writeRppsExtraction } from './rpps-extraction';

const LINES = Number(process.env.BENCH_IMPORT_LINES ?? 1_000_000);
const TERRITORY_LINES = Number(process.env.BENCH_IMPORT_TERRITORY_LINES ?? 50_000);
const CPTS = Number(process.env.BENCH_IMPORT_CPTS ?? 2);
/** Re-imports of the same file after the first import (0 to skip; more show whether the worker's memory stays flat). */
const REIMPORTS = Number(process.env.BENCH_IMPORT_REIMPORTS ?? 1);
/** Upload pace in megabits per second (0: as fast as loopback goes). */
const UPLOAD_MBITS = Number(process.env.BENCH_IMPORT_UPLOAD_MBITS ?? 0);
const SEED = 2026;
const TARGET_KEPT_PER_SECOND = 10_000;
const CACHE_DIR = path.join(root, '.data/bench');
const UPLOAD_DIR = path.join(CACHE_DIR, 'uploads');
const PASSWORD = 'bench-password-2026'; // apps/migrator/src/scale.ts
// A real extraction's name: the gateway reads the extraction date from it.
const UPLOAD_NAME = 'PS_LibreAcces_Personne_activite_202611010930.txt';

interface Territory {
  tenantId: string;
  name: string;
  coordinator: string;
  communes: string[];
  others: string[];
}

/** Set-up as the owner: the bench CPTS, its territory, the communes of other départements; its directory and imports emptied. */
async function prepare(): Promise<Territory> {
  const owner = new Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
  await owner.connect();
  try {
    const [tenant] = (
      await owner.query<{ id: string; name: string; commune_codes: string[]; departement_codes: string[] }>(
        `SELECT id, name, commune_codes, departement_codes FROM tenants WHERE contact_email = $1`,
        [`contact+${CPTS}@bench.cpts.fr`],
      )
    ).rows;
    if (!tenant) throw new Error(`no bench CPTS n° ${CPTS} (contact+${CPTS}@bench.cpts.fr): run bench/run.sh, which seeds the bench database`);
    const others = (
      await owner.query<{ insee_code: string }>(`SELECT insee_code FROM communes WHERE departement_code <> ALL($1::text[]) ORDER BY insee_code`, [
        tenant.departement_codes,
      ])
    ).rows.map((r) => r.insee_code);
    // The tables force row-level security, on their owner too: the tenant is set for the deletes.
    await owner.query('BEGIN');
    await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
    await owner.query(`DELETE FROM directory_imports WHERE tenant_id = $1`, [tenant.id]); // their issues go with them
    // Every row about a professional first (history, memberships, consents... of earlier runs), and the rows
    // about those (a poll's answers name its invitees): the farthest from professionals first.
    const { rows: referencing } = await owner.query<{ table: string }>(
      `WITH RECURSIVE refs (tbl, depth) AS (
         SELECT conrelid, 1 FROM pg_constraint WHERE contype = 'f' AND confrelid = 'professionals'::regclass AND conrelid <> confrelid
         UNION
         SELECT c.conrelid, r.depth + 1 FROM pg_constraint c JOIN refs r ON c.confrelid = r.tbl
         WHERE c.contype = 'f' AND c.conrelid <> c.confrelid AND r.depth < 10
       )
       SELECT tbl::regclass::text AS table FROM refs GROUP BY tbl ORDER BY max(depth) DESC`,
    );
    for (const { table } of referencing) await owner.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenant.id]);
    await owner.query(`UPDATE professionals SET merged_into = NULL WHERE tenant_id = $1 AND merged_into IS NOT NULL`, [tenant.id]);
    const deleted = await owner.query(`DELETE FROM professionals WHERE tenant_id = $1`, [tenant.id]);
    await owner.query('COMMIT');
    for (const table of ['professionals', ...referencing.map((r) => r.table)]) await owner.query(`VACUUM ANALYZE ${table}`);
    await rm(path.join(UPLOAD_DIR, 'directory-imports', tenant.id), { recursive: true, force: true });
    process.stderr.write(`${tenant.name}: ${tenant.commune_codes.length} communes, directory emptied (${deleted.rowCount} professionals deleted)\n`);
    return { tenantId: tenant.id, name: tenant.name, coordinator: `coordination+${CPTS}@bench.cpts.fr`, communes: [...tenant.commune_codes].sort(), others };
  } finally {
    await owner.end();
  }
}

/** The extraction for this territory, generated once and kept while its parameters (and the generator) are the same. */
async function extraction(t: Territory): Promise<{ file: string; bytes: number }> {
  const generator = readFileSync(path.join(__dirname, 'rpps-extraction.js'));
  const key = createHash('sha256')
    .update(JSON.stringify({ LINES, TERRITORY_LINES, SEED, communes: t.communes, others: t.others }))
    .update(generator)
    .digest('hex')
    .slice(0, 16);
  const file = path.join(CACHE_DIR, `rpps-${LINES}-${TERRITORY_LINES}-${key}.txt`);
  const existing = await stat(file).catch(() => null);
  if (existing) {
    process.stderr.write(`extraction: ${path.relative(root, file)} (kept from an earlier run)\n`);
    return { file, bytes: existing.size };
  }
  await mkdir(CACHE_DIR, { recursive: true });
  // Older extractions (other parameters) are ~400 MB each: only the current one is kept.
  for (const name of await readdir(CACHE_DIR)) if (/^rpps-.*\.txt(\.partial)?$/.test(name)) await rm(path.join(CACHE_DIR, name), { force: true });
  process.stderr.write(`extraction: generating ${LINES.toLocaleString('en')} lines into ${path.relative(root, file)}...\n`);
  const started = Date.now();
  const { bytes } = await writeRppsExtraction(`${file}.partial`, {
    lines: LINES,
    territoryCommunes: t.communes,
    territoryLines: TERRITORY_LINES,
    otherCommunes: t.others,
    seed: SEED,
  });
  await rename(`${file}.partial`, file);
  process.stderr.write(`extraction: ${(bytes / 1e6).toFixed(0)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return { file, bytes };
}

/** The parser alone (what the worker's import does before merging), in this process: the baseline. */
async function parserOnly(file: string, communes: string[]) {
  const territory = new Set(communes);
  let kept = 0;
  let rejected = 0;
  let lines = 0;
  const started = process.hrtime.bigint();
  for await (const _activity of parseRppsExtraction(file, {
    keep: (code) => territory.has(code),
    onRejected: () => rejected++,
    onLine: (n) => (lines = n - 1),
  })) {
    kept++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { lines, kept, rejected, seconds };
}

async function login(gatewayUrl: string, email: string): Promise<string> {
  const res = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { accessToken } }`, variables: { e: email, p: PASSWORD } }),
  });
  const body = (await res.json()) as { data?: { login: { accessToken: string } }; errors?: unknown };
  if (!body.data) throw new Error(`login as ${email} failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.accessToken;
}

/** Streams the file to the gateway as the web app does; the id of the queued import. */
async function upload(gatewayUrl: string, token: string, file: string, bytes: number): Promise<string> {
  const url = new URL('/api/directory/imports', gatewayUrl);
  return new Promise<string>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/octet-stream',
          'content-length': bytes,
          'x-file-name': encodeURIComponent(UPLOAD_NAME),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (s: string) => (text += s));
        res.on('end', () => {
          if (res.statusCode !== 201) return reject(new Error(`upload answered ${res.statusCode}: ${text}`));
          resolve((JSON.parse(text) as { data: { directoryImport: { id: string } } }).data.directoryImport.id);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const source = createReadStream(file, { highWaterMark: 256 << 10 });
    (UPLOAD_MBITS > 0 ? pipeline(source, paced(UPLOAD_MBITS), req) : pipeline(source, req)).catch(reject);
  });
}

/** Lets bytes through at `mbits` megabits per second on average, as a real connection would. */
function paced(mbits: number): Transform {
  const bytesPerMs = (mbits * 1e6) / 8 / 1000;
  const started = Date.now();
  let sent = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      const wait = sent / bytesPerMs - (Date.now() - started);
      setTimeout(() => done(null, chunk), Math.max(0, wait));
    },
  });
}

/** The peak of the worker's V8 heap in use (MB), read from its /metrics every 250 ms until stopped. */
function heapSampler(workerUrl: string) {
  let peak = 0;
  let stopped = false;
  const sampling = (async () => {
    while (!stopped) {
      const text = await fetch(`${workerUrl}/metrics`).then((r) => r.text(), () => '');
      const used = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? ([0-9.e+]+)$/m.exec(text);
      if (used) peak = Math.max(peak, Number(used[1]) / 1024 / 1024);
      await sleep(250);
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await sampling;
      return peak;
    },
  };
}

interface ImportRow {
  status: string;
  lines_read: number;
  kept: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  conflicts: number;
  error_code: string | null;
  error_message: string | null;
  /**
   * By PostgreSQL's clock: from the row's creation (as the upload starts; the
   * job is queued once the file is whole, so this includes the upload) to the
   * job's start, and from the start to the poll that saw it done (finished_at
   * cannot serve: it is now() in the import's transaction, i.e. when that began).
   */
  queued_s: number;
  processing_s: number;
}

interface Measure {
  name: string;
  row: ImportRow;
  uploadSeconds: number;
  seconds: number;
  workerIdleMb: number;
  workerPeakMb: number;
  workerHeapPeakMb: number;
  gatewayPeakMb: number;
  /** CPU seconds of the worker process during the run (PostgreSQL's are not counted: other work may share the server). */
  workerCpu: number;
}

async function measure(
  name: string,
  t: Territory,
  ctx: { gatewayUrl: string; workerUrl: string; token: string; file: string; bytes: number; gateway: ChildProcess; worker: ChildProcess; db: Client },
): Promise<Measure> {
  const workerIdleMb = rssMb(ctx.worker.pid as number);
  const workerRss = rssSampler(ctx.worker.pid as number);
  const workerHeap = heapSampler(ctx.workerUrl);
  const gatewayRss = rssSampler(ctx.gateway.pid as number);
  const cpuBefore = cpuSnapshot({ worker: () => [ctx.worker.pid as number] });
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
  try {
    const id = await upload(ctx.gatewayUrl, ctx.token, ctx.file, ctx.bytes);
    const uploadSeconds = elapsed();
    process.stderr.write(`${name}: uploaded in ${uploadSeconds.toFixed(1)} s, importing...\n`);
    for (;;) {
      const [row] = (
        await ctx.db.query<ImportRow>(
          `SELECT status, lines_read, kept, created, updated, unchanged, rejected, conflicts, error_code, error_message,
             extract(epoch FROM started_at - created_at)::float8 AS queued_s, extract(epoch FROM clock_timestamp() - started_at)::float8 AS processing_s
           FROM directory_imports WHERE tenant_id = $1 AND id = $2`,
          [t.tenantId, id],
        )
      ).rows;
      if (row?.status === 'failed') throw new Error(`${name}: import failed: ${row.error_code} ${row.error_message}`);
      if (row?.status === 'done') {
        const seconds = elapsed();
        const workerCpu = cpuSince(cpuBefore).worker;
        process.stderr.write(`${name}: done in ${seconds.toFixed(1)} s\n`);
        return { name, row, uploadSeconds, seconds, workerIdleMb, workerPeakMb: workerRss.stop(), workerHeapPeakMb: await workerHeap.stop(), gatewayPeakMb: gatewayRss.stop(), workerCpu };
      }
      if (elapsed() > 1800) throw new Error(`${name}: not done after 30 minutes (status ${row?.status})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    workerRss.stop();
    await workerHeap.stop();
    gatewayRss.stop();
  }
}

async function main() {
  for (const name of ['DATABASE_URL', 'MIGRATION_DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'LINK_SECRET', 'SMTP_URL']) {
    if (!process.env[name]) throw new Error(`${name} is not set: run through bench/run.sh`);
  }
  const t = await prepare();
  const { file, bytes } = await extraction(t);

  process.stderr.write('parser alone (baseline, in this process)...\n');
  const parser = await parserOnly(file, t.communes);

  const [gatewayPort, workerPort] = [await freePort(), await freePort()];
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    UPLOAD_DIR,
    GATEWAY_PORT: String(gatewayPort),
    WORKER_HTTP_PORT: String(workerPort),
    MAIL_FROM: process.env.MAIL_FROM ?? 'Plateforme CPTS <no-reply@bench.cpts.fr>',
  };
  const profile = process.env.BENCH_WORKER_PROF ? [`--cpu-prof`, `--cpu-prof-dir=${path.resolve(process.env.BENCH_WORKER_PROF)}`] : [];
  // The worker as production runs it (its heap cap, docker-compose.yml), unless told otherwise.
  const workerArgs = process.env.BENCH_WORKER_NODE_OPTIONS !== undefined ? process.env.BENCH_WORKER_NODE_OPTIONS.split(/\s+/).filter(Boolean) : workerNodeArgs();
  let gateway: ChildProcess | null = null;
  let worker: ChildProcess | null = null;
  // Import rows are read at runtime as the staff's screen reads them: the runtime role, in the tenant.
  const db = new Client({ connectionString: process.env.DATABASE_URL, application_name: 'cpts-bench' });
  try {
    gateway = await start('dist/apps/gateway/src/main.js', env, `http://127.0.0.1:${gatewayPort}`);
    worker = await start('dist/apps/worker/src/main.js', env, `http://127.0.0.1:${workerPort}`, [...workerArgs, ...profile]);
    await db.connect();
    await db.query(`SELECT set_config('app.tenant_id', $1, false)`, [t.tenantId]);
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const token = await login(gatewayUrl, t.coordinator);
    const ctx = { gatewayUrl, workerUrl: `http://127.0.0.1:${workerPort}`, token, file, bytes, gateway, worker, db };
    const runs = [await measure('first import (empty directory)', t, ctx)];
    for (let i = 1; i <= REIMPORTS; i++) {
      // A fresh session each time: on a loaded machine a run of several re-imports outlasts an access token.
      ctx.token = await login(gatewayUrl, t.coordinator);
      runs.push(await measure(`re-import${REIMPORTS > 1 ? ` ${i}` : ''} (same file)`, t, ctx));
    }

    const first = runs[0];
    const keptPerSecond = first.row.kept / first.seconds;
    const row = (r: Measure) =>
      `| ${r.name} | ${r.row.lines_read.toLocaleString('en')} | ${r.row.kept.toLocaleString('en')} | ${r.row.created} / ${r.row.updated} / ${r.row.unchanged} / ${r.row.rejected} | ` +
      `${r.uploadSeconds.toFixed(1)} | ${r.row.queued_s.toFixed(2)} | ${r.row.processing_s.toFixed(1)} | ${r.seconds.toFixed(1)} | ` +
      `${Math.round(r.row.kept / r.seconds).toLocaleString('en')} | ${Math.round(r.row.lines_read / r.seconds).toLocaleString('en')} | ` +
      `${r.workerIdleMb.toFixed(0)} → ${r.workerPeakMb.toFixed(0)} | ${r.workerHeapPeakMb.toFixed(0)} | ${r.gatewayPeakMb.toFixed(0)} | ${r.workerCpu.toFixed(1)} | ` +
      `${((r.workerCpu / r.row.lines_read) * 1e6).toFixed(2)} / ${((r.workerCpu / Math.max(r.row.kept, 1)) * 1e6).toFixed(0)} |`;
    const parserRow =
      `| parser alone (this process, no upload, no database) | ${parser.lines.toLocaleString('en')} | ${parser.kept.toLocaleString('en')} | – / – / – / ${parser.rejected} | ` +
      `– | – | ${parser.seconds.toFixed(1)} | ${parser.seconds.toFixed(1)} | ${Math.round(parser.kept / parser.seconds).toLocaleString('en')} | ` +
      `${Math.round(parser.lines / parser.seconds).toLocaleString('en')} | – | – | – | – | – |`;
    process.stdout.write(
      [
        `Directory import, end to end (upload to the gateway → BullMQ → worker → PostgreSQL), ${t.name}: ${t.communes.length} communes; ` +
          `extraction of ${LINES.toLocaleString('en')} lines (${(bytes / 1e6).toFixed(0)} MB), ${TERRITORY_LINES.toLocaleString('en')} on the territory; node ${process.version}; ` +
          `upload ${UPLOAD_MBITS > 0 ? `paced at ${UPLOAD_MBITS} Mbit/s` : 'over loopback'}; worker node options: ${workerArgs.join(' ') || 'none'}`,
        '',
        '| Run | Lines read | Kept | Created / updated / unchanged / rejected | Upload (s) | Queued (s) | Import in worker (s) | End to end (s) | Kept lines/s | Lines/s | Worker RSS idle → peak (MB) | Worker heap peak (MB) | Gateway peak RSS (MB) | Worker CPU (s) | Worker CPU µs per line read / per kept line |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
        ...runs.map(row),
        parserRow,
        '',
        `First import: ${Math.round(keptPerSecond).toLocaleString('en')} kept lines/s end to end (target >= ${TARGET_KEPT_PER_SECOND.toLocaleString('en')}: ` +
          `${keptPerSecond >= TARGET_KEPT_PER_SECOND ? 'met' : 'NOT met'}); ${Math.round(first.row.kept / first.row.processing_s).toLocaleString('en')} in the worker alone ` +
          `(from the job's start); worker peak RSS ${first.workerPeakMb.toFixed(0)} MB (idle ${first.workerIdleMb.toFixed(0)} MB)`,
        `End to end / parser alone (time): ${runs.map((r) => `${r.name} ${(r.seconds / parser.seconds).toFixed(2)}`).join(', ')}`,
        '',
      ].join('\n'),
    );
  } finally {
    await db.end().catch(() => undefined);
    await Promise.all([stop(worker), stop(gateway)]);
  }
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
