import { access } from 'node:fs/promises';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Job, Worker } from 'bullmq';
import { DataSource } from 'typeorm';
import { DirectoryImportJob, erasedRppsHash, importFilePath, importPartPath, RppsImportProcessor, withRppsCheckDigit } from '@cpts/directory';
import { Role } from '@cpts/platform-core';
import { createLogger } from '@cpts/platform-observability';
import { createRedis, queuePrefix, QUEUES } from '@cpts/platform-queue';
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

// With the site columns: each line is one practice site, identified by the structure's technical id.
const SITE_HEADER = [
  "Identifiant PP", "Identification nationale PP", "Nom d'exercice", "Prénom d'exercice", 'Code profession', 'Code mode exercice',
  'Identifiant technique de la structure', 'Numéro SIRET site', 'Raison sociale site', 'Numéro Voie (coord. structure)', 'Libellé type de voie (coord. structure)',
  'Libellé Voie (coord. structure)', 'Code postal (coord. structure)', 'Code commune (coord. structure)', 'Téléphone (coord. structure)', 'Adresse e-mail (coord. structure)',
];
interface SiteLine { rpps: string; last: string; first: string; mode: string; structureId: string; structure: string; number?: string; street?: string; commune: string; phone?: string; email?: string }

function siteExtraction(lines: SiteLine[]): Buffer {
  const rows = lines.map((l) =>
    [l.rpps, `8${l.rpps}`, l.last, l.first, '10', l.mode, l.structureId, '', l.structure, l.number ?? '', l.street ? 'Rue' : '', l.street ?? '', '79000', l.commune, l.phone ?? '', l.email ?? ''].join('|') + '|',
  );
  return Buffer.from(`${SITE_HEADER.join('|')}|\n${rows.join('\n')}\n`, 'utf8');
}

const SITES = `query($id: ID!) { professional(id: $id) { id communeCode structureName phone
  sites(includeRetired: true) { id structureName address communeCode phone practiceMode isMain fromImport structureId retiredAt } } }`;
type Site = { id: string; structureName: string | null; address: string | null; communeCode: string; phone: string | null; practiceMode: string | null; isMain: boolean; fromImport: boolean; structureId: string | null; retiredAt: string | null };

const IMPORT = `query($id: ID!) { directoryImport(id: $id) { id fileName status extractedAt linesRead kept created updated unchanged rejected conflicts errorCode errorMessage
  olderConfirmation { confirmedByName confirmedAt newerExtractedAt newerImportedAt summary }
  issues { seq kind line reason professionalId professionalName siteName field currentValue importedValue resolution } } }`;
type Report = {
  id: string; status: string; fileName: string; extractedAt: string | null; linesRead: number; kept: number; created: number; updated: number; unchanged: number;
  rejected: number; conflicts: number; errorCode: string | null; errorMessage: string | null;
  olderConfirmation: { confirmedByName: string | null; confirmedAt: string; newerExtractedAt: string; newerImportedAt: string; summary: string } | null;
  issues: Array<{
    seq: number; kind: string; line: number | null; reason: string; professionalId: string | null; professionalName: string | null; siteName: string | null;
    field: string | null; currentValue: string | null; importedValue: string | null; resolution: string | null;
  }>;
};

