import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MailEnv } from '@cpts/platform-config';
import { Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { SurveyReminderHandler } from '@cpts/surveys';
import { AppProcess, errorCode, GraphQLClient, SmtpSink } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const DAY = 86_400_000;
const SURVEY_FIELDS = `id title intro anonymous status closesAt sentAt audienceLabel recipientCount answerCount
  questions { id type label options required } recipients { name email answered reminders }`;
const CREATE = `mutation($i: SurveyInput!) { createSurvey(input: $i) { ${SURVEY_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: SurveyInput!) { updateSurvey(id: $id, input: $i) { ${SURVEY_FIELDS} } }`;
const QUESTIONS = `mutation($id: ID!, $i: SurveyQuestionsInput!) { setSurveyQuestions(id: $id, input: $i) { ${SURVEY_FIELDS} } }`;
const SEND = `mutation($id: ID!, $a: SurveyAudienceInput!) { sendSurvey(id: $id, audience: $a) { ${SURVEY_FIELDS} } }`;
const REMIND = `mutation($id: ID!) { remindSurvey(id: $id) }`;
const CLOSE = `mutation($id: ID!) { closeSurvey(id: $id) { id status closedAt } }`;
const RESULTS = `query($id: ID!) { surveyResults(id: $id) { recipients answers responseRate
  questions { questionId type label answered mean counts { label count } texts } } }`;
const SURVEY = `query($id: ID!) { survey(id: $id) { ${SURVEY_FIELDS} } }`;

type Survey = {
  id: string;
  status: string;
  anonymous: boolean;
  recipientCount: number;
  answerCount: number;
  audienceLabel: string | null;
  questions: Array<{ id: string; type: string; label: string; options: string[]; required: boolean }>;
  recipients: Array<{ name: string; email: string; answered: boolean; reminders: number }>;
};

const QUESTION_SET = [
  { type: 'SCALE', label: 'Votre satisfaction globale', required: true },
  { type: 'SINGLE', label: 'Le format vous convient-il ?', options: ['Oui', 'Non'] },
  { type: 'MULTIPLE', label: 'Quels thèmes pour la suite ?', options: ['Diabète', 'Sommeil', 'Douleur'] },
  { type: 'TEXT', label: 'Une remarque ?' },
];

/**
 * Surveys through the real gateway and worker: built (with its checks), sent
 * to a segment of the directory and to a meeting's participants, answered
 * from the emailed links (read on the SMTP sink) without login, once per
 * link; anonymous answers kept apart from the people; reminders to the
 * non-answerers only; results and their export.
 */
describe('surveys: build, send, answer from the link, remind, results', () => {
  let h: Harness;
  let sink: SmtpSink;
  let worker: AppProcess;
  let tenant: { id: string; communes: string[]; slug: string };
  let staff: GraphQLClient;
  let board: GraphQLClient;
  let member: GraphQLClient;
  const emails = ['sondee.alpha@exemple.fr', 'sonde.bravo@exemple.fr', 'sondee.charlie@exemple.fr'];
  let segmentSurvey: Survey;
  let anonymousSurvey: Survey;

  const closesAt = (days = 10) => new Date(Date.now() + days * DAY).toISOString();
  const create = async (extra: Record<string, unknown> = {}) =>
    (
      await staff.ok<{ createSurvey: Survey }>(CREATE, {
        i: { title: 'Satisfaction des ateliers', anonymous: false, closesAt: closesAt(), ...extra },
      })
    ).createSurvey;
  const withQuestions = async (id: string) =>
    (await staff.ok<{ setSurveyQuestions: Survey }>(QUESTIONS, { id, i: { questions: QUESTION_SET } })).setSurveyQuestions;
  /** The answer link emailed to `to` for the survey titled `title`, as the worker sent it. */
  const linkOf = async (to: string, subject: string) => {
    await sink.waitFor(() => sink.to(to).some((m) => m.subject === subject));
    const mail = sink
      .to(to)
      .filter((m) => m.subject === subject)
      .pop()!;
    return /\/enquetes\/([A-Za-z0-9_-]{20,})/.exec(mail.text)![1];
  };
  const api = (token: string, body?: unknown) =>
    fetch(`${h.gateway.url}/api/public/surveys/${token}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'x-forwarded-for': '203.0.113.41', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const answersFor = (s: Survey, note: number, choice: string, themes: string[], text?: string) => ({
    answers: {
      [s.questions[0].id]: note,
      [s.questions[1].id]: choice,
      [s.questions[2].id]: themes,
      ...(text ? { [s.questions[3].id]: text } : {}),
    },
  });

  beforeAll(async () => {
    sink = new SmtpSink();
    const port = await sink.start();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?tls=off`;
    h = await startHarness();
    worker = new AppProcess('worker', { SMTP_URL: process.env.SMTP_URL, RECONCILE_INTERVAL_MS: '1000' });
    worker.start();
    tenant = await h.data.cpts(await h.data.region(), { name: 'CPTS Enquêtes', departement: '64', communes: 1 });
    staff = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    board = await h.signedIn((await h.data.user([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }])).email);
    member = await h.signedIn((await h.data.user([{ role: Role.MEMBER, tenantId: tenant.id }])).email);
    // Three midwives (code 50) with an address, one without: the segment reaches three.
    for (const [i, email] of emails.entries())
      await h.data.professional(tenant.id, tenant.communes[0], { lastName: `Sondé${i}`, professionCode: '50', email });
    await h.data.professional(tenant.id, tenant.communes[0], { lastName: 'Sansadresse', professionCode: '50' });
  }, 60_000);
  afterAll(async () => {
    await worker.kill('SIGTERM');
    await h.close();
    await sink.stop();
  });

  it('builds a draft with its checks, for the team only', async () => {
    const input = { title: 'Satisfaction', anonymous: false };
    expect(errorCode(await member.request(CREATE, { i: input }))).toBe('FORBIDDEN');
    expect(errorCode(await board.request(CREATE, { i: input }))).toBe('FORBIDDEN');
    const blank = await staff.request(CREATE, { i: { title: '  ', anonymous: false } });
    expect([errorCode(blank), blank.errors![0].message]).toEqual(['BAD_USER_INPUT', 'Le titre est obligatoire.']);
    const draft = await create();
    expect(draft).toMatchObject({ status: 'DRAFT', recipientCount: 0, questions: [] });
    // Choices need two options; a text question none; a scale is 1 to 5 (no options).
    const oneOption = await staff.request(QUESTIONS, {
      id: draft.id,
      i: { questions: [{ type: 'SINGLE', label: 'Oui ?', options: ['Oui', ' Oui '] }] },
    });
    expect([errorCode(oneOption), oneOption.errors![0].message]).toEqual([
      'BAD_USER_INPUT',
      'Question 1 : proposez au moins deux choix différents.',
    ]);
    expect(errorCode(await staff.request(QUESTIONS, { id: draft.id, i: { questions: [] } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await staff.request(QUESTIONS, { id: draft.id, i: { questions: [{ type: 'SCALE', label: '' }] } }))).toBe(
      'BAD_USER_INPUT',
    );
    // No questions yet: nothing to send.
    const empty = await staff.request(SEND, { id: draft.id, a: { segment: { professionCodes: ['50'] } } });
    expect([errorCode(empty), empty.errors![0].message]).toEqual([
      'BAD_USER_INPUT',
      'Ajoutez au moins une question avant d’envoyer l’enquête.',
    ]);
    const withQs = await withQuestions(draft.id);
    expect(withQs.questions.map((q) => [q.type, q.options, q.required])).toEqual([
      ['SCALE', [], true],
      ['SINGLE', ['Oui', 'Non'], false],
      ['MULTIPLE', ['Diabète', 'Sommeil', 'Douleur'], false],
      ['TEXT', [], false],
    ]);
    // A closing in the past, or both audiences at once, or neither: refused in French.
    await staff.ok(UPDATE, {
      id: draft.id,
      i: { title: 'Satisfaction des ateliers', anonymous: false, closesAt: new Date(Date.now() - DAY).toISOString() },
    });
    const past = await staff.request(SEND, { id: draft.id, a: { segment: { professionCodes: ['50'] } } });
    expect([errorCode(past), past.errors![0].message]).toEqual([
      'BAD_USER_INPUT',
      'La clôture doit laisser au moins une heure pour répondre : repoussez-la.',
    ]);
    await staff.ok(UPDATE, {
      id: draft.id,
      i: { title: 'Satisfaction des ateliers', anonymous: false, closesAt: closesAt(), reminderDays: 2 },
    });
    expect(errorCode(await staff.request(SEND, { id: draft.id, a: {} }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await staff.request(SEND, { id: draft.id, a: { segment: { professionCodes: ['50'] }, meetingId: draft.id } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await staff.request(SEND, { id: draft.id, a: { segment: { professionCodes: ['5X'] } } }))).toBe('BAD_USER_INPUT');
    // Nobody of the segment reachable: said so, nothing sent.
    const nobody = await staff.request(SEND, { id: draft.id, a: { segment: { professionCodes: ['99'] } } });
    expect(errorCode(nobody)).toBe('BAD_USER_INPUT');
    expect(nobody.errors![0].message).toContain('Personne ne recevrait cette enquête');
    segmentSurvey = withQs;
  });

  it("creates a draft from a regional survey template the CPTS adopted (its copy's questions)", async () => {
    const adoptionId = randomUUID();
    const regionId = (await h.data.pool.query(`SELECT region_id FROM tenants WHERE id = $1`, [tenant.id])).rows[0].region_id;
    const content = {
      kind: 'survey',
      title: 'Satisfaction après un atelier',
      intro: 'Modèle régional, adapté par la CPTS.',
      questions: [
        { type: 'scale', label: 'Votre satisfaction', required: true },
        { type: 'multiple', label: 'Ce qui vous a servi', options: ['Les supports', 'Les échanges'] },
      ],
    };
    await h.data.inTenant(tenant.id, (db) =>
      db.query(
        `INSERT INTO resource_adoptions (tenant_id, id, region_id, resource_id, category, adopted_version, title, content) VALUES ($1, $2, $3, $4, 'survey_template', 1, $5, $6)`,
        [tenant.id, adoptionId, regionId, randomUUID(), content.title, JSON.stringify(content)],
      ),
    );
    const FROM = `mutation($id: ID!) { createSurveyFromTemplate(adoptionId: $id) { ${SURVEY_FIELDS} adoptionId } }`;
    expect(errorCode(await board.request(FROM, { id: adoptionId }))).toBe('FORBIDDEN');
    expect(errorCode(await staff.request(FROM, { id: randomUUID() }))).toBe('NOT_FOUND');
    const { createSurveyFromTemplate: s } = await staff.ok<{ createSurveyFromTemplate: Survey & { adoptionId: string } }>(FROM, {
      id: adoptionId,
    });
    expect(s).toMatchObject({ status: 'DRAFT', anonymous: false, adoptionId, title: 'Satisfaction après un atelier' });
    expect(s.questions.map((q) => [q.type, q.label, q.options, q.required])).toEqual([
      ['SCALE', 'Votre satisfaction', [], true],
      ['MULTIPLE', 'Ce qui vous a servi', ['Les supports', 'Les échanges'], false],
    ]);
  });

  it('sends to a segment of the directory: one personal link each by email, the reminder scheduled; then it no longer changes', async () => {
    const { sendSurvey: sent } = await staff.ok<{ sendSurvey: Survey }>(SEND, {
      id: segmentSurvey.id,
      a: { segment: { professionCodes: ['50'] } },
    });
    expect(sent).toMatchObject({ status: 'SENT', recipientCount: 3, answerCount: 0, audienceLabel: "Segment de l'annuaire" });
    expect(sent.recipients.map((r) => r.email).sort()).toEqual([...emails].sort());
    const tokens = await Promise.all(emails.map((e) => linkOf(e, 'Enquête : Satisfaction des ateliers')));
    expect(new Set(tokens).size).toBe(3);
    const mail = sink.to(emails[0]).find((m) => m.subject === 'Enquête : Satisfaction des ateliers')!;
    expect(mail.text).toContain('CPTS Enquêtes vous invite à répondre');
    expect(mail.text).toContain('Vos réponses sont nominatives.');
    expect(mail.text).toContain(`/cpts/${tenant.slug}/enquetes/`);
    const reminders = await h.data.inTenant(tenant.id, (db) =>
      db.query(`SELECT fire_at FROM reminders WHERE tenant_id = $1 AND kind = 'surveys.reminder' AND ref = $2 AND state = 'scheduled'`, [
        tenant.id,
        segmentSurvey.id,
      ]),
    );
    expect(reminders.rows).toHaveLength(1);
    const changed = await staff.request(QUESTIONS, { id: segmentSurvey.id, i: { questions: QUESTION_SET } });
    expect([errorCode(changed), changed.errors![0].message]).toEqual(['CONFLICT', 'Cette enquête est envoyée : elle ne se modifie plus.']);
    expect(errorCode(await staff.request(SEND, { id: segmentSurvey.id, a: { segment: { professionCodes: ['50'] } } }))).toBe('CONFLICT');
  });

  it('is answered from two links without login, once per link; wrong answers are refused in French', async () => {
    const [t0, t1] = await Promise.all(emails.slice(0, 2).map((e) => linkOf(e, 'Enquête : Satisfaction des ateliers')));
    const page = await api(t0);
    expect([page.status, page.headers.get('cache-control')]).toEqual([200, 'no-store']);
    const view = (await page.json()) as { cptsName: string; title: string; anonymous: boolean; state: string; questions: unknown[] };
    expect(view).toMatchObject({ cptsName: 'CPTS Enquêtes', title: 'Satisfaction des ateliers', anonymous: false, state: 'open' });
    expect(view.questions).toHaveLength(4);
    // Checks: a required question left out, a note of 6, an option not offered.
    const missing = await api(t0, { answers: { [segmentSurvey.questions[1].id]: 'Oui' } });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('Question 1 : une réponse est obligatoire.');
    const six = await api(t0, answersFor(segmentSurvey, 6, 'Oui', []));
    expect(JSON.stringify(await six.json())).toContain('Question 1 : choisissez une note de 1 à 5.');
    const other = await api(t0, answersFor(segmentSurvey, 4, 'Peut-être', []));
    expect(JSON.stringify(await other.json())).toContain('Question 2 : choisissez une des réponses proposées.');
    const bogus = await api('pas-un-jeton-valable-du-tout-0000000', answersFor(segmentSurvey, 4, 'Oui', []));
    expect(bogus.status).toBe(404);

    const first = await api(t0, answersFor(segmentSurvey, 5, 'Oui', ['Diabète', 'Sommeil'], 'Très utile'));
    expect([first.status, ((await first.json()) as { state: string }).state]).toEqual([200, 'answered']);
    const second = await api(t1, answersFor(segmentSurvey, 3, 'Non', ['Sommeil']));
    expect(second.status).toBe(200);
    // The same link again: refused, nothing changed; its page now says thanks.
    const again = await api(t0, answersFor(segmentSurvey, 1, 'Non', []));
    expect(again.status).toBe(409);
    expect(JSON.stringify(await again.json())).toContain('Vous avez déjà répondu à cette enquête');
    expect(((await (await api(t0)).json()) as { state: string }).state).toBe('answered');

    const { survey } = await staff.ok<{ survey: Survey }>(SURVEY, { id: segmentSurvey.id });
    expect(survey.answerCount).toBe(2);
    expect(
      survey.recipients
        .filter((r) => r.answered)
        .map((r) => r.email)
        .sort(),
    ).toEqual(emails.slice(0, 2).sort());
    // Nominative: each response names its recipient.
    const named = await h.data.inTenant(tenant.id, (db) =>
      db.query(`SELECT count(*)::int AS n FROM survey_responses WHERE tenant_id = $1 AND survey_id = $2 AND recipient_id IS NOT NULL`, [
        tenant.id,
        segmentSurvey.id,
      ]),
    );
    expect(named.rows[0].n).toBe(2);
  });

  it('reminds the non-answerers only, now and when the scheduled reminder fires', async () => {
    expect(errorCode(await board.request(REMIND, { id: segmentSurvey.id }))).toBe('FORBIDDEN');
    expect(await staff.ok(REMIND, { id: segmentSurvey.id })).toEqual({ remindSurvey: 1 });
    await linkOf(emails[2], 'Rappel — enquête : Satisfaction des ateliers');
    expect(sink.to(emails[0]).some((m) => m.subject.startsWith('Rappel'))).toBe(false);
    expect(sink.to(emails[1]).some((m) => m.subject.startsWith('Rappel'))).toBe(false);
    // The scheduled reminder, as the worker runs it when it fires: the same one person.
    const handler = new SurveyReminderHandler(h.gateway.app.get(Db), h.gateway.app.get(MailEnv));
    const decision = await h.gateway.app
      .get(Db)
      .run({ tenantId: tenant.id, label: 'test-reminder' }, () =>
        handler.decide({ id: 'r', tenantId: tenant.id, kind: 'surveys.reminder', ref: segmentSurvey.id, fireAt: new Date() }),
      );
    expect(decision.send && decision.emails.map((e) => e.to)).toEqual([emails[2]]);
    // The third answers with the reminder's link; then nobody is left to remind.
    const t2 = await linkOf(emails[2], 'Rappel — enquête : Satisfaction des ateliers');
    expect((await api(t2, answersFor(segmentSurvey, 4, 'Oui', []))).status).toBe(200);
    const none = await staff.request(REMIND, { id: segmentSurvey.id });
    expect([errorCode(none), none.errors![0].message]).toEqual(['CONFLICT', 'Tout le monde a déjà répondu : personne à relancer.']);
  });

  it('shows the results (distributions, mean, texts, rate) to the team and the board, and exports them for the team', async () => {
    for (const client of [staff, board]) {
      const { surveyResults: r } = await client.ok<{
        surveyResults: { recipients: number; answers: number; responseRate: number; questions: Array<Record<string, unknown>> };
      }>(RESULTS, { id: segmentSurvey.id });
      expect([r.recipients, r.answers, r.responseRate]).toEqual([3, 3, 1]);
      expect(r.questions[0]).toMatchObject({
        answered: 3,
        mean: 4,
        counts: [1, 2, 3, 4, 5].map((n) => ({ label: String(n), count: n >= 3 ? 1 : 0 })),
      });
      expect(r.questions[1]).toMatchObject({
        answered: 3,
        counts: [
          { label: 'Oui', count: 2 },
          { label: 'Non', count: 1 },
        ],
      });
      expect(r.questions[2]).toMatchObject({
        answered: 2,
        counts: [
          { label: 'Diabète', count: 1 },
          { label: 'Sommeil', count: 2 },
          { label: 'Douleur', count: 0 },
        ],
      });
      expect(r.questions[3]).toMatchObject({ answered: 1, texts: ['Très utile'] });
    }
    // The board sees the results, not the list of people.
    expect((await board.ok<{ survey: Survey }>(SURVEY, { id: segmentSurvey.id })).survey.recipients).toEqual([]);
    expect(errorCode(await member.request(RESULTS, { id: segmentSurvey.id }))).toBe('FORBIDDEN');

    const url = `${h.gateway.url}/api/surveys/${segmentSurvey.id}/results.xlsx`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${staff.accessToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const sheets = unzipText(Buffer.from(await res.arrayBuffer()));
    expect(sheets).toContain('Votre satisfaction globale');
    expect(sheets).toContain('Très utile');
    expect(sheets).toContain('Sondé0'); // nominative: the respondent's name
    expect((await fetch(url, { headers: { authorization: `Bearer ${board.accessToken}` } })).status).toBe(403);
    expect((await fetch(url)).status).toBe(401);

    // Closed by hand: its links now say so, and nothing more is accepted.
    const { closeSurvey } = await staff.ok<{ closeSurvey: { status: string } }>(CLOSE, { id: segmentSurvey.id });
    expect(closeSurvey.status).toBe('CLOSED');
    expect(errorCode(await staff.request(CLOSE, { id: segmentSurvey.id }))).toBe('CONFLICT');
  });

  it("sends an anonymous survey to a meeting's participants: answers kept with no link to anyone", async () => {
    const groupId = (
      await staff.ok<{ createWorkingGroup: { id: string } }>(`mutation($i: WorkingGroupInput!) { createWorkingGroup(input: $i) { id } }`, {
        i: { name: 'Groupe sommeil', missions: ['PREVENTION'], frame: { purpose: 'Le sommeil des enfants' } },
      })
    ).createWorkingGroup.id;
    const people = await h.data.inTenant(tenant.id, (db) =>
      db.query(`SELECT id, email FROM professionals WHERE tenant_id = $1 AND email = ANY($2::text[])`, [tenant.id, emails.slice(0, 2)]),
    );
    await staff.ok(`mutation($g: ID!, $p: [ID!]) { addWorkingGroupMembers(groupId: $g, professionalIds: $p) { id } }`, {
      g: groupId,
      p: people.rows.map((r: { id: string }) => r.id),
    });
    const start = new Date(Date.now() + 5 * DAY);
    const meeting = (
      await staff.ok<{ scheduleMeeting: { id: string } }>(`mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id } }`, {
        i: {
          ownerKind: 'working_group',
          ownerId: groupId,
          title: 'Atelier sommeil',
          startsAt: start.toISOString(),
          endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
          place: 'Salle 1',
        },
      })
    ).scheduleMeeting.id;
    const draft = await create({ title: 'Atelier sommeil : votre avis', anonymous: true });
    anonymousSurvey = await withQuestions(draft.id);
    const { sendSurvey: sent } = await staff.ok<{ sendSurvey: Survey }>(SEND, { id: draft.id, a: { meetingId: meeting } });
    expect(sent).toMatchObject({ anonymous: true, recipientCount: 2, audienceLabel: 'Participants de la réunion « Atelier sommeil »' });
    const subject = 'Enquête : Atelier sommeil : votre avis';
    const [t0, t1] = await Promise.all(emails.slice(0, 2).map((e) => linkOf(e, subject)));
    expect(sink.to(emails[0]).find((m) => m.subject === subject)!.text).toContain('Vos réponses sont anonymes.');
    expect(((await (await api(t0)).json()) as { anonymous: boolean }).anonymous).toBe(true);
    expect((await api(t0, answersFor(anonymousSurvey, 2, 'Non', ['Douleur'], 'Trop court'))).status).toBe(200);
    expect((await api(t1, answersFor(anonymousSurvey, 4, 'Oui', []))).status).toBe(200);
    expect((await api(t1, answersFor(anonymousSurvey, 4, 'Oui', []))).status).toBe(409);

    // In the tables: responses without recipient nor time; recipients with only "answered".
    const rows = await h.data.inTenant(tenant.id, async (db) => ({
      responses: (await db.query(`SELECT * FROM survey_responses WHERE tenant_id = $1 AND survey_id = $2`, [tenant.id, draft.id])).rows,
      recipients: (await db.query(`SELECT * FROM survey_recipients WHERE tenant_id = $1 AND survey_id = $2`, [tenant.id, draft.id])).rows,
    }));
    expect(rows.responses).toHaveLength(2);
    for (const r of rows.responses) {
      expect(r.recipient_id).toBeNull();
      // No time, no order, nothing else: the only column that could name someone is empty.
      expect(Object.keys(r).sort()).toEqual(['anonymous', 'answers', 'id', 'recipient_id', 'survey_id', 'tenant_id']);
    }
    expect(Object.keys(rows.recipients[0]).sort()).toEqual([
      'answered',
      'email',
      'id',
      'name',
      'professional_id',
      'reminders',
      'survey_id',
      'tenant_id',
      'user_id',
    ]);
    expect(rows.recipients.every((r: { answered: boolean }) => r.answered)).toBe(true);
    // The export has no respondent column.
    const res = await fetch(`${h.gateway.url}/api/surveys/${draft.id}/results.xlsx`, {
      headers: { authorization: `Bearer ${staff.accessToken}` },
    });
    const sheets = unzipText(Buffer.from(await res.arrayBuffer()));
    expect(sheets).toContain('Trop court');
    expect(sheets).not.toContain('Sondé');
    expect(sheets).not.toContain('Répondant');
  });
});

/** The text of a workbook's parts (unzip -p), to look for words in it. */
function unzipText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'surveys-xlsx-'));
  try {
    const file = path.join(dir, 'book.xlsx');
    writeFileSync(file, bytes);
    return execFileSync('unzip', ['-p', file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
