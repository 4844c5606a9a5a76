import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { Role } from '@cpts/platform-core';
import { errorCode, GraphQLClient, GraphQLResult } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const HOUR = 3_600_000;
/** The Paris year of the meetings held a few hours ago: the fiche's year. */
const Y = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date(Date.now() - 5 * HOUR)));

const INDICATOR = `id label kind unit target actual computedFrom met assessment`;
const FICHE = `id year title objective mission actions status startsOn endsOn responsible { kind id name } indicators { ${INDICATOR} } sources { kind id }
  reviewMeetings { id title ficheIds }`;
const EVIDENCE = `query($f: ID!) { ficheEvidence(ficheId: $f) { id kind automatic title from to figures { label value unit key } details url gap } }`;
const CREATE = `mutation($i: FicheInput!) { createFiche(input: $i) { ${FICHE} } }`;
const LINK = `mutation($f: ID!, $k: FicheSourceKind!, $s: ID!) { linkFicheSource(ficheId: $f, kind: $k, sourceId: $s) { ${FICHE} } }`;

type Indicator = {
  id: string;
  label: string;
  kind: string;
  unit: string | null;
  target: number | null;
  actual: number | null;
  computedFrom: string | null;
  met: boolean | null;
  assessment: string | null;
};
type Fiche = {
  id: string;
  title: string;
  indicators: Indicator[];
  sources: Array<{ kind: string; id: string }>;
  reviewMeetings: Array<{ id: string; title: string; ficheIds: string[] }>;
  responsible: { kind: string; name: string } | null;
};
type Evidence = {
  id: string;
  kind: string;
  automatic: boolean;
  title: string;
  from: string | null;
  to: string | null;
  figures: Array<{ label: string; value: number | null; unit: string | null; key: string | null }>;
  details: string[];
  url: string | null;
  gap: string | null;
};

const fieldsOf = (res: GraphQLResult<unknown>) =>
  (res.errors?.[0]?.extensions as { fields?: Array<{ field: string }> } | undefined)?.fields?.map((f) => f.field) ?? [];

/**
 * The fiches action and the year's file through the real gateway: a fiche
 * linked to a working group with meetings held, a mailing and a Pro Actif
 * project shows the figures those recorded (and its computed actuals); manual
 * evidence (text, file); review meetings of the meetings engine; the PDF
 * (pages, text) and XLSX; the roles and the validation errors.
 */
