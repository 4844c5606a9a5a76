import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LinkSigner } from '@cpts/platform-mail';
import { SurveyLinks } from '@cpts/surveys';
import { errorCode, GraphQLClient, GraphQLResult } from '@cpts/testing';
import { Harness } from './harness';

/**
 * The surveys' cases of cross-tenant.spec.ts (its CASES and ROUTES take them
 * as they are): a user of CPTS A reads and changes nothing of B's surveys,
 * region people are refused, and a survey link signed for A naming B's
 * recipient reaches nothing. B's surveys are made on first use, once per run.
 */
export interface SurveysWorld {
  h: Harness;
  a: { id: string; slug: string };
  b: { id: string; slug: string; communes: string[] };
  coordA: GraphQLClient;
  staffA: GraphQLClient;
  boardA: GraphQLClient;
  memberA: GraphQLClient;
  coordB: GraphQLClient;
  missionA: GraphQLClient;
  adminR1: GraphQLClient;
  meetingB: string;
}

interface SurveysOfB {
  draftB: string;
  sentB: string;
  recipientB: string;
  links: SurveyLinks;
}

const QUESTIONS = [
  { type: 'SCALE', label: 'Note Bravo', required: true },
  { type: 'TEXT', label: 'Remarque Bravo' },
];
const made = new WeakMap<object, Promise<SurveysOfB>>();

/** B's two surveys: a draft and one sent to a professional of B (not answered), its recipient row, links signed like the gateway's. */
function surveysOfB(w: SurveysWorld): Promise<SurveysOfB> {
  let p = made.get(w);
  if (!p) {
    p = (async () => {
      await w.h.data.professional(w.b.id, w.b.communes[0], { lastName: 'Sondée', email: 'enquete@bravo.fr', professionCode: '91' });
      const create = async (title: string) =>
        (
          await w.coordB.ok<{ createSurvey: { id: string } }>(`mutation($i: SurveyInput!) { createSurvey(input: $i) { id } }`, {
            i: { title, anonymous: false, closesAt: new Date(Date.now() + 20 * 86_400_000).toISOString() },
          })
        ).createSurvey.id;
      const draftB = await create('Brouillon Bravo');
      const sentB = await create('Enquête Bravo');
      for (const id of [draftB, sentB])
        await w.coordB.ok(`mutation($id: ID!, $i: SurveyQuestionsInput!) { setSurveyQuestions(id: $id, input: $i) { id } }`, {
          id,
          i: { questions: QUESTIONS },
        });
      await w.coordB.ok(`mutation($id: ID!, $a: SurveyAudienceInput!) { sendSurvey(id: $id, audience: $a) { id } }`, {
        id: sentB,
        a: { segment: { professionCodes: ['91'] } },
      });
      const rows = await w.h.data.inTenant(w.b.id, (db) =>
        db.query(`SELECT id FROM survey_recipients WHERE tenant_id = $1 AND survey_id = $2`, [w.b.id, sentB]),
      );
      return {
        draftB,
        sentB,
        recipientB: rows.rows[0].id as string,
        links: new SurveyLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string),
      };
    })();
    made.set(w, p);
  }
  return p;
}

const FUTURE = () => new Date(Date.now() + 20 * 86_400_000);
const STATE_OF_B = `query($id: ID!) { survey(id: $id) { title status questions { label } recipients { answered reminders } } }`;
/** B's surveys as B's coordinator reads them: every case ends finding them so. */
async function expectUnchanged(w: SurveysWorld, s: SurveysOfB) {
  const read = async (id: string) => (await w.coordB.ok<{ survey: unknown }>(STATE_OF_B, { id })).survey;
  expect(await read(s.draftB)).toEqual({
    title: 'Brouillon Bravo',
    status: 'DRAFT',
    questions: QUESTIONS.map((q) => ({ label: q.label })),
    recipients: [],
  });
  expect(await read(s.sentB)).toEqual({
    title: 'Enquête Bravo',
    status: 'SENT',
    questions: QUESTIONS.map((q) => ({ label: q.label })),
    recipients: [{ answered: false, reminders: 0 }],
  });
}

function denied(res: GraphQLResult<unknown>, ...codes: string[]) {
  expect(res.data === null || Object.values(res.data as object).every((v) => v === null)).toBe(true);
  expect(codes).toContain(errorCode(res));
}