describe('importing the national directory extraction (RPPS)', () => {
  let h: Harness;
  let staff: GraphQLClient;
  let other: GraphQLClient;
  let tenant: { id: string; communes: string[] };
  let otherTenant: { id: string; communes: string[] };
  let worker: Worker;
  let workerRedis: ReturnType<typeof createRedis>;
  const rpps = (n: number) => withRppsCheckDigit(`1000${String(n).padStart(6, '0')}`);
  /** Extractions come out in order: each test after the first ones imports a newer one (an older one needs a confirmation). */
  let extractionDay = 0;
  const newerName = () => `PS_LibreAcces_Personne_activite_${new Date(Date.UTC(2027, 0, 1 + extractionDay++)).toISOString().slice(0, 10).replaceAll('-', '')}0930.txt`;

  async function upload(client: GraphQLClient, body: Buffer, fileName = newerName(), headers: Record<string, string> = {}) {
    const res = await fetch(`${h.gateway.url}/api/directory/imports`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(fileName),
        ...(client.accessToken ? { authorization: `Bearer ${client.accessToken}` } : {}),
        ...headers,
      },
      body,
    });
    return {
      status: res.status,
      body: (await res.json()) as { data: { directoryImport: { id: string } } | null; errors?: Array<{ message: string; extensions: { code: string; fields?: Array<{ field: string; message: string }> } }> },
    };
  }

  async function finished(id: string, client = staff): Promise<Report> {
    for (let i = 0; i < 200; i++) {
      const { directoryImport } = await client.ok<{ directoryImport: Report }>(IMPORT, { id });
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
        'x-file-name': encodeURIComponent(newerName()),
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
    otherTenant = await h.data.cpts(region, { name: 'CPTS Voisine', departement: '79', communes: 2 });
    staff = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    other = await h.signedIn((await h.data.user([{ role: Role.COORDINATOR, tenantId: otherTenant.id }])).email);
    // The real consumer of the queue, as the worker runs it (one import at a time: IMPORT_CONCURRENCY's default).
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
    const res = await upload(staff, file, 'PS_LibreAcces_Personne_activite_202611010930.txt');
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
      { rpps: rpps(2), last: 'BERNARD', first: 'Luc', profession: '60', mode: 'S', commune: c2, structure: 'Hôpital' },
      { rpps: rpps(2), last: 'BERNARD', first: 'Luc', profession: '60', mode: 'L', commune: c2, structure: 'Cabinet infirmier' },
      { rpps: rpps(5), last: 'NOUVEAU', first: 'Ana', profession: '70', commune: c3 },
    ]);
    const report = await finished((await upload(staff, file, 'PS_LibreAcces_Personne_activite_202612010930.txt')).body.data!.directoryImport.id);
    expect(report).toMatchObject({ status: 'DONE', kept: 4, created: 1, updated: 1, unchanged: 1, rejected: 0, conflicts: 1 });
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
    const communeName = (await h.data.inTenant(tenant.id, (db) => db.query(`SELECT name FROM communes WHERE insee_code = $1`, [c1]))).rows[0].name as string;
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
    expect([errorCode(stale), stale.errors?.[0].message]).toEqual(['CONFLICT', `Un import plus récent indique une autre valeur pour téléphone (${communeName}) : traitez l'écart de son rapport.`]);
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
      { rpps: rpps(31), last: 'TARDIF', first: 'Léo', mode: 'L', structure: 'Cabinet du Port', commune: c1 },
      ...others, // enough people in between: their first lines are written before their last ones are read
      { rpps: rpps(30), last: 'DOUBLE', first: 'Anne', mode: 'L', structure: 'Cabinet libéral', commune: c2 },
      { rpps: rpps(31), last: 'TARDIF', first: 'Léo', mode: 'S', structure: 'Clinique', commune: c2 },
    ]);
    const report = await finished((await upload(staff, file)).body.data!.directoryImport.id);
    expect(report).toMatchObject({ status: 'DONE', kept: 10, created: 8, updated: 0, unchanged: 0, conflicts: 0 });
    // A later salaried line adds a site; the liberal practice stays the main one.
    const { professionals: tardif } = await staff.ok<{ professionals: { edges: Array<{ node: { structureName: string; sites: Array<{ structureName: string; isMain: boolean }> } }> } }>(
      `{ professionals(first: 5, filter: { search: "tardif" }) { edges { node { structureName sites { structureName isMain } } } } }`,
    );
    expect(tardif.edges[0].node).toEqual({
      structureName: 'Cabinet du Port',
      sites: [
        { structureName: 'Cabinet du Port', isMain: true },
        { structureName: 'Clinique', isMain: false },
      ],
    });
    const { professionals } = await staff.ok<{ professionals: { totalCount: number; edges: Array<{ node: { structureName: string; commune: { inseeCode: string } } }> } }>(
      `{ professionals(first: 5, filter: { search: "double" }) { totalCount edges { node { structureName commune { inseeCode } } } } }`,
    );
    expect(professionals.totalCount).toBe(1);
    expect(professionals.edges[0].node).toEqual({ structureName: 'Cabinet libéral', commune: { inseeCode: c2 } });
  });

  describe('practice sites', () => {
    const UPDATE_SITE = `mutation($id: ID!, $i: ProfessionalSiteInput!) { updateProfessionalSite(id: $id, input: $i) { id } }`;
    const ADD_SITE = `mutation($p: ID!, $i: ProfessionalSiteInput!) { addProfessionalSite(professionalId: $p, input: $i) { id } }`;
    const RESOLVE_PERSON = `mutation($i: ID!, $p: ID!, $k: ConflictChoice!) { resolvePersonImportConflicts(importId: $i, professionalId: $p, keep: $k) { seq field resolution } }`;
    const idOf = async (search: string) =>
      (await staff.ok<{ professionals: { edges: Array<{ node: { id: string } }> } }>(`query($q: String!) { professionals(first: 2, filter: { search: $q }) { edges { node { id } } } }`, { q: search }))
        .professionals.edges[0].node.id;
    const sitesOf = async (id: string) => (await staff.ok<{ professional: { communeCode: string; structureName: string | null; phone: string | null; sites: Site[] } }>(SITES, { id })).professional;
    // Each a newer extraction than the last (newerName): an older one would need a confirmation.
    const run = async (file: Buffer) => finished((await upload(staff, file)).body.data!.directoryImport.id);
    const multi = (lines: Array<Partial<SiteLine> & Pick<SiteLine, 'mode' | 'structureId' | 'structure' | 'commune'>>, rppsNumber = rpps(500), last = 'MULTI') =>
      lines.map((l) => ({ rpps: rppsNumber, last, first: 'Sites', ...l }));

    it('keeps every practice site on the territory, the liberal one as main, and finds the person by any of them', async () => {
      const [c1, c2, c3] = tenant.communes;
      const file = siteExtraction([
        ...multi([
          { mode: 'S', structureId: 'H500', structure: 'Centre hospitalier', number: '1', street: 'de la Gare', commune: c1, phone: '0549000500', email: 'multi@exemple.fr' },
          { mode: 'L', structureId: 'C500', structure: 'Cabinet du Marché', number: '3', street: 'du Marché', commune: c2, phone: '0549000501' },
          { mode: 'L', structureId: 'X500', structure: 'Cabinet hors territoire', commune: '33063' },
        ]),
        // Practises on the territory only at a secondary, salaried site: still on the territory.
        ...multi([{ mode: 'L', structureId: 'Y501', structure: 'Cabinet lointain', commune: '33063' }, { mode: 'S', structureId: 'H501', structure: 'EHPAD des Tilleuls', commune: c3 }], rpps(501), 'SECOND'),
      ]);
      const report = await run(file);
      expect(report).toMatchObject({ status: 'DONE', linesRead: 5, kept: 3, created: 2, rejected: 0 });
      const person = await sitesOf(await idOf('multi'));
      expect(person).toMatchObject({ communeCode: c2, structureName: 'Cabinet du Marché', phone: '05 49 00 05 01' });
      expect(person.sites.map((s) => [s.structureId, s.structureName, s.address, s.communeCode, s.practiceMode, s.isMain, s.fromImport, s.retiredAt])).toEqual([
        ['C500', 'Cabinet du Marché', '3 Rue du Marché', c2, 'L', true, true, null],
        ['H500', 'Centre hospitalier', '1 Rue de la Gare', c1, 'S', false, true, null],
      ]);
      expect((await sitesOf(await idOf('second'))).sites.map((s) => [s.structureName, s.communeCode, s.isMain])).toEqual([['EHPAD des Tilleuls', c3, true]]);
      // The territory filter looks at every current site.
      const inC1 = await staff.ok<{ professionals: { edges: Array<{ node: { lastName: string } }> } }>(
        `query($c: [String!]) { professionals(first: 50, filter: { communeCodes: $c }) { edges { node { lastName } } } }`,
        { c: [c1] },
      );
      expect(inC1.professionals.edges.map((e) => e.node.lastName)).toContain('MULTI');
    });

    it('moves, adds and retires sites by their ids on a re-import, keeps hand edits and sites typed by hand, and reports a site conflict', async () => {
      const [c1, c2, c3] = tenant.communes;
      const id = await idOf('multi');
      const hospital = (await sitesOf(id)).sites.find((s) => s.structureId === 'H500')!;
      // The staff type the hospital's phone by hand, and add a site the extraction does not know.
      await staff.ok(UPDATE_SITE, { id: hospital.id, i: { communeCode: c1, structureName: 'Centre hospitalier', address: '1 Rue de la Gare', postalCode: '79000', phone: '05 49 99 00 00' } });
      await staff.ok(ADD_SITE, { p: id, i: { communeCode: c3, structureName: 'Permanence de soins' } });
      const file = siteExtraction(
        multi([
          // The hospital moved (same id): new address and commune taken; its phone changed too: the hand edit is kept and reported.
          { mode: 'S', structureId: 'H500', structure: 'Centre hospitalier', number: '8', street: 'Neuve', commune: c3, phone: '0549000600', email: 'multi@exemple.fr' },
          // A new liberal practice; the Cabinet du Marché is gone.
          { mode: 'L', structureId: 'N500', structure: 'Maison de santé', commune: c1 },
        ]),
      );
      const report = await run(file);
      expect(report).toMatchObject({ status: 'DONE', kept: 2, created: 0, updated: 1, conflicts: 1 });
      const names = (await h.data.inTenant(tenant.id, (db) => db.query(`SELECT insee_code, name FROM communes WHERE insee_code = ANY($1)`, [[c1, c2, c3]]))).rows as Array<{ insee_code: string; name: string }>;
      const name = (code: string) => names.find((n) => n.insee_code === code)!.name;
      expect(report.issues).toEqual([
        expect.objectContaining({ kind: 'conflict', professionalId: id, field: 'phone', siteName: `Centre hospitalier, ${name(c3)}`, currentValue: '05 49 99 00 00', importedValue: '05 49 00 06 00' }),
      ]);
      const person = await sitesOf(id);
      // The main site is the extraction's liberal practice (the old main one left).
      expect(person).toMatchObject({ communeCode: c1, structureName: 'Maison de santé' });
      expect(person.sites.map((s) => [s.structureName, s.address, s.communeCode, s.phone, s.isMain, s.fromImport, s.retiredAt === null])).toEqual([
        ['Maison de santé', null, c1, null, true, true, true],
        ['Centre hospitalier', '8 Rue Neuve', c3, '05 49 99 00 00', false, true, true],
        ['Permanence de soins', null, c3, null, false, false, true],
        ['Cabinet du Marché', '3 Rue du Marché', c2, '05 49 00 05 01', false, true, false],
      ]);
      const { professional } = await staff.ok<{ professional: { history: Array<{ kind: string; summary: string }> } }>(`query($id: ID!) { professional(id: $id) { history(first: 3) { kind summary } } }`, { id });
      expect(professional.history.find((e) => e.kind === 'import.updated')?.summary).toBe(
        `Mise à jour par l'import de l'Annuaire Santé : adresse, commune ; lieu ajouté « Maison de santé, ${name(c1)} » ; lieu retiré « Cabinet du Marché, ${name(c2)} » ; lieu principal « Maison de santé, ${name(c1)} ».`,
      );

      // The staff make the hospital the main site: the same extraction again keeps their choice.
      await staff.ok(`mutation($id: ID!) { setMainProfessionalSite(id: $id) { id } }`, { id: hospital.id });
      const again = await run(file);
      expect(again).toMatchObject({ status: 'DONE', updated: 0, unchanged: 1, conflicts: 0 }); // the hand-typed phone stays, silently: the extraction did not change it again
      expect(await sitesOf(id)).toMatchObject({ communeCode: c3, structureName: 'Centre hospitalier', phone: '05 49 99 00 00' });
    });

    describe('settling all of a person\'s conflicts at once', () => {
      let reportId: string;
      let personId: string;
      let siteId: string;
      const first = (phone: string, email: string) =>
        siteExtraction(multi([{ mode: 'L', structureId: 'T510', structure: 'Cabinet Tout', commune: tenant.communes[0], phone, email }], rpps(510), 'TOUT'));

      beforeAll(async () => {
        await run(first('0549000510', 'tout@exemple.fr'));
        personId = await idOf('tout');
        siteId = (await sitesOf(personId)).sites[0].id;
        // The staff type an e-mail and a phone by hand; the next extraction changes both: two conflicts, one on the person, one on the site.
        await staff.ok(`mutation($id: ID!, $i: ProfessionalInput!) { updateProfessional(id: $id, input: $i) { id } }`, {
          id: personId,
          i: { lastName: 'TOUT', firstName: 'Sites', professionCode: '10', rpps: rpps(510), communeCode: tenant.communes[0], structureName: 'Cabinet Tout', email: 'perso@exemple.fr', phone: '05 49 11 11 11' },
        });
        const report = await run(first('0549000520', 'nouveau@exemple.fr'));
        expect(report.issues.map((i) => i.field)).toEqual(['email', 'phone']);
        reportId = report.id;
      });

      it('refuses them all, naming each refused field, when one was edited since the report', async () => {
        await staff.ok(UPDATE_SITE, { id: siteId, i: { communeCode: tenant.communes[0], structureName: 'Cabinet Tout', phone: '05 49 22 22 22' } });
        const refused = await staff.request(RESOLVE_PERSON, { i: reportId, p: personId, k: 'IMPORTED' });
        expect(errorCode(refused)).toBe('CONFLICT');
        expect(refused.errors?.[0].message).toMatch(/^Aucune valeur n'a été appliquée : un champ est à revoir sur la fiche\. Le champ téléphone \(Cabinet Tout, .+\) a été modifié depuis l'import/);
        // Nothing applied, nothing settled.
        expect((await sitesOf(personId)).phone).toBe('05 49 22 22 22');
        const { directoryImport } = await staff.ok<{ directoryImport: Report }>(IMPORT, { id: reportId });
        expect(directoryImport.issues.map((i) => i.resolution)).toEqual([null, null]);
        const { professional } = await staff.ok<{ professional: { email: string } }>(`query($id: ID!) { professional(id: $id) { email } }`, { id: personId });
        expect(professional.email).toBe('perso@exemple.fr');
      });

      it("takes the extraction's values for all of them in one action, recorded on each issue", async () => {
        await staff.ok(UPDATE_SITE, { id: siteId, i: { communeCode: tenant.communes[0], structureName: 'Cabinet Tout', phone: '05 49 11 11 11' } });
        const { resolvePersonImportConflicts } = await staff.ok<{ resolvePersonImportConflicts: Array<{ field: string; resolution: string }> }>(RESOLVE_PERSON, {
          i: reportId,
          p: personId,
          k: 'IMPORTED',
        });
        expect(resolvePersonImportConflicts).toEqual([expect.objectContaining({ field: 'email', resolution: 'IMPORTED' }), expect.objectContaining({ field: 'phone', resolution: 'IMPORTED' })]);
        const { professional } = await staff.ok<{ professional: { email: string; phone: string } }>(`query($id: ID!) { professional(id: $id) { email phone } }`, { id: personId });
        expect(professional).toEqual({ email: 'nouveau@exemple.fr', phone: '05 49 00 05 20' });
        const again = await staff.request(RESOLVE_PERSON, { i: reportId, p: personId, k: 'CURRENT' });
        expect([errorCode(again), again.errors?.[0].message]).toEqual(['NOT_FOUND', 'Aucun écart à traiter pour cette personne dans ce rapport.']);
      });

      it("refuses the extraction's values when a newer import says otherwise, keeps the staff's on request, and refuses a record merged since", async () => {
        const edit = (email: string, phone: string) =>
          staff.ok(`mutation($id: ID!, $i: ProfessionalInput!) { updateProfessional(id: $id, input: $i) { id } }`, {
            id: personId,
            i: { lastName: 'TOUT', firstName: 'Sites', professionCode: '10', rpps: rpps(510), communeCode: tenant.communes[0], structureName: 'Cabinet Tout', email, phone },
          });
        await edit('moi@exemple.fr', '05 49 33 33 33');
        const older = await run(first('0549000530', 'encore@exemple.fr'));
        const newer = await run(first('0549000540', 'dernier@exemple.fr'));
        expect([older.conflicts, newer.conflicts]).toEqual([2, 2]);
        const stale = await staff.request(RESOLVE_PERSON, { i: older.id, p: personId, k: 'IMPORTED' });
        expect(errorCode(stale)).toBe('CONFLICT');
        expect(stale.errors?.[0].message).toContain("Un import plus récent indique une autre valeur pour e-mail : traitez l'écart de son rapport.");
        expect(stale.errors?.[0].message).toContain('2 champs sont à revoir');
        // Keeping the staff's values is always possible.
        const kept = await staff.ok<{ resolvePersonImportConflicts: Array<{ resolution: string }> }>(RESOLVE_PERSON, { i: older.id, p: personId, k: 'CURRENT' });
        expect(kept.resolvePersonImportConflicts.map((i) => i.resolution)).toEqual(['CURRENT', 'CURRENT']);
        // Merged since: the kept record is where the choice is made.
        const { createProfessional } = await staff.ok<{ createProfessional: { id: string } }>(`mutation($i: ProfessionalInput!) { createProfessional(input: $i) { id } }`, {
          i: { lastName: 'Tout', firstName: 'Sites', professionCode: '10', communeCode: tenant.communes[0] },
        });
        await staff.ok(`mutation($k: ID!, $m: ID!) { mergeProfessionals(keptId: $k, mergedId: $m) { id } }`, { k: createProfessional.id, m: personId });
        const merged = await staff.request(RESOLVE_PERSON, { i: newer.id, p: personId, k: 'CURRENT' });
        expect([errorCode(merged), merged.errors?.[0].message]).toEqual(['CONFLICT', "Cette fiche a été fusionnée avec une autre depuis l'import : ouvrez la fiche conservée pour choisir."]);
      });
    });
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

  it('queues an import only once its whole file has arrived: a slow upload holds no worker, and leaves no file behind', async () => {
    const [c1, c2] = tenant.communes;
    const people = Array.from({ length: 40 }, (_, i) => ({ rpps: rpps(300 + i), last: `ARRIVEE${i}`, first: 'Lou', commune: i % 2 ? c1 : c2 }));
    const file = extraction(people);
    const cut = Math.floor(file.length / 2); // in the middle of a line
    const { req, response } = uploadInPieces(staff, file.length);
    req.write(file.subarray(0, cut));
    const arriving = await newestImport((i) => i.status === 'UPLOADING' && i.fileName.startsWith('PS_LibreAcces'));
    req.end(file.subarray(cut));
    expect(await response).toEqual({ status: 201, id: arriving.id });
    expect(await finished(arriving.id)).toMatchObject({ status: 'DONE', linesRead: 40, kept: 40, created: 40, rejected: 0 });
    expect(await leftFiles(arriving.id)).toEqual([]);
  });

  it("imports another CPTS's file while a slow upload is still arriving (one slot per worker, not held by the upload)", async () => {
    // CPTS A's file comes in small pieces, as over a phone connection.
    const slow = extraction(Array.from({ length: 200 }, (_, i) => ({ rpps: rpps(1000 + i), last: `LENT${i}`, first: 'Max', commune: tenant.communes[0] })));
    const { req, response } = uploadInPieces(staff, slow.length);
    req.write(slow.subarray(0, 200));
    const arriving = await newestImport((i) => i.status === 'UPLOADING');
    let sent = 200;
    let otherDone = false;
    const trickle = (async () => {
      while (!otherDone && sent < slow.length - 200) {
        req.write(slow.subarray(sent, sent + 100));
        sent += 100;
        await sleep(20);
      }
    })();
    // CPTS B sends its whole file meanwhile: imported while A's is still arriving.
    const quick = extraction([{ rpps: rpps(700), last: 'RAPIDE', first: 'Zoé', commune: otherTenant.communes[0] }]);
    const theirs = await upload(other, quick);
    expect(theirs.status).toBe(201);
    const report = await finished(theirs.body.data!.directoryImport.id, other);
    otherDone = true;
    await trickle;
    expect(report).toMatchObject({ status: 'DONE', created: 1 });
    expect(sent).toBeLessThan(slow.length);
    expect((await staff.ok<{ directoryImport: Report }>(IMPORT, { id: arriving.id })).directoryImport.status).toBe('UPLOADING');
    req.end(slow.subarray(sent));
    expect(await response).toEqual({ status: 201, id: arriving.id });
    expect(await finished(arriving.id)).toMatchObject({ status: 'DONE', created: 200 });
  });

  it('runs one import of a CPTS at a time: another upload is refused, with a French message, until the first is over', async () => {
    const file = extraction([{ rpps: rpps(800), last: 'SEUL', first: 'Ana', commune: tenant.communes[0] }]);
    const { req, response } = uploadInPieces(staff, file.length);
    req.write(file.subarray(0, 100));
    const first = await newestImport((i) => i.status === 'UPLOADING');
    const underWay = /^Un import de l'Annuaire Santé est déjà en cours pour cette CPTS \(« PS_LibreAcces_Personne_activite_\d{8}0930\.txt », commencé le \d{1,2}(?:er)? \S+ \d{4} à \d\d:\d\d\) : attendez qu'il se termine avant d'en lancer un autre\.$/;
    const second = await upload(staff, file);
    expect([second.status, second.body.errors?.[0].extensions.code]).toEqual([409, 'CONFLICT']);
    expect(second.body.errors?.[0].message).toMatch(underWay);
    // The web app asks before sending the file, and is told the same.
    const check = await staff.request(`query($n: String!) { directoryImportCheck(fileName: $n) { extractedAt } }`, { n: newerName() });
    expect([errorCode(check), check.errors?.[0].message]).toEqual(['CONFLICT', expect.stringMatching(underWay)]);
    // Another CPTS is not held back.
    expect((await other.ok<{ directoryImportCheck: { extractedAt: string } }>(`query($n: String!) { directoryImportCheck(fileName: $n) { extractedAt } }`, { n: newerName() })).directoryImportCheck.extractedAt).toBeTruthy();
    req.end(file.subarray(100));
    expect(await response).toEqual({ status: 201, id: first.id });
    expect(await finished(first.id)).toMatchObject({ status: 'DONE' });
    expect(await finished((await upload(staff, file)).body.data!.directoryImport.id)).toMatchObject({ status: 'DONE', unchanged: 1 });
  });

  it('refuses an extraction older than the last one imported, unless the staff confirm it, and records who did', async () => {
    const people = (phone: string) => extraction([{ rpps: rpps(850), last: 'ORDRE', first: 'Léo', commune: tenant.communes[0], phone }]);
    const latest = newerName();
    const newer = await finished((await upload(staff, people('0549000101'), latest)).body.data!.directoryImport.id);
    expect(newer.status).toBe('DONE');
    const older = 'PS_LibreAcces_Personne_activite_202612150930.txt';
    const summary = expect.stringMatching(/^extraction du 15 décembre 2026 plus ancienne que celle du \d{1,2}(?:er)? \S+ 2027 importée le \d{1,2}(?:er)? \S+ \d{4}$/);
    // Asked before sending: the warning the staff confirm.
    const { directoryImportCheck } = await staff.ok<{ directoryImportCheck: { extractedAt: string; olderWarning: string | null } }>(
      `query($n: String!) { directoryImportCheck(fileName: $n) { extractedAt olderWarning } }`,
      { n: older },
    );
    expect(directoryImportCheck.extractedAt).toBe('2026-12-15T08:30:00.000Z');
    expect(directoryImportCheck.olderWarning).toMatch(/^Extraction du 15 décembre 2026 plus ancienne que celle du .+ 2027 importée le .+ : l'importer ramènerait les fiches à ses valeurs, plus anciennes\. Confirmez pour l'importer quand même\.$/);
    // Sent without the confirmation: refused, nothing imported.
    const refused = await upload(staff, people('0549000999'), older);
    expect([refused.status, refused.body.errors?.[0].extensions.code, refused.body.errors?.[0].extensions.fields]).toEqual([400, 'BAD_USER_INPUT', [{ field: 'confirmOlder', message: directoryImportCheck.olderWarning }]]);
    // Confirmed: imported, and the report says who confirmed it, when, and what it was older than.
    const confirmed = await finished((await upload(staff, people('0549000999'), older, { 'x-confirm-older-extraction': 'yes' })).body.data!.directoryImport.id);
    expect(confirmed).toMatchObject({ status: 'DONE', updated: 1, olderConfirmation: { confirmedByName: expect.any(String), newerExtractedAt: newer.extractedAt, summary } });
    const { professionals } = await staff.ok<{ professionals: { edges: Array<{ node: { phone: string } }> } }>(`{ professionals(first: 1, filter: { search: "ordre" }) { edges { node { phone } } } }`);
    expect(professionals.edges[0].node.phone).toBe('05 49 00 09 99');
    // The same date again, or a file name without a date, is no older extraction.
    expect((await staff.ok<{ directoryImportCheck: { olderWarning: string | null } }>(`query($n: String!) { directoryImportCheck(fileName: $n) { olderWarning } }`, { n: latest })).directoryImportCheck.olderWarning).toBeNull();
    expect((await staff.ok<{ directoryImportCheck: { olderWarning: string | null } }>(`query($n: String!) { directoryImportCheck(fileName: $n) { olderWarning } }`, { n: 'annuaire.zip' })).directoryImportCheck.olderWarning).toBeNull();
  });

  it('keeps no copy of a refused file', async () => {
    const refused = await finished((await upload(staff, Buffer.from(`Nom d'exercice|Prénom d'exercice|\r\n${'x'.repeat(4096)}\r\n`))).body.data!.directoryImport.id);
    expect(refused).toMatchObject({ status: 'FAILED', errorCode: 'MISSING_COLUMNS' });
    expect(await leftFiles(refused.id)).toEqual([]);
  });

  it('fails an import whose upload is cut off midway, with a French message, and changes nothing', async () => {
    const before = await directorySize();
    const file = extraction(Array.from({ length: 30 }, (_, i) => ({ rpps: rpps(400 + i), last: `COUPE${i}`, first: 'Max', commune: tenant.communes[0] })));
    const { req } = uploadInPieces(staff, file.length);
    req.write(file.subarray(0, Math.floor(file.length * 0.8)));
    const started = await newestImport((i) => i.status === 'UPLOADING');
    req.destroy(); // the staff's connection drops
    const report = await finished(started.id);
    expect(report).toMatchObject({ status: 'FAILED', errorCode: 'UPLOAD_INTERRUPTED', errorMessage: "L'envoi du fichier a été interrompu avant la fin : déposez-le à nouveau." });
    expect(await directorySize()).toBe(before);
    for (let i = 0; i < 50 && (await leftFiles(started.id)).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await leftFiles(started.id)).toEqual([]);
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
    const theirs = (await other.ok<{ directoryImports: Array<{ id: string }> }>(`{ directoryImports { id } }`)).directoryImports.map((i) => i.id);
    expect(theirs.filter((id) => directoryImports.some((i) => i.id === id))).toEqual([]);
    expect(errorCode(await other.request(IMPORT, { id: directoryImports[0].id }))).toBe('NOT_FOUND');
  });
});
