import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { Role } from '@cpts/platform-core';
import { createLogger } from '@cpts/platform-observability';
import { Harness, startHarness } from './harness';

/**
 * The caller's mistakes: a body that is not JSON, variables of the wrong
 * type, a mangled address, a wrong content type. Each is answered with a 4xx
 * (or, for a GraphQL request error in application/json, the 200 that media
 * type asks for), BAD_USER_INPUT or the route's own code, a French message,
 * and logged at info level: never INTERNAL, never a 500, never an error log.
 */

interface LogLine {
  level: number;
  msg: string;
}

interface Answer {
  status: number;
  contentType: string;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  /** What the gateway logged while answering. */
  logs: LogLine[];
}

const INFO = 30;
const WARN = 40;
const INTERNAL_MESSAGE = 'Une erreur inattendue est survenue. Réessayez dans un instant.';
const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_JSON = 'application/graphql-response+json; charset=utf-8';

describe('malformed and invalid requests', () => {
  const logs: LogLine[] = [];
  let h: Harness;
  let token: string;
  let communeCode: string;
  const saved = { MAIL_WEBHOOK_TOKEN: process.env.MAIL_WEBHOOK_TOKEN, METRICS_TOKEN: process.env.METRICS_TOKEN };

  beforeAll(async () => {
    // The webhook and the metrics exist only with a token: given one here, to send them bad requests.
    process.env.MAIL_WEBHOOK_TOKEN = 'jeton-du-webhook-de-test-assez-long';
    process.env.METRICS_TOKEN = 'jeton-des-metriques-de-test-assez-long';
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as LogLine);
        done();
      },
    });
    h = await startHarness({ logger: createLogger({ service: 'gateway', level: 'info', destination }) });
    const region = await h.data.region('75');
    const cpts = await h.data.cpts(region, { departement: '86' });
    communeCode = cpts.communes[0];
    const { email } = await h.data.user([{ role: Role.COORDINATOR, tenantId: cpts.id }]);
    token = (await h.signedIn(email)).accessToken as string;
  });

  afterAll(async () => {
    Object.assign(process.env, saved);
    for (const [name, value] of Object.entries(saved)) if (value === undefined) delete process.env[name];
    await h.close();
  });

  async function send(path: string, init: RequestInit = {}): Promise<Answer> {
    const from = logs.length;
    const res = await fetch(`${h.gateway.url}${path}`, init);
    const text = await res.text();
    let body: Answer['body'] = {};
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      body = { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
    }
    return { status: res.status, contentType: res.headers.get('content-type') ?? '', body, logs: logs.slice(from) };
  }

  /** Refused as the caller's mistake: this status, this code, this French message, and at most an info log line. */
  function refused(answer: Answer, status: number, message: string | RegExp, code = 'BAD_USER_INPUT') {
    expect({ status: answer.status, contentType: answer.contentType }).toEqual({
      status,
      contentType: expect.stringMatching(/^application\/(graphql-response\+)?json; charset=utf-8$/),
    });
    const [error] = answer.body.errors ?? [];
    expect(error?.extensions?.code).toBe(code);
    if (typeof message === 'string') expect(error?.message).toBe(message);
    else expect(error?.message).toMatch(message);
    expect(error?.message).not.toBe(INTERNAL_MESSAGE);
    expect(answer.logs.filter((l) => l.level > INFO)).toEqual([]);
  }

  const graphql = (body: unknown, headers: Record<string, string> = {}) =>
    send('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify(body),
    });

  describe('GraphQL variables that do not match their declared types', () => {
    const mismatch = (variable: string) => `La variable « $${variable} » n'a pas une valeur du type attendu.`;
    const CREATE = `mutation($i: ProfessionalInput!) { createProfessional(input: $i) { id } }`;
    const cases: Array<[string, string, () => Record<string, unknown>, string]> = [
      [
        'a string where an Int is expected',
        `query($f: Int) { professionals(first: $f) { edges { node { id } } } }`,
        () => ({ f: 'vingt' }),
        'f',
      ],
      [
        'a number where a String is expected',
        `query($c: String!) { previewProfessionalsCsv(content: $c) { rowCount } }`,
        () => ({ c: 12 }),
        'c',
      ],
      ['a required input field missing', CREATE, () => ({ i: { lastName: 'Durand' } }), 'i'],
      ['a null for a non-null', `query($id: ID!) { professional(id: $id) { id } }`, () => ({ id: null }), 'id'],
      ['a required variable missing', `query($id: ID!) { professional(id: $id) { id } }`, () => ({}), 'id'],
      [
        'an unknown enum value',
        `query($t: CampaignAudience!) { audiencePreview(audienceType: $t, purpose: PRO_NEWSLETTER) { matched } }`,
        () => ({ t: 'TOUT_LE_MONDE' }),
        't',
      ],
      [
        'an unknown input field',
        CREATE,
        () => ({ i: { lastName: 'Durand', firstName: 'Jo', professionCode: '60', communeCode, couleur: 'bleu' } }),
        'i',
      ],
      [
        'an object where a list is expected',
        `query($s: CampaignSegmentInput) { audiencePreview(audienceType: PROFESSIONALS, purpose: PRO_NEWSLETTER, segment: $s) { matched } }`,
        () => ({ s: { professionCodes: { a: 1 } } }),
        's',
      ],
    ];

    // Three times each: Mercurius checks the variables, then compiles the operation (JIT) and lets the compiled
    // query check them, then checks them again before running the compiled query: three paths, one answer.
    it.each(cases)('%s: BAD_USER_INPUT, 200 without data in application/json', async (_name, query, variables, name) => {
      for (let run = 0; run < 3; run++) {
        const answer = await graphql({ query, variables: variables() });
        refused(answer, 200, mismatch(name));
        expect(answer.contentType).toBe(JSON_TYPE);
        expect(answer.body).not.toHaveProperty('data');
        expect(answer.logs).toContainEqual(expect.objectContaining({ level: INFO, msg: 'request refused: malformed or invalid' }));
      }
    });

    it.each(cases)('%s: 400 in application/graphql-response+json', async (_name, query, variables, name) => {
      for (let run = 0; run < 3; run++) {
        const answer = await graphql({ query: `${query} `, variables: variables() }, { accept: 'application/graphql-response+json' });
        refused(answer, 400, mismatch(name));
        expect(answer.contentType).toBe(GRAPHQL_JSON);
        expect(answer.body).not.toHaveProperty('data');
      }
    });
  });

  describe('GraphQL requests that cannot be read', () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

    it('a body that is not JSON, or empty: 400, whatever the media type', async () => {
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        refused(await post('{"query": ', { accept }), 400, "Le corps de la requête n'est pas du JSON valide.");
        refused(await post('NONSENSE', { accept }), 400, "Le corps de la requête n'est pas du JSON valide.");
        refused(await post('', { accept }), 400, 'Le corps de la requête est vide alors qu’il est annoncé en JSON.');
      }
    });

    it('JSON that is no GraphQL request: no query, variables not an object, a batch: 400', async () => {
      const malformed = /^Requête GraphQL (mal formée|sans opération)/;
      refused(await post(JSON.stringify({ qeury: '{ __typename }' })), 400, malformed);
      refused(await post(JSON.stringify({ query: 'query Q($i: Int!) { __typename }', variables: [7] })), 400, malformed);
      refused(await post(JSON.stringify([{ query: '{ __typename }' }])), 400, malformed);
      refused(await post(JSON.stringify({ query: { kind: 'Document' } })), 400, malformed);
    });

    it('an unsupported content type: 415; a body over the limit: 413', async () => {
      refused(
        await send('/graphql', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<query/>' }),
        415,
        'Type de contenu non pris en charge par cette adresse.',
      );
      const huge = JSON.stringify({ query: '{ __typename }', variables: { x: 'a'.repeat(6 * 1024 * 1024) } });
      refused(await post(huge), 413, 'Requête trop volumineuse.');
    });

    it('GET: variables that are not JSON: 400; a mutation: 405', async () => {
      const query = encodeURIComponent('query($f: Int) { professionals(first: $f) { edges { node { id } } } }');
      refused(
        await send(`/graphql?query=${query}&variables=%7Bnope`, { headers: { authorization: `Bearer ${token}` } }),
        400,
        "Le paramètre « variables » n'est pas du JSON valide.",
      );
      refused(
        await send(`/graphql?query=${encodeURIComponent('mutation { logout }')}`),
        405,
        'Une mutation GraphQL se demande en POST, pas en GET.',
      );
      refused(await send('/graphql'), 400, 'Requête GraphQL sans opération : le champ « query » manque.');
    });

    it('a document that does not parse or validate: 200 in application/json, 400 in application/graphql-response+json', async () => {
      for (const query of ['{', '{ nimporteQuoi }', 'query A { __typename } query B { __typename }']) {
        const loose = await post(JSON.stringify({ query }));
        refused(loose, 200, 'Requête invalide.');
        expect(loose.body).not.toHaveProperty('data');
        const strict = await post(JSON.stringify({ query }), { accept: 'application/graphql-response+json' });
        refused(strict, 400, 'Requête invalide.');
        expect(strict.contentType).toBe(GRAPHQL_JSON);
      }
    });

    it('answers in the media type asked for, and 406 when the client accepts neither JSON type', async () => {
      const ok = await post(JSON.stringify({ query: '{ __typename }' }), {
        accept: 'application/graphql-response+json, application/json;q=0.9',
      });
      expect({ status: ok.status, contentType: ok.contentType, body: ok.body }).toEqual({
        status: 200,
        contentType: GRAPHQL_JSON,
        body: { data: { __typename: 'Query' } },
      });
      const legacy = await post(JSON.stringify({ query: '{ __typename }' }), { accept: '*/*' });
      expect({ status: legacy.status, contentType: legacy.contentType }).toEqual({ status: 200, contentType: JSON_TYPE });
      const preferJson = await post(JSON.stringify({ query: '{' }), {
        accept: 'application/graphql-response+json;q=0.5, application/json',
      });
      expect({ status: preferJson.status, contentType: preferJson.contentType }).toEqual({ status: 200, contentType: JSON_TYPE });
      // An executed operation whose field fails: 200 with data, in both media types.
      const fieldError = await graphql(
        { query: `query($id: ID!) { professional(id: $id) { id } }`, variables: { id: '00000000-0000-4000-8000-000000000000' } },
        { accept: 'application/graphql-response+json' },
      );
      expect({ status: fieldError.status, data: fieldError.body.data, code: fieldError.body.errors?.[0]?.extensions?.code }).toEqual({
        status: 200,
        data: null,
        code: 'NOT_FOUND',
      });
      refused(
        await post(JSON.stringify({ query: '{ __typename }' }), { accept: 'text/html' }),
        406,
        /^Format de réponse non pris en charge/,
      );
    });

    it('without an Accept header, answers application/graphql-response+json (the spec default since 2025)', async () => {
      const answer = await new Promise<{ status: number; contentType: string }>((resolve, reject) => {
        const url = new URL(`${h.gateway.url}/graphql`);
        const req = httpRequest(
          { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json' } },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']) }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ query: '{ nimporteQuoi }' }));
      });
      expect(answer).toEqual({ status: 400, contentType: GRAPHQL_JSON });
    });
  });

  describe('plain HTTP routes', () => {
    const auth = () => ({ authorization: `Bearer ${token}` });
    const LONG = 'a'.repeat(600);
    const NOT_JSON = "Le corps de la requête n'est pas du JSON valide.";

    it('exports (GDPR, directory, follow-up): a malformed id is not found, a bad filter is a field error, a mangled address a 4xx', async () => {
      refused(
        await send('/api/directory/professionals/pas-un-uuid/export.json', { headers: auth() }),
        404,
        'Professionnel introuvable.',
        'NOT_FOUND',
      );
      refused(
        await send(`/api/directory/professionals/${LONG}/export.json`, { headers: auth() }),
        414,
        'Adresse trop longue : ce lien a sans doute été mal copié.',
      );
      refused(await send('/api/directory/professionals/%E0%A4%A/export.json', { headers: auth() }), 400, 'Adresse invalide.');
      refused(await send('/api/campaigns/pas-un-uuid/follow-up.csv', { headers: auth() }), 404, 'Campagne introuvable.', 'NOT_FOUND');
      refused(await send('/api/campaigns/pas-un-uuid/follow-up.xlsx', { headers: auth() }), 404, 'Campagne introuvable.', 'NOT_FOUND');
      refused(
        await send(`/api/directory/professionals.csv?q=${'x'.repeat(101)}`, { headers: auth() }),
        400,
        'Recherche trop longue (100 caractères au plus).',
      );
      refused(await send('/api/directory/professionals.xlsx?professions=6', { headers: auth() }), 400, 'Code de profession invalide.');
      refused(await send('/api/directory/professionals.csv?communes=7500&communes=x', { headers: auth() }), 400, 'Code INSEE invalide.');
    });

    it('directory import upload: a wrong content type, a body that is not JSON, a too large JSON body', async () => {
      const upload = (headers: Record<string, string>, body: string) =>
        send('/api/directory/imports', { method: 'POST', headers: { ...auth(), 'x-file-name': 'extraction.txt', ...headers }, body });
      refused(await upload({ 'content-type': 'text/plain' }, 'Nom|Prénom'), 400, 'Envoyez le fichier tel quel (application/octet-stream).');
      refused(await upload({ 'content-type': 'application/json' }, '{"fichier": '), 400, NOT_JSON);
      refused(
        await upload({ 'content-type': 'application/json' }, ''),
        400,
        'Le corps de la requête est vide alors qu’il est annoncé en JSON.',
      );
      refused(
        await upload({ 'content-type': 'application/xml' }, '<fichier/>'),
        415,
        'Type de contenu non pris en charge par cette adresse.',
      );
      refused(await upload({ 'content-type': 'text/plain' }, 'a'.repeat(6 * 1024 * 1024)), 413, 'Requête trop volumineuse.');
    });

    it('public routes: a malformed or too long token or id, a body that is not JSON or not an object', async () => {
      refused(
        await send('/api/public/cpts/pas-une-cpts/directory'),
        404,
        'Aucune CPTS n’a cette adresse. Vérifiez le lien, ou demandez-le à la CPTS.',
        'NOT_FOUND',
      );
      refused(await send(`/api/public/cpts/${LONG}/directory`), 414, 'Adresse trop longue : ce lien a sans doute été mal copié.');
      refused(await send(`/api/public/c/${LONG}`), 414, 'Adresse trop longue : ce lien a sans doute été mal copié.');
      refused(await send('/api/public/c/%E0%A4%A'), 400, 'Adresse invalide.');
      refused(await send(`/api/public/preferences/${LONG}`), 414, 'Adresse trop longue : ce lien a sans doute été mal copié.');
      refused(await send('/api/public/preferences/jeton-inconnu'), 404, /^Ce lien/, 'NOT_FOUND');
      const choose = (headers: Record<string, string>, body: string) =>
        send('/api/public/preferences/jeton-inconnu', { method: 'POST', headers, body });
      refused(await choose({ 'content-type': 'application/json' }, '{"purpose": '), 400, NOT_JSON);
      refused(
        await choose({ 'content-type': 'application/json' }, ''),
        400,
        'Le corps de la requête est vide alors qu’il est annoncé en JSON.',
      );
      // Well-formed JSON with an unknown token: the link is checked first (unsubscribe.spec checks the choices of a valid one).
      refused(await choose({ 'content-type': 'application/json' }, '[1, 2]'), 404, /^Ce lien/, 'NOT_FOUND');
      refused(await choose({ 'content-type': 'application/json' }, '{"purpose": 12, "receive": "oui"}'), 404, /^Ce lien/, 'NOT_FOUND');
      refused(
        await choose({ 'content-type': 'application/xml' }, '<choix/>'),
        415,
        'Type de contenu non pris en charge par cette adresse.',
      );
      refused(
        await send('/api/public/unsubscribe/jeton-inconnu', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
        400,
        NOT_JSON,
      );
      refused(
        await send(`/api/public/unsubscribe/${LONG}`, { method: 'POST' }),
        414,
        'Adresse trop longue : ce lien a sans doute été mal copié.',
      );
    });

    it('the mail webhook: a body that is not JSON, JSON that is not an event, an empty message, an unsupported type', async () => {
      const hook = (headers: Record<string, string>, body: string) =>
        send('/api/mail/bounces', {
          method: 'POST',
          headers: { authorization: 'Bearer jeton-du-webhook-de-test-assez-long', ...headers },
          body,
        });
      refused(await hook({ 'content-type': 'application/json' }, '{"type": "hard_bounce", '), 400, NOT_JSON);
      refused(await hook({ 'content-type': 'application/json' }, 'null'), 400, 'Un objet JSON est attendu.');
      refused(await hook({ 'content-type': 'application/json' }, '{"type": "rebond"}'), 400, /^type doit valoir/);
      refused(await hook({ 'content-type': 'text/plain' }, ''), 400, 'Message vide.');
      refused(await hook({ 'content-type': 'image/png' }, 'PNG'), 415, 'Type de contenu non pris en charge par cette adresse.');
      refused(
        await hook({ 'content-type': 'application/json', authorization: 'Bearer faux' }, '{}'),
        401,
        'Jeton du webhook absent ou invalide.',
        'UNAUTHENTICATED',
      );
    });

    it('the refresh cookie: garbage, too long, or missing is a signed-out answer, not a failure', async () => {
      const refresh = (cookie?: string) =>
        graphql({ query: 'mutation { refreshSession { accessToken } }' }, cookie === undefined ? {} : { cookie });
      for (const cookie of [
        undefined,
        'cpts_refresh=',
        'cpts_refresh=%E0%A4%A',
        `cpts_refresh=${'z'.repeat(4000)}`,
        'cpts_refresh="non fermé',
      ]) {
        const answer = await refresh(cookie);
        expect({ cookie, status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({
          cookie,
          status: 200,
          code: 'UNAUTHENTICATED',
        });
        expect(answer.logs.filter((l) => l.level > INFO)).toEqual([]);
      }
    });

    it('health and metrics: a wrong method, a wrong token, an unknown address', async () => {
      refused(
        await send('/metrics', { headers: { authorization: 'Bearer faux' } }),
        401,
        'Jeton des métriques absent ou invalide.',
        'UNAUTHENTICATED',
      );
      expect((await send('/metrics', { headers: { authorization: 'Bearer jeton-des-metriques-de-test-assez-long' } })).status).toBe(200);
      refused(await send('/health/live', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }), 400, NOT_JSON);
      refused(await send('/health/live', { method: 'DELETE' }), 404, 'Page introuvable.', 'NOT_FOUND');
      refused(await send('/api/rien-ici?x=%E0%A4%A'), 404, 'Page introuvable.', 'NOT_FOUND');
    });
  });

  it('logged nothing at warning or error level for any of them', () => {
    // Declared last, so run last: every request above.
    expect(logs.filter((l) => l.level >= WARN)).toEqual([]);
  });
});
