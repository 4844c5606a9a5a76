import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DraftReminderHandler, ProposerLinks } from '@cpts/calls';
import { MailEnv } from '@cpts/platform-config';
import { Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { LinkSigner, uuidBytes } from '@cpts/platform-mail';
import { AppProcess, errorCode, GraphQLClient, SmtpSink } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const DAY = 86_400_000;
/** Today in Paris (YYYY-MM-DD), shifted by `days`: a call opens and closes on Paris calendar days. */
const parisDay = (days = 0) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
};
const CALL = `id slug state`;
const CREATE_CALL = `mutation($i: CallInput!) { createCall(input: $i) { ${CALL} } }`;
const UPDATE_CALL = `mutation($id: ID!, $i: CallInput!) { updateCall(id: $id, input: $i) { ${CALL} } }`;
const PUBLISH = `mutation($id: ID!) { publishCall(id: $id) { ${CALL} } }`;
const TEAM_PROJECT = `query($id: ID!) { callProject(id: $id) { id status proposer { id name email created } coCarriers { id name }
  events { fromStatus toStatus actorName note } documents { id fileName contentType bytes byProposer url } } }`;

type TeamProject = {
  id: string;
  status: string;
  proposer: { id: string; name: string; email: string; created: boolean };
  coCarriers: Array<{ id: string; name: string }>;
  events: Array<{ fromStatus: string | null; toStatus: string; actorName: string; note: string | null }>;
  documents: Array<{ id: string; fileName: string; contentType: string; bytes: number; byProposer: boolean; url: string }>;
};
/** The proposer's page as the API answers it (loosely typed: the test reads what it checks). */
type Page = {
  cptsName: string;
  cptsSlug: string;
  callPage: string;
  call: {
    title: string;
    state: string;
    timeline: string;
    missions: Array<{ code: string; label: string }>;
    flatFeeCents: number;
    hourlyRateCents: number;
    requiredCriteria: string[];
  };
  project: {
    number: string;
    status: string;
    title: string;
    summary: string;
    coCarriers: Array<{ id: string; name: string }>;
    speakerFeesCents: number;
    budgetCents: number;
    criteria: Array<{ criterion: string; indicator: string; target: string }>;
    proposer: { name: string; email: string };
  };
  statusLabel: string;
  statusHelp: string;
  can: { edit: boolean; submit: boolean; reason: string | null };
  comments: Array<{ author: string; authorName: string; body: string }>;
  documents: Array<{ id: string; fileName: string; byProposer: boolean; url: string }>;
  history: Array<{ fromStatus: string | null; toStatus: string; label: string; actorName: string; note: string | null }>;
  professions: Array<{ code: string; label: string }>;
  communes: Array<{ code: string; name: string }>;
};
type Failure = {
  code?: string;
  message?: string;
  errors: Array<{ message: string; extensions: { code: string; fields?: Array<{ field: string; message: string }> } }>;
};

/**
 * The proposer's side of a call for projects, through the real gateway,
 * PostgreSQL, Redis, the worker and an SMTP sink: the call's public page, a
 * proposal (the person matched or entered in the directory, the magic link
 * emailed and never shown), the project's page through that link (autosave,
 * submission only complete, the thread, co-carriers, documents), the
 * close, the links asked again, expired, forged or crossed links, and the
 * drafts' reminder as the worker runs it.
 */
