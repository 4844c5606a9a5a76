import { CallsService, ProjectsService } from '@cpts/calls';
import { DecisionCloser, DecisionLinks } from '@cpts/governance';
import { MailEnv } from '@cpts/platform-config';
import { Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { LinkSigner } from '@cpts/platform-mail';
import { RemindersService } from '@cpts/platform-reminders';
import { errorCode, GraphQLClient } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const year = new Date().getFullYear();

const CALL_FIELDS = `id slug state envelopeCents flatFeeCents hourlyRateCents publishedAt projectCount publicUrl
  envelope { envelopeCents committedCents pendingCents paidCents remainingCents availableCents }`;
const CREATE_CALL = `mutation($i: CallInput!) { createCall(input: $i) { ${CALL_FIELDS} } }`;
const UPDATE_CALL = `mutation($id: ID!, $i: CallInput!) { updateCall(id: $id, input: $i) { ${CALL_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishCall(id: $id) { ${CALL_FIELDS} } }`;
const CALL = `query($id: ID!) { call(id: $id) { ${CALL_FIELDS} envelopeRaises { fromCents toCents appliedAt decisionId } } }`;
const PROJECT_FIELDS = `id number status title budgetCents speakerFeesCents approvedCents proposer { name email created }
  decision { id status outcome registerNumber } events { fromStatus toStatus actorName note } comments { author authorName body }
  scores { weighted lines { label weight average scorers mine } }`;
const PROJECT = `query($id: ID!) { callProject(id: $id) { ${PROJECT_FIELDS} } }`;
const PROJECTS = `query($c: ID!) { callProjects(callId: $c) { id number status } }`;
const PUT = `mutation($i: PutToBureauInput!) { putProjectsToBureau(input: $i) { id status decision { id status } } }`;

type Project = {
  id: string;
  number: string;
  status: string;
  budgetCents: number;
  speakerFeesCents: number;
  approvedCents: number | null;
  proposer: { name: string; email: string; created: boolean };
  decision: { id: string; status: string; outcome: string | null; registerNumber: string | null } | null;
  events: Array<{ fromStatus: string | null; toStatus: string; actorName: string; note: string | null }>;
  comments: Array<{ author: string; authorName: string; body: string }>;
  scores: {
    weighted: number | null;
    lines: Array<{ label: string; weight: number; average: number | null; scorers: number; mine: number | null }>;
  };
};

/**
 * The calls for projects through the real gateway, from the team's and the
 * bureau's side: the call and its checks, a project proposed, submitted only
 * complete, reviewed (changes requested, the grid), put to the bureau as a
 * governance decision voted from the email links, the outcome applied to
 * the project, the envelope guarded and raised by a decision.
 */
describe('calls for projects: the call, the review, the bureau through governance, the envelope', () => {
  let h: Harness;
  let tenant: { id: string; communes: string[]; slug: string };
  let coord: GraphQLClient;
  let staff: GraphQLClient;
  let board: GraphQLClient;
  let member: GraphQLClient;
  let links: DecisionLinks;
  let callId: string;
  const pros: Record<string, string> = {};

  const callInput = (extra: Record<string, unknown> = {}) => ({
    year,
    slug: `pro-actif-${year}`,
    title: `Pro Actif ${year}`,
    rules: 'Un projet par porteur ; ateliers sur le territoire.',
    opensOn: isoDay(-3),
    closesOn: isoDay(30),
    envelopeCents: 300_000,
    missions: ['PREVENTION', 'PROFESSIONAL_SUPPORT'],
    hourlyRateCents: 6_000,
    requiredCriteria: ['Participation'],
    rubric: [
      { label: 'Cohérence avec le projet de santé', weight: 2 },
      { label: 'Faisabilité', weight: 1 },
    ],
    ...extra,
  });
  const form = (extra: Record<string, unknown> = {}) => ({
    title: 'Jeu de prévention pour les enfants',
    summary: 'Un jeu de plateau conçu par une kinésithérapeute pour prévenir les troubles posturaux.',
    missions: ['prevention'],
    targetPublic: 'Enfants de 6 à 10 ans et leurs parents',
    coCarrierIds: [],
    workshopCount: 2,
    workshopMinutes: 90,
    speakers: 1,
    budgetLines: [{ kind: 'materials', label: 'Impression du plateau', amountCents: 35_000 }],
    criteria: [{ criterion: 'Participation', indicator: "Nombre d'enfants", target: '40' }],
    ...extra,
  });
  /** The proposer's acts, as the public routes run them: in a transaction of the CPTS, without a principal. */
  const asProposer = <T>(fn: (projects: ProjectsService) => Promise<T>) =>
    h.gateway.app
      .get(Db)
      .run({ tenantId: tenant.id, label: 'test-proposer' }, () => fn(h.gateway.app.get(ProjectsService, { strict: false })));
  const propose = async (name: string, title: string) => {
    const call = await h.gateway.app
      .get(Db)
      .run({ tenantId: tenant.id, label: 'test' }, () => h.gateway.app.get(CallsService, { strict: false }).row(callId));
    return asProposer((p) =>
      p.propose(
        call,
        {
          rpps: null,
          firstName: 'Dr',
          lastName: name,
          professionCode: '40',
          communeCode: tenant.communes[0],
          email: `${name.toLowerCase()}@exemple.fr`,
        },
        title,
      ),
    );
  };
  const project = async (id: string, client: GraphQLClient = staff) =>
    (await client.ok<{ callProject: Project }>(PROJECT, { id })).callProject;
  const outbox = async (kind: string) =>
    (
      await h.data.pool.query(
        `SELECT to_address, subject, text_body FROM mail_outbox WHERE tenant_id = $1 AND kind = $2 ORDER BY created_at`,
        [tenant.id, kind],
      )
    ).rows as Array<{ to_address: string; subject: string; text_body: string }>;
  /** Every bureau voter of the decision votes `choice` through their emailed link. */
  const bureauVotes = async (decisionId: string, choice: 'for' | 'against') => {
    const voters = (
      await h.data.inTenant(tenant.id, (db) =>
        db.query(`SELECT id FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2`, [tenant.id, decisionId]),
      )
    ).rows as Array<{ id: string }>;
    for (const v of voters) {
      const res = await fetch(`${h.gateway.url}/api/public/decisions/${links.token({ tenantId: tenant.id, voterId: v.id })}/vote`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: JSON.stringify({ choice }),
      });
      expect(res.status).toBe(200);
    }
  };
  const submitted = async (name: string, title: string, extra: Record<string, unknown> = {}) => {
    const id = await propose(name, title);
    await asProposer((p) => p.save(id, form({ title, ...extra }) as never));
    await asProposer((p) => p.submit(id));
    return id;
  };
  const ready = async (name: string, title: string, extra: Record<string, unknown> = {}) => {
    const id = await submitted(name, title, extra);
    await staff.ok(`mutation($id: ID!) { markProjectReady(id: $id) { id } }`, { id });
    return id;
  };
  const deadline = () => new Date(Date.now() + 2 * DAY).toISOString();

  beforeAll(async () => {
    h = await startHarness();
    const regionId = await h.data.region();
    tenant = (await h.data.cpts(regionId, { name: 'CPTS Appels', departement: '33', communes: 1 })) as typeof tenant;
    coord = await h.signedIn((await h.data.user([{ role: Role.COORDINATOR, tenantId: tenant.id }])).email);
    staff = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    board = await h.signedIn((await h.data.user([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }])).email);
    member = await h.signedIn((await h.data.user([{ role: Role.MEMBER, tenantId: tenant.id }])).email);
    links = new DecisionLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string);
    for (const name of ['Alice', 'Bruno', 'Chloe']) {
      pros[name] = await h.data.professional(tenant.id, tenant.communes[0], {
        lastName: name,
        firstName: 'Dr',
        email: `${name.toLowerCase()}@exemple.fr`,
      });
    }
    const bureau = (
      await staff.ok<{ createGovernanceInstance: { id: string } }>(`mutation { createGovernanceInstance(input: { kind: BUREAU }) { id } }`)
    ).createGovernanceInstance.id;
    for (const [name, office] of [
      ['Alice', 'PRESIDENT'],
      ['Bruno', 'TREASURER'],
      ['Chloe', 'SECRETARY'],
    ])
      await staff.ok(`mutation($b: ID!, $i: MandateInput!) { addMandate(instanceId: $b, input: $i) { id } }`, {
        b: bureau,
        i: { professionalId: pros[name], office, startsOn: isoDay(-100), obtained: 'ELECTED' },
      });
  });
  afterAll(() => h.close());

  it('writes a call with its checks, for the team only, and publishes it with the drafts’ reminders', async () => {
    expect(errorCode(await member.request(CREATE_CALL, { i: callInput() }))).toBe('FORBIDDEN');
    expect(errorCode(await board.request(CREATE_CALL, { i: callInput() }))).toBe('FORBIDDEN');
    const backwards = await staff.request(CREATE_CALL, { i: callInput({ opensOn: isoDay(10), closesOn: isoDay(5) }) });
    expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
    expect(backwards.errors![0].message).toContain("La clôture ne peut pas précéder l'ouverture");
    expect(errorCode(await staff.request(CREATE_CALL, { i: callInput({ envelopeCents: -1 }) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await staff.request(CREATE_CALL, { i: callInput({ opensOn: `${year}-02-30` }) }))).toBe('BAD_USER_INPUT');
    const { createCall } = await staff.ok<{ createCall: { id: string; state: string; flatFeeCents: number; publicUrl: string } }>(
      CREATE_CALL,
      { i: callInput() },
    );
    callId = createCall.id;
    expect(createCall).toMatchObject({ state: 'DRAFT', flatFeeCents: 10_000 });
    expect(createCall.publicUrl).toMatch(new RegExp(`/cpts/${tenant.slug}/appels/pro-actif-${year}$`));
    const same = await staff.request(CREATE_CALL, { i: callInput() });
    expect(errorCode(same)).toBe('CONFLICT');
    expect(
      (await h.data.inTenant(tenant.id, (db) => db.query(`SELECT count(*)::int AS n FROM calls WHERE tenant_id = $1`, [tenant.id]))).rows[0]
        .n,
    ).toBe(1);
    const { publishCall } = await staff.ok<{ publishCall: { state: string } }>(PUBLISH, { id: callId });
    expect(publishCall.state).toBe('OPEN');
    const reminders = (
      await h.data.inTenant(tenant.id, (db) =>
        db.query(
          `SELECT fire_at FROM reminders WHERE tenant_id = $1 AND kind = 'calls.draft_reminder' AND ref = $2 AND state = 'scheduled' ORDER BY fire_at`,
          [tenant.id, callId],
        ),
      )
    ).rows as Array<{ fire_at: Date }>;
    expect(reminders.map((r) => r.fire_at.toISOString().slice(0, 10))).toEqual([isoDay(23), isoDay(29)]);
    // The board reads the calls; a member does not.
    expect((await board.ok<{ calls: unknown[] }>(`query { calls { id } }`)).calls).toHaveLength(1);
    expect(errorCode(await member.request(`query { calls { id } }`))).toBe('FORBIDDEN');
  });

  it('takes a project only complete: criteria with indicator and target first, the call’s required ones, workshops of some length', async () => {
    const id = await propose('Paul', 'Ateliers posture');
    const empty = await asProposer((p) =>
      p.submit(id).catch((e: { code: string; fields: Array<{ field: string; message: string }> }) => e),
    );
    expect((empty as { code: string }).code).toBe('BAD_USER_INPUT');
    expect((empty as { fields: Array<{ message: string }> }).fields.map((f) => f.message)).toEqual(
      expect.arrayContaining([
        "Fixez au moins un critère d'évaluation, avec son indicateur et sa cible.",
        "L'appel demande le critère « Participation », avec son indicateur et sa cible.",
        'Un atelier dure plus de 0 heure : indiquez sa durée.',
      ]),
    );
    const outside = await asProposer((p) => p.save(id, form({ missions: ['access_to_care'] }) as never).catch((e: { code: string }) => e));
    expect((outside as { code: string }).code).toBe('BAD_USER_INPUT');
    const saved = await asProposer((p) =>
      p.save(id, form({ criteria: [{ criterion: 'Satisfaction', indicator: 'Questionnaire', target: '80 %' }] }) as never),
    );
    // 1 speaker × (100 € + 2 × 90 min at 60 €/h) + 350 € of materials.
    expect(saved).toMatchObject({ speakerFeesCents: 28_000, budgetCents: 63_000, status: 'draft' });
    const missing = await asProposer((p) => p.submit(id).catch((e: { message: string }) => e));
    expect((missing as { message: string }).message).toContain('« Participation »');
    expect((await project(id)).status).toBe('DRAFT');
    await asProposer((p) => p.save(id, form() as never));
    await asProposer((p) => p.submit(id));
    const p = await project(id);
    expect(p).toMatchObject({ number: 'P01', status: 'SUBMITTED', proposer: { name: 'Dr Paul', email: 'paul@exemple.fr', created: true } });
    expect(p.events.map((e) => [e.fromStatus, e.toStatus, e.actorName])).toEqual([
      [null, 'DRAFT', 'Porteur du projet'],
      ['DRAFT', 'SUBMITTED', 'Porteur du projet'],
    ]);
    // The proposer got their link; the team heard of the submission.
    expect((await outbox('call_link')).map((m) => m.to_address)).toContain('paul@exemple.fr');
    expect((await outbox('call_team_notice')).length).toBeGreaterThan(0);
  });

  it('reviews: changes requested reopen the form with the note in the thread and by email; the grid scored, visible to the bureau', async () => {
    const id = await submitted('Chloe', 'Prendre soin des aidants');
    expect((await project(id)).proposer.created).toBe(false); // matched by address to Dr Chloe
    await staff.ok(`mutation($id: ID!) { startProjectReview(id: $id) { id } }`, { id });
    const noNote = await staff.request(`mutation($id: ID!) { requestProjectChanges(id: $id, note: " ") { id } }`, { id });
    expect(errorCode(noNote)).toBe('BAD_USER_INPUT');
    await staff.ok(`mutation($id: ID!, $n: String!) { requestProjectChanges(id: $id, note: $n) { id } }`, {
      id,
      n: 'Précisez le lieu des séances.',
    });
    const changed = await project(id);
    expect(changed.status).toBe('CHANGES_REQUESTED');
    expect(changed.comments).toEqual([expect.objectContaining({ author: 'team', body: 'Précisez le lieu des séances.' })]);
    const [mail] = await outbox('call_changes_requested');
    expect(mail).toMatchObject({ to_address: 'chloe@exemple.fr' });
    expect(mail.text_body).toContain('Précisez le lieu des séances.');
    await asProposer((p) => p.comment(id, 'Salle municipale de Cadillac.', 'proposer'));
    await asProposer((p) => p.save(id, form({ title: 'Prendre soin des aidants', targetPublic: 'Aidants, salle municipale' }) as never));
    await asProposer((p) => p.submit(id));
    expect((await project(id)).status).toBe('SUBMITTED');
    // Scores: one per line of the grid, 0 to 5.
    const SCORE = `mutation($id: ID!, $s: [Int]!) { scoreProject(id: $id, scores: $s) { weighted lines { average mine } } }`;
    expect(errorCode(await staff.request(SCORE, { id, s: [4] }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await staff.request(SCORE, { id, s: [6, 1] }))).toBe('BAD_USER_INPUT');
    await staff.ok(SCORE, { id, s: [4, 3] });
    const { scoreProject } = await coord.ok<{ scoreProject: { weighted: number; lines: Array<{ average: number; mine: number }> } }>(
      SCORE,
      { id, s: [5, null] },
    );
    expect(scoreProject.lines).toEqual([
      { average: 4.5, mine: 5 },
      { average: 3, mine: null },
    ]);
    expect(scoreProject.weighted).toBe(4); // (2 × 4.5 + 1 × 3) / 3
    expect(errorCode(await board.request(SCORE, { id, s: [1, 1] }))).toBe('FORBIDDEN');
    // The board does not see a project under review.
    expect(errorCode(await board.request(PROJECT, { id }))).toBe('NOT_FOUND');
    expect((await board.ok<{ callProjects: unknown[] }>(PROJECTS, { c: callId })).callProjects).toEqual([]);
  });

  it('refuses a batch past the envelope with its figures; the bureau raises it by a decision; the batch is voted one decision per project', async () => {
    const big = await ready('Marc', 'Sport pour les soignants', {
      budgetLines: [{ kind: 'other', label: 'Location de salle', amountCents: 250_000 }],
    });
    const small = await ready('Nina', 'Café des aidants');
    const refused = await staff.request(PUT, { i: { projectIds: [big, small], deadline: deadline() } });
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toMatch(/L'enveloppe de 3\s000,00\s€ ne peut pas couvrir ces projets/);
    expect(refused.errors![0].message).toMatch(/le lot demande 3\s410,00\s€/);
    expect(
      (
        await h.data.inTenant(tenant.id, (db) =>
          db.query(`SELECT count(*)::int AS n FROM governance_decisions WHERE tenant_id = $1`, [tenant.id]),
        )
      ).rows[0].n,
    ).toBe(0);
    // Changing the envelope by hand is fine while nothing is committed; the raise by decision is what stays once it is.
    const { raiseCallEnvelope } = await staff.ok<{ raiseCallEnvelope: { decisionId: string; appliedAt: string | null } }>(
      `mutation($i: EnvelopeRaiseInput!) { raiseCallEnvelope(input: $i) { decisionId appliedAt } }`,
      { i: { callId, toCents: 400_000, reason: 'Deux projets de plus que prévu.', deadline: deadline() } },
    );
    expect(raiseCallEnvelope.appliedAt).toBeNull();
    await bureauVotes(raiseCallEnvelope.decisionId, 'for');
    const raised = (
      await staff.ok<{ call: { envelopeCents: number; envelopeRaises: Array<{ appliedAt: string | null; toCents: number }> } }>(CALL, {
        id: callId,
      })
    ).call;
    expect(raised.envelopeCents).toBe(400_000);
    expect(raised.envelopeRaises[0]).toMatchObject({ toCents: 400_000, appliedAt: expect.any(String) });

    const { putProjectsToBureau } = await staff.ok<{
      putProjectsToBureau: Array<{ id: string; decision: { id: string; status: string } }>;
    }>(PUT, {
      i: { projectIds: [big, small], deadline: deadline() },
    });
    expect(putProjectsToBureau.map((p) => p.decision.status)).toEqual(['OPEN', 'OPEN']);
    const decisionOf = Object.fromEntries(putProjectsToBureau.map((p) => [p.id, p.decision.id]));
    const during = (
      await board.ok<{ call: { envelope: { committedCents: number; pendingCents: number; availableCents: number } } }>(CALL, { id: callId })
    ).call.envelope;
    expect(during).toMatchObject({ committedCents: 0, pendingCents: 341_000, availableCents: 59_000 });
    // The board now reads the projects put to it, with the team's scores.
    expect((await board.ok<{ callProjects: Array<{ id: string }> }>(PROJECTS, { c: callId })).callProjects.map((p) => p.id).sort()).toEqual(
      [big, small].sort(),
    );
    // The decision's file says the envelope.
    const [file] = (
      await h.data.inTenant(tenant.id, (db) =>
        db.query(`SELECT context, amount_cents::int AS amount, subject_kind FROM governance_decisions WHERE id = $1`, [decisionOf[small]]),
      )
    ).rows as Array<{ context: string; amount: number; subject_kind: string }>;
    expect(file).toMatchObject({ amount: 63_000, subject_kind: 'call_project' });
    expect(file.context).toMatch(
      /Enveloppe de l'appel : 4\s000,00\s€ ; engagé 0,00\s€ ; si le bureau approuve ce projet et tous ceux qu'il examine, 3\s410,00\s€ engagés, reste 590,00\s€\./,
    );

    await bureauVotes(decisionOf[small], 'for');
    await bureauVotes(decisionOf[big], 'against');
    const approved = await project(small);
    expect(approved).toMatchObject({ status: 'APPROVED', approvedCents: 63_000, decision: { status: 'CLOSED', outcome: 'ADOPTED' } });
    expect(approved.events.at(-1)).toMatchObject({
      fromStatus: 'READY_FOR_BUREAU',
      toStatus: 'APPROVED',
      actorName: expect.stringMatching(/^Bureau \(décision \d{4}-\d{3}\)$/),
    });
    expect((await project(big)).status).toBe('REJECTED');
    const outcome = (await outbox('decision_outcome')).filter((m) => m.to_address === 'nina@exemple.fr');
    expect(outcome).toHaveLength(1);
    expect(outcome[0].text_body).toContain('le bureau a approuvé votre projet');
    const after = (
      await staff.ok<{ call: { envelope: { committedCents: number; pendingCents: number; remainingCents: number } } }>(CALL, { id: callId })
    ).call.envelope;
    expect(after).toMatchObject({ committedCents: 63_000, pendingCents: 0, remainingCents: 337_000 });
    // Once committed, the envelope no longer moves by hand.
    const byHand = await staff.request(UPDATE_CALL, { id: callId, i: callInput({ envelopeCents: 500_000 }) });
    expect(errorCode(byHand)).toBe('BAD_USER_INPUT');
    expect(byHand.errors![0].message).toContain('décision du bureau');
  });

  it('puts one project at a time too, never twice while the bureau votes, and again after a vote without quorum', async () => {
    const id = await ready('Olga', 'Marche nordique');
    await staff.ok(PUT, { i: { projectIds: [id], deadline: deadline() } });
    const again = await staff.request(PUT, { i: { projectIds: [id], deadline: deadline() } });
    expect(errorCode(again)).toBe('CONFLICT');
    const back = await staff.request(`mutation($id: ID!) { returnProjectToReview(id: $id) { id } }`, { id });
    expect(errorCode(back)).toBe('CONFLICT');
    // The deadline passes without a vote (the close as the worker's reminder runs it): no quorum, the project waits to be put again.
    const { decision } = await project(id);
    await h.data.inTenant(tenant.id, (db) =>
      db.query(`UPDATE governance_decisions SET deadline = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [
        tenant.id,
        decision!.id,
      ]),
    );
    const app = h.gateway.app;
    const closer = new DecisionCloser(app.get(Db), app.get(MailEnv), app.get(RemindersService, { strict: false }));
    await app.get(Db).run({ tenantId: tenant.id, label: 'test-close' }, () => closer.close(decision!.id, 'deadline'));
    const waiting = await project(id);
    expect(waiting).toMatchObject({ status: 'READY_FOR_BUREAU', decision: { status: 'CLOSED', outcome: 'NO_QUORUM' } });
    expect(waiting.events.at(-1)).toMatchObject({
      toStatus: 'READY_FOR_BUREAU',
      note: 'Vote du bureau sans quorum : le projet est à soumettre de nouveau.',
    });
    const again2 = await staff.ok<{ putProjectsToBureau: Array<{ decision: { id: string; status: string } }> }>(PUT, {
      i: { projectIds: [id], deadline: deadline() },
    });
    expect(again2.putProjectsToBureau[0].decision).toMatchObject({ status: 'OPEN' });
    expect(again2.putProjectsToBureau[0].decision.id).not.toBe(decision!.id);
    const notReady = await submitted('Pia', 'Yoga');
    const refused = await staff.request(PUT, { i: { projectIds: [notReady], deadline: deadline() } });
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toContain("n'est pas prêt pour le bureau");
  });
});
