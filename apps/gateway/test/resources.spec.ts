import { AdoptedResources } from '@cpts/resources';
import { Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { AppProcess, errorCode, GraphQLClient, GraphQLResult, SmtpSink } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const RESOURCE = `id title description category currentVersion versions { version note content { kind title intro questions { type label options required } body } files { documentId fileName url } }`;
const PUBLISH = `mutation($i: PublishResourceInput!) { publishResource(input: $i) { ${RESOURCE} } }`;
const PUBLISH_VERSION = `mutation($i: PublishResourceVersionInput!) { publishResourceVersion(input: $i) { ${RESOURCE} } }`;
const REGION_RESOURCES = `query($s: String, $c: ResourceCategory) { regionResources(search: $s, category: $c) { id title } }`;
const REGION_RESOURCE = `query($id: ID!) { regionResource(id: $id) { ${RESOURCE} } }`;
const LIBRARY = `query($s: String, $c: ResourceCategory) { libraryResources(search: $s, category: $c) { id title myAdoptionId } }`;
const LIBRARY_RESOURCE = `query($id: ID!) { libraryResource(id: $id) { id title myAdoptionId } }`;
const ADOPTION = `id resourceId title adoptedVersion latestVersion updateAvailable adapted content { kind title questions { type label options } body } files { fileName url }`;
const ADOPT = `mutation($r: ID!) { adoptResource(resourceId: $r) { ${ADOPTION} } }`;
const ADAPT = `mutation($i: AdaptResourceAdoptionInput!) { adaptResourceAdoption(input: $i) { ${ADOPTION} } }`;
const ADOPTIONS = `{ resourceAdoptions { ${ADOPTION} } }`;
const DIFF = `query($id: ID!) { resourceUpdateDiff(adoptionId: $id) { fromVersion toVersion note adapted changes { kind label before after lines { kind text } } } }`;
const TAKE = `mutation($id: ID!) { takeResourceUpdate(adoptionId: $id) { ${ADOPTION} } }`;
const DISMISS = `mutation($id: ID!) { dismissResourceUpdate(adoptionId: $id) { ${ADOPTION} } }`;
const USAGE = `query($r: ID!) { resourceUsage(resourceId: $r) { adoptions downloads cpts { cptsName adoptedVersion adapted downloads } } }`;

type Adoption = {
  id: string;
  title: string;
  adoptedVersion: number;
  latestVersion: number;
  updateAvailable: boolean;
  adapted: boolean;
  content: {
    kind: string;
    title: string | null;
    questions: Array<{ type: string; label: string; options: string[] | null }> | null;
    body: string | null;
  } | null;
  files: Array<{ fileName: string; url: string }>;
};
type Resource = {
  id: string;
  title: string;
  currentVersion: number;
  versions: Array<{ version: number; note: string; content: unknown; files: Array<{ documentId: string; fileName: string; url: string }> }>;
};

const fieldsOf = (res: GraphQLResult<unknown>) =>
  Object.fromEntries(
    ((res.errors?.[0].extensions?.fields ?? []) as Array<{ field: string; message: string }>).map((f) => [
      f.field.replace(/^input\./, ''),
      f.message,
    ]),
  );

const SURVEY = {
  kind: 'SURVEY',
  title: 'Satisfaction des professionnels',
  intro: 'Dites-nous ce que vous pensez de la CPTS.',
  questions: [
    { type: 'scale', label: 'Êtes-vous satisfait·e de la CPTS ?', required: true },
    { type: 'single', label: 'Votre profession', options: ['Médecin', 'Infirmier·e', 'Pharmacien·ne'] },
    { type: 'text', label: 'Vos suggestions' },
  ],
};

/**
 * The regional library through the real gateway and worker: the region's
 * admin publishes (validated), adds a file, publishes a new version; a CPTS
 * browses (accent-insensitive), adopts, adapts without touching the region's
 * resource, sees the update notice and the diff, gets one digest email,
 * takes or dismisses; the region sees usage. Another region and another
 * CPTS see nothing.
 */
describe('regional resources: publish, versions, adopt and adapt, update notices, usage', () => {
  let h: Harness;
  let sink: SmtpSink;
  let worker: AppProcess;
  let regionId: string;
  let cptsA: { id: string };
  let cptsB: { id: string };
  let cptsOther: { id: string };
  let admin: GraphQLClient;
  let adminOther: GraphQLClient;
  let officer: GraphQLClient;
  let coordA: GraphQLClient;
  let staffAEmail: string;
  let coordAEmail: string;
  let coordB: GraphQLClient;
  let boardA: GraphQLClient;
  let coordOther: GraphQLClient;
  let survey: Resource;
  let reflex: Resource;
  let copyA: Adoption;
  let copyB: Adoption;

  const http = (client: GraphQLClient | null, url: string, init: RequestInit = {}) =>
    fetch(`${h.gateway.url}${url}`, {
      ...init,
      headers: { ...(client ? { authorization: `Bearer ${client.accessToken}` } : {}), ...(init.headers as Record<string, string>) },
    });
  const upload = (client: GraphQLClient, resourceId: string, name: string, body: string | Buffer) =>
    http(client, `/api/resources/${resourceId}/files`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name) },
      body,
    });

  beforeAll(async () => {
    sink = new SmtpSink();
    const port = await sink.start();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?tls=off`;
    h = await startHarness();
    worker = new AppProcess('worker', { SMTP_URL: process.env.SMTP_URL, RECONCILE_INTERVAL_MS: '1000' });
    worker.start();
    regionId = await h.data.region('52');
    const otherRegion = await h.data.region('53');
    cptsA = await h.data.cpts(regionId, { name: 'CPTS Ressources Alpha', departement: '40', communes: 1 });
    cptsB = await h.data.cpts(regionId, { name: 'CPTS Ressources Bravo', departement: '40', communes: 1 });
    cptsOther = await h.data.cpts(otherRegion, { name: 'CPTS Ressources Ailleurs', departement: '64', communes: 1 });
    const user = async (roles: Parameters<typeof h.data.user>[0], email?: string) => (await h.data.user(roles, email)).email;
    admin = await h.signedIn(await user([{ role: Role.REGION_ADMIN, regionId }]));
    adminOther = await h.signedIn(await user([{ role: Role.REGION_ADMIN, regionId: otherRegion }]));
    const mission = await h.data.user([{ role: Role.MISSION_OFFICER, regionId }]);
    await h.data.follow(mission.id, [cptsA.id]);
    officer = await h.signedIn(mission.email);
    coordAEmail = await user([{ role: Role.COORDINATOR, tenantId: cptsA.id }], 'coord.ressources.a@test.cpts.fr');
    staffAEmail = await user([{ role: Role.STAFF, tenantId: cptsA.id }], 'staff.ressources.a@test.cpts.fr');
    coordA = await h.signedIn(coordAEmail);
    boardA = await h.signedIn(await user([{ role: Role.BOARD_MEMBER, tenantId: cptsA.id }]));
    coordB = await h.signedIn(await user([{ role: Role.COORDINATOR, tenantId: cptsB.id }], 'coord.ressources.b@test.cpts.fr'));
    coordOther = await h.signedIn(await user([{ role: Role.COORDINATOR, tenantId: cptsOther.id }]));
  }, 60_000);
  afterAll(async () => {
    await worker.kill('SIGTERM');
    await h.close();
    await sink.stop();
  });

  it('publishes only valid resources, with per-field French messages, and only for the region admin', async () => {
    const empty = await admin.request(PUBLISH, { i: { title: '  ', category: 'REFLEX_SHEET', content: { kind: 'TEXT', body: 'x' } } });
    expect([errorCode(empty), fieldsOf(empty)]).toEqual(['BAD_USER_INPUT', { title: 'Le titre est obligatoire.' }]);
    const badSurvey = await admin.request(PUBLISH, {
      i: {
        title: 'Questionnaire',
        category: 'SURVEY_TEMPLATE',
        content: { kind: 'SURVEY', title: 'Q', questions: [{ type: 'single', label: 'Choix', options: ['Un'] }] },
      },
    });
    expect([errorCode(badSurvey), fieldsOf(badSurvey)]).toEqual([
      'BAD_USER_INPUT',
      { 'content.questions.0.options': 'Au moins un élément est nécessaire.' },
    ]);
    const wrongKind = await admin.request(PUBLISH, { i: { title: 'Fiche', category: 'REFLEX_SHEET', content: SURVEY } });
    expect([errorCode(wrongKind), fieldsOf(wrongKind)]).toEqual([
      'BAD_USER_INPUT',
      { category: 'Un questionnaire se publie dans la catégorie « Modèle de questionnaire ».' },
    ]);
    const noType = await admin.request(PUBLISH, {
      i: { title: 'Q', category: 'SURVEY_TEMPLATE', content: { kind: 'SURVEY', title: 'Q', questions: [{ type: 'audio', label: 'Q' }] } },
    });
    expect(errorCode(noType)).toBe('BAD_USER_INPUT');
    for (const client of [officer, coordA])
      expect(errorCode(await client.request(PUBLISH, { i: { title: 'X', category: 'REFLEX_SHEET' } }))).toBe('FORBIDDEN');

    survey = (
      await admin.ok<{ publishResource: Resource }>(PUBLISH, {
        i: {
          title: 'Satisfaction des professionnels',
          description: 'Questionnaire annuel de l’équipe',
          category: 'SURVEY_TEMPLATE',
          content: SURVEY,
        },
      })
    ).publishResource;
    expect(survey).toMatchObject({
      title: 'Satisfaction des professionnels',
      currentVersion: 1,
      versions: [{ version: 1, content: { kind: 'SURVEY', title: 'Satisfaction des professionnels' } }],
    });
    reflex = (
      await admin.ok<{ publishResource: Resource }>(PUBLISH, {
        i: {
          title: 'Fiche réflexe canicule',
          description: 'Plan d’été',
          category: 'REFLEX_SHEET',
          content: { kind: 'TEXT', body: 'Repérer les personnes isolées.\nLes appeler chaque jour.' },
        },
      })
    ).publishResource;
  });

  it('adds checked files to the newest version (the meetings’ document checks)', async () => {
    const ok = await upload(admin, reflex.id, 'canicule-affiche.txt', 'Affiche canicule : buvez de l’eau.');
    expect(ok.status).toBe(201);
    const fake = await upload(admin, reflex.id, 'plan.pdf', 'MZ this is not a pdf');
    expect([fake.status, ((await fake.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code]).toEqual([
      400,
      'BAD_USER_INPUT',
    ]);
    expect((await upload(coordA, reflex.id, 'a.txt', 'x')).status).toBe(403);
    expect((await upload(adminOther, reflex.id, 'a.txt', 'x')).status).toBe(404);
    reflex = (await admin.ok<{ regionResource: Resource }>(REGION_RESOURCE, { id: reflex.id })).regionResource;
    expect(reflex.versions[0].files.map((f) => f.fileName)).toEqual(['canicule-affiche.txt']);
  });

  it('lets the CPTS browse and search its region’s library, accent-insensitively; never another region’s', async () => {
    const titles = async (client: GraphQLClient, vars: Record<string, unknown> = {}) =>
      (await client.ok<{ libraryResources: Array<{ title: string }> }>(LIBRARY, vars)).libraryResources.map((r) => r.title).sort();
    expect(await titles(coordA)).toEqual(['Fiche réflexe canicule', 'Satisfaction des professionnels']);
    expect(await titles(coordA, { s: 'EQUIPE annuel' })).toEqual(['Satisfaction des professionnels']);
    expect(await titles(coordA, { s: 'reflexe' })).toEqual(['Fiche réflexe canicule']);
    expect(await titles(coordA, { c: 'REFLEX_SHEET' })).toEqual(['Fiche réflexe canicule']);
    expect(await titles(coordOther)).toEqual([]);
    expect(errorCode(await coordOther.request(LIBRARY_RESOURCE, { id: survey.id }))).toBe('NOT_FOUND');
    expect(errorCode(await boardA.request(LIBRARY))).toBe('FORBIDDEN');
    // The region's team reads it too; another region's admin sees nothing of it.
    expect((await officer.ok<{ regionResources: unknown[] }>(REGION_RESOURCES)).regionResources).toHaveLength(2);
    expect((await adminOther.ok<{ regionResources: unknown[] }>(REGION_RESOURCES)).regionResources).toEqual([]);
    expect(errorCode(await adminOther.request(REGION_RESOURCE, { id: survey.id }))).toBe('NOT_FOUND');
  });

  it('adopts (the CPTS’s own copy) and adapts it without touching the region’s resource', async () => {
    copyA = (await coordA.ok<{ adoptResource: Adoption }>(ADOPT, { r: survey.id })).adoptResource;
    expect(copyA).toMatchObject({
      title: 'Satisfaction des professionnels',
      adoptedVersion: 1,
      latestVersion: 1,
      updateAvailable: false,
      adapted: false,
    });
    expect(errorCode(await coordA.request(ADOPT, { r: survey.id }))).toBe('CONFLICT');
    expect(errorCode(await coordOther.request(ADOPT, { r: survey.id }))).toBe('NOT_FOUND');
    copyB = (await coordB.ok<{ adoptResource: Adoption }>(ADOPT, { r: survey.id })).adoptResource;
    const adapted = {
      ...SURVEY,
      title: 'Satisfaction des professionnels du Nord-Loire',
      questions: [...SURVEY.questions, { type: 'multiple', label: 'Nos actions connues', options: ['Soins non programmés', 'Prévention'] }],
    };
    const badAdapt = await coordA.request(ADAPT, { i: { id: copyA.id, title: 'X', content: { kind: 'TEXT', body: 'autre chose' } } });
    expect(errorCode(badAdapt)).toBe('BAD_USER_INPUT');
    copyA = (
      await coordA.ok<{ adaptResourceAdoption: Adoption }>(ADAPT, { i: { id: copyA.id, title: 'Notre questionnaire', content: adapted } })
    ).adaptResourceAdoption;
    expect(copyA).toMatchObject({
      title: 'Notre questionnaire',
      adapted: true,
      content: { title: 'Satisfaction des professionnels du Nord-Loire' },
    });
    expect(copyA.content!.questions).toHaveLength(4);
    // The region's resource and B's copy are as they were.
    const region = (await admin.ok<{ regionResource: Resource }>(REGION_RESOURCE, { id: survey.id })).regionResource;
    expect(region.versions[0].content).toMatchObject({ title: 'Satisfaction des professionnels', questions: expect.arrayContaining([]) });
    expect((region.versions[0].content as { questions: unknown[] }).questions).toHaveLength(3);
    expect((await coordB.ok<{ resourceAdoptions: Adoption[] }>(ADOPTIONS)).resourceAdoptions.map((a) => [a.title, a.adapted])).toEqual([
      ['Satisfaction des professionnels', false],
    ]);
    // Another CPTS's copy: not found, not changed.
    expect(errorCode(await coordB.request(ADAPT, { i: { id: copyA.id, title: 'Pirate' } }))).toBe('NOT_FOUND');
    expect(errorCode(await coordOther.request(DIFF, { id: copyA.id }))).toBe('NOT_FOUND');
    // The board reads the copies; the library's libraryResource names the copy.
    expect((await boardA.ok<{ resourceAdoptions: Adoption[] }>(ADOPTIONS)).resourceAdoptions.map((a) => a.title)).toEqual([
      'Notre questionnaire',
    ]);
    expect(
      (await coordA.ok<{ libraryResource: { myAdoptionId: string } }>(LIBRARY_RESOURCE, { id: survey.id })).libraryResource.myAdoptionId,
    ).toBe(copyA.id);
    // What the surveys engine reads: the CPTS's own copy, in its own transaction; another CPTS's id is not found.
    const adopted = h.gateway.app.get(AdoptedResources);
    const db = h.gateway.app.get(Db);
    const mine = await db.run({ tenantId: cptsA.id }, () => adopted.content(copyA.id));
    expect(mine).toMatchObject({
      adoptionId: copyA.id,
      resourceId: survey.id,
      version: 1,
      title: 'Notre questionnaire',
      content: { kind: 'survey' },
    });
    await expect(db.run({ tenantId: cptsB.id }, () => adopted.content(copyA.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('publishes a new version: the old one stays, adopters see the notice and the diff, and get one digest email', async () => {
    expect(errorCode(await admin.request(PUBLISH_VERSION, { i: { resourceId: survey.id, note: '', content: SURVEY } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await adminOther.request(PUBLISH_VERSION, { i: { resourceId: survey.id, note: 'Pirate', content: SURVEY } }))).toBe(
      'NOT_FOUND',
    );
    const v2 = {
      ...SURVEY,
      intro: 'Dites-nous ce que vous pensez de la CPTS.\nVos réponses restent anonymes.',
      questions: [
        SURVEY.questions[0],
        { ...SURVEY.questions[1], options: ['Médecin', 'Infirmier·e', 'Pharmacien·ne', 'Kinésithérapeute'] },
        { type: 'scale', label: 'Recommanderiez-vous la CPTS ?' },
      ],
    };
    survey = (
      await admin.ok<{ publishResourceVersion: Resource }>(PUBLISH_VERSION, {
        i: { resourceId: survey.id, note: 'Ajout des kinés, question de recommandation', content: v2 },
      })
    ).publishResourceVersion;
    expect(survey.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((survey.versions[1].content as { questions: unknown[] }).questions).toHaveLength(3);

    const [a] = (await coordA.ok<{ resourceAdoptions: Adoption[] }>(ADOPTIONS)).resourceAdoptions;
    expect(a).toMatchObject({ adoptedVersion: 1, latestVersion: 2, updateAvailable: true, title: 'Notre questionnaire' });
    const diff = (
      await coordA.ok<{
        resourceUpdateDiff: {
          fromVersion: number;
          toVersion: number;
          note: string;
          adapted: boolean;
          changes: Array<{
            kind: string;
            label: string;
            before: string | null;
            after: string | null;
            lines: Array<{ kind: string; text: string }>;
          }>;
        };
      }>(DIFF, { id: copyA.id })
    ).resourceUpdateDiff;
    expect(diff).toMatchObject({ fromVersion: 1, toVersion: 2, note: 'Ajout des kinés, question de recommandation', adapted: true });
    expect(diff.changes.map((c) => [c.kind, c.label])).toEqual([
      ['CHANGED', 'Introduction'],
      ['CHANGED', 'Question 2'],
      ['CHANGED', 'Question 3'],
    ]);
    expect(diff.changes[0].lines).toEqual([
      { kind: 'SAME', text: 'Dites-nous ce que vous pensez de la CPTS.' },
      { kind: 'ADDED', text: 'Vos réponses restent anonymes.' },
    ]);
    expect(diff.changes[1].after).toContain('Kinésithérapeute');

    // One digest per CPTS team member, listing the resource.
    // The digest is scheduled in each adopting CPTS at publication (the worker sends it).
    const scheduled = await h.data.inTenant(cptsA.id, (db) =>
      db.query(`SELECT state FROM reminders WHERE tenant_id = $1 AND kind = 'resources.update_digest'`, [cptsA.id]),
    );
    expect(scheduled.rows).toHaveLength(1);
    await sink.waitFor(
      () =>
        sink.to(coordAEmail).length === 1 && sink.to(staffAEmail).length === 1 && sink.to('coord.ressources.b@test.cpts.fr').length === 1,
    );
    const mail = sink.to(coordAEmail)[0];
    expect(mail.subject).toBe('Nouvelle version d’une ressource régionale : Notre questionnaire');
    expect(mail.text).toContain('Notre questionnaire : version 2 (Ajout des kinés, question de recommandation)');
  });

  it('takes the update (the copy becomes the new version) or dismisses it (the copy stays, the notice goes)', async () => {
    const kept = (await coordA.ok<{ dismissResourceUpdate: Adoption }>(DISMISS, { id: copyA.id })).dismissResourceUpdate;
    expect(kept).toMatchObject({
      adoptedVersion: 1,
      latestVersion: 2,
      updateAvailable: false,
      adapted: true,
      title: 'Notre questionnaire',
    });
    expect(errorCode(await coordB.request(DISMISS, { id: copyA.id }))).toBe('NOT_FOUND');
    expect(errorCode(await boardA.request(TAKE, { id: copyA.id }))).toBe('FORBIDDEN');
    const taken = (await coordB.ok<{ takeResourceUpdate: Adoption }>(TAKE, { id: copyB.id })).takeResourceUpdate;
    expect(taken).toMatchObject({ adoptedVersion: 2, latestVersion: 2, updateAvailable: false, adapted: false });
    expect(taken.content!.questions!.map((q) => q.label)).toContain('Recommanderiez-vous la CPTS ?');
    expect(errorCode(await coordB.request(TAKE, { id: copyB.id }))).toBe('CONFLICT');
  });

  it('counts downloads by CPTS and shows the region its usage (officers: the CPTS they follow only)', async () => {
    const url = reflex.versions[0].files[0].url;
    const res = await http(coordA, url);
    expect([res.status, await res.text()]).toEqual([200, 'Affiche canicule : buvez de l’eau.']);
    expect((await http(coordB, url)).status).toBe(200);
    expect((await http(admin, url)).status).toBe(200);
    for (const client of [coordOther, adminOther]) expect((await http(client, url)).status).toBe(404);
    expect((await http(null, url)).status).toBe(401);

    type Usage = {
      adoptions: number;
      downloads: number;
      cpts: Array<{ cptsName: string; adoptedVersion: number | null; adapted: boolean; downloads: number }>;
    };
    const usage = (await admin.ok<{ resourceUsage: Usage }>(USAGE, { r: survey.id })).resourceUsage;
    expect(usage).toEqual({
      adoptions: 2,
      downloads: 0,
      cpts: [
        { cptsName: 'CPTS Ressources Alpha', adoptedVersion: 1, adapted: true, downloads: 0 },
        { cptsName: 'CPTS Ressources Bravo', adoptedVersion: 2, adapted: false, downloads: 0 },
      ],
    });
    expect((await admin.ok<{ resourceUsage: Usage }>(USAGE, { r: reflex.id })).resourceUsage).toMatchObject({ adoptions: 0, downloads: 2 });
    const followed = (await officer.ok<{ resourceUsage: Usage }>(USAGE, { r: survey.id })).resourceUsage;
    expect(followed.cpts.map((c) => c.cptsName)).toEqual(['CPTS Ressources Alpha']);
    expect(errorCode(await adminOther.request(USAGE, { r: survey.id }))).toBe('NOT_FOUND');
    expect(errorCode(await coordA.request(USAGE, { r: survey.id }))).toBe('FORBIDDEN');
  });
});