describe('calls for projects: the public page and the proposer’s link', () => {
  let h: Harness;
  let sink: SmtpSink;
  let worker: AppProcess;
  let tenant: { id: string; communes: string[]; slug: string };
  let other: { id: string; communes: string[]; slug: string };
  let coord: GraphQLClient;
  let coordB: GraphQLClient;
  let member: GraphQLClient;
  let coordEmail: string;
  let links: ProposerLinks;
  let callId: string;
  let callSlug: string;
  let known: string;
  let ips = 0;
  /** Projects of the test, by their role in it. */
  const projects: Record<string, { id: string; token: string; email: string }> = {};

  const year = Number(parisDay(-3).slice(0, 4));
  const callInput = (extra: Record<string, unknown> = {}) => ({
    year,
    slug: 'pro-actif',
    title: 'Pro Actif',
    rules: 'Un projet par porteur ; ateliers sur le territoire.',
    opensOn: parisDay(-3),
    closesOn: parisDay(30),
    envelopeCents: 300_000,
    missions: ['PREVENTION', 'PROFESSIONAL_SUPPORT'],
    hourlyRateCents: 6_000,
    requiredCriteria: ['Participation'],
    rubric: [{ label: 'Faisabilité', weight: 1 }],
    ...extra,
  });
  const form = (extra: Record<string, unknown> = {}) => ({
    title: 'Jeu de prévention pour les enfants',
    summary: 'Un jeu de plateau pour prévenir les troubles posturaux.',
    missions: ['prevention'],
    targetPublic: 'Enfants de 6 à 10 ans',
    coCarrierIds: [],
    workshopCount: 2,
    workshopMinutes: 90,
    speakers: 1,
    budgetLines: [{ kind: 'materials', label: 'Impression du plateau', amountCents: 35_000 }],
    criteria: [{ criterion: 'Participation', indicator: "Nombre d'enfants", target: '40' }],
    ...extra,
  });
  const identity = (extra: Record<string, unknown> = {}) => ({
    firstName: 'Inès',
    lastName: 'Nouvelle',
    professionCode: '40',
    communeCode: tenant.communes[0],
    ...extra,
  });

  /** A public request, each from an address of its own (the public routes are limited per address). */
  const call = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${h.gateway.url}${url}`, {
      method,
      redirect: 'manual',
      headers: {
        'x-forwarded-for': `203.0.113.${(ips++ % 250) + 1}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const json = async <T = Page>(res: Response) => (await res.json()) as T;
  const upload = (token: string, fileName: string, body: Buffer) =>
    fetch(`${h.gateway.url}/api/public/projects/${token}/documents`, {
      method: 'POST',
      headers: {
        'x-forwarded-for': `203.0.113.${(ips++ % 250) + 1}`,
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent(fileName),
      },
      body,
    });
  const fieldsOf = (body: Failure) => (body.errors[0].extensions.fields ?? []).map((f) => [f.field, f.message]);
  const proposal = (extra: Record<string, unknown> = {}, slug = callSlug) =>
    call('POST', `/api/public/calls/${tenant.slug}/${slug}/proposals`, {
      ...identity(),
      email: 'ines.nouvelle@exemple.fr',
      title: 'Ateliers posture',
      ...extra,
    });
  /** The `nth` email to `email` with this subject (waits for it), and the project's link it carries. */
  const linkIn = async (email: string, subject: string, nth = 1) => {
    const matching = () => sink.to(email).filter((m) => m.subject === subject);
    await sink.waitFor(() => matching().length >= nth);
    const mail = matching()[nth - 1];
    const token = new RegExp(`${process.env.APP_URL}/cpts/${tenant.slug}/projets/([A-Za-z0-9_-]{20,})`).exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    return { token: token as string, mail };
  };
  const teamProject = async (id: string) => (await coord.ok<{ callProject: TeamProject }>(TEAM_PROJECT, { id })).callProject;
  const count = async (table: string, tenantId = tenant.id) =>
    (await h.data.inTenant(tenantId, (db) => db.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]))).rows[0]
      .n as number;
  /** What a refused request must leave as it was: the CPTS's projects, their history, threads, files, and its directory. */
  const snapshot = async (tenantId: string) =>
    h.data.inTenant(tenantId, async (db) => ({
      projects: (
        await db.query(
          `SELECT id, status, title, summary, co_carriers, criteria, updated_at FROM call_projects WHERE tenant_id = $1 ORDER BY id`,
          [tenantId],
        )
      ).rows,
      events: (await db.query(`SELECT count(*)::int AS n FROM call_project_events WHERE tenant_id = $1`, [tenantId])).rows[0].n,
      comments: (await db.query(`SELECT count(*)::int AS n FROM call_project_comments WHERE tenant_id = $1`, [tenantId])).rows[0].n,
      documents: (await db.query(`SELECT count(*)::int AS n FROM call_project_documents WHERE tenant_id = $1`, [tenantId])).rows[0].n,
      people: (await db.query(`SELECT count(*)::int AS n FROM professionals WHERE tenant_id = $1`, [tenantId])).rows[0].n,
      mails: (await db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE tenant_id = $1`, [tenantId])).rows[0].n,
    }));
  const projectIdOf = (token: string) => links.read(token)!.projectId;

  beforeAll(async () => {
    sink = new SmtpSink();
    const port = await sink.start();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?tls=off`;
    h = await startHarness();
    worker = new AppProcess('worker', { SMTP_URL: process.env.SMTP_URL, RECONCILE_INTERVAL_MS: '1000' });
    worker.start();
    const regionId = await h.data.region();
    tenant = await h.data.cpts(regionId, { name: 'CPTS Porteurs de projets', departement: '24', communes: 2 });
    other = await h.data.cpts(regionId, { name: 'CPTS Autre territoire', departement: '47', communes: 1 });
    coordEmail = (await h.data.user([{ role: Role.COORDINATOR, tenantId: tenant.id }])).email;
    coord = await h.signedIn(coordEmail);
    coordB = await h.signedIn((await h.data.user([{ role: Role.COORDINATOR, tenantId: other.id }])).email);
    member = await h.signedIn((await h.data.user([{ role: Role.MEMBER, tenantId: tenant.id }])).email);
    links = new ProposerLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string);
    known = await h.data.professional(tenant.id, tenant.communes[0], {
      lastName: 'Connue',
      firstName: 'Claire',
      professionCode: '60',
      rpps: '10100000008',
      email: 'claire.connue@exemple.fr',
    });
    const created = (await coord.ok<{ createCall: { id: string; slug: string } }>(CREATE_CALL, { i: callInput() })).createCall;
    [callId, callSlug] = [created.id, created.slug];
    expect((await coord.ok<{ publishCall: { state: string } }>(PUBLISH, { id: callId })).publishCall.state).toBe('OPEN');
    // Another CPTS's published call, with a project: what a crossed link would reach.
    const b = (await coordB.ok<{ createCall: { id: string } }>(CREATE_CALL, { i: callInput({ slug: 'appel-de-b', title: 'Appel de B' }) }))
      .createCall;
    await coordB.ok(PUBLISH, { id: b.id });
    const res = await call('POST', `/api/public/calls/${other.slug}/appel-de-b/proposals`, {
      ...identity({ communeCode: other.communes[0], lastName: 'Bravo' }),
      email: 'porteur.appel@bravo.fr',
      title: 'Projet de B',
    });
    expect(res.status).toBe(201);
    const { token } = await (async () => {
      await sink.waitFor(() => sink.to('porteur.appel@bravo.fr').length === 1);
      return { token: /\/projets\/([A-Za-z0-9_-]{20,})/.exec(sink.to('porteur.appel@bravo.fr')[0].text)![1] };
    })();
    projects.ofB = { id: links.read(token)!.projectId, token, email: 'porteur.appel@bravo.fr' };
  }, 60_000);
  afterAll(async () => {
    await worker.kill('SIGTERM');
    await h.close();
    await sink.stop();
  });

  it('shows a published call with its timeline, missions, fee schedule and the identity form’s choices; nothing of a draft or of another CPTS', async () => {
    const res = await call('GET', `/api/public/calls/${tenant.slug}/${callSlug}`);
    expect([res.status, res.headers.get('cache-control')]).toEqual([200, 'no-store']);
    const page = await json<{
      cptsName: string;
      cptsSlug: string;
      call: Page['call'] & { membersOnly: boolean; rules: string };
      professions: Page['professions'];
      communes: Page['communes'];
    }>(res);
    expect(page).toMatchObject({
      cptsName: 'CPTS Porteurs de projets',
      cptsSlug: tenant.slug,
      call: {
        title: 'Pro Actif',
        state: 'open',
        rules: 'Un projet par porteur ; ateliers sur le territoire.',
        missions: [
          { code: 'prevention', label: 'Prévention' },
          { code: 'professional_support', label: 'Accompagnement des professionnels' },
        ],
        membersOnly: false,
        flatFeeCents: 10_000,
        hourlyRateCents: 6_000,
        requiredCriteria: ['Participation'],
      },
    });
    expect(page.call.timeline).toMatch(/^Ouvert jusqu'au \d{1,2} \S+ \d{4} inclus/);
    expect(JSON.stringify(page)).not.toMatch(/envelope|rubric|Faisabilité/i);
    expect(page.communes.map((c) => c.code).sort()).toEqual([...tenant.communes].sort());
    expect(page.professions).toEqual(expect.arrayContaining([expect.objectContaining({ code: '40' })]));

    // A draft call, another CPTS's call under this address, an unknown CPTS: a French 404, the same for each.
    await coord.ok(CREATE_CALL, { i: callInput({ slug: 'brouillon', title: 'Brouillon' }) });
    for (const url of [
      `/api/public/calls/${tenant.slug}/brouillon`,
      `/api/public/calls/${tenant.slug}/appel-de-b`,
      `/api/public/calls/${other.slug}/${callSlug}`,
    ]) {
      const refused = await call('GET', url);
      expect([refused.status, (await json<Failure>(refused)).errors[0].message]).toEqual([404, 'Appel à projets introuvable.']);
    }
    const nowhere = await call('GET', `/api/public/calls/cpts-inconnue/${callSlug}`);
    expect([nowhere.status, (await json<Failure>(nowhere)).errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('takes a proposal from someone new: French field errors first, then the person entered and flagged, the link emailed and never shown', async () => {
    const people = await count('professionals');
    const bad = await proposal({ email: 'pas-une-adresse', title: ' ', firstName: '', unknown: 'x' });
    const failure = await json<Failure>(bad);
    expect([bad.status, failure.errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(fieldsOf(failure)).toEqual(
      expect.arrayContaining([
        ['email', 'Adresse e-mail invalide : le lien de votre projet y sera envoyé.'],
        ['title', 'Donnez un titre à votre projet.'],
        ['firstName', 'Indiquez le prénom.'],
        ['unknown', 'Champ inconnu.'],
      ]),
    );
    const offTerritory = await proposal({ communeCode: other.communes[0] });
    expect([offTerritory.status, fieldsOf(await json<Failure>(offTerritory)).map(([f]) => f)]).toEqual([400, ['communeCode']]);
    expect(await count('professionals')).toBe(people);
    expect(await count('call_projects')).toBe(0);

    const res = await proposal({ email: 'Ines.Nouvelle@Exemple.fr' });
    const answer = await res.text();
    expect([res.status, JSON.parse(answer)]).toEqual([201, { sent: true, email: 'ines.nouvelle@exemple.fr' }]);
    expect(answer).not.toContain('projets');
    const { token } = await linkIn('ines.nouvelle@exemple.fr', 'Votre projet : Ateliers posture');
    projects.new = { id: projectIdOf(token), token, email: 'ines.nouvelle@exemple.fr' };

    // The team sees the record created by the proposal, to check; the directory's history says where it came from.
    const seen = await teamProject(projects.new.id);
    expect(seen.proposer).toMatchObject({ name: 'Inès Nouvelle', email: 'ines.nouvelle@exemple.fr', created: true });
    expect(seen.events).toEqual([
      {
        fromStatus: null,
        toStatus: 'DRAFT',
        actorName: 'Porteur du projet',
        note: "Fiche de l'annuaire créée par la candidature : à vérifier.",
      },
    ]);
    const history = await h.data.inTenant(tenant.id, (db) =>
      db.query(`SELECT kind, summary FROM person_history WHERE tenant_id = $1 AND professional_id = $2 ORDER BY at`, [
        tenant.id,
        seen.proposer.id,
      ]),
    );
    expect(history.rows).toContainEqual({
      kind: 'person.self_registered',
      summary: "Fiche créée par une candidature à l'appel « Pro Actif » : à vérifier par l'équipe.",
    });
    expect(await count('professionals')).toBe(people + 1);
  });

  it('matches a proposer by RPPS to the person already in the directory, and sends the link to the address the proposal gave', async () => {
    const people = await count('professionals');
    const res = await proposal({
      rpps: '101 0000 0008',
      firstName: 'Claire',
      lastName: 'Connue-Dupont',
      email: 'claire.pro@exemple.fr',
      title: 'Café des aidants',
    });
    expect(res.status).toBe(201);
    const { token } = await linkIn('claire.pro@exemple.fr', 'Votre projet : Café des aidants');
    projects.known = { id: projectIdOf(token), token, email: 'claire.pro@exemple.fr' };
    const seen = await teamProject(projects.known.id);
    expect(seen.proposer).toMatchObject({ id: known, name: 'Claire Connue', email: 'claire.pro@exemple.fr', created: false });
    expect(seen.events[0].note).toBeNull();
    expect(await count('professionals')).toBe(people);
    const invalid = await proposal({ rpps: '12345678901', email: 'autre@exemple.fr' });
    expect(fieldsOf(await json<Failure>(invalid))).toEqual([['rpps', 'Numéro RPPS invalide : vérifiez les 11 chiffres.']]);
    // The number alone finds the person; a number the directory does not know needs the rest, asked in the directory's words.
    const byNumber = await proposal({
      rpps: '10100000008',
      firstName: '',
      lastName: '',
      professionCode: '',
      communeCode: '',
      email: 'claire.pro@exemple.fr',
      title: 'Deuxième idée',
    });
    expect(byNumber.status).toBe(201);
    const { token: second } = await linkIn('claire.pro@exemple.fr', 'Votre projet : Deuxième idée');
    projects.second = { id: projectIdOf(second), token: second, email: 'claire.pro@exemple.fr' };
    expect((await teamProject(projects.second.id)).proposer.id).toBe(known);
    const unknownNumber = await proposal({
      rpps: '10100000016',
      firstName: '',
      lastName: '',
      professionCode: '',
      communeCode: '',
      email: 'inconnue@exemple.fr',
    });
    expect([unknownNumber.status, fieldsOf(await json<Failure>(unknownNumber)).map(([f]) => f)]).toEqual([
      400,
      ['lastName', 'firstName', 'professionCode', 'communeCode'],
    ]);
    expect(await count('professionals')).toBe(people);
  });

  it('opens the project from its link, saves drafts, refuses an incomplete submission (nothing written), then takes the complete one', async () => {
    const { token } = projects.new;
    const opened = await call('GET', `/api/public/projects/${token}`);
    expect([opened.status, opened.headers.get('cache-control')]).toEqual([200, 'no-store']);
    const page = await json(opened);
    expect(page).toMatchObject({
      cptsName: 'CPTS Porteurs de projets',
      callPage: `/cpts/${tenant.slug}/appels/${callSlug}`,
      call: { title: 'Pro Actif', state: 'open', flatFeeCents: 10_000, hourlyRateCents: 6_000, requiredCriteria: ['Participation'] },
      project: {
        number: 'P01',
        status: 'draft',
        title: 'Ateliers posture',
        summary: '',
        proposer: { name: 'Inès Nouvelle', email: 'ines.nouvelle@exemple.fr' },
      },
      statusLabel: 'Brouillon',
      can: { edit: true, submit: true, reason: null },
      comments: [],
      documents: [],
    });
    // The team's note about the record it must check is theirs: the proposer's history shows the step, not the note.
    expect(page.history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'draft', label: 'Brouillon', note: null })]);
    expect(page.communes.length).toBe(2);

    // A body the form never sends: refused field by field, nothing written.
    const before = await snapshot(tenant.id);
    const bad = await call('PUT', `/api/public/projects/${token}`, {
      form: form({ workshopMinutes: -5, title: '', budgetLines: [{ kind: 'food', label: 'Goûter', amountCents: 12.5 }], extra: 1 }),
    });
    const failure = await json<Failure>(bad);
    expect([bad.status, failure.errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(fieldsOf(failure).map(([f]) => f)).toEqual(
      expect.arrayContaining([
        'form.workshopMinutes',
        'form.title',
        'form.budgetLines.0.kind',
        'form.budgetLines.0.amountCents',
        'form.extra',
      ]),
    );
    expect(await snapshot(tenant.id)).toEqual(before);
    const outside = await call('PUT', `/api/public/projects/${token}`, { form: form({ missions: ['access_to_care'] }) });
    expect([outside.status, fieldsOf(await json<Failure>(outside))]).toEqual([
      400,
      [['missions', "Une des missions choisies n'est pas éligible à cet appel."]],
    ]);

    // A draft without criteria saves (autosave takes anything well-formed), with the fees from the call's schedule.
    const saved = await call('PUT', `/api/public/projects/${token}`, { form: form({ criteria: [] }) });
    expect(saved.status).toBe(200);
    // 1 speaker × (100 € + 2 workshops × 90 min at 60 €/h) + 350 € of materials.
    expect((await json(saved)).project).toMatchObject({
      title: 'Jeu de prévention pour les enfants',
      speakerFeesCents: 28_000,
      budgetCents: 63_000,
      criteria: [],
    });
    const draft = await snapshot(tenant.id);
    const incomplete = await call('POST', `/api/public/projects/${token}/submit`);
    const refusal = await json<Failure>(incomplete);
    expect([incomplete.status, refusal.errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(fieldsOf(refusal)).toEqual([
      ['criteria', "Fixez au moins un critère d'évaluation, avec son indicateur et sa cible."],
      ['criteria', "L'appel demande le critère « Participation », avec son indicateur et sa cible."],
    ]);
    const halfCriterion = await call('PUT', `/api/public/projects/${token}`, {
      form: form({ criteria: [{ criterion: 'Participation', indicator: 'Présents', target: '' }] }),
    });
    expect(halfCriterion.status).toBe(200);
    expect(fieldsOf(await json<Failure>(await call('POST', `/api/public/projects/${token}/submit`)))).toEqual([
      ['criteria', 'Le critère « Participation » doit avoir un indicateur et une cible.'],
    ]);
    const zero = await call('PUT', `/api/public/projects/${token}`, { form: form({ workshopMinutes: 0 }) });
    expect(zero.status).toBe(200);
    expect(fieldsOf(await json<Failure>(await call('POST', `/api/public/projects/${token}/submit`)))).toEqual([
      ['workshopMinutes', 'Un atelier dure plus de 0 heure : indiquez sa durée.'],
    ]);
    expect((await snapshot(tenant.id)).events).toBe(draft.events);

    expect((await call('PUT', `/api/public/projects/${token}`, { form: form() })).status).toBe(200);
    const submitted = await call('POST', `/api/public/projects/${token}/submit`);
    const after = await json(submitted);
    expect([submitted.status, after.project.status, after.statusLabel, after.can.edit]).toEqual([200, 'submitted', 'Déposé', false]);
    expect(after.can.reason).toBe("Ce projet a été déposé : il ne se modifie plus, sauf si l'équipe vous demande des changements.");
    expect(after.history.map((e) => [e.fromStatus, e.toStatus, e.actorName])).toEqual([
      [null, 'draft', 'Porteur du projet'],
      ['draft', 'submitted', 'Porteur du projet'],
    ]);
    expect((await teamProject(projects.new.id)).status).toBe('SUBMITTED');
    await sink.waitFor(() =>
      sink.to(coordEmail).some((m) => m.subject === 'Nouveau projet déposé : P01 Jeu de prévention pour les enfants'),
    );
    // Submitted: the form is the team's to read now.
    const late = await call('PUT', `/api/public/projects/${token}`, { form: form({ summary: 'Changé après coup' }) });
    expect([late.status, (await json<Failure>(late)).errors[0].extensions.code]).toEqual([409, 'CONFLICT']);
  });

  it('writes to the team, and names co-carriers found in the directory or entered in it', async () => {
    const { token } = projects.known;
    const empty = await call('POST', `/api/public/projects/${token}/comments`, { body: '   ' });
    expect([empty.status, fieldsOf(await json<Failure>(empty))]).toEqual([400, [['body', 'Écrivez votre message.']]]);
    const res = await call('POST', `/api/public/projects/${token}/comments`, { body: 'Faut-il un devis pour le matériel ?' });
    expect(res.status).toBe(200);
    expect((await json(res)).comments).toEqual([
      expect.objectContaining({ author: 'proposer', authorName: 'Claire Connue', body: 'Faut-il un devis pour le matériel ?' }),
    ]);
    await sink.waitFor(() => sink.to(coordEmail).some((m) => m.subject.startsWith('Nouveau message du porteur de projet')));
    await coord.ok(`mutation($id: ID!, $b: String!) { commentOnProject(id: $id, body: $b) { id } }`, {
      id: projects.known.id,
      b: 'Oui, joignez-le au projet.',
    });
    await linkIn(projects.known.email, "Un message de l'équipe sur votre projet : Café des aidants");
    expect((await json(await call('GET', `/api/public/projects/${token}`))).comments.map((c) => c.author)).toEqual(['proposer', 'team']);

    const people = await count('professionals');
    const added = await call(
      'POST',
      `/api/public/projects/${token}/co-carriers`,
      identity({ firstName: 'Paul', lastName: 'Coporteur', professionCode: '10' }),
    );
    const coCarrier = await json<{ id: string; name: string; professionCode: string }>(added);
    expect([added.status, coCarrier]).toEqual([201, { id: expect.any(String), name: 'Paul Coporteur', professionCode: '10' }]);
    expect(await count('professionals')).toBe(people + 1);
    const history = await h.data.inTenant(tenant.id, (db) =>
      db.query(`SELECT summary FROM person_history WHERE tenant_id = $1 AND professional_id = $2`, [tenant.id, coCarrier.id]),
    );
    expect(history.rows).toContainEqual({ summary: "Fiche créée par un projet de l'appel « Pro Actif » : à vérifier par l'équipe." });
    // Named again: the same person, nobody new.
    expect(
      (
        await json<{ id: string }>(
          await call(
            'POST',
            `/api/public/projects/${token}/co-carriers`,
            identity({ firstName: 'Paul', lastName: 'Coporteur', professionCode: '10' }),
          ),
        )
      ).id,
    ).toBe(coCarrier.id);
    const self = await call(
      'POST',
      `/api/public/projects/${token}/co-carriers`,
      identity({ rpps: '10100000008', firstName: 'Claire', lastName: 'Connue' }),
    );
    expect([self.status, fieldsOf(await json<Failure>(self))]).toEqual([
      400,
      [['lastName', 'Vous portez déjà ce projet : nommez une autre personne.']],
    ]);
    const noName = await call('POST', `/api/public/projects/${token}/co-carriers`, identity({ lastName: '' }));
    expect([noName.status, fieldsOf(await json<Failure>(noName))]).toEqual([400, [['lastName', 'Indiquez le nom.']]]);
    expect(await count('professionals')).toBe(people + 1);

    const saved = await json(
      await call('PUT', `/api/public/projects/${token}`, {
        form: form({ title: 'Café des aidants', coCarrierIds: [coCarrier.id], speakers: 2 }),
      }),
    );
    expect(saved.project.coCarriers).toEqual([{ id: coCarrier.id, name: 'Paul Coporteur', professionCode: '10' }]);
    // 2 speakers × (100 € + 2 × 90 € ) + 350 €.
    expect([saved.project.speakerFeesCents, saved.project.budgetCents]).toEqual([56_000, 91_000]);
    expect((await teamProject(projects.known.id)).coCarriers).toEqual([{ id: coCarrier.id, name: 'Paul Coporteur' }]);
  });

  it('keeps documents: checked, listed, downloaded by the proposer and the team, taken back, and fixed once the project is submitted', async () => {
    const { token, id } = projects.known;
    const folder = path.join(process.env.UPLOAD_DIR as string, 'call-project-documents', tenant.id);
    const onDisk = () => (existsSync(folder) ? readdirSync(folder) : []);
    const added = await upload(token, 'Devis matériel.txt', Buffer.from('Devis : 350 € de matériel'));
    const page = await json(added);
    expect([added.status, page.documents.map((d) => [d.fileName, d.byProposer])]).toEqual([201, [['Devis matériel.txt', true]]]);
    const [doc] = page.documents;
    expect(doc.url).toBe(`/api/public/projects/${token}/documents/${doc.id}`);
    expect(onDisk()).toEqual([doc.id]);

    const fake = await upload(token, 'programme.pdf', Buffer.from('pas un PDF'));
    expect([fake.status, (await json<Failure>(fake)).errors[0].message]).toEqual([
      400,
      "Ce fichier n'est pas un vrai fichier PDF : il n'a pas été ajouté.",
    ]);
    const exe = await upload(token, 'outil.exe', Buffer.from('MZ'));
    expect((await json<Failure>(exe)).errors[0].message).toMatch(/^Type de fichier non accepté\. Formats possibles : pdf/);
    const big = await upload(token, 'affiche.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(21 * 1024 * 1024)]));
    expect([big.status, (await json<Failure>(big)).errors[0].message]).toEqual([
      400,
      'Fichier trop volumineux : 20 Mo au plus par document.',
    ]);
    expect(onDisk()).toEqual([doc.id]);

    // Downloaded through the link, and by the team with its session; never by a member, nor by another CPTS.
    const mine = await call('GET', doc.url);
    expect([mine.status, mine.headers.get('content-type'), await mine.text()]).toEqual([
      200,
      'text/plain; charset=utf-8',
      'Devis : 350 € de matériel',
    ]);
    const listed = (await teamProject(id)).documents;
    expect(listed).toEqual([
      {
        id: doc.id,
        fileName: 'Devis matériel.txt',
        contentType: 'text/plain; charset=utf-8',
        bytes: Buffer.byteLength('Devis : 350 € de matériel'),
        byProposer: true,
        url: `/api/calls/project-documents/${doc.id}`,
      },
    ]);
    const team = await fetch(`${h.gateway.url}${listed[0].url}`, { headers: { authorization: `Bearer ${coord.accessToken}` } });
    expect([team.status, await team.text()]).toEqual([200, 'Devis : 350 € de matériel']);
    expect((await fetch(`${h.gateway.url}${listed[0].url}`, { headers: { authorization: `Bearer ${member.accessToken}` } })).status).toBe(
      403,
    );
    expect((await fetch(`${h.gateway.url}${listed[0].url}`, { headers: { authorization: `Bearer ${coordB.accessToken}` } })).status).toBe(
      404,
    );
    expect((await fetch(`${h.gateway.url}${listed[0].url}`)).status).toBe(401);
    // Another project's link does not reach it.
    const elsewhere = await call('GET', `/api/public/projects/${projects.new.token}/documents/${doc.id}`);
    expect([elsewhere.status, elsewhere.headers.get('content-type')]).toEqual([404, 'text/html; charset=utf-8']);

    const removed = await call('DELETE', `/api/public/projects/${token}/documents/${doc.id}`);
    expect([removed.status, (await json(removed)).documents]).toEqual([200, []]);
    expect((await call('GET', doc.url)).status).toBe(404);
    for (let i = 0; i < 100 && onDisk().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(onDisk()).toEqual([]);

    // Submitted: the file no longer changes.
    expect((await upload(token, 'Programme.txt', Buffer.from('Programme des ateliers'))).status).toBe(201);
    expect((await call('POST', `/api/public/projects/${token}/submit`)).status).toBe(200);
    const late = await upload(token, 'Oubli.txt', Buffer.from('Un oubli'));
    expect([late.status, (await json<Failure>(late)).errors[0].message]).toEqual([
      409,
      'Ce projet a été déposé : ses documents ne changent plus, sauf si l’équipe vous demande des changements.',
    ]);
    const [kept] = (await json(await call('GET', `/api/public/projects/${token}`))).documents;
    expect((await call('DELETE', `/api/public/projects/${token}/documents/${kept.id}`)).status).toBe(409);
    expect(onDisk()).toEqual([kept.id]);
  });

  it('refuses a members-only call to a non-member, and writes nothing', async () => {
    const reserved = (
      await coord.ok<{ createCall: { id: string } }>(CREATE_CALL, {
        i: callInput({ slug: 'reserve', title: 'Réservé', membersOnly: true }),
      })
    ).createCall;
    await coord.ok(PUBLISH, { id: reserved.id });
    const before = await snapshot(tenant.id);
    const res = await proposal({ firstName: 'Léa', lastName: 'Pasadhérente', email: 'lea@exemple.fr' }, 'reserve');
    expect([res.status, (await json<Failure>(res)).errors[0].message]).toEqual([
      409,
      `Cet appel est réservé aux adhérent·es de la CPTS pour ${year} : adhérez d'abord, ou contactez l'équipe si vous pensez l'être.`,
    ]);
    expect(await snapshot(tenant.id)).toEqual(before);
    await h.data.inTenant(tenant.id, (db) =>
      db.query(
        `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, gen_random_uuid(), $2, extract(year FROM now() AT TIME ZONE 'Europe/Paris')::int, 'active', 2000, 'liberal')`,
        [tenant.id, known],
      ),
    );
    expect(
      (
        await proposal(
          { rpps: '10100000008', firstName: 'Claire', lastName: 'Connue', email: 'claire.pro@exemple.fr', title: 'Projet d’adhérente' },
          'reserve',
        )
      ).status,
    ).toBe(201);
  });

  it('sends a fresh link for each project of the address, and answers the same for an unknown one', async () => {
    const subject = 'Votre projet : Café des aidants';
    const mailed = async () =>
      (
        await h.data.pool.query(
          `SELECT subject FROM mail_outbox WHERE tenant_id = $1 AND to_address = $2 AND kind = 'call_link' ORDER BY created_at`,
          [tenant.id, projects.known.email],
        )
      ).rows.map((r: { subject: string }) => r.subject);
    const before = await mailed();
    const res = await call('POST', `/api/public/calls/${tenant.slug}/${callSlug}/links`, { email: 'Claire.Pro@exemple.fr' });
    expect([res.status, await res.json()]).toEqual([200, { sent: true, email: 'claire.pro@exemple.fr' }]);
    // This call's two projects of the address; not the members-only call's (same address, another call).
    expect((await mailed()).sort()).toEqual([...before, subject, 'Votre projet : Deuxième idée'].sort());
    const { token } = await linkIn(projects.known.email, subject, 2);
    expect(projectIdOf(token)).toBe(projects.known.id);
    const mails = await count('mail_outbox');
    const unknown = await call('POST', `/api/public/calls/${tenant.slug}/${callSlug}/links`, { email: 'personne@exemple.fr' });
    expect([unknown.status, await unknown.json()]).toEqual([200, { sent: true, email: 'personne@exemple.fr' }]);
    expect(await count('mail_outbox')).toBe(mails);
    const bad = await call('POST', `/api/public/calls/${tenant.slug}/${callSlug}/links`, { email: 'nimporte' });
    expect([bad.status, fieldsOf(await json<Failure>(bad))]).toEqual([400, [['email', 'Adresse e-mail invalide.']]]);
  });

  it('answers 404 to a forged link, another CPTS’s, or another kind of link, on every route, and touches nothing', async () => {
    const project = projects.ofB;
    const signer = new LinkSigner(process.env.LINK_SECRET as string);
    const bad = {
      forged: `${project.token.slice(0, -2)}${project.token.endsWith('AA') ? 'BB' : 'AA'}`,
      // B's project under a link signed for A, and A's under one signed for B: neither CPTS's transaction finds it.
      crossedToA: links.token(tenant.id, project.id),
      crossedToB: links.token(other.id, projects.new.id),
      // The proposer's payload (CPTS, project, expiry) under another kind's MAC: a vote link's.
      otherKind: signer.sign('decision-vote-v1', Buffer.concat([uuidBytes(other.id), uuidBytes(project.id), Buffer.alloc(4, 0xff)])),
    };
    const doc = (
      await h.data.inTenant(tenant.id, (db) => db.query(`SELECT id FROM call_project_documents WHERE tenant_id = $1 LIMIT 1`, [tenant.id]))
    ).rows[0].id as string;
    const before = await Promise.all([snapshot(tenant.id), snapshot(other.id)]);
    for (const [what, token] of Object.entries(bad)) {
      const tries: Array<[string, string, unknown?, Record<string, string>?]> = [
        ['GET', `/api/public/projects/${token}`],
        ['PUT', `/api/public/projects/${token}`, { form: form() }],
        ['POST', `/api/public/projects/${token}/submit`],
        ['POST', `/api/public/projects/${token}/comments`, { body: 'Pirate' }],
        ['POST', `/api/public/projects/${token}/co-carriers`, identity({ lastName: 'Pirate' })],
        ['POST', `/api/public/projects/${token}/renew`],
        ['DELETE', `/api/public/projects/${token}/documents/${doc}`],
      ];
      for (const [method, url, body] of tries) {
        const res = await call(method, url, body);
        const text = await res.text();
        expect({
          what,
          method,
          url: url.replace(token, ':token'),
          status: res.status,
          leaks: ['Bravo', 'Projet de B', 'Ateliers', 'Inès'].filter((s) => text.includes(s)),
        }).toEqual({
          what,
          method,
          url: url.replace(token, ':token'),
          status: 404,
          leaks: [],
        });
      }
      const up = await upload(token, 'pirate.txt', Buffer.from('Pirate'));
      expect([what, up.status]).toEqual([what, 404]);
      const down = await call('GET', `/api/public/projects/${token}/documents/${doc}`);
      expect([what, down.status]).toEqual([what, 404]);
    }
    expect(await Promise.all([snapshot(tenant.id), snapshot(other.id)])).toEqual(before);
    // B's own link works (so the refusals above are not vacuous).
    expect((await json(await call('GET', `/api/public/projects/${project.token}`))).project.title).toBe('Projet de B');
  });

  it('answers 410 to an expired link, which may only ask for a fresh one, sent to the project’s address', async () => {
    const old = links.token(tenant.id, projects.new.id, Date.now() - 46 * DAY);
    expect(links.read(old)!.expired).toBe(true);
    const before = await snapshot(tenant.id);
    const res = await call('GET', `/api/public/projects/${old}`);
    const body = await json<Failure>(res);
    expect([res.status, body.code, body.message, body.errors[0].extensions.code]).toEqual([
      410,
      'LINK_EXPIRED',
      "Ce lien a expiré : un lien de projet ne vaut que 45 jours. Demandez-en un nouveau : il sera envoyé à l'adresse e-mail du projet.",
      'LINK_EXPIRED',
    ]);
    expect(JSON.stringify(body)).not.toContain('Jeu de prévention');
    for (const [method, url, payload] of [
      ['PUT', `/api/public/projects/${old}`, { form: form() }],
      ['POST', `/api/public/projects/${old}/comments`, { body: 'Encore là ?' }],
    ] as const)
      expect((await call(method, url, payload)).status).toBe(410);
    expect(await snapshot(tenant.id)).toEqual(before);

    const subject = 'Votre projet : Jeu de prévention pour les enfants';
    const renewed = await call('POST', `/api/public/projects/${old}/renew`);
    expect([renewed.status, await renewed.json()]).toEqual([200, { sent: true }]);
    const { token } = await linkIn(projects.new.email, subject);
    expect(links.read(token)).toMatchObject({ projectId: projects.new.id, expired: false });
    expect((await call('GET', `/api/public/projects/${token}`)).status).toBe(200);
  });

  it('reminds the drafts of an open call before its close, and only them', async () => {
    const app = h.gateway.app;
    const db = app.get(Db);
    const handler = new DraftReminderHandler(db, app.get(MailEnv));
    // A proposal left a draft, with Claire's second one: the only ones reminded (not the submitted ones, nor the members-only call's).
    expect((await proposal({ firstName: 'Dora', lastName: 'Brouillon', email: 'dora@exemple.fr', title: 'Marche santé' })).status).toBe(
      201,
    );
    const { token } = await linkIn('dora@exemple.fr', 'Votre projet : Marche santé');
    const due = { id: 'test', tenantId: tenant.id, kind: handler.kind, ref: callId, fireAt: new Date() };
    const decision = await db.run({ tenantId: tenant.id, label: 'test-reminder' }, () => handler.decide(due));
    if (!decision.send) throw new Error(`no reminder: ${decision.reason}`);
    expect(decision.emails.map((e) => [e.to, e.email.subject])).toEqual([
      ['claire.pro@exemple.fr', 'Plus que 30 jours pour déposer : Deuxième idée'],
      ['dora@exemple.fr', 'Plus que 30 jours pour déposer : Marche santé'],
    ]);
    // Each with its own fresh link.
    expect(decision.emails.map((e) => links.read(e.secret!))).toEqual([
      expect.objectContaining({ tenantId: tenant.id, projectId: projects.second.id, expired: false }),
      expect.objectContaining({ tenantId: tenant.id, projectId: projectIdOf(token), expired: false }),
    ]);

    // Nothing when no draft is left (another CPTS's reminder of this call reaches nothing either).
    for (const [draft, title] of [
      [projects.second.token, 'Deuxième idée'],
      [token, 'Marche santé'],
    ]) {
      expect((await call('PUT', `/api/public/projects/${draft}`, { form: form({ title }) })).status).toBe(200);
      expect((await call('POST', `/api/public/projects/${draft}/submit`)).status).toBe(200);
    }
    expect(await db.run({ tenantId: tenant.id, label: 'test-reminder' }, () => handler.decide(due))).toEqual({
      send: false,
      reason: 'aucun brouillon à déposer',
    });
    expect(await db.run({ tenantId: other.id, label: 'test-reminder' }, () => handler.decide({ ...due, tenantId: other.id }))).toEqual({
      send: false,
      reason: 'appel introuvable',
    });
  });

  it('after the close: refuses new proposals and drafts’ submissions with the reason, takes a resubmission asked by the team', async () => {
    // A draft left before the close.
    expect((await proposal({ firstName: 'Eve', lastName: 'Tardive', email: 'eve@exemple.fr', title: 'Trop tard' })).status).toBe(201);
    const { token: draft } = await linkIn('eve@exemple.fr', 'Votre projet : Trop tard');
    expect((await call('PUT', `/api/public/projects/${draft}`, { form: form({ title: 'Trop tard' }) })).status).toBe(200);
    // The team asks for changes on a submitted project, then the call closes (its dates moved by the coordinator).
    await coord.ok(`mutation($id: ID!, $n: String!) { requestProjectChanges(id: $id, note: $n) { id } }`, {
      id: projects.new.id,
      n: 'Précisez le public visé.',
    });
    await linkIn(projects.new.email, 'Modifications demandées : Jeu de prévention pour les enfants');
    const closed = (
      await coord.ok<{ updateCall: { state: string } }>(UPDATE_CALL, {
        id: callId,
        i: callInput({ opensOn: parisDay(-10), closesOn: parisDay(-1) }),
      })
    ).updateCall;
    expect(closed.state).toBe('CLOSED');
    const closedOn = new Date(`${parisDay(-1)}T12:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'UTC' });
    const reason = `Cet appel est clos depuis le ${closedOn} à minuit : plus aucun projet ne peut être déposé.`;

    const before = await snapshot(tenant.id);
    const late = await proposal({ firstName: 'Zoé', lastName: 'Après', email: 'zoe@exemple.fr' });
    expect([late.status, (await json<Failure>(late)).errors[0].message]).toEqual([409, reason]);
    const page = await json(await call('GET', `/api/public/projects/${draft}`));
    expect([page.call.state, page.can, page.statusHelp]).toEqual(['closed', { edit: false, submit: false, reason }, reason]);
    expect(page.call.timeline).toMatch(/^Clos depuis le /);
    for (const [method, url, body] of [
      ['POST', `/api/public/projects/${draft}/submit`, undefined],
      ['PUT', `/api/public/projects/${draft}`, { form: form() }],
    ] as const) {
      const res = await call(method, url, body);
      expect([res.status, (await json<Failure>(res)).errors[0].message]).toEqual([409, reason]);
    }
    expect(await snapshot(tenant.id)).toEqual(before);

    // The project the team sent back was in time: it is completed and submitted again after the close.
    const back = await json(await call('GET', `/api/public/projects/${projects.new.token}`));
    expect([back.project.status, back.can.edit, back.statusLabel]).toEqual(['changes_requested', true, 'Modifications demandées']);
    expect(back.history.at(-1)).toMatchObject({ toStatus: 'changes_requested', note: 'Précisez le public visé.' });
    expect(
      (
        await call('PUT', `/api/public/projects/${projects.new.token}`, {
          form: form({ targetPublic: 'Enfants de 6 à 10 ans et leurs parents' }),
        })
      ).status,
    ).toBe(200);
    const again = await call('POST', `/api/public/projects/${projects.new.token}/submit`);
    expect([again.status, (await json(again)).project.status]).toEqual([200, 'submitted']);
    expect((await teamProject(projects.new.id)).events.map((e) => e.toStatus)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'CHANGES_REQUESTED',
      'SUBMITTED',
    ]);
    // The drafts' reminder has nothing to say to a closed call.
    const app = h.gateway.app;
    const handler = new DraftReminderHandler(app.get(Db), app.get(MailEnv));
    expect(
      await app
        .get(Db)
        .run({ tenantId: tenant.id, label: 'test-reminder' }, () =>
          handler.decide({ id: 'test', tenantId: tenant.id, kind: handler.kind, ref: callId, fireAt: new Date() }),
        ),
    ).toEqual({ send: false, reason: "l'appel n'est pas ouvert" });
    expect(errorCode(await member.request(`query($id: ID!) { callProject(id: $id) { id } }`, { id: projects.new.id }))).toBe('FORBIDDEN');
  });

  it('moves the call page to the CPTS’s new address (308), and still takes a POST at the former one', async () => {
    const former = tenant.slug;
    const current = `${former.slice(0, 50)}-nouvelle`;
    await h.data.pool.query(`INSERT INTO tenant_slugs (slug, tenant_id) VALUES ($1, $2)`, [current, tenant.id]);
    await h.data.pool.query(`UPDATE tenants SET slug = $2 WHERE id = $1`, [tenant.id, current]);
    const moved = await call('GET', `/api/public/calls/${former}/${callSlug}`);
    expect([moved.status, moved.headers.get('location')]).toEqual([308, `/api/public/calls/${current}/${callSlug}`]);
    const page = await call('GET', `/api/public/calls/${current}/${callSlug}`);
    expect([page.status, (await json<{ cptsSlug: string }>(page)).cptsSlug]).toEqual([200, current]);
    const links = await call('POST', `/api/public/calls/${former}/${callSlug}/links`, { email: 'personne@exemple.fr' });
    expect(links.status).toBe(200);
    const opened = await json(await call('GET', `/api/public/projects/${projects.new.token}`));
    expect([opened.cptsSlug, opened.callPage]).toEqual([current, `/cpts/${current}/appels/${callSlug}`]);
  });
});
