import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { CallsService, ProjectsService } from '@cpts/calls';
import { DecisionLinks } from '@cpts/governance';
import { Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { LinkSigner } from '@cpts/platform-mail';
import { errorCode, GraphQLClient } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const DAY = 86_400_000;
/** A day of France, `offset` days from now (YYYY-MM-DD). */
const parisDay = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + offset * DAY),
  );
const french = (iso: string) => iso.split('-').reverse().join('/');

const LINE = `id professionalId professionalName kind workDate minutes amountCents label source sourceRef status`;
const WORKSHOP = `id heldOn startTime minutes place participants knownParticipants meetingId speakers { id name } paymentLines { ${LINE} }`;
const RECORD = `mutation($i: RecordWorkshopInput!) { recordProjectWorkshop(input: $i) { warnings workshop { ${WORKSHOP} } } }`;
const REMOVE = `mutation($id: ID!) { removeProjectWorkshop(id: $id) { id status } }`;
const DEBRIEF = `mutation($p: ID!, $w: String!, $n: String!) { fileProjectDebrief(projectId: $p, worked: $w, notWorked: $n) { warnings project { id status debriefWorked debriefNotWorked debriefedAt } } }`;
const EVALUATE = `mutation($p: ID!, $a: [String!]!) { fileProjectEvaluation(projectId: $p, actuals: $a) { id status evaluatedAt criteria { criterion indicator target actual } } }`;
const PROJECT = `query($id: ID!) { callProject(id: $id) { id number status events { fromStatus toStatus actorName note } workshops { ${WORKSHOP} } paymentLines { ${LINE} } } }`;
const SUMMARY_FIELDS = `callId title year projectCount professionalCount workshopCount participants knownParticipants
  envelope { envelopeCents committedCents pendingCents paidCents remainingCents }
  byStatus { status projects budgetCents } byMission { mission projects budgetCents approvedCents }
  professionals { name professionCode professionLabel carrier coCarrier projects }
  projects { number title status carrier missions budgetCents approvedCents paidCents workshops participants }
  workshops { projectNumber heldOn minutes place participants knownParticipants speakers feesCents }`;
const SUMMARY = `query($c: ID!) { callSummary(callId: $c) { ${SUMMARY_FIELDS} } }`;
const PARTICIPATION = `query($y: Int!) { meetingParticipation(year: $y) { people attendances perMeeting { meetingId participants guests } perMission { mission meetings attendances } } }`;

type Line = {
  professionalId: string;
  professionalName: string;
  kind: string;
  workDate: string;
  minutes: number | null;
  amountCents: number;
  label: string;
  source: string;
  sourceRef: string;
  status: string;
};
type Workshop = {
  id: string;
  heldOn: string;
  startTime: string;
  minutes: number;
  place: string | null;
  participants: number;
  knownParticipants: number;
  meetingId: string;
  speakers: Array<{ id: string; name: string }>;
  paymentLines: Line[];
};
type Project = {
  id: string;
  number: string;
  status: string;
  events: Array<{ fromStatus: string | null; toStatus: string; actorName: string; note: string | null }>;
  workshops: Workshop[];
  paymentLines: Line[];
};
type Participation = {
  people: number;
  attendances: number;
  perMeeting: Array<{ meetingId: string; participants: number; guests: number }>;
  perMission: Array<{ mission: string; meetings: number; attendances: number }>;
};

/**
 * Carrying out an approved project through the real gateway: its workshops
 * recorded once held (a meeting of the project, counted by the
 * participation figures with its guests; one payment line per speaker
 * through the payments module, all or nothing), removed when recorded by
 * mistake, the debrief and its flat fees, the evaluation against the
 * criteria set at design, and the call's summary (GraphQL, the regional
 * read, the Excel workbook).
 */
