import { randomUUID } from 'node:crypto';
import { mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { importFilePath, importPartPath, UPLOAD_STALL_MS, withRppsCheckDigit } from '@cpts/directory';
import { SmtpSink, TestData } from '@cpts/testing';
import { waitUntil, WorkerProcess, workerEnv } from './harness';

const HEADER = [
  "Type d'identifiant PP",
  'Identifiant PP',
  'Identification nationale PP',
  "Nom d'exercice",
  "Prénom d'exercice",
  'Code profession',
  'Code mode exercice',
  'Code commune (coord. structure)',
];

/**
 * Directory imports under way that PostgreSQL knows of but Redis or a
 * gateway lost, repaired by the worker's periodic pass over every CPTS
 * (no one needs to open the import): a queued import whose job Redis does not
 * hold is queued again; one whose file is gone, or an upload from which
 * nothing has arrived for minutes, fails as interrupted; a whole file whose
 * gateway died before queueing it is queued.
 */
describe('directory imports repaired by the worker', () => {
  const data = new TestData();
  const uploadDir = process.env.UPLOAD_DIR as string;
  let sink: SmtpSink;
  let env: Record<string, string>;
  let tenant: { id: string; communes: string[] };
  let neighbour: { id: string; communes: string[] };
  let worker: WorkerProcess;
  let people = 0;

  /** An extraction of `n` people of the CPTS's territory. */
  const extraction = (n: number, of = tenant) =>
    [
      HEADER,
      ...Array.from({ length: n }, () => ++people).map((p) =>
        rppsLine(withRppsCheckDigit(`2000${String(p).padStart(6, '0')}`), `Personne${p}`, of.communes[0]),
      ),
    ]
      .map((cells) => `${cells.join('|')}|`)
      .join('\r\n');

  const rppsLine = (rpps: string, first: string, commune: string) => ['8', rpps, `8${rpps}`, 'REPRIS', first, '10', 'L', commune];

  /** An import row as the gateway writes it (no job in Redis), and its file where the gateway puts it. */
  async function lostImport(
    status: 'queued' | 'running' | 'uploading',
    file: { whole?: string; part?: string; ageMs?: number },
    of = tenant,
  ): Promise<string> {
    const id = randomUUID();
    const wholePath = importFilePath(uploadDir, of.id, id);
    const partPath = importPartPath(uploadDir, of.id, id);
    await mkdir(dirname(wholePath), { recursive: true });
    for (const [content, at] of [
      [file.whole, wholePath],
      [file.part, partPath],
    ] as const) {
      if (content === undefined) continue;
      await writeFile(at, content);
      // The last byte arrived that long ago.
      const when = new Date(Date.now() - (file.ageMs ?? 0));
      await utimes(at, when, when);
    }
    await data.inTenant(of.id, (db) =>
      db.query(
        `INSERT INTO directory_imports (tenant_id, id, file_name, file_bytes, status, created_at) VALUES ($1, $2, 'PS_LibreAcces_Personne_activite_202611010930.txt', 1, $3, now() - make_interval(secs => $4))`,
        [of.id, id, status, (file.ageMs ?? 0) / 1000],
      ),
    );
    return id;
  }

  const importRow = async (id: string, of = tenant) =>
    (
      await data.inTenant(of.id, (db) =>
        db.query(
          `SELECT status, created, error_code AS "errorCode", error_message AS "errorMessage" FROM directory_imports WHERE tenant_id = $1 AND id = $2`,
          [of.id, id],
        ),
      )
    ).rows[0] as { status: string; created: number; errorCode: string | null; errorMessage: string | null };
  const over = async (id: string, of = tenant) => ['done', 'failed'].includes((await importRow(id, of)).status);
  const exists = (path: string) =>
    stat(path).then(
      () => true,
      () => false,
    );

  beforeAll(async () => {
    sink = new SmtpSink();
    env = { ...workerEnv(await sink.start()), RECONCILE_INTERVAL_MS: '500' };
    const region = await data.region();
    tenant = await data.cpts(region, { name: 'CPTS des Imports perdus', departement: '79', communes: 2 });
    neighbour = await data.cpts(region, { name: 'CPTS voisine', departement: '79', communes: 2 });
  });
  afterAll(async () => {
    await data.close();
    await sink.stop();
  });
  afterEach(async () => {
    await worker?.kill('SIGTERM');
  });

  it('queues again an import whose job Redis lost, and fails one whose file is gone', async () => {
    // One at a time per CPTS: the second case runs once the first is over.
    const lost = await lostImport('queued', { whole: extraction(3) });
    worker = new WorkerProcess(env);
    worker.start();
    await waitUntil(() => over(lost), 30_000, 'the lost import done by the periodic pass');
    expect(await importRow(lost)).toMatchObject({ status: 'done', created: 3 });
    expect(await exists(importFilePath(uploadDir, tenant.id, lost))).toBe(false);

    const fileGone = await lostImport('running', {});
    await waitUntil(() => over(fileGone), 30_000, 'the import without its file failed');
    expect(await importRow(fileGone)).toEqual({
      status: 'failed',
      created: 0,
      errorCode: 'UPLOAD_INTERRUPTED',
      errorMessage: "L'envoi du fichier a été interrompu avant la fin : déposez-le à nouveau.",
    });
  }, 60_000);

  it('gives up an upload nothing has arrived from for minutes, leaves one still arriving, and queues a whole file its gateway never queued', async () => {
    worker = new WorkerProcess(env);
    worker.start();
    const stalled = await lostImport('uploading', { part: extraction(2).slice(0, 40), ageMs: UPLOAD_STALL_MS + 60_000 });
    await waitUntil(() => over(stalled), 30_000, 'the stalled upload failed');
    expect(await importRow(stalled)).toMatchObject({ status: 'failed', errorCode: 'UPLOAD_INTERRUPTED' });
    // The part goes right after the row says failed.
    await waitUntil(async () => !(await exists(importPartPath(uploadDir, tenant.id, stalled))), 5000, 'the stalled part removed');

    const arriving = await lostImport('uploading', { part: extraction(2).slice(0, 40), ageMs: 1000 });
    // In another CPTS, a whole file its gateway never queued: once a pass has queued it, that pass saw the upload still arriving too.
    const whole = await lostImport('uploading', { whole: extraction(4, neighbour), ageMs: UPLOAD_STALL_MS + 60_000 }, neighbour);
    await waitUntil(() => over(whole, neighbour), 30_000, 'the whole file imported');
    expect(await importRow(whole, neighbour)).toMatchObject({ status: 'done', created: 4 });
    expect((await importRow(arriving)).status).toBe('uploading');
    expect(await exists(importPartPath(uploadDir, tenant.id, arriving))).toBe(true);
  }, 60_000);
});