/** An operation on one of B's surveys: A's team (and board, for reads) finds nothing, the others are refused, B's surveys are as they were. */
const surveyCommand =
  (query: string, vars: (w: SurveysWorld, s: SurveysOfB) => Record<string, unknown>, who: 'team' | 'readers') =>
  async (w: SurveysWorld) => {
    const s = await surveysOfB(w);
    const finders = who === 'readers' ? [w.coordA, w.staffA, w.boardA] : [w.coordA, w.staffA];
    const refused = who === 'readers' ? [w.memberA, w.missionA, w.adminR1] : [w.boardA, w.memberA, w.missionA, w.adminR1];
    for (const client of finders) denied(await client.request(query, vars(w, s)), 'NOT_FOUND');
    for (const client of refused) denied(await client.request(query, vars(w, s)), 'FORBIDDEN');
    await expectUnchanged(w, s);
  };

const INPUT = { title: 'Pirate', anonymous: true };

export const SURVEY_CASES: Record<string, (w: SurveysWorld) => Promise<void>> = {
  'Query.surveys': async (w) => {
    const s = await surveysOfB(w);
    const q = `{ surveys { id title } }`;
    for (const client of [w.coordA, w.staffA, w.boardA]) {
      const { surveys } = await client.ok<{ surveys: Array<{ id: string; title: string }> }>(q);
      expect(surveys.filter((x) => x.title.includes('Bravo') || [s.draftB, s.sentB].includes(x.id))).toEqual([]);
    }
    for (const client of [w.memberA, w.missionA, w.adminR1]) denied(await client.request(q), 'FORBIDDEN');
    // B's coordinator lists them (so the check is not vacuous).
    expect((await w.coordB.ok<{ surveys: Array<{ id: string }> }>(q)).surveys.map((x) => x.id)).toEqual(
      expect.arrayContaining([s.draftB, s.sentB]),
    );
  },
  'Query.survey': surveyCommand(
    `query($id: ID!) { survey(id: $id) { id title recipients { email } } }`,
    (_, s) => ({ id: s.sentB }),
    'readers',
  ),
  'Query.surveyResults': surveyCommand(
    `query($id: ID!) { surveyResults(id: $id) { answers questions { label texts } } }`,
    (_, s) => ({ id: s.sentB }),
    'readers',
  ),
  'Mutation.createSurvey': async (w) => {
    const s = await surveysOfB(w);
    const q = `mutation($i: SurveyInput!) { createSurvey(input: $i) { id } }`;
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) denied(await client.request(q, { i: INPUT }), 'FORBIDDEN');
    // A's team creates in A only.
    const { createSurvey } = await w.coordA.ok<{ createSurvey: { id: string } }>(q, { i: INPUT });
    denied(await w.coordB.request(`query($id: ID!) { survey(id: $id) { id } }`, { id: createSurvey.id }), 'NOT_FOUND');
    await expectUnchanged(w, s);
  },
  // An adoption of another CPTS (or none) is not found: the resources engine reads only the caller's CPTS's copies.
  'Mutation.createSurveyFromTemplate': surveyCommand(
    `mutation($id: ID!) { createSurveyFromTemplate(adoptionId: $id) { id } }`,
    (_, s) => ({ id: s.draftB }),
    'team',
  ),
  'Mutation.updateSurvey': surveyCommand(
    `mutation($id: ID!, $i: SurveyInput!) { updateSurvey(id: $id, input: $i) { id } }`,
    (_, s) => ({ id: s.draftB, i: INPUT }),
    'team',
  ),
  'Mutation.setSurveyQuestions': surveyCommand(
    `mutation($id: ID!, $i: SurveyQuestionsInput!) { setSurveyQuestions(id: $id, input: $i) { id } }`,
    (_, s) => ({ id: s.draftB, i: { questions: [{ type: 'TEXT', label: 'Pirate' }] } }),
    'team',
  ),
  'Mutation.sendSurvey': async (w) => {
    await surveyCommand(
      `mutation($id: ID!, $a: SurveyAudienceInput!) { sendSurvey(id: $id, audience: $a) { id } }`,
      (_, s) => ({ id: s.draftB, a: { segment: { professionCodes: ['91'] } } }),
      'team',
    )(w);
    // A's own draft sent to B's meeting, or to B's people by segment: nothing of B is reached.
    const draftA = (
      await w.coordA.ok<{ createSurvey: { id: string } }>(`mutation($i: SurveyInput!) { createSurvey(input: $i) { id } }`, {
        i: { ...INPUT, closesAt: FUTURE().toISOString() },
      })
    ).createSurvey.id;
    await w.coordA.ok(`mutation($id: ID!, $i: SurveyQuestionsInput!) { setSurveyQuestions(id: $id, input: $i) { id } }`, {
      id: draftA,
      i: { questions: QUESTIONS },
    });
    const send = `mutation($id: ID!, $a: SurveyAudienceInput!) { sendSurvey(id: $id, audience: $a) { id } }`;
    denied(await w.coordA.request(send, { id: draftA, a: { meetingId: w.meetingB } }), 'NOT_FOUND');
    denied(await w.coordA.request(send, { id: draftA, a: { segment: { professionCodes: ['91'] } } }), 'BAD_USER_INPUT');
    const outboxA = await w.h.data.pool.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE tenant_id = $1 AND kind LIKE 'survey%'`, [
      w.a.id,
    ]);
    expect(outboxA.rows[0].n).toBe(0);
  },
  'Mutation.remindSurvey': surveyCommand(`mutation($id: ID!) { remindSurvey(id: $id) }`, (_, s) => ({ id: s.sentB }), 'team'),
  'Mutation.closeSurvey': surveyCommand(`mutation($id: ID!) { closeSurvey(id: $id) { id } }`, (_, s) => ({ id: s.sentB }), 'team'),
};

const fetchAs = (w: SurveysWorld, client: GraphQLClient | null, url: string, init: RequestInit = {}) =>
  fetch(`${w.h.gateway.url}${url}`, {
    ...init,
    redirect: 'manual',
    headers: {
      'x-forwarded-for': '203.0.113.61',
      ...(client ? { authorization: `Bearer ${client.accessToken}` } : {}),
      ...(init.headers as Record<string, string>),
    },
  });

/** What a person could read in an answer: text, JSON, or the sheets of a workbook. */
async function readable(res: Response): Promise<string> {
  const bytes = Buffer.from(await res.arrayBuffer());
  if (!res.headers.get('content-type')?.includes('spreadsheetml')) return bytes.toString('utf8');
  const dir = mkdtempSync(path.join(tmpdir(), 'surveys-cross-'));
  try {
    writeFileSync(path.join(dir, 'x.xlsx'), bytes);
    return execFileSync('unzip', ['-p', path.join(dir, 'x.xlsx')], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function refusedWithNothingOfB(res: Response, statuses: number[]) {
  const body = await readable(res);
  expect({
    refused: statuses.includes(res.status) ? 'yes' : res.status,
    leaks: ['Bravo', 'bravo.fr'].filter((x) => body.includes(x)),
  }).toEqual({ refused: 'yes', leaks: [] });
}

/** A link signed for CPTS A naming B's recipient; and B's own. */
const crossed = (s: SurveysOfB, w: SurveysWorld) => s.links.token(w.a.id, s.recipientB, FUTURE());
const own = (s: SurveysOfB, w: SurveysWorld) => s.links.token(w.b.id, s.recipientB, FUTURE());

export const SURVEY_ROUTES: Record<string, (w: SurveysWorld) => Promise<void>> = {
  'GET /api/public/surveys/:token': async (w) => {
    const s = await surveysOfB(w);
    for (const client of [null, w.coordA])
      await refusedWithNothingOfB(await fetchAs(w, client, `/api/public/surveys/${crossed(s, w)}`), [404]);
    const ofB = await fetchAs(w, null, `/api/public/surveys/${own(s, w)}`);
    expect([ofB.status, ((await ofB.json()) as { title: string }).title]).toEqual([200, 'Enquête Bravo']);
  },
  'POST /api/public/surveys/:token': async (w) => {
    const s = await surveysOfB(w);
    const q = (
      await w.coordB.ok<{ survey: { questions: Array<{ id: string }> } }>(`query($id: ID!) { survey(id: $id) { questions { id } } }`, {
        id: s.sentB,
      })
    ).survey.questions;
    const body = JSON.stringify({ answers: { [q[0].id]: 1 } });
    for (const client of [null, w.coordA])
      await refusedWithNothingOfB(
        await fetchAs(w, client, `/api/public/surveys/${crossed(s, w)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        }),
        [404],
      );
    await expectUnchanged(w, s);
  },
  'GET /api/surveys/:id/results.xlsx': async (w) => {
    const s = await surveysOfB(w);
    const url = `/api/surveys/${s.sentB}/results.xlsx`;
    for (const client of [w.coordA, w.staffA]) await refusedWithNothingOfB(await fetchAs(w, client, url), [404]);
    for (const client of [w.boardA, w.memberA, w.missionA, w.adminR1]) await refusedWithNothingOfB(await fetchAs(w, client, url), [403]);
    await refusedWithNothingOfB(await fetchAs(w, null, url), [401]);
    const ofB = await fetchAs(w, w.coordB, url);
    expect(ofB.status).toBe(200);
    expect(await readable(ofB)).toContain('Note Bravo');
  },
};