describe('calls for projects: workshops, payments, debrief, evaluation, the summary', () => {
  let h: Harness;
  let tenant: { id: string; communes: string[]; slug: string };
  let staff: GraphQLClient;
  let board: GraphQLClient;
  let member: GraphQLClient;
  let staffName: string;
  let callId: string;
  /** P01 (Alice, with Bruno and Chloe) and P02 (Eve alone), both approved by the bureau. */
  let p1: string;
  let p2: string;
  const pros: Record<string, string> = {};
  const day1 = parisDay(-20);
  const day2 = parisDay(-10);
  const year1 = Number(day1.slice(0, 4));
  let pass: number;
  /** The first workshop (Alice and Bruno), recorded by the first test. */
  let first: Workshop;

  const project = async (id: string, client: GraphQLClient = staff) =>
    (await client.ok<{ callProject: Project }>(PROJECT, { id })).callProject;
  const participation = async (year = year1) =>
    (await staff.ok<{ meetingParticipation: Participation }>(PARTICIPATION, { y: year })).meetingParticipation;
  const record = (input: Record<string, unknown>, client: GraphQLClient = staff) =>
    client.request<{ recordProjectWorkshop: { warnings: string[]; workshop: Workshop } }>(RECORD, {
      i: {
        projectId: p1,
        heldOn: day1,
        minutes: 50,
        place: 'Salle des fêtes',
        participants: 12,
        speakerIds: [pros.Alice, pros.Bruno],
        ...input,
      },
    });
  const query = async <T>(sql: string, params: unknown[] = []) =>
    (await h.data.inTenant(tenant.id, (db) => db.query(sql, [tenant.id, ...params]))).rows as T[];
  /** What a refused command must leave as it was: the project's meetings, the workshops, the payment lines. */
  const written = () =>
    query<{ meetings: number; workshops: number; lines: number; status: string }>(
      `SELECT (SELECT count(*)::int FROM meetings WHERE tenant_id = $1 AND owner_kind = 'call_project') AS meetings,
              (SELECT count(*)::int FROM call_workshops WHERE tenant_id = $1) AS workshops,
              (SELECT count(*)::int FROM payment_lines WHERE tenant_id = $1) AS lines,
              (SELECT status FROM call_projects WHERE tenant_id = $1 AND id = $2) AS status`,
      [p1],
    );
  /** A line another module wrote for the person this year (to bring them near the PASS), cancelled afterwards. */
  const seedLine = async (professionalId: string, amountCents: number) => {
    const id = randomUUID();
    await query(
      `INSERT INTO payment_lines (tenant_id, id, professional_id, kind, work_date, year, amount_cents, label, source, source_ref)
       VALUES ($1, $2, $3, 'remuneration', $4, $5, $6, 'Autre mission', 'test_seed', gen_random_uuid())`,
      [id, professionalId, day1, year1, amountCents],
    );
    return id;
  };

  beforeAll(async () => {
    h = await startHarness();
    const regionId = await h.data.region();
    tenant = (await h.data.cpts(regionId, { name: 'CPTS Ateliers', departement: '33', communes: 1 })) as typeof tenant;
    const staffUser = await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }]);
    staff = await h.signedIn(staffUser.email);
    staffName = `Test ${staffUser.email.split('@')[0]}`;
    board = await h.signedIn((await h.data.user([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }])).email);
    member = await h.signedIn((await h.data.user([{ role: Role.MEMBER, tenantId: tenant.id }])).email);
    for (const [name, profession] of [
      ['Alice', '70'],
      ['Bruno', '60'],
      ['Chloe', '60'],
      ['Dan', '10'],
      ['Eve', '40'],
      ['Xavier', '10'],
      ['Yves', '10'],
      ['Zoe', '10'],
    ])
      pros[name] = await h.data.professional(tenant.id, tenant.communes[0], {
        lastName: name,
        firstName: 'Dr',
        professionCode: profession,
        email: `${name.toLowerCase()}@exemple.fr`,
      });
    // Members on the days of the work (the payments module's rule): everyone but Chloe.
    const years = [...new Set([day1, day2, parisDay(0)].map((d) => Number(d.slice(0, 4))))];
    for (const name of ['Alice', 'Bruno', 'Dan', 'Eve'])
      for (const year of years)
        await query(
          `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, gen_random_uuid(), $2, $3, 'active', 0, 'liberal')`,
          [pros[name], year],
        );
    // The PASS of the years worked (the migration seeds 2025 and 2026; a later run enters its year as the platform admin would).
    for (const year of years)
      await h.data.pool.query(`INSERT INTO pass_ceilings (year, amount_cents) VALUES ($1, 4806000) ON CONFLICT (year) DO NOTHING`, [year]);
    pass = Number((await h.data.pool.query(`SELECT amount_cents FROM pass_ceilings WHERE year = $1`, [year1])).rows[0].amount_cents);

    const bureau = (
      await staff.ok<{ createGovernanceInstance: { id: string } }>(`mutation { createGovernanceInstance(input: { kind: BUREAU }) { id } }`)
    ).createGovernanceInstance.id;
    for (const [name, office] of [
      ['Xavier', 'PRESIDENT'],
      ['Yves', 'TREASURER'],
      ['Zoe', 'SECRETARY'],
    ])
      await staff.ok(`mutation($b: ID!, $i: MandateInput!) { addMandate(instanceId: $b, input: $i) { id } }`, {
        b: bureau,
        i: { professionalId: pros[name], office, startsOn: parisDay(-400), obtained: 'ELECTED' },
      });

    callId = (
      await staff.ok<{ createCall: { id: string } }>(`mutation($i: CallInput!) { createCall(input: $i) { id } }`, {
        i: {
          year: Number(parisDay(0).slice(0, 4)),
          slug: 'pro-actif',
          title: 'Pro Actif',
          rules: 'Ateliers sur le territoire.',
          opensOn: parisDay(-60),
          closesOn: parisDay(30),
          envelopeCents: 500_000,
          missions: ['PREVENTION'],
          // 33.33 EUR an hour: 50 minutes are 2,777.5 cents, paid 2,778.
          hourlyRateCents: 3_333,
          requiredCriteria: ['Participation'],
        },
      })
    ).createCall.id;
    await staff.ok(`mutation($id: ID!) { publishCall(id: $id) { id } }`, { id: callId });
    const asProposer = <T>(fn: (projects: ProjectsService) => Promise<T>) =>
      h.gateway.app
        .get(Db)
        .run({ tenantId: tenant.id, label: 'test-proposer' }, () => fn(h.gateway.app.get(ProjectsService, { strict: false })));
    const call = await h.gateway.app
      .get(Db)
      .run({ tenantId: tenant.id, label: 'test' }, () => h.gateway.app.get(CallsService, { strict: false }).row(callId));
    const proposed = async (name: string, title: string, form: Record<string, unknown>) => {
      const id = await asProposer((p) =>
        p.propose(
          call,
          {
            rpps: null,
            firstName: 'Dr',
            lastName: name,
            professionCode: '60',
            communeCode: tenant.communes[0],
            email: `${name.toLowerCase()}@exemple.fr`,
          },
          title,
        ),
      );
      await asProposer((p) =>
        p.save(id, {
          title,
          summary: 'Un jeu de plateau pour prévenir les troubles posturaux.',
          missions: ['prevention'],
          targetPublic: 'Enfants de 6 à 10 ans',
          coCarrierIds: [],
          workshopCount: 1,
          workshopMinutes: 60,
          speakers: 1,
          budgetLines: [],
          criteria: [{ criterion: 'Participation', indicator: "Nombre d'enfants", target: '40' }],
          ...form,
        } as never),
      );
      await asProposer((p) => p.submit(id));
      await staff.ok(`mutation($id: ID!) { markProjectReady(id: $id) { id } }`, { id });
      return id;
    };
    p1 = await proposed('Alice', 'Jeu de prévention', {
      coCarrierIds: [pros.Bruno, pros.Chloe],
      workshopCount: 2,
      workshopMinutes: 50,
      speakers: 2,
      criteria: [
        { criterion: 'Participation', indicator: "Nombre d'enfants", target: '40' },
        { criterion: 'Satisfaction', indicator: 'Questionnaire', target: '80 %' },
      ],
    });
    p2 = await proposed('Eve', 'Marche nordique', {});
    const put = await staff.ok<{ putProjectsToBureau: Array<{ decision: { id: string } }> }>(
      `mutation($i: PutToBureauInput!) { putProjectsToBureau(input: $i) { decision { id } } }`,
      { i: { projectIds: [p1, p2], deadline: new Date(Date.now() + 2 * DAY).toISOString() } },
    );
    // The bureau adopts both, each voter from their emailed link (governance closes the decision once everyone voted).
    const links = new DecisionLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string);
    for (const { decision } of put.putProjectsToBureau) {
      const voters = await query<{ id: string }>(`SELECT id FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2`, [
        decision.id,
      ]);
      for (const v of voters) {
        const res = await fetch(`${h.gateway.url}/api/public/decisions/${links.token({ tenantId: tenant.id, voterId: v.id })}/vote`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
          body: JSON.stringify({ choice: 'for' }),
        });
        expect(res.status).toBe(200);
      }
    }
    expect([(await project(p1)).status, (await project(p2)).status]).toEqual(['APPROVED', 'APPROVED']);
  }, 120_000);
  afterAll(() => h.close());

  it('records a workshop held: its meeting (no email), its row, a line per speaker at the call’s rate, and the project in progress', async () => {
    const res = await record({ startTime: '09:30', participantIds: [pros.Dan] });
    expect(res.errors).toBeUndefined();
    const { warnings, workshop } = res.data!.recordProjectWorkshop;
    first = workshop;
    expect(warnings).toEqual([]);
    expect(workshop).toMatchObject({
      heldOn: day1,
      startTime: '09:30',
      minutes: 50,
      place: 'Salle des fêtes',
      participants: 12,
      knownParticipants: 3,
    });
    expect(workshop.speakers.map((s) => s.name)).toEqual(['Dr Alice', 'Dr Bruno']);
    // 50 minutes at 33.33 EUR an hour: 2,777.5 cents, half-up to 2,778, for each speaker.
    expect(
      workshop.paymentLines
        .map((l) => [l.professionalId, l.kind, l.amountCents, l.minutes, l.workDate, l.status, l.source, l.sourceRef])
        .sort(),
    ).toEqual([pros.Alice, pros.Bruno].sort().map((id) => [id, 'REMUNERATION', 2_778, 50, day1, 'TO_PAY', 'call_workshop', workshop.id]));
    expect(workshop.paymentLines[0].label).toBe(`Atelier du ${french(day1)} (50 min) — P01 Jeu de prévention`);

    const p = await project(p1);
    expect(p.status).toBe('IN_PROGRESS');
    expect(p.events.at(-1)).toEqual({
      fromStatus: 'APPROVED',
      toStatus: 'IN_PROGRESS',
      actorName: staffName,
      note: `Premier atelier, le ${french(day1)}.`,
    });
    expect(p.workshops.map((w) => w.id)).toEqual([workshop.id]);
    expect(p.paymentLines).toHaveLength(2);

    // The meeting of the project, held at 9:30 Paris time, its known attendees present; nobody emailed, no reminder.
    const { meeting } = await staff.ok<{
      meeting: {
        ownerKind: string;
        ownerName: string;
        title: string;
        startsAt: string;
        status: string;
        invitees: Array<{ name: string; attendance: string }>;
      };
    }>(`query($id: ID!) { meeting(id: $id) { ownerKind ownerName title startsAt status invitees { name attendance } } }`, {
      id: workshop.meetingId,
    });
    expect(meeting).toMatchObject({
      ownerKind: 'call_project',
      ownerName: 'P01 Jeu de prévention',
      title: `Atelier du ${french(day1)} — P01 Jeu de prévention`,
      status: 'SCHEDULED',
    });
    expect(
      new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(meeting.startsAt)),
    ).toBe('09:30');
    expect(meeting.invitees.map((i) => [i.name, i.attendance])).toEqual([
      ['Alice Dr', 'PRESENT'],
      ['Bruno Dr', 'PRESENT'],
      ['Dan Dr', 'PRESENT'],
    ]);
    expect(await query(`SELECT 1 FROM mail_outbox WHERE tenant_id = $1 AND kind LIKE 'meeting_%'`)).toEqual([]);
    expect(await query(`SELECT 1 FROM reminders WHERE tenant_id = $1 AND ref = $2`, [workshop.meetingId])).toEqual([]);

    // The participation figures count it with its guests (12 took part, 3 of them known), under the project's mission.
    const figures = await participation();
    expect(figures.perMeeting.find((m) => m.meetingId === workshop.meetingId)).toEqual({
      meetingId: workshop.meetingId,
      participants: 12,
      guests: 9,
    });
    expect(figures).toMatchObject({ people: 3, attendances: 12 });
    expect(figures.perMission).toEqual([{ mission: 'prevention', meetings: 1, attendances: 12 }]);
  });

  it('refuses a workshop of 0 minutes, to come, with a speaker who is no carrier, a non-member speaker, too few participants: nothing written', async () => {
    const before = await written();
    const refusals: Array<[Record<string, unknown>, string, string]> = [
      [{ minutes: 0 }, 'BAD_USER_INPUT', 'Un atelier de 0 heure ne se paie pas'],
      [{ heldOn: parisDay(1) }, 'BAD_USER_INPUT', 'cette date est à venir'],
      [{ heldOn: `${year1}-02-30` }, 'BAD_USER_INPUT', "Cette date n'existe pas"],
      [{ speakerIds: [pros.Alice, pros.Dan] }, 'BAD_USER_INPUT', "Dr Dan n'est ni le porteur ni un co-porteur du projet"],
      [{ speakerIds: [randomUUID()] }, 'BAD_USER_INPUT', "n'est pas dans l'annuaire"],
      [{ participants: 2, participantIds: [pros.Dan] }, 'BAD_USER_INPUT', '3 personnes nommées ont participé'],
      [{ place: ' ' }, 'BAD_USER_INPUT', "Indiquez le lieu de l'atelier"],
      // Chloe carries the project but is not a member: the payments module refuses her line after Alice's was added; all is rolled back.
      [{ speakerIds: [pros.Alice, pros.Chloe] }, 'CONFLICT', "Dr Chloe n'a pas d'adhésion active à la CPTS"],
    ];
    for (const [input, code, message] of refusals) {
      const res = await record(input);
      expect([errorCode(res), res.errors?.[0].message]).toEqual([code, expect.stringContaining(message)]);
    }
    expect(await written()).toEqual(before);
  });

  it('returns the 80 % warning of the PASS, and refuses a line over it with the figures, writing nothing', async () => {
    // Bruno is paid elsewhere this year: with this workshop's 2,778 cents he reaches exactly 80 % of the PASS.
    const seeded = [await seedLine(pros.Bruno, (pass * 4) / 5 - 2 * 2_778)];
    const near = await record({ heldOn: day2, speakerIds: [pros.Bruno], participants: 8 });
    expect(near.errors).toBeUndefined();
    expect(near.data!.recordProjectWorkshop.warnings).toEqual([
      expect.stringMatching(/^Dr Bruno atteint 80,0 % du plafond annuel de la sécurité sociale/),
    ]);
    const second = near.data!.recordProjectWorkshop.workshop;
    // Then 1,000 cents short of the PASS: the next 2,778 would pass it.
    seeded.push(await seedLine(pros.Bruno, pass / 5 - 1_000));
    const before = await written();
    const over = await record({ heldOn: day2, speakerIds: [pros.Alice, pros.Bruno], participants: 8 });
    expect(errorCode(over)).toBe('CONFLICT');
    expect(over.errors![0].message).toMatch(
      /^Ce paiement de 27,78\s€ porterait le total de Dr Bruno pour \d{4} à [\d\s]+,78\s€, au-delà du plafond annuel de la sécurité sociale/,
    );
    expect(over.errors![0].message).toContain("Rien n'a été enregistré.");
    expect(await written()).toEqual(before);
    await query(
      `UPDATE payment_lines SET status = 'cancelled', cancelled_at = now(), cancel_reason = 'Test' WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [seeded],
    );

    // Removing it: its lines cancelled, its meeting out of the figures, its row gone; the project stays in progress (the first one remains).
    const { removeProjectWorkshop } = await staff.ok<{ removeProjectWorkshop: { status: string } }>(REMOVE, { id: second.id });
    expect(removeProjectWorkshop.status).toBe('IN_PROGRESS');
    expect(await query(`SELECT status, cancel_reason FROM payment_lines WHERE tenant_id = $1 AND source_ref = $2`, [second.id])).toEqual([
      { status: 'cancelled', cancel_reason: "Atelier retiré par l'équipe de la CPTS." },
    ]);
    expect(await query(`SELECT status FROM meetings WHERE tenant_id = $1 AND id = $2`, [second.meetingId])).toEqual([
      { status: 'cancelled' },
    ]);
    expect(await query(`SELECT 1 FROM call_workshops WHERE tenant_id = $1 AND id = $2`, [second.id])).toEqual([]);
    expect((await participation(Number(day2.slice(0, 4)))).perMeeting.map((m) => m.meetingId)).not.toContain(second.meetingId);
    expect((await project(p1)).workshops.map((w) => w.id)).toEqual([first.id]);
  });

  it('refuses to remove a workshop one of whose lines is paid, changing nothing', async () => {
    const [paid] = first.paymentLines.filter((l) => l.professionalId === pros.Bruno);
    await query(
      `UPDATE payment_lines SET status = 'paid', paid_on = $2, paid_reference = 'VIR-001', paid_at = now() WHERE tenant_id = $1 AND source_ref = $3 AND professional_id = $4`,
      [parisDay(0), first.id, paid.professionalId],
    );
    const res = await staff.request(REMOVE, { id: first.id });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain('Un paiement de ce travail est déjà réglé');
    expect((await project(p1)).workshops.map((w) => [w.id, w.paymentLines.map((l) => l.status).sort()])).toEqual([
      [first.id, ['PAID', 'TO_PAY']],
    ]);
    expect(await query(`SELECT status FROM meetings WHERE tenant_id = $1 AND id = $2`, [first.meetingId])).toEqual([
      { status: 'scheduled' },
    ]);
    expect(errorCode(await staff.request(REMOVE, { id: randomUUID() }))).toBe('NOT_FOUND');
  });

  it('records a workshop on the meeting scheduled for it beforehand: its invitees’ attendance, its guests', async () => {
    const startsAt = new Date(Date.now() + 2 * DAY);
    const { scheduleMeeting } = await staff.ok<{ scheduleMeeting: { id: string; invitees: Array<{ name: string }> } }>(
      `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id invitees { name } } }`,
      {
        i: {
          ownerKind: 'call_project',
          ownerId: p1,
          title: 'Atelier au collège',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
          place: 'Collège',
        },
      },
    );
    // "The project" invites its proposer and co-carriers, emailed as for any meeting.
    expect(scheduleMeeting.invitees.map((i) => i.name)).toEqual(['Alice Dr', 'Bruno Dr', 'Chloe Dr']);
    expect(
      (
        await query<{ to_address: string }>(
          `SELECT to_address FROM mail_outbox WHERE tenant_id = $1 AND kind = 'meeting_invitation' ORDER BY 1`,
        )
      ).map((m) => m.to_address),
    ).toEqual(['alice@exemple.fr', 'bruno@exemple.fr', 'chloe@exemple.fr']);
    // Not held yet: refused.
    const early = await record({
      meetingId: scheduleMeeting.id,
      heldOn: parisDay(2),
      speakerIds: [pros.Alice],
      participants: 5,
      place: null,
    });
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    // Three days later (the clock moved back instead), it was held.
    const [{ day }] = await query<{ day: string }>(
      `UPDATE meetings SET starts_at = starts_at - interval '3 days', ends_at = ends_at - interval '3 days' WHERE tenant_id = $1 AND id = $2
       RETURNING to_char(starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS day`,
      [scheduleMeeting.id],
    );
    const wrongDay = await record({ meetingId: scheduleMeeting.id, heldOn: day1, speakerIds: [pros.Alice], participants: 5, place: null });
    expect([errorCode(wrongDay), wrongDay.errors?.[0].message]).toEqual([
      'BAD_USER_INPUT',
      `L'atelier planifié avait lieu le ${french(day)} : la date doit être la sienne.`,
    ]);
    const res = await record({
      meetingId: scheduleMeeting.id,
      heldOn: day,
      minutes: 60,
      speakerIds: [pros.Alice],
      participants: 5,
      place: null,
    });
    expect(res.errors).toBeUndefined();
    const { workshop } = res.data!.recordProjectWorkshop;
    expect(workshop).toMatchObject({
      meetingId: scheduleMeeting.id,
      heldOn: day,
      minutes: 60,
      place: 'Collège',
      participants: 5,
      knownParticipants: 1,
    });
    expect(workshop.paymentLines.map((l) => [l.professionalId, l.amountCents])).toEqual([[pros.Alice, 3_333]]);
    const { meeting } = await staff.ok<{ meeting: { invitees: Array<{ name: string; attendance: string }> } }>(
      `query($id: ID!) { meeting(id: $id) { invitees { name attendance } } }`,
      {
        id: scheduleMeeting.id,
      },
    );
    expect(meeting.invitees.map((i) => [i.name, i.attendance])).toEqual([
      ['Alice Dr', 'PRESENT'],
      ['Bruno Dr', 'ABSENT'],
      ['Chloe Dr', 'ABSENT'],
    ]);
    const figures = await participation(Number(day.slice(0, 4)));
    expect(figures.perMeeting.find((m) => m.meetingId === scheduleMeeting.id)).toEqual({
      meetingId: scheduleMeeting.id,
      participants: 5,
      guests: 4,
    });
    const again = await record({ meetingId: scheduleMeeting.id, heldOn: day, speakerIds: [pros.Alice], participants: 5, place: null });
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('files the debrief: completed, and the flat fee to each distinct speaker of the workshops', async () => {
    // P02 has held no workshop: no debrief yet.
    const none = await staff.request(DEBRIEF, { p: p2, w: 'Bien', n: 'Rien' });
    expect([errorCode(none), none.errors?.[0].message]).toEqual(['CONFLICT', expect.stringContaining('« approuvé »')]);
    expect(errorCode(await staff.request(DEBRIEF, { p: p1, w: '  ', n: 'Rien' }))).toBe('BAD_USER_INPUT');
    const { fileProjectDebrief } = await staff.ok<{
      fileProjectDebrief: {
        warnings: string[];
        project: { status: string; debriefWorked: string; debriefNotWorked: string; debriefedAt: string };
      };
    }>(DEBRIEF, { p: p1, w: 'Les enfants ont joué le jeu.', n: 'Trop peu de parents.' });
    expect(fileProjectDebrief.project).toMatchObject({
      status: 'COMPLETED',
      debriefWorked: 'Les enfants ont joué le jeu.',
      debriefNotWorked: 'Trop peu de parents.',
    });
    const p = await project(p1);
    // Alice spoke at both workshops, Bruno at one: one flat fee each, a rémunération dated today.
    expect(
      p.paymentLines
        .filter((l) => l.source === 'call_debrief')
        .map((l) => [l.professionalId, l.kind, l.amountCents, l.minutes, l.workDate, l.label])
        .sort(),
    ).toEqual(
      [pros.Alice, pros.Bruno]
        .sort()
        .map((id) => [id, 'REMUNERATION', 10_000, null, parisDay(0), 'Forfait de mise en place et de bilan — P01 Jeu de prévention']),
    );
    expect(p.events.at(-1)).toMatchObject({ fromStatus: 'IN_PROGRESS', toStatus: 'COMPLETED' });
    // Completed: the workshops are final.
    expect(errorCode(await staff.request(REMOVE, { id: first.id }))).toBe('CONFLICT');
    expect(errorCode(await record({ heldOn: day2 }))).toBe('CONFLICT');
    expect(errorCode(await staff.request(DEBRIEF, { p: p1, w: 'Encore', n: 'Encore' }))).toBe('CONFLICT');
  });

  it('files the evaluation: one actual per criterion set at design, beside its indicator and target', async () => {
    const wrong = await staff.request(EVALUATE, { p: p1, a: ['38 enfants'] });
    expect([errorCode(wrong), wrong.errors?.[0].message]).toEqual([
      'BAD_USER_INPUT',
      "Le projet a 2 critères d'évaluation : donnez un résultat pour chacun, dans l'ordre (1 donné).",
    ]);
    const blank = await staff.request(EVALUATE, { p: p1, a: ['38 enfants', ' '] });
    expect(blank.errors?.[0].message).toBe('Donnez le résultat mesuré du critère « Satisfaction » (cible : 80 %).');
    expect(errorCode(await staff.request(EVALUATE, { p: p2, a: ['10'] }))).toBe('CONFLICT');
    const { fileProjectEvaluation } = await staff.ok<{
      fileProjectEvaluation: { status: string; evaluatedAt: string | null; criteria: unknown[] };
    }>(EVALUATE, {
      p: p1,
      a: ['38 enfants', '85 %'],
    });
    expect(fileProjectEvaluation.status).toBe('EVALUATED');
    expect(fileProjectEvaluation.evaluatedAt).not.toBeNull();
    expect(fileProjectEvaluation.criteria).toEqual([
      { criterion: 'Participation', indicator: "Nombre d'enfants", target: '40', actual: '38 enfants' },
      { criterion: 'Satisfaction', indicator: 'Questionnaire', target: '80 %', actual: '85 %' },
    ]);
  });

  it('sums the call up for the team and the board, and as an Excel workbook', async () => {
    type Summary = {
      projectCount: number;
      envelope: Record<string, number>;
      byStatus: unknown[];
      byMission: unknown[];
      professionals: Array<{ name: string; professionLabel: string; carrier: boolean; coCarrier: boolean; projects: number }>;
      projects: Array<Record<string, unknown>>;
      workshops: Array<Record<string, unknown>>;
    } & Record<string, unknown>;
    const { callSummary } = await staff.ok<{ callSummary: Summary }>(SUMMARY, { c: callId });
    // P01: 2 speakers × (100 € + 2 × 27.78 €) = 311.12 €; P02: 100 € + 33.33 € = 133.33 €.
    expect(callSummary).toMatchObject({
      projectCount: 2,
      professionalCount: 4,
      workshopCount: 2,
      participants: 17,
      knownParticipants: 4,
      envelope: { envelopeCents: 500_000, committedCents: 44_445, pendingCents: 0, paidCents: 2_778, remainingCents: 455_555 },
      byStatus: [
        { status: 'APPROVED', projects: 1, budgetCents: 13_333 },
        { status: 'EVALUATED', projects: 1, budgetCents: 31_112 },
      ],
      byMission: [{ mission: 'PREVENTION', projects: 2, budgetCents: 44_445, approvedCents: 44_445 }],
    });
    expect(callSummary.professionals.map((p) => [p.name, p.carrier, p.coCarrier, p.projects])).toEqual([
      ['Alice Dr', true, false, 1],
      ['Bruno Dr', false, true, 1],
      ['Chloe Dr', false, true, 1],
      ['Eve Dr', true, false, 1],
    ]);
    expect(callSummary.professionals.every((p) => p.professionLabel.length > 2)).toBe(true);
    expect(callSummary.projects).toEqual([
      {
        number: 'P01',
        title: 'Jeu de prévention',
        status: 'EVALUATED',
        carrier: 'Alice Dr',
        missions: ['PREVENTION'],
        budgetCents: 31_112,
        approvedCents: 31_112,
        paidCents: 2_778,
        workshops: 2,
        participants: 17,
      },
      {
        number: 'P02',
        title: 'Marche nordique',
        status: 'APPROVED',
        carrier: 'Eve Dr',
        missions: ['PREVENTION'],
        budgetCents: 13_333,
        approvedCents: 13_333,
        paidCents: 0,
        workshops: 0,
        participants: 0,
      },
    ]);
    expect(
      callSummary.workshops.map((w) => [w.projectNumber, w.minutes, w.participants, w.knownParticipants, w.speakers, w.feesCents]),
    ).toEqual([
      ['P01', 50, 12, 3, ['Alice Dr', 'Bruno Dr'], 5_556],
      ['P01', 60, 5, 1, ['Alice Dr'], 3_333],
    ]);
    // The board reads the same (both projects were put to it); a member nothing.
    expect((await board.ok<{ callSummary: Summary }>(SUMMARY, { c: callId })).callSummary).toEqual(callSummary);
    expect(errorCode(await member.request(SUMMARY, { c: callId }))).toBe('FORBIDDEN');
    expect(errorCode(await staff.request(SUMMARY, { c: randomUUID() }))).toBe('NOT_FOUND');

    const download = (client: GraphQLClient | null, id = callId) =>
      fetch(`${h.gateway.url}/api/calls/${id}/summary.xlsx`, { headers: client ? { authorization: `Bearer ${client.accessToken}` } : {} });
    const res = await download(staff);
    expect([res.status, res.headers.get('content-disposition')]).toEqual([
      200,
      `attachment; filename="synthese-appel-a-projets-${callSummary.year}.xlsx"`,
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Synthèse', 'Projets', 'Ateliers']);
    const rows = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .filter(Boolean)
        .map((row) => (row as unknown[]).slice(1));
    const synthesis = rows('Synthèse');
    expect(synthesis).toEqual(
      expect.arrayContaining([
        ['Enveloppe', 'Engagé (budgets approuvés)', undefined, 444.45],
        ['Enveloppe', 'Payé', undefined, 27.78],
        ['Projets par statut', 'Évalué', 1, 311.12],
        ['Ateliers', 'Tenus', 2],
        ['Participants', 'Tous (intervenants compris)', 17],
        ['Professionnels impliqués', 'Porteurs et co-porteurs des projets approuvés', 4],
      ]),
    );
    expect(rows('Projets')).toEqual([
      [
        'Numéro',
        'Titre',
        'Statut',
        'Porteur',
        'Missions',
        'Budget demandé (EUR)',
        'Budget approuvé (EUR)',
        'Payé (EUR)',
        'Ateliers',
        'Participants',
      ],
      ['P01', 'Jeu de prévention', 'Évalué', 'Alice Dr', 'Prévention', 311.12, 311.12, 27.78, 2, 17],
      ['P02', 'Marche nordique', 'Approuvé', 'Eve Dr', 'Prévention', 133.33, 133.33, 0, 0, 0],
    ]);
    const workshops = rows('Ateliers');
    expect(workshops).toHaveLength(3);
    expect(workshops[1]).toEqual(['P01', 'Jeu de prévention', french(day1), 50, 'Salle des fêtes', 12, 3, 'Alice Dr, Bruno Dr', 55.56]);
    expect(workbook.getWorksheet('Projets')!.getCell('F2').type).toBe(ExcelJS.ValueType.Number);
    expect((await download(board)).status).toBe(200);
    expect((await download(member)).status).toBe(403);
    expect((await download(null)).status).toBe(401);
    expect((await download(staff, randomUUID())).status).toBe(404);
    expect((await download(staff, 'pas-un-uuid')).status).toBe(404);
  });

  it('gives the summary to the region’s people who follow the CPTS, through the logged regional read', async () => {
    const officer = await h.data.user([{ role: Role.MISSION_OFFICER, regionId: await h.data.region() }]);
    await h.data.follow(officer.id, [tenant.id]);
    const mission = await h.signedIn(officer.email);
    const q = `query($id: ID!, $c: ID!) { cpts(id: $id) { callSummary(callId: $c) { ${SUMMARY_FIELDS} } } }`;
    const { cpts } = await mission.ok<{ cpts: { callSummary: unknown } }>(q, { id: tenant.id, c: callId });
    expect(cpts.callSummary).toEqual((await staff.ok<{ callSummary: unknown }>(SUMMARY, { c: callId })).callSummary);
    expect(await h.data.pool.query(`SELECT purpose FROM regional_access_log WHERE user_id = $1`, [officer.id]).then((r) => r.rows)).toEqual(
      [{ purpose: 'call-summary' }],
    );
    // The team itself does not read through the regional path.
    expect(
      errorCode(await staff.request(`query($c: ID!) { currentCpts { callSummary(callId: $c) { projectCount } } }`, { c: callId })),
    ).toBe('FORBIDDEN');
  });

  it('keeps the workshops to the team: the board reads them, members see nothing', async () => {
    const asBoard = await project(p1, board);
    expect(asBoard.workshops.map((w) => w.id)).toEqual((await project(p1)).workshops.map((w) => w.id));
    expect(asBoard.paymentLines.length).toBeGreaterThan(0);
    for (const client of [board, member]) {
      expect(errorCode(await record({ projectId: p2 }, client))).toBe('FORBIDDEN');
      expect(errorCode(await client.request(REMOVE, { id: first.id }))).toBe('FORBIDDEN');
      expect(errorCode(await client.request(DEBRIEF, { p: p2, w: 'a', n: 'b' }))).toBe('FORBIDDEN');
      expect(errorCode(await client.request(EVALUATE, { p: p2, a: ['1'] }))).toBe('FORBIDDEN');
    }
    expect(errorCode(await member.request(PROJECT, { id: p1 }))).toBe('FORBIDDEN');
    expect(errorCode(await member.request(`query($o: ID!) { meetings(ownerKind: "call_project", ownerId: $o) { id } }`, { o: p1 }))).toBe(
      'NOT_FOUND',
    );
    expect(
      (await board.ok<{ meetings: unknown[] }>(`query($o: ID!) { meetings(ownerKind: "call_project", ownerId: $o) { id } }`, { o: p1 }))
        .meetings,
    ).toHaveLength(3);
  });
});