describe('evaluation: fiches action, evidence, the dialogue de gestion file', () => {
  let h: Harness;
  let tenant: { id: string; communes: string[]; slug: string };
  let coord: GraphQLClient;
  let staff: GraphQLClient;
  let board: GraphQLClient;
  let member: GraphQLClient;
  let groupId: string;
  let campaignId: string;
  let projectId: string;
  const pros: string[] = [];
  let fiche: Fiche;

  const sql = async <T>(text: string, params: unknown[] = []) =>
    (await h.data.inTenant(tenant.id, (db) => db.query(text, [tenant.id, ...params]))).rows as T[];
  const http = (client: GraphQLClient | null, url: string, init: RequestInit = {}) =>
    fetch(`${h.gateway.url}${url}`, {
      ...init,
      headers: { ...(client ? { authorization: `Bearer ${client.accessToken}` } : {}), ...(init.headers as Record<string, string>) },
    });
  const evidenceOf = async (id: string) => (await staff.ok<{ ficheEvidence: Evidence[] }>(EVIDENCE, { f: id })).ficheEvidence;

  beforeAll(async () => {
    h = await startHarness();
    const region = await h.data.region();
    tenant = await h.data.cpts(region, { name: 'CPTS Évaluation Test' });
    const users = await Promise.all(
      [Role.COORDINATOR, Role.STAFF, Role.BOARD_MEMBER, Role.MEMBER].map((role, n) =>
        h.data.user([{ role, tenantId: tenant.id }], `eval-${n}-${randomUUID().slice(0, 6)}@test.cpts.fr`),
      ),
    );
    [coord, staff, board, member] = await Promise.all(users.map((u) => h.signedIn(u.email)));
    for (const [n, code] of ['60', '60', '10', '50'].entries())
      pros.push(
        await h.data.professional(tenant.id, tenant.communes[0], {
          lastName: `Evalua${n}`,
          professionCode: code,
          email: `eval-pro-${n}@exemple.fr`,
        }),
      );
    // A working group with two meetings held this year (5 attendances incl. a guest; 3 distinct people), one cancelled, one to come.
    groupId = randomUUID();
    await sql(`INSERT INTO working_groups (tenant_id, id, name, missions) VALUES ($1, $2, 'Parcours diabète', '{care_pathways}')`, [
      groupId,
    ]);
    const meeting = async (startsAt: number, status: string, guests: number, present: string[]) => {
      const id = randomUUID();
      await sql(
        `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, title, starts_at, ends_at, place, status, guest_count)
         VALUES ($1, $2, 'working_group', $3, 'Parcours diabète', $4, $5, $6, 'Salle', $7, $8)`,
        [id, groupId, `Réunion ${status} ${startsAt}`, new Date(startsAt), new Date(startsAt + HOUR), status, guests],
      );
      for (const pro of pros.slice(0, 3))
        await sql(
          `INSERT INTO meeting_invitees (tenant_id, id, meeting_id, professional_id, name, attendance) VALUES ($1, gen_random_uuid(), $2, $3, 'X', $4)`,
          [id, pro, present.includes(pro) ? 'present' : 'absent'],
        );
    };
    await meeting(Date.now() - 5 * HOUR, 'scheduled', 1, [pros[0], pros[1]]);
    await meeting(Date.now() - 3 * HOUR, 'scheduled', 0, [pros[0], pros[2]]);
    await meeting(Date.now() - 4 * HOUR, 'cancelled', 0, [pros[0]]);
    await meeting(Date.now() + 48 * HOUR, 'scheduled', 0, []);
    // A mailing: 4 sent, 1 failed; 2 recipients clicked (one twice): click rate 2/4 = 50 %.
    const c = await h.data.campaign(tenant.id, {
      subject: 'Lettre diabète',
      bodyHtml: '<p><a href="https://exemple.fr">lien</a></p>',
      recipients: [0, 1, 2, 3, 4].map((n) => ({
        email: `eval-r${n}@exemple.fr`,
        state: n === 4 ? ('failed' as const) : ('sent' as const),
      })),
    });
    campaignId = c.campaignId;
    for (const d of [c.deliveryIds[0], c.deliveryIds[0], c.deliveryIds[1]])
      await sql(
        `INSERT INTO campaign_clicks (tenant_id, id, campaign_id, delivery_id, link_index) VALUES ($1, gen_random_uuid(), $2, $3, 0)`,
        [campaignId, d],
      );
    // A Pro Actif project, evaluated: budget 1,500 EUR, 1,200 approved.
    const callId = randomUUID();
    projectId = randomUUID();
    await sql(
      `INSERT INTO calls (tenant_id, id, year, slug, title, rules, opens_on, closes_on, envelope_cents, missions, members_only, flat_fee_cents, hourly_rate_cents)
       VALUES ($1, $2, $3, 'pro-actif-eval', 'Pro Actif Éval', '', '${Y}-01-01', '${Y}-12-31', 500000, '{prevention}', false, 0, 0)`,
      [callId, Y],
    );
    await sql(
      `INSERT INTO call_projects (tenant_id, id, call_id, seq, status, proposer_id, proposer_created, proposer_email, title, budget_cents, approved_cents, criteria, evaluated_at)
       VALUES ($1, $2, $3, 1, 'evaluated', $4, false, 'p@exemple.fr', 'Dépistage rétinopathie', 150000, 120000, $5, now())`,
      [projectId, callId, pros[0], JSON.stringify([{ criterion: 'Patients dépistés', indicator: 'Nombre', target: '40', actual: '52' }])],
    );
    // Members of the year: two of profession 60, one of 10 (and a lapsed one, not counted).
    for (const [n, status] of ['active', 'active', 'active', 'lapsed'].entries())
      await sql(
        `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, gen_random_uuid(), $2, $3, $4, 2000, 'liberal')`,
        [pros[n], Y, status],
      );
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  it('creates a fiche by hand and links recorded work: the evidence shows its figures, the computed actuals add them up', async () => {
    const created = await staff.ok<{ createFiche: Fiche }>(CREATE, {
      i: {
        year: Y,
        title: 'Parcours diabète de type 2',
        objective: 'Coordonner le suivi des patients diabétiques.',
        mission: 'CARE_PATHWAYS',
        actions: ['Réunir le groupe', ' Former les IDE  '],
        responsibleProfessionalId: pros[0],
        startsOn: `${Y}-01-15`,
        endsOn: `${Y}-12-15`,
        status: 'IN_PROGRESS',
        indicators: [
          { label: 'Réunions du groupe', kind: 'QUANTITATIVE', target: 2, computedFrom: 'meetings' },
          { label: 'Participations', kind: 'QUANTITATIVE', target: 10, computedFrom: 'attendances' },
          { label: 'Patients inclus', kind: 'QUANTITATIVE', unit: 'patients', target: 30, actual: 35 },
          { label: 'Satisfaction des équipes', kind: 'QUALITATIVE', assessment: 'Bonne dynamique.' },
        ],
      },
    });
    fiche = created.createFiche;
    expect(fiche).toMatchObject({ title: 'Parcours diabète de type 2', responsible: { kind: 'professional', name: 'Prénom Evalua0' } });
    expect((created.createFiche as unknown as { actions: string[] }).actions).toEqual(['Réunir le groupe', 'Former les IDE']);
    for (const [kind, id] of [
      ['WORKING_GROUP', groupId],
      ['CAMPAIGN', campaignId],
      ['CALL_PROJECT', projectId],
      ['MEMBERSHIPS', tenant.id],
    ])
      fiche = (await staff.ok<{ linkFicheSource: Fiche }>(LINK, { f: fiche.id, k: kind, s: id })).linkFicheSource;
    expect(fiche.sources.map((s) => s.kind)).toEqual(['WORKING_GROUP', 'CAMPAIGN', 'CALL_PROJECT', 'MEMBERSHIPS']);
    // Meetings: 2 held (the cancelled and the coming ones are not); 3 + 2 = 5 attendances: target 2 met, target 10 not.
    expect(fiche.indicators.map((i) => [i.label, i.actual, i.met])).toEqual([
      ['Réunions du groupe', 2, true],
      ['Participations', 5, false],
      ['Patients inclus', 35, true],
      ['Satisfaction des équipes', null, null],
    ]);
    const evidence = await evidenceOf(fiche.id);
    const byKind = Object.fromEntries(evidence.map((e) => [e.kind, e]));
    const figures = (e: Evidence) => Object.fromEntries(e.figures.map((f) => [f.label, f.value]));
    expect(figures(byKind.working_group)).toEqual({ 'Réunions tenues': 2, Participations: 5, 'Personnes distinctes': 3 });
    expect(byKind.working_group).toMatchObject({ title: 'Groupe de travail « Parcours diabète »', url: `/groupes-de-travail/${groupId}` });
    expect(byKind.working_group.details).toHaveLength(2);
    expect(figures(byKind.campaign)).toEqual({ Destinataires: 4, Cliqueurs: 2, 'Taux de clic': 50 });
    expect(byKind.campaign.url).toBe(`/campagnes/${campaignId}/rapport`);
    expect(figures(byKind.call_project)).toEqual({
      'Budget demandé': 1500,
      'Budget approuvé': 1200,
      Payé: 0,
      'Ateliers tenus': 0,
      'Participants aux ateliers': 0,
    });
    expect(byKind.call_project.details).toEqual(['Statut : évalué', 'Critère « Patients dépistés » — cible : 40 ; mesuré : 52']);
    expect(figures(byKind.memberships)).toEqual({ Adhérents: 3, 'Professions représentées': 2 });
    expect(byKind.memberships.details).toHaveLength(2);
    expect(evidence.every((e) => e.automatic && e.gap === null)).toBe(true);
  });

  it('keeps manual evidence: a text, a file (downloaded by the board), removed by the team', async () => {
    const add = `mutation($i: FicheEvidenceTextInput!) { addFicheEvidence(input: $i) { id } }`;
    await staff.ok(add, {
      i: { ficheId: fiche.id, title: 'Bilan du comité de pilotage', body: 'Les IDE demandent une seconde session.', datedOn: `${Y}-06-30` },
    });
    const upload = await http(staff, `/api/evaluation/fiches/${fiche.id}/evidence`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('compte-rendu.txt'),
        'x-evidence-title': encodeURIComponent('Compte rendu signé'),
      },
      body: 'Compte rendu du comité',
    });
    expect(upload.status).toBe(201);
    const file = ((await upload.json()) as { data: { ficheEvidence: Evidence } }).data.ficheEvidence;
    expect(file).toMatchObject({ kind: 'file', automatic: false, title: 'Compte rendu signé', url: `/api/evaluation/evidence/${file.id}` });
    const manual = (await evidenceOf(fiche.id)).filter((e) => !e.automatic);
    expect(manual.map((e) => [e.kind, e.title, e.from])).toEqual([
      ['text', 'Bilan du comité de pilotage', `${Y}-06-30`],
      ['file', 'Compte rendu signé', expect.any(String)],
    ]);
    const download = await http(board, file.url!);
    expect([download.status, await download.text()]).toEqual([200, 'Compte rendu du comité']);
    expect((await http(member, file.url!)).status).toBe(403);
    // A file that is not what its name says is refused, with a field error.
    const bad = await http(staff, `/api/evaluation/fiches/${fiche.id}/evidence`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'faux.pdf' },
      body: 'pas un pdf',
    });
    expect(bad.status).toBe(400);
    // The board reads, never writes.
    expect(errorCode(await board.request(`mutation($id: ID!) { removeFicheEvidence(id: $id) { id } }`, { id: file.id }))).toBe('FORBIDDEN');
    await staff.ok(`mutation($id: ID!) { removeFicheEvidence(id: $id) { id } }`, { id: file.id });
    expect((await evidenceOf(fiche.id)).filter((e) => !e.automatic).map((e) => e.kind)).toEqual(['text']);
    expect((await http(board, file.url!)).status).toBe(404);
  });

  it('refuses invalid input with codes and field names, and keeps each role to its part', async () => {
    const base = { year: Y, title: 'Fiche invalide', indicators: [] };
    const qualitativeTarget = await staff.request(CREATE, {
      i: { ...base, indicators: [{ label: 'Avis', kind: 'QUALITATIVE', target: 3 }] },
    });
    expect([errorCode(qualitativeTarget), fieldsOf(qualitativeTarget)]).toEqual(['BAD_USER_INPUT', ['indicators.0.target']]);
    const period = await staff.request(CREATE, { i: { ...base, startsOn: `${Y}-06-01`, endsOn: `${Y}-05-01` } });
    expect([errorCode(period), fieldsOf(period)]).toEqual(['BAD_USER_INPUT', ['endsOn']]);
    expect(errorCode(await staff.request(CREATE, { i: { ...base, title: '  ' } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await staff.request(CREATE, { i: { ...base, year: 1999 } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await staff.request(CREATE, { i: { ...base, responsibleProfessionalId: randomUUID() } }))).toBe('NOT_FOUND');
    expect(errorCode(await staff.request(LINK, { f: fiche.id, k: 'WORKING_GROUP', s: randomUUID() }))).toBe('NOT_FOUND');
    // A computed actual is not typed in; a qualitative indicator takes an assessment.
    const result = `mutation($i: ID!, $a: Float, $t: String) { setIndicatorResult(indicatorId: $i, actual: $a, assessment: $t) { id indicators { ${INDICATOR} } } }`;
    expect(errorCode(await staff.request(result, { i: fiche.indicators[0].id, a: 9 }))).toBe('CONFLICT');
    expect(errorCode(await staff.request(result, { i: fiche.indicators[3].id, a: 9 }))).toBe('BAD_USER_INPUT');
    const set = await staff.ok<{ setIndicatorResult: { indicators: Indicator[] } }>(result, { i: fiche.indicators[2].id, a: 20 });
    expect(set.setIndicatorResult.indicators[2]).toMatchObject({ actual: 20, met: false });
    // Roles: the board reads, the members see nothing.
    expect(errorCode(await board.request(CREATE, { i: base }))).toBe('FORBIDDEN');
    expect(
      (await board.ok<{ fiches: Array<{ id: string }> }>(`query($y: Int!) { fiches(year: $y) { id } }`, { y: Y })).fiches.map((f) => f.id),
    ).toContain(fiche.id);
    expect(errorCode(await member.request(`query($y: Int!) { fiches(year: $y) { id } }`, { y: Y }))).toBe('FORBIDDEN');
    expect(errorCode(await member.request(EVIDENCE, { f: fiche.id }))).toBe('FORBIDDEN');
    expect((await http(member, `/api/evaluation/${Y}/dossier.pdf`)).status).toBe(403);
    expect((await http(staff, `/api/evaluation/1999/dossier.pdf`)).status).toBe(400);
  });

  it('plans a review meeting of two fiches: a meeting of the meetings engine, listed on both fiches', async () => {
    const second = (
      await coord.ok<{ createFiche: Fiche }>(CREATE, {
        i: {
          year: Y,
          title: 'Prévention des chutes',
          mission: 'PREVENTION',
          indicators: [{ label: 'Ateliers', kind: 'QUANTITATIVE', target: 4, actual: 5 }],
        },
      })
    ).createFiche;
    const starts = new Date(Date.now() + 10 * 24 * HOUR);
    const plan = `mutation($i: PlanFicheReviewInput!) { planFicheReview(input: $i) { id title ficheIds } }`;
    const { planFicheReview } = await staff.ok<{ planFicheReview: { id: string; title: string; ficheIds: string[] } }>(plan, {
      i: {
        ficheIds: [fiche.id, second.id],
        title: 'Revue des fiches',
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + HOUR).toISOString(),
        place: 'Maison de santé',
        professionalIds: [pros[1]],
      },
    });
    expect(planFicheReview.ficheIds.sort()).toEqual([fiche.id, second.id].sort());
    const [row] = await sql<{ owner_kind: string; owner_id: string; invitees: number }>(
      `SELECT owner_kind, owner_id, (SELECT count(*)::int FROM meeting_invitees i WHERE i.tenant_id = m.tenant_id AND i.meeting_id = m.id) AS invitees FROM meetings m WHERE tenant_id = $1 AND id = $2`,
      [planFicheReview.id],
    );
    // The first fiche's responsible (pros[0]) and pros[1].
    expect(row).toEqual({ owner_kind: 'fiche_action', owner_id: fiche.id, invitees: 2 });
    const listed = await board.ok<{ fiche: Fiche }>(`query($id: ID!) { fiche(id: $id) { ${FICHE} } }`, { id: second.id });
    expect(listed.fiche.reviewMeetings.map((m) => m.title)).toEqual(['Revue des fiches']);
    // The board reads the meeting through the meetings engine, and plans none.
    expect(
      (await board.ok<{ meeting: { title: string } }>(`query($id: ID!) { meeting(id: $id) { title } }`, { id: planFicheReview.id })).meeting
        .title,
    ).toBe('Revue des fiches');
    expect(
      errorCode(
        await board.request(plan, {
          i: {
            ficheIds: [fiche.id],
            title: 'X',
            startsAt: starts.toISOString(),
            endsAt: new Date(starts.getTime() + HOUR).toISOString(),
            place: 'X',
            professionalIds: [],
          },
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await staff.request(`mutation($id: ID!) { deleteFiche(id: $id) }`, { id: second.id }))).toBe('CONFLICT');
  });

  it('links a survey (read through the surveys engine) and makes a fiche from an adopted regional template', async () => {
    const surveyId = randomUUID();
    await sql(
      `INSERT INTO surveys (tenant_id, id, title, anonymous, status, sent_at, closes_at) VALUES ($1, $2, 'Satisfaction des IDE', true, 'sent', now(), now() + interval '10 days')`,
      [surveyId],
    );
    for (const n of [0, 1])
      await sql(`INSERT INTO survey_recipients (tenant_id, id, survey_id, name, email) VALUES ($1, gen_random_uuid(), $2, 'X', $3)`, [
        surveyId,
        `eval-s${n}@exemple.fr`,
      ]);
    const linked = (await staff.ok<{ linkFicheSource: Fiche }>(LINK, { f: fiche.id, k: 'SURVEY', s: surveyId })).linkFicheSource;
    expect(linked.sources.map((x) => x.kind)).toContain('SURVEY');
    const survey = (await evidenceOf(fiche.id)).find((e) => e.kind === 'survey')!;
    expect([survey.title, survey.figures.map((f) => [f.label, f.value])]).toEqual([
      'Enquête « Satisfaction des IDE »',
      [
        ['Destinataires', 2],
        ['Réponses', 0],
        ['Taux de réponse', 0],
      ],
    ]);
    await staff.ok(`mutation($f: ID!, $s: ID!) { unlinkFicheSource(ficheId: $f, kind: SURVEY, sourceId: $s) { id } }`, {
      f: fiche.id,
      s: surveyId,
    });
    // The CPTS's adopted (and adapted) copy of a regional fiche-action template.
    const adoptionId = randomUUID();
    const content = {
      kind: 'fiche_action',
      title: 'Accès au médecin traitant',
      objective: 'Trouver un médecin traitant aux patients qui n’en ont pas.',
      mission: 'access_to_care',
      actions: ['Recenser', 'Orienter'],
      indicators: [
        { label: 'Patients orientés', kind: 'quantitative', unit: 'patients', target: 50 },
        { label: 'Retour des médecins', kind: 'qualitative' },
      ],
    };
    const region = (await h.data.pool.query(`SELECT region_id FROM tenants WHERE id = $1`, [tenant.id])).rows[0].region_id;
    await sql(
      `INSERT INTO resource_adoptions (tenant_id, id, region_id, resource_id, category, adopted_version, title, content) VALUES ($1, $2, $3, gen_random_uuid(), 'fiche_action_template', 1, 'Modèle accès', $4)`,
      [adoptionId, region, JSON.stringify(content)],
    );
    const fromTemplate = `mutation($a: ID!, $y: Int!) { createFicheFromTemplate(adoptionId: $a, year: $y) { id title mission actions status indicators { label kind unit target } } }`;
    const made = await staff.ok<{ createFicheFromTemplate: Record<string, unknown> }>(fromTemplate, { a: adoptionId, y: Y });
    expect(made.createFicheFromTemplate).toMatchObject({
      title: 'Accès au médecin traitant',
      mission: 'ACCESS_TO_CARE',
      actions: ['Recenser', 'Orienter'],
      status: 'PLANNED',
      indicators: [
        { label: 'Patients orientés', kind: 'QUANTITATIVE', unit: 'patients', target: 50 },
        { label: 'Retour des médecins', kind: 'QUALITATIVE', unit: null, target: null },
      ],
    });
    expect(errorCode(await staff.request(fromTemplate, { a: randomUUID(), y: Y }))).toBe('NOT_FOUND');
    expect(errorCode(await board.request(fromTemplate, { a: adoptionId, y: Y }))).toBe('FORBIDDEN');
    await staff.ok(`mutation($id: ID!) { deleteFiche(id: $id) }`, { id: made.createFicheFromTemplate.id });
  });

  it("is part of the person's data: a merge moves the responsible, the export lists the fiche, the erasure removes the responsible", async () => {
    const kept = await h.data.professional(tenant.id, tenant.communes[0], { lastName: 'RESPONSABLE', email: 'resp-eval@exemple.fr' });
    const merged = await h.data.professional(tenant.id, tenant.communes[0], { lastName: 'RESPONSABLE', email: 'resp-eval2@exemple.fr' });
    const { createFiche } = await staff.ok<{ createFiche: Fiche }>(CREATE, {
      i: { year: Y, title: 'Fiche du responsable', responsibleProfessionalId: merged },
    });
    await staff.ok(`mutation($k: ID!, $m: ID!) { mergeProfessionals(keptId: $k, mergedId: $m) { id } }`, { k: kept, m: merged });
    const responsible = async () =>
      (
        await sql<{ r: string | null }>(`SELECT responsible_professional_id AS r FROM fiches_action WHERE tenant_id = $1 AND id = $2`, [
          createFiche.id,
        ])
      )[0].r;
    expect(await responsible()).toBe(kept);
    const { personData } = await staff.ok<{ personData: string }>(`query($id: ID!) { personData(id: $id) }`, { id: kept });
    expect(JSON.parse(personData).fichesAction).toEqual([
      { year: Y, title: 'Fiche du responsable', status: 'planned', role: 'responsable' },
    ]);
    await staff.ok(`mutation($id: ID!, $c: String!) { eraseProfessional(id: $id, confirmation: $c) { id } }`, {
      id: kept,
      c: 'Responsable',
    });
    expect(await responsible()).toBeNull();
    await staff.ok(`mutation($id: ID!) { deleteFiche(id: $id) }`, { id: createFiche.id });
  });

  it('gives the year’s file: the summary, a PDF (cover, summary, one section per fiche) and an XLSX', async () => {
    const { evaluationFile } = await board.ok<{
      evaluationFile: {
        fiches: number;
        quantitativeIndicators: number;
        indicatorsMet: number;
        evidence: number;
        pdfUrl: string;
        xlsxUrl: string;
      };
    }>(`query($y: Int!) { evaluationFile(year: $y) { fiches quantitativeIndicators indicatorsMet evidence pdfUrl xlsxUrl } }`, { y: Y });
    // Fiche 1: 3 quantitative (2 met... the meetings; patients now 20/30 not met), 5 evidence; fiche 2: 1 met.
    expect(evaluationFile).toEqual({
      fiches: 2,
      quantitativeIndicators: 4,
      indicatorsMet: 2,
      evidence: 5,
      pdfUrl: `/api/evaluation/${Y}/dossier.pdf`,
      xlsxUrl: `/api/evaluation/${Y}/dossier.xlsx`,
    });
    const pdf = await http(board, evaluationFile.pdfUrl);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const parsed = await new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) }).getText();
    expect(parsed.total).toBeGreaterThanOrEqual(4);
    const text = parsed.text.replace(/\s+/g, ' ');
    for (const expected of [
      'Dossier du dialogue de gestion',
      'CPTS Évaluation Test',
      `Année ${Y}`,
      'Parcours diabète de type 2',
      'Prévention des chutes',
      'Groupe de travail « Parcours diabète »',
      'Taux de clic : 50 %',
      'Bilan du comité de pilotage',
    ])
      expect(text).toContain(expected);
    const xlsx = await http(staff, evaluationFile.xlsxUrl);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(['Fiches', 'Indicateurs', 'Preuves']);
    const values = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((r) => (r as unknown[]).slice(1));
    expect(values('Fiches').map((r) => r[0])).toEqual(['Parcours diabète de type 2', 'Prévention des chutes']);
    expect(values('Indicateurs').map((r) => [r[1], r[4], r[5], r[6]])).toEqual([
      ['Réunions du groupe', 2, 2, 'Atteint'],
      ['Participations', 10, 5, 'Non atteint'],
      ['Patients inclus', 30, 20, 'Non atteint'],
      ['Satisfaction des équipes', undefined, undefined, '—'],
      ['Ateliers', 4, 5, 'Atteint'],
    ]);
    expect(values('Preuves')).toHaveLength(5);
  });
});
