import { randomUUID } from 'node:crypto';
import { access, mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { dirname } from 'node:path';
import { Job, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { erasedRppsHash, importFilePath, importPartPath, RppsImportProcessor, withRppsCheckDigit } from '@cpts/directory';
import { Role } from '@cpts/platform-core';
import { createLogger } from '@cpts/platform-observability';
import { createRedis, DirectoryImportJob, queuePrefix, QUEUES } from '@cpts/platform-queue';
import { errorCode, GraphQLClient } from '@cpts/testing';
import { Harness, startHarness } from './harness';

// The columns of a real extraction, in a shuffled order with an unknown one: the import finds them by name.
const HEADER = [
  'Type d\'identifiant PP', 'Identifiant PP', 'Identification nationale PP', 'Nom d\'exercice', 'Prénom d\'exercice', 'Code profession',
  'Libellé profession', 'Colonne future', 'Code mode exercice', 'Raison sociale site', 'Code postal (coord. structure)',
  'Code commune (coord. structure)', 'Libellé commune (coord. structure)', 'Téléphone (coord. structure)', 'Adresse e-mail (coord. structure)',
];

interface Person { rpps: string; last: string; first: string; profession?: string; mode?: string; structure?: string; commune: string; phone?: string; email?: string }

function extraction(people: Person[], extra: string[] = []): Buffer {
  const lines = people.map((p) =>
    ['8', p.rpps, `8${p.rpps}`, p.last, p.first, p.profession ?? '10', 'Médecin', 'x', p.mode ?? 'L', p.structure ?? '', '79000', p.commune, '', p.phone ?? '', p.email ?? ''].join('|') + '|',
  );
  return Buffer.from(`${HEADER.join('|')}|\r\n${[...lines, ...extra].join('\r\n')}\r\n`, 'utf8');
}

const IMPORT = `query($id: ID!) { directoryImport(id: $id) { id fileName status extractedAt linesRead kept created updated unchanged rejected conflicts errorCode errorMessage
  issues { kind line reason professionalName field currentValue importedValue } } }`;
type Report = {
  id: string; status: string; fileName: string; extractedAt: string | null; linesRead: number; kept: number; created: number; updated: number; unchanged: number;
  rejected: number; conflicts: number; errorCode: string | null; errorMessage: string | null;
  issues: Array<{ kind: string; line: number | null; reason: string; professionalName: string | null; field: string | null; currentValue: string | null; importedValue: string | null }>;
};

describe('importing the national directory extraction (RPPS)', () => {
  let h: Harness;
  let staff: GraphQLClient;
  let other: GraphQLClient;
  let tenant: { id: string; communes: string[] };
  let worker: Worker;
  let workerRedis: ReturnType<typeof createRedis>;
  const rpps = (n: number) => withRppsCheckDigit(`1000${String(n).padStart(6, '0')}`);

  async function upload(client: GraphQLClient, body: Buffer, fileName = 'PS_LibreAcces_Personne_activite_202611010930.txt') {
    const res = await fetch(`${h.gateway.url}/api/directory/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(fileName), ...(client.accessToken ? { authorization: `Bearer ${client.accessToken}` } : {}) },
      body,
    });
    return { status: res.status, body: (await res.json()) as { data: { directoryImport: { id: string } } | null; errors?: Array<{ message: string; extensions: { code: string } }> } };
  }

  async function finished(id: string): Promise<Report> {
    for (let i = 0; i < 200; i++) {
      const { directoryImport } = await staff.ok<{ directoryImport: Report }>(IMPORT, { id });
      if (directoryImport.status === 'DONE' || directoryImport.status === 'FAILED') return directoryImport;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('import did not finish');
  }

  /**
   * An upload sent in pieces, as over a slow connection: the test writes each
   * piece to `req` and decides whether the body ends or the connection drops.
   */
  function uploadInPieces(client: GraphQLClient, totalBytes: number) {
    const req = http.request(`${h.gateway.url}/api/directory/imports`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': totalBytes,
        'x-file-name': encodeURIComponent('PS_LibreAcces_Personne_activite_202611010930.txt'),
        authorization: `Bearer ${client.accessToken}`,
      },
    });
    const response = new Promise<{ status: number; id: string | undefined }>((resolve, reject) => {
      req.on('error', reject);
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (s: string) => (text += s));
        res.on('end', () => resolve({ status: res.statusCode as number, id: JSON.parse(text).data?.directoryImport.id }));
      });
    });
    response.catch(() => undefined); // a test that drops the connection does not wait for an answer
    return { req, response };
  }

  /** The CPTS's newest import once `ready` says so (polled). */
  async function newestImport(ready: (i: Report) => boolean): Promise<Report> {
    for (let i = 0; i < 200; i++) {
      const { directoryImports } = await staff.ok<{ directoryImports: Array<{ id: string }> }>(`{ directoryImports(first: 1) { id } }`);
      if (directoryImports[0]) {
        const { directoryImport } = await staff.ok<{ directoryImport: Report }>(IMPORT, { id: directoryImports[0].id });
        if (ready(directoryImport)) return directoryImport;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the newest import never reached the state awaited');
  }

  /** Whether the import left a file behind in the upload folder. */
  async function leftFiles(id: string): Promise<string[]> {
    const paths = [importPartPath(process.env.UPLOAD_DIR as string, tenant.id, id), importFilePath(process.env.UPLOAD_DIR as string, tenant.id, id)];
    const found = await Promise.all(paths.map((p) => access(p).then(() => p, () => null)));
    return found.filter((p): p is string => p !== null);
  }

  const directorySize = async () => (await staff.ok<{ professionals: { totalCount: number } }>(`{ professionals(first: 1) { totalCount } }`)).professionals.totalCount;

  beforeAll(async () => {
    h = await startHarness();
    const region = await h.data.region();
    tenant = await h.data.cpts(region, { name: 'CPTS Import', departement: '79', communes: 3 });
    const otherTenant = await h.data.cpts(region, { name: 'CPTS Voisine', departement: '79', communes: 2 });
    staff = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    other = await h.signedIn((await h.data.user([{ role: Role.COORDINATOR, tenantId: otherTenant.id }])).email);
    // The real consumer of the queue, as the worker runs it.
    // Batches of 2 people: every import here also writes while it parses, as big ones do.
    const processor = new RppsImportProcessor(h.gateway.app.get(DataSource), process.env.UPLOAD_DIR as string, createLogger({ service: 'test', level: 'silent' }), 2);
    workerRedis = createRedis(process.env.REDIS_URL as string, 'worker');
    worker = new Worker(QUEUES.directoryImport, (job: Job<DirectoryImportJob>) => processor.process(job), {
      connection: workerRedis,
      prefix: queuePrefix(process.env.REDIS_PREFIX as string, QUEUES.directoryImport),
    });
  });
  afterAll(async () => {
    await worker.close();
    workerRedis.disconnect();
    await h.close();
  });

  it('keeps the lines of the territory, one professional per RPPS number, and reports what it did', async () => {
    const [c1, c2] = tenant.communes;
    const file = extraction(
      [
        { rpps: rpps(1), last: 'MARTIN', first: 'Claire', commune: c1, phone: '0549123456', email: ' Claire.Martin@Exemple.fr ', structure: 'MSP du Marais' },
        { rpps: rpps(2), last: 'BERNARD', first: 'Luc', profession: '60', mode: 'S', commune: c2, structure: 'Hôpital' },
        { rpps: rpps(2), last: 'BERNARD', first: 'Luc', profession: '60', mode: 'L', commune: c2, structure: 'Cabinet infirmier' },
        { rpps: rpps(3), last: 'AILLEURS', first: 'Paul', commune: '33063' },
        { rpps: rpps(4), last: 'INCONNU', first: 'Zoé', profession: '99', commune: c1 },
      ],
      ['0|12345678|012345678|ADELI|Jean|10|Médecin|x|L||79000|' + c1 + '||||'],
    );
    const res = await upload(staff, file);
    expect(res.status).toBe(201);
    const report = await finished(res.body.data!.directoryImport.id);
    expect(report).toMatchObject({ status: 'DONE', linesRead: 6, kept: 3, created: 2, updated: 0, unchanged: 0, rejected: 2, conflicts: 0, extractedAt: '2026-11-01T08:30:00.000Z' });
    expect(report.issues.map((i) => [i.kind, i.line])).toEqual([
      ['rejected', 6],
      ['rejected', 7],
    ]);
    const list = await staff.ok<{ professionals: { edges: Array<{ node: Record<string, unknown> }> } }>(
      `{ professionals(first: 10) { edges { node { lastName firstName rpps email phone structureName profession { code } commune { inseeCode } } } } }`,
    );
    expect(list.professionals.edges.map((e) => e.node)).toEqual([
      { lastName: 'BERNARD', firstName: 'Luc', rpps: rpps(2), email: null, phone: null, structureName: 'Cabinet infirmier', profession: { code: '60' }, commune: { inseeCode: c2 } },
      { lastName: 'MARTIN', firstName: 'Claire', rpps: rpps(1), email: 'claire.martin@exemple.fr', phone: '05 49 12 34 56', structureName: 'MSP du Marais', profession: { code: '10' }, commune: { inseeCode: c1 } },
    ]);
  });

  it('updates in place on a newer extraction, never duplicates, and shows instead of overwriting what the staff edited', async () => {
    const [c1, c2, c3] = tenant.communes;
    const { professionals } = await staff.ok<{ professionals: { edges: Array<{ node: { id: string; lastName: string } }> } }>(`{ professionals(first: 10) { edges { node { id lastName } } } }`);
    const martin = professionals.edges.find((e) => e.node.lastName === 'MARTIN')!.node;
    // The staff correct Claire Martin's email by hand.
    await staff.ok(`mutation($id: ID!, $i: ProfessionalInput!) { updateProfessional(id: $id, input: $i) { id } }`, {
      id: martin.id,
      i: { lastName: 'MARTIN', firstName: 'Claire', professionCode: '10', rpps: rpps(1), communeCode: c1, structureName: 'MSP du Marais', email: 'c.martin@msp.fr', phone: '05 49 12 34 56' },
    });
    const file = extraction([
      // Her email changes in the extraction too (conflict: kept, shown); her phone changes (not edited: updated).
      { rpps: rpps(1), last: 'MARTIN', first: 'Claire', commune: c1, phone: '0549000000', email: 'claire@nouveau.fr', structure: 'MSP du Marais' },
      { rpps: rpps(2), last: 'BERNARD', first: 'Luc', profession: '60', mode: 'L', commune: c2, structure: 'Cabinet infirmier' },
      { rpps: rpps(5), last: 'NOUVEAU', first: 'Ana', profession: '70', commune: c3 },
    ]);
    const report = await finished((await upload(staff, file, 'PS_LibreAcces_Personne_activite_202612010930.txt')).body.data!.directoryImport.id);
    expect(report).toMatchObject({ status: 'DONE', kept: 3, created: 1, updated: 1, unchanged: 1, rejected: 0, conflicts: 1 });
    expect(report.issues).toEqual([
      expect.objectContaining({ kind: 'conflict', professionalName: 'Claire MARTIN', field: 'email', currentValue: 'c.martin@msp.fr', importedValue: 'claire@nouveau.fr' }),
    ]);
    const after = await staff.ok<{ professionals: { totalCount: number; edges: Array<{ node: { lastName: string; email: string | null; phone: string | null } }> } }>(
      `{ professionals(first: 10) { totalCount edges { node { lastName email phone } } } }`,
    );
    expect(after.professionals.totalCount).toBe(3);
    expect(after.professionals.edges.find((e) => e.node.lastName === 'MARTIN')?.node).toEqual({ lastName: 'MARTIN', email: 'c.martin@msp.fr', phone: '05 49 00 00 00' });
    // Her page tells the story: created by the first import, edited by hand, then updated and conflicted by this one.
    const { professional } = await staff.ok<{ professional: { history: Array<{ kind: string; summary: string }> } }>(`query($id: ID!) { professional(id: $id) { history { kind summary } } }`, {
      id: martin.id,
    });
    expect(professional.history.map((e) => e.kind).sort()).toEqual(['import.conflict', 'import.created', 'import.updated', 'person.updated']);
    expect(professional.history.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        "Mise à jour par l'import de l'Annuaire Santé : téléphone.",
        "Import de l'Annuaire Santé : modification à la main conservée (e-mail) ; l'extraction indique une autre valeur.",
      ]),
    );
  });

  it('settles a conflict of the report in one click: the extraction\'s value applied (once), recorded in the issue and the history', async () => {
    const { directoryImports } = await staff.ok<{ directoryImports: Array<{ id: string; conflicts: number }> }>(`{ directoryImports { id conflicts } }`);
    const withConflict = directoryImports.find((i) => i.conflicts === 1)!;
    const RESOLVE = `mutation($i: ID!, $s: Int!, $k: ConflictChoice!) { resolveImportConflict(importId: $i, seq: $s, keep: $k) { seq professionalId field resolution resolvedAt } }`;
    const { directoryImport } = await staff.ok<{ directoryImport: { issues: Array<{ seq: number; kind: string; professionalId: string; resolution: string | null }> } }>(
      `query($id: ID!) { directoryImport(id: $id) { issues { seq kind professionalId resolution } } }`,
      { id: withConflict.id },
    );
    const conflict = directoryImport.issues.find((i) => i.kind === 'conflict')!;
    expect(conflict.resolution).toBeNull();
    // Another CPTS's staff cannot settle it (nor learn it exists).
    expect(errorCode(await other.request(RESOLVE, { i: withConflict.id, s: conflict.seq, k: 'IMPORTED' }))).toBe('NOT_FOUND');
    const { resolveImportConflict } = await staff.ok<{ resolveImportConflict: { resolution: string; resolvedAt: string } }>(RESOLVE, { i: withConflict.id, s: conflict.seq, k: 'IMPORTED' });
    expect(resolveImportConflict.resolution).toBe('IMPORTED');
    const { professional } = await staff.ok<{ professional: { email: string; history: Array<{ kind: string; summary: string }> } }>(
      `query($id: ID!) { professional(id: $id) { email history(first: 1) { kind summary } } }`,
      { id: conflict.professionalId },
    );
    expect(professional.email).toBe('claire@nouveau.fr');
    expect(professional.history[0]).toEqual({
      kind: 'import.conflict_resolved',
      summary: "Valeur de l'Annuaire Santé appliquée pour e-mail : « claire@nouveau.fr » (au lieu de « c.martin@msp.fr »).",
    });
    const again = await staff.request(RESOLVE, { i: withConflict.id, s: conflict.seq, k: 'CURRENT' });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0].message).toBe('Cet écart a déjà été traité.');
    expect(errorCode(await staff.request(RESOLVE, { i: withConflict.id, s: 999, k: 'CURRENT' }))).toBe('NOT_FOUND');
  });

  it("settles a conflict only with the last import's value, and never on a record merged since the report", async () => {
    const [c1] = tenant.communes;
    const RESOLVE = `mutation($i: ID!, $s: Int!, $k: ConflictChoice!) { resolveImportConflict(importId: $i, seq: $s, keep: $k) { resolution } }`;
    const UPDATE = `mutation($id: ID!, $i: ProfessionalInput!) { updateProfessional(id: $id, input: $i) { id } }`;
    const people = (phones: [string, string]) =>
      extraction([
        { rpps: rpps(60), last: 'ANCIEN', first: 'Rapport', commune: c1, phone: phones[0] },
        { rpps: rpps(61), last: 'FUSION', first: 'Paul', commune: c1, phone: phones[1] },
      ]);
    const run = async (file: Buffer, day: string) => finished((await upload(staff, file, `PS_LibreAcces_Personne_activite_202612${day}0930.txt`)).body.data!.directoryImport.id);
    await run(people(['0549000001', '0549000002']), '05');
    const ids: Record<string, string> = {};
    for (const last of ['ANCIEN', 'FUSION']) {
      const { professionals: found } = await staff.ok<{ professionals: { edges: Array<{ node: { id: string; firstName: string; rpps: string } }> } }>(
        `query($q: String!) { professionals(first: 5, filter: { search: $q }) { edges { node { id firstName rpps } } } }`,
        { q: last },
      );
      const node = found.edges[0].node;
      ids[last] = node.id;
      // The staff type each phone by hand: the next import's different phone is a conflict, not an update.
      await staff.ok(UPDATE, { id: node.id, i: { lastName: last, firstName: node.firstName, professionCode: '10', rpps: node.rpps, communeCode: c1, phone: '05 49 99 99 99' } });
    }
    const older = await run(people(['0549000011', '0549000012']), '06');
    expect(older.conflicts).toBe(2);
    const newer = await run(people(['0549000021', '0549000012']), '07');
    const { directoryImport: olderIssues } = await staff.ok<{ directoryImport: { issues: Array<{ seq: number; professionalId: string }> } }>(
      `query($id: ID!) { directoryImport(id: $id) { issues { seq professionalId } } }`,
      { id: older.id },
    );
    const seqOf = (id: string) => olderIssues.issues.find((i) => i.professionalId === id)!.seq;

    // A newer import says another phone: taking the older report's would be undone as a "hand edit" by the next import.
    const stale = await staff.request(RESOLVE, { i: older.id, s: seqOf(ids.ANCIEN), k: 'IMPORTED' });
    expect([errorCode(stale), stale.errors?.[0].message]).toEqual(['CONFLICT', "Un import plus récent indique une autre valeur pour téléphone : traitez l'écart de son rapport."]);
    const { directoryImport: newerIssues } = await staff.ok<{ directoryImport: { issues: Array<{ seq: number; professionalId: string }> } }>(
      `query($id: ID!) { directoryImport(id: $id) { issues { seq professionalId } } }`,
      { id: newer.id },
    );
    const latest = newerIssues.issues.find((i) => i.professionalId === ids.ANCIEN)!;
    expect((await staff.ok<{ resolveImportConflict: { resolution: string } }>(RESOLVE, { i: newer.id, s: latest.seq, k: 'IMPORTED' })).resolveImportConflict.resolution).toBe('IMPORTED');

    // Merged into a record typed by hand since: the conflict is no longer this record's to settle.
    const { createProfessional } = await staff.ok<{ createProfessional: { id: string } }>(`mutation($i: ProfessionalInput!) { createProfessional(input: $i) { id } }`, {
      i: { lastName: 'Fusion', firstName: 'Paul', professionCode: '10', communeCode: c1 },
    });
    await staff.ok(`mutation($k: ID!, $m: ID!) { mergeProfessionals(keptId: $k, mergedId: $m) { id } }`, { k: createProfessional.id, m: ids.FUSION });
    const merged = await staff.request(RESOLVE, { i: older.id, s: seqOf(ids.FUSION), k: 'CURRENT' });
    expect([errorCode(merged), merged.errors?.[0].message]).toEqual(['CONFLICT', "Cette fiche a été fusionnée avec une autre depuis l'import : ouvrez la fiche conservée pour choisir."]);
  });

  it('keeps the liberal practice of a person whose lines are far apart, once, with one outcome', async () => {
    const [c1, c2] = tenant.communes;
    const others = Array.from({ length: 6 }, (_, i) => ({ rpps: rpps(20 + i), last: `LOIN${i}`, first: 'Test', commune: c1 }));
    const file = extraction([
      { rpps: rpps(30), last: 'DOUBLE', first: 'Anne', mode: 'S', structure: 'Hôpital', commune: c1 },
      ...others, // enough people in between: her salaried line is written before her liberal one is read
      { rpps: rpps(30), last: 'DOUBLE', first: 'Anne', mode: 'L', structure: 'Cabinet libéral', commune: c2 },
    ]);
    const report = await finished((await upload(staff, file)).body.data!.directoryImport.id);
    expect(report).toMatchObject({ status: 'DONE', kept: 8, created: 7, updated: 0, unchanged: 0, conflicts: 0 });
    const { professionals } = await staff.ok<{ professionals: { totalCount: number; edges: Array<{ node: { structureName: string; commune: { inseeCode: string } } }> } }>(
      `{ professionals(first: 5, filter: { search: "double" }) { totalCount edges { node { structureName commune { inseeCode } } } } }`,
    );
    expect(professionals.totalCount).toBe(1);
    expect(professionals.edges[0].node).toEqual({ structureName: 'Cabinet libéral', commune: { inseeCode: c2 } });
  });

  it('refuses a file that is not an extraction, or a corrupt zip, with a clear French message, and changes nothing', async () => {
    const before = (await staff.ok<{ professionals: { totalCount: number } }>(`{ professionals(first: 1) { totalCount } }`)).professionals.totalCount;
    const missing = Buffer.from(`Nom d'exercice|Prénom d'exercice|\nDUPONT|Jean|\n`);
    const refused = await finished((await upload(staff, missing)).body.data!.directoryImport.id);
    expect(refused).toMatchObject({ status: 'FAILED', errorCode: 'MISSING_COLUMNS' });
    expect(refused.errorMessage).toMatch(/Code profession/);
    const corrupt = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]);
    const broken = await finished((await upload(staff, corrupt, 'PS_LibreAcces.zip')).body.data!.directoryImport.id);
    expect(broken).toMatchObject({ status: 'FAILED', errorCode: 'CORRUPT_ZIP' });
    expect(broken.errorMessage).toMatch(/zip/);
    expect((await staff.ok<{ professionals: { totalCount: number } }>(`{ professionals(first: 1) { totalCount } }`)).professionals.totalCount).toBe(before);
  });

  it('imports the file while it arrives: the import starts before the upload ends, and finishes with it', async () => {
    const [c1, c2] = tenant.communes;
    const people = Array.from({ length: 40 }, (_, i) => ({ rpps: rpps(300 + i), last: `ARRIVEE${i}`, first: 'Lou', commune: i % 2 ? c1 : c2 }));
    const file = extraction(people);
    const cut = Math.floor(file.length / 2); // in the middle of a line
    const { req, response } = uploadInPieces(staff, file.length);
    req.write(file.subarray(0, cut));
    const started = await newestImport((i) => i.status === 'RUNNING' && i.fileName.startsWith('PS_LibreAcces'));
    await new Promise((r) => setTimeout(r, 300)); // the worker waits at the end of what has arrived
    expect((await staff.ok<{ directoryImport: Report }>(IMPORT, { id: started.id })).directoryImport.status).toBe('RUNNING');
    req.end(file.subarray(cut));
    expect(await response).toEqual({ status: 201, id: started.id });
    expect(await finished(started.id)).toMatchObject({ status: 'DONE', linesRead: 40, kept: 40, created: 40, rejected: 0 });
    expect(await leftFiles(started.id)).toEqual([]);
  });

  it('refuses a wrong file from its first line, before the rest has arrived, and keeps no copy of it', async () => {
    const header = Buffer.from(`Nom d'exercice|Prénom d'exercice|\r\n`);
    const { req, response } = uploadInPieces(staff, header.length + 4096);
    req.write(header);
    const refused = await newestImport((i) => i.status === 'FAILED');
    expect(refused).toMatchObject({ errorCode: 'MISSING_COLUMNS' });
    req.end(Buffer.alloc(4096, 'x'));
    // The upload still ends normally: the staff are taken to the import, which tells them why.
    expect(await response).toEqual({ status: 201, id: refused.id });
    expect(await leftFiles(refused.id)).toEqual([]);
  });

  it('fails an import whose upload is cut off midway, with a French message, and changes nothing', async () => {
    const before = await directorySize();
    const file = extraction(Array.from({ length: 30 }, (_, i) => ({ rpps: rpps(400 + i), last: `COUPE${i}`, first: 'Max', commune: tenant.communes[0] })));
    const { req } = uploadInPieces(staff, file.length);
    req.write(file.subarray(0, Math.floor(file.length * 0.8)));
    const started = await newestImport((i) => i.status === 'RUNNING');
    req.destroy(); // the staff's connection drops
    const report = await finished(started.id);
    expect(report).toMatchObject({ status: 'FAILED', errorCode: 'UPLOAD_INTERRUPTED', errorMessage: "L'envoi du fichier a été interrompu avant la fin : déposez-le à nouveau." });
    expect(await directorySize()).toBe(before);
    for (let i = 0; i < 50 && (await leftFiles(started.id)).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await leftFiles(started.id)).toEqual([]);
  });

  it('queues again, when someone looks at it, an import whose job Redis lost', async () => {
    const id = randomUUID();
    const path = importFilePath(process.env.UPLOAD_DIR as string, tenant.id, id);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, extraction([{ rpps: rpps(9), last: 'PERDU', first: 'Job', commune: tenant.communes[0] }]));
    // As if Redis had lost the job of an import uploaded two minutes ago.
    await h.data.inTenant(tenant.id, (db) =>
      db.query(`INSERT INTO directory_imports (tenant_id, id, file_name, file_bytes, status, created_at) VALUES ($1, $2, 'perdu.txt', 1, 'queued', now() - interval '2 minutes')`, [tenant.id, id]),
    );
    const report = await finished(id);
    expect(report).toMatchObject({ status: 'DONE', created: 1 });
  });

  it('answers bad uploads with a machine code and a French message, and only to the CPTS team', async () => {
    const empty = await upload(staff, Buffer.alloc(0));
    expect([empty.status, empty.body.errors?.[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    const named = await upload(staff, extraction([]), 'photo.jpg');
    expect([named.status, named.body.errors?.[0].message]).toEqual([400, "Choisissez le fichier de l'extraction de l'Annuaire Santé (.txt ou .zip)."]);
    const anonymous = await upload(h.client(), extraction([]));
    expect([anonymous.status, anonymous.body.errors?.[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const board = await h.signedIn((await h.data.user([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }])).email);
    expect((await upload(board, extraction([]))).status).toBe(403);
  });

  it('does not bring back a person erased on request, until the staff enter them again by hand', async () => {
    const [c1] = tenant.communes;
    const erasedRpps = rpps(90);
    const file = extraction([{ rpps: erasedRpps, last: 'EFFACER', first: 'Inès', commune: c1, email: 'ines@exemple.fr' }]);
    const first = await finished((await upload(staff, file)).body.data!.directoryImport.id);
    expect(first).toMatchObject({ status: 'DONE', created: 1 });
    const find = async () =>
      (await staff.ok<{ professionals: { edges: Array<{ node: { id: string; lastName: string } }> } }>(`{ professionals(first: 50, filter: { search: "effacer" }) { edges { node { id lastName } } } }`))
        .professionals.edges;
    const [ines] = await find();
    await staff.ok(`mutation($id: ID!, $c: String!) { eraseProfessional(id: $id, confirmation: $c) { id } }`, { id: ines.node.id, c: 'Effacer' });
    // Only a hash of the number stays, in this CPTS.
    const { rows } = await h.data.inTenant(tenant.id, (db) => db.query(`SELECT rpps_hash FROM erased_identifiers WHERE tenant_id = $1`, [tenant.id]));
    expect(rows.map((r: { rpps_hash: Buffer }) => r.rpps_hash.toString('hex'))).toEqual([erasedRppsHash(tenant.id, erasedRpps).toString('hex')]);

    const again = await finished((await upload(staff, file)).body.data!.directoryImport.id);
    expect(again).toMatchObject({ status: 'DONE', kept: 0, created: 0, rejected: 1 });
    expect(again.issues).toEqual([expect.objectContaining({ kind: 'rejected', line: 2, reason: 'Personne effacée à sa demande (droit à l’effacement) : elle n’est pas réimportée.' })]);
    expect(await find()).toEqual([]);

    // She comes back to the CPTS and the staff enter her by hand: imports update her record again.
    await staff.ok(`mutation($i: ProfessionalInput!) { createProfessional(input: $i) { id } }`, {
      i: { lastName: 'EFFACER', firstName: 'Inès', professionCode: '10', communeCode: c1, rpps: erasedRpps },
    });
    const third = await finished((await upload(staff, file)).body.data!.directoryImport.id);
    expect(third).toMatchObject({ status: 'DONE', kept: 1, created: 0, rejected: 0 });
    expect(await find()).toHaveLength(1);
  });

  it("keeps each CPTS's imports to itself", async () => {
    const { directoryImports } = await staff.ok<{ directoryImports: Array<{ id: string }> }>(`{ directoryImports { id } }`);
    expect(directoryImports.length).toBeGreaterThan(0);
    expect((await other.ok<{ directoryImports: unknown[] }>(`{ directoryImports { id } }`)).directoryImports).toEqual([]);
    expect(errorCode(await other.request(IMPORT, { id: directoryImports[0].id }))).toBe('NOT_FOUND');
  });
});
