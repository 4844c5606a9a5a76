import { randomUUID } from 'node:crypto';
import { CampaignNotStartedNotice, CampaignStarter } from '@cpts/mailing';
import { Db } from '@cpts/platform-db';
import { RemindersService } from '@cpts/platform-reminders';
import { Role } from '@cpts/platform-core';
import { createLogger } from '@cpts/platform-observability';
import { QueueProducer, QUEUES } from '@cpts/platform-queue';
import { AppProcess, errorCode, GraphQLClient, GraphQLResult, SmtpSink, waitUntil } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const PREVIEW = `query($a: CampaignAudience!, $p: CampaignPurpose!, $s: CampaignSegmentInput) {
  audiencePreview(audienceType: $a, purpose: $p, segment: $s) {
    recipients matched sharedAddresses
    excluded { noEmail withdrawn noConsent bounced blocked }
    excludedSample { professionalId name reason }
  }
}`;
const FIELDS = `id status subject bodyHtml senderName replyTo audienceType purpose scheduledAt sendingStartedAt finishedAt
  segment { professionCodes communeCodes membership { year statuses } minInvolvementLevel labelIds includeIds excludeIds }
  progress { total sent failed pending cancelled skipped }`;
const CREATE = `mutation($i: CampaignInput!) { createCampaign(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: CampaignInput!) { updateCampaign(id: $id, input: $i) { ${FIELDS} } }`;
const GET = `query($id: ID!) { campaign(id: $id) { ${FIELDS} previewHtml previewText } }`;
const act = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { ${FIELDS} } }`;
const SCHEDULE = `mutation($id: ID!, $at: DateTime!) { scheduleCampaign(id: $id, at: $at) { ${FIELDS} } }`;

interface Preview {
  recipients: number;
  matched: number;
  sharedAddresses: number;
  excluded: Record<'noEmail' | 'withdrawn' | 'noConsent' | 'bounced' | 'blocked', number>;
  excludedSample: Array<{ professionalId: string; name: string; reason: string }>;
}
interface CampaignData {
  id: string;
  status: string;
  subject: string;
  bodyHtml: string;
  replyTo: string | null;
  scheduledAt: string | null;
  sendingStartedAt: string | null;
  finishedAt: string | null;
  segment: Record<string, unknown>;
  progress: { total: number; sent: number; failed: number; pending: number; cancelled: number; skipped: number };
  previewHtml?: string;
  previewText?: string;
}

const fieldsOf = (res: GraphQLResult<unknown>) => Object.fromEntries((res.errors?.[0].extensions?.fields ?? []).map((f) => [f.field.replace(/^input\./, ''), f.message]));
const input = (extra: Record<string, unknown> = {}) => ({
  subject: 'Lettre de novembre',
  bodyHtml: '<h2>Bonjour</h2><p>Les <a href="https://cpts.test/agenda">rencontres</a> du mois.</p>',
  senderName: 'CPTS Campagnes',
  replyTo: 'coordination@cpts.test',
  audienceType: 'PROFESSIONALS',
  purpose: 'PRO_NEWSLETTER',
  segment: { professionCodes: ['60'] },
  ...extra,
});

/**
 * Campaigns through the API against real PostgreSQL and Redis: the segment's
 * live count and why people are left out, the two audiences never mixed, the
 * body sanitized, sending (one delivery row per address, one job each), the
 * schedule, pause/resume/cancel, and a test send that reaches an SMTP sink.
 */
describe('campaigns (mailings)', () => {
  let h: Harness;
  let c: GraphQLClient;
  let staffEmail: string;
  let tenant: { id: string; communes: string[] };
  const Y = new Date().getFullYear();
  const people: Record<string, string> = {};
  let labelId: string;

  const sql = (query: string, params: unknown[] = []) => h.data.inTenant(tenant.id, (db) => db.query(query, params));
  /** A professional of the directory with the given address and flags. */
  const person = async (key: string, fields: { email?: string | null; profession?: string; commune?: number; work?: boolean; level?: string; tenantId?: string } = {}) => {
    const tenantId = fields.tenantId ?? tenant.id;
    const id = await h.data.professional(tenantId, tenant.communes[fields.commune ?? 0], { lastName: key, professionCode: fields.profession ?? '60' });
    await h.data.inTenant(tenantId, (db) =>
      db.query(`UPDATE professionals SET email = $3, email_is_work = $4, involvement_level = $5 WHERE tenant_id = $1 AND id = $2`, [
        tenantId,
        id,
        fields.email === undefined ? `${key.toLowerCase()}@exemple.fr` : fields.email,
        fields.work ?? true,
        fields.level ?? 'informed',
      ]),
    );
    people[key] = id;
    return id;
  };
  const consent = async (id: string, purpose: string, action: 'given' | 'withdrawn') => {
    const eventId = randomUUID();
    await sql(`INSERT INTO consent_events (tenant_id, id, professional_id, purpose, action, method, wording_version) VALUES ($1, $2, $3, $4, $5, 'form', $6)`, [
      tenant.id,
      eventId,
      id,
      purpose,
      action,
      action === 'given' ? `${purpose}.2026-11` : null,
    ]);
    await sql(`INSERT INTO consents (tenant_id, professional_id, purpose, status, event_id) VALUES ($1, $2, $3, $4, $5)`, [tenant.id, id, purpose, action, eventId]);
  };
  const preview = async (segment: Record<string, unknown> = {}, audienceType = 'PROFESSIONALS', purpose = 'PRO_NEWSLETTER') =>
    (await c.ok<{ audiencePreview: Preview }>(PREVIEW, { a: audienceType, p: purpose, s: segment })).audiencePreview;
  const create = async (extra: Record<string, unknown> = {}) => (await c.ok<{ createCampaign: CampaignData }>(CREATE, { i: input(extra) })).createCampaign;
  const run = async (name: string, id: string) => (await c.ok<Record<string, CampaignData>>(act(name), { id }))[name];
  const deliveries = async (campaignId: string) =>
    (await sql(`SELECT professional_id, email, basis, state FROM campaign_deliveries WHERE tenant_id = $1 AND campaign_id = $2 ORDER BY email`, [tenant.id, campaignId])).rows;
  const liveJobs = (ids: string[]) => h.gateway.app.get(QueueProducer).liveJobIds(QUEUES.campaignDelivery, ids);
  /** The ids of a campaign's jobs: one per chunk of deliveries (ADR 0010). */
  const jobIds = async (campaignId: string) =>
    (await sql(`SELECT DISTINCT chunk FROM campaign_deliveries WHERE tenant_id = $1 AND campaign_id = $2`, [tenant.id, campaignId])).rows.map((r) => `${campaignId}.${r.chunk}`);

  beforeAll(async () => {
    h = await startHarness();
    tenant = await h.data.cpts(await h.data.region(), { name: 'CPTS Campagnes', departement: '16', communes: 2 });
    staffEmail = (await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email;
    c = await h.signedIn(staffEmail);
    // Nurses (60) of the first commune, each a case of the contact rule.
    await person('Adam'); // work address, no record: work_address_opt_out
    await person('Berger', { email: null }); // no_email
    await consent(await person('Colin'), 'pro_newsletter', 'withdrawn'); // withdrawn
    await person('Dumas', { work: false }); // personal address, no consent: no_consent
    await consent(await person('Esteve', { work: false }), 'pro_newsletter', 'given'); // consent
    await person('Faure', { email: 'faure@exemple.fr' }); // hard bounce
    await person('Garnier'); // complaint
    await person('Hubert', { level: 'referent' }); // soft bounces only: still a recipient
    await person('Imbert', { email: 'ADAM@exemple.fr ' }); // Adam's address: one message
    await person('Nadal', { email: 'nadal@exemple.fr' }); // unsubscribed the address through a message's link
    // Never recipients: erased, merged away, archived.
    await person('Jourdan');
    await person('Klein');
    await person('Lemoine');
    await sql(`UPDATE professionals SET erased_at = now() WHERE tenant_id = $1 AND id = $2`, [tenant.id, people.Jourdan]);
    await sql(`UPDATE professionals SET merged_into = $3, archived_at = now() WHERE tenant_id = $1 AND id = $2`, [tenant.id, people.Klein, people.Adam]);
    await sql(`UPDATE professionals SET archived_at = now() WHERE tenant_id = $1 AND id = $2`, [tenant.id, people.Lemoine]);
    // A physiotherapist (70) of the second commune, who asked for the public newsletter.
    await consent(await person('Morel', { profession: '70', commune: 1 }), 'public_newsletter', 'given');
    await sql(
      `INSERT INTO email_suppressions (tenant_id, email, reason, soft_bounces) VALUES ($1, 'faure@exemple.fr', 'hard_bounce', 0), ($1, 'garnier@exemple.fr', 'complaint', 0), ($1, 'hubert@exemple.fr', NULL, 2), ($1, 'nadal@exemple.fr', 'unsubscribed', 0)`,
      [tenant.id],
    );
    await sql(`INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, $2, $3, $4, 'active', 0, 'liberal')`, [tenant.id, randomUUID(), people.Adam, Y]);
    labelId = (await c.ok<{ createDirectoryLabel: { id: string } }>(`mutation { createDirectoryLabel(input: { name: "Formé·e TND" }) { id } }`)).createDirectoryLabel.id;
    await sql(`INSERT INTO professional_labels (tenant_id, professional_id, label_id) VALUES ($1, $2, $3)`, [tenant.id, people.Hubert, labelId]);
  });
  afterAll(() => h.close());

  it('counts the recipients of a segment and why the others are left out', async () => {
    const nurses = await preview({ professionCodes: ['60'] });
    // Adam, Esteve, Hubert and Imbert may receive it; Adam and Imbert share one address.
    expect(nurses).toMatchObject({ matched: 10, recipients: 3, sharedAddresses: 1, excluded: { noEmail: 1, withdrawn: 2, noConsent: 1, bounced: 1, blocked: 1 } });
    expect(nurses.excludedSample.map((s) => [s.name, s.reason])).toEqual([
      ['Garnier Prénom', 'BLOCKED'],
      ['Faure Prénom', 'BOUNCED'],
      ['Dumas Prénom', 'NO_CONSENT'],
      ['Berger Prénom', 'NO_EMAIL'],
      ['Colin Prénom', 'WITHDRAWN'],
      ['Nadal Prénom', 'WITHDRAWN'],
    ]);
    // The count follows each filter.
    expect((await preview({})).recipients).toBe(4); // Morel too: her work address
    expect((await preview({ communeCodes: [tenant.communes[1]] })).recipients).toBe(1);
    expect((await preview({ membership: { year: Y, statuses: ['active'] } })).recipients).toBe(1);
    expect((await preview({ membership: { year: Y, statuses: ['pending'] } })).matched).toBe(0);
    expect((await preview({ minInvolvementLevel: 'action' })).excludedSample).toEqual([]);
    expect((await preview({ minInvolvementLevel: 'action' })).recipients).toBe(1);
    expect((await preview({ labelIds: [labelId] })).recipients).toBe(1);
    expect((await preview({ professionCodes: ['60'], includeIds: [people.Morel], excludeIds: [people.Adam, people.Imbert] })).recipients).toBe(3);
    // A person named in a segment and merged since (Klein into Adam) is the record kept: included, or excluded.
    expect(await preview({ professionCodes: ['70'], includeIds: [people.Klein] })).toMatchObject({ matched: 2, recipients: 2 });
    expect(await preview({ professionCodes: ['60'], excludeIds: [people.Klein] })).toMatchObject({ matched: 9, recipients: 3, sharedAddresses: 0 });
    // The public: consent only, never the work address.
    const pub = await preview({}, 'PUBLIC', 'PUBLIC_NEWSLETTER');
    expect(pub).toMatchObject({ recipients: 1, excluded: { noConsent: 9, noEmail: 1, withdrawn: 0 } });
  });

  it('never mixes the professionals and the general public', async () => {
    for (const [a, p] of [
      ['PUBLIC', 'PRO_NEWSLETTER'],
      ['PUBLIC', 'EVENT_INVITATIONS'],
      ['PROFESSIONALS', 'PUBLIC_NEWSLETTER'],
    ]) {
      const res = await c.request(PREVIEW, { a, p, s: {} });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.reason).toBe('AUDIENCE_MIX');
      const created = await c.request(CREATE, { i: input({ audienceType: a, purpose: p }) });
      expect(errorCode(created)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(created).purpose).toMatch(/^Une campagne (grand public|aux professionnels) ne peut être que/);
    }
  });

  it('validates the input with French messages per field, and sanitizes the body', async () => {
    const bad = await c.request(CREATE, {
      i: input({ subject: '  ', senderName: 'x'.repeat(101), replyTo: 'pas-une-adresse', segment: { communeCodes: ['123'], labelIds: ['nope'], minInvolvementLevel: 'roi' } }),
    });
    expect(bad.status).toBe(200);
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad)).toEqual({
      subject: "L'objet est obligatoire.",
      senderName: "Le nom de l'expéditeur ne peut pas dépasser 100 caractères.",
      replyTo: 'Adresse de réponse invalide.',
      'segment.communeCodes': 'Code INSEE invalide.',
      'segment.labelIds': 'Identifiant invalide.',
      'segment.minInvolvementLevel': "Niveau d'implication inconnu.",
    });
    const empty = await c.request(CREATE, { i: input({ bodyHtml: '<p><br></p><script>x()</script>' }) });
    expect(fieldsOf(empty)).toEqual({ bodyHtml: 'Le message est vide.' });
    const made = await create({ bodyHtml: '<h1 onclick="x()">Titre</h1><p>Voir <a href="javascript:alert(1)">ici</a> <img src="https://cpts.test/a.png" alt="Affiche" onerror="x()"></p><script>alert(1)</script>' });
    expect(made.bodyHtml).toBe('<h2>Titre</h2><p>Voir <a>ici</a> <img src="https://cpts.test/a.png" alt="Affiche"></p>');
    expect(made).toMatchObject({ status: 'DRAFT', replyTo: 'coordination@cpts.test', progress: { total: 0 } });
    expect(errorCode(await c.request(GET, { id: 'pas-un-id' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await c.request(GET, { id: randomUUID() }))).toBe('NOT_FOUND');
    expect(errorCode(await c.request(SCHEDULE, { id: made.id, at: 'demain' }))).toBe('BAD_USER_INPUT');
  });

  it('shows the email as a recipient sees it: CPTS, body, legal mention, plain-text part', async () => {
    const { id } = await create();
    const { campaign } = await c.ok<{ campaign: CampaignData }>(GET, { id });
    expect(campaign.previewHtml).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
    expect(campaign.previewHtml).toContain('CPTS Campagnes');
    expect(campaign.previewHtml).toContain('<a href="https://cpts.test/agenda">rencontres</a>');
    expect(campaign.previewHtml).toContain('en tant que professionnel de santé du territoire');
    expect(campaign.previewText).toContain('Les rencontres (https://cpts.test/agenda) du mois.');
  });

  it('sends: one delivery per address written in the sending transaction, their jobs queued after it, then refuses to send again', async () => {
    const campaign = await create();
    const sent = await run('sendCampaign', campaign.id);
    expect(sent).toMatchObject({ status: 'SENDING', progress: { total: 3, pending: 3, sent: 0 } });
    expect(sent.sendingStartedAt).toBeTruthy();
    const rows = await deliveries(campaign.id);
    expect(rows.map((r) => [r.email, r.basis, r.professional_id])).toEqual([
      ['adam@exemple.fr', 'work_address_opt_out', people.Adam < people.Imbert ? people.Adam : people.Imbert],
      ['esteve@exemple.fr', 'consent', people.Esteve],
      ['hubert@exemple.fr', 'work_address_opt_out', people.Hubert],
    ]);
    const ids = await jobIds(campaign.id);
    expect(ids.length).toBeGreaterThan(0);
    await waitUntil(async () => (await liveJobs(ids)).size === ids.length, 5000, 'the jobs of its deliveries');
    for (const name of ['sendCampaign', 'updateCampaign', 'deleteCampaign', 'scheduleCampaign']) {
      const res = name === 'updateCampaign' ? await c.request(UPDATE, { id: campaign.id, i: input() }) : name === 'scheduleCampaign' ? await c.request(SCHEDULE, { id: campaign.id, at: new Date(Date.now() + 3600_000).toISOString() }) : await c.request(name === 'deleteCampaign' ? `mutation($id: ID!) { deleteCampaign(id: $id) }` : act(name), { id: campaign.id });
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors?.[0].message).toMatch(/^(Cette campagne est déjà en cours d’envoi\.|Seule une campagne en brouillon)/);
    }
    expect(await deliveries(campaign.id)).toHaveLength(3);
    await run('cancelCampaign', campaign.id); // the worker of the last test must not send these
  });

  it('refuses to send a campaign that would reach nobody, and writes nothing', async () => {
    const campaign = await create({ segment: { professionCodes: ['10'] } });
    const res = await c.request(act('sendCampaign'), { id: campaign.id });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Personne ne recevrait cette campagne/), extensions: { reason: 'NO_RECIPIENTS' } });
    expect((await c.ok<{ campaign: CampaignData }>(GET, { id: campaign.id })).campaign.status).toBe('DRAFT');
    expect(await deliveries(campaign.id)).toEqual([]);
  });

  it('writes thousands of deliveries in one statement', async () => {
    const other = await h.data.cpts(await h.data.region(), { name: 'CPTS Nombreuse', departement: '16', communes: 1 });
    const n = 3000;
    await h.data.inTenant(other.id, (db) =>
      db.query(
        `INSERT INTO professionals (tenant_id, id, last_name, first_name, search_name, profession_code, commune_code, email)
         SELECT $1, gen_random_uuid(), 'Nom' || i, 'Prénom', 'nom' || i, '60', $2, 'pro' || i || '@exemple.fr' FROM generate_series(1, $3) i`,
        [other.id, other.communes[0], n],
      ),
    );
    const staff = await h.signedIn((await h.data.user([{ role: Role.COORDINATOR, tenantId: other.id }])).email);
    const { createCampaign } = await staff.ok<{ createCampaign: CampaignData }>(CREATE, { i: input({ segment: {} }) });
    const started = Date.now();
    const { sendCampaign } = await staff.ok<{ sendCampaign: CampaignData }>(act('sendCampaign'), { id: createCampaign.id });
    expect(sendCampaign.progress).toMatchObject({ total: n, pending: n });
    expect(Date.now() - started).toBeLessThan(10_000);
    await staff.ok(act('cancelCampaign'), { id: createCampaign.id });
  });

  it('schedules in the future, goes back to draft when edited or unscheduled, and starts when due (the worker\'s pass)', async () => {
    const campaign = await create();
    const past = await c.request(SCHEDULE, { id: campaign.id, at: new Date(Date.now() - 60_000).toISOString() });
    expect(errorCode(past)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(past)).toEqual({ at: 'Choisissez une date et une heure à venir.' });
    const at = new Date(Date.now() + 3 * 24 * 3600_000);
    const scheduled = (await c.ok<{ scheduleCampaign: CampaignData }>(SCHEDULE, { id: campaign.id, at: at.toISOString() })).scheduleCampaign;
    expect(scheduled).toMatchObject({ status: 'SCHEDULED', scheduledAt: at.toISOString() });
    const edited = (await c.ok<{ updateCampaign: CampaignData }>(UPDATE, { id: campaign.id, i: input({ subject: 'Lettre corrigée' }) })).updateCampaign;
    expect(edited).toMatchObject({ status: 'DRAFT', scheduledAt: null, subject: 'Lettre corrigée' });
    await c.ok(SCHEDULE, { id: campaign.id, at: at.toISOString() });
    expect(await run('unscheduleCampaign', campaign.id)).toMatchObject({ status: 'DRAFT', scheduledAt: null });
    expect(errorCode(await c.request(act('unscheduleCampaign'), { id: campaign.id }))).toBe('CONFLICT');
    await c.ok(SCHEDULE, { id: campaign.id, at: at.toISOString() });

    const starter = h.gateway.app.get(CampaignStarter);
    const reminders = h.gateway.app.get(RemindersService);
    const logger = createLogger({ service: 'test', level: 'silent' });
    expect(await starter.startDue(logger, reminders)).toBe(0); // not yet
    await sql(`UPDATE campaigns SET scheduled_at = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [tenant.id, campaign.id]);
    // One that would reach nobody goes back to draft instead of failing at every pass.
    const nobody = await create({ segment: { professionCodes: ['10'] } });
    await c.ok(SCHEDULE, { id: nobody.id, at: at.toISOString() });
    await sql(`UPDATE campaigns SET scheduled_at = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [tenant.id, nobody.id]);
    expect(await starter.startDue(logger, reminders)).toBe(1);
    expect((await c.ok<{ campaign: CampaignData }>(GET, { id: campaign.id })).campaign).toMatchObject({ status: 'SENDING', progress: { total: 3 } });
    expect((await c.ok<{ campaign: CampaignData }>(GET, { id: nobody.id })).campaign).toMatchObject({ status: 'DRAFT', scheduledAt: null });
    // ...and the team are told at once by email (a reminder, sent exactly once through the outbox).
    const notices = (await sql(`SELECT id, kind, fire_at FROM reminders WHERE tenant_id = $1 AND ref = $2`, [tenant.id, nobody.id])).rows;
    expect(notices.map((r) => r.kind)).toEqual(['campaign.not_started']);
    const notice = new CampaignNotStartedNotice(h.gateway.app.get(Db));
    const due = { id: notices[0].id, tenantId: tenant.id, kind: 'campaign.not_started', ref: nobody.id, fireAt: notices[0].fire_at };
    const decision = await h.gateway.app.get(Db).run({ tenantId: tenant.id }, () => notice.decide(due));
    expect(decision).toMatchObject({ send: true, emails: [{ to: staffEmail, email: { subject: expect.stringMatching(/^Campagne « .+ » non envoyée : personne ne l’aurait reçue$/) } }] });
    const ids = await jobIds(campaign.id);
    await waitUntil(async () => (await liveJobs(ids)).size === ids.length, 5000, 'the jobs of the started campaign');
    expect(await starter.startDue(logger, reminders)).toBe(0); // started once
    await run('cancelCampaign', campaign.id);
  });

  it('pauses, resumes (queueing the pending again) and cancels, refusing the transitions that make no sense', async () => {
    const campaign = await create();
    for (const name of ['pauseCampaign', 'resumeCampaign', 'cancelCampaign']) {
      const res = await c.request(act(name), { id: campaign.id });
      expect(errorCode(res)).toBe('CONFLICT');
      expect(res.errors?.[0].extensions).toMatchObject({ reason: 'INVALID_STATUS', status: 'draft' });
    }
    await run('sendCampaign', campaign.id);
    const ids = await jobIds(campaign.id);
    expect(await run('pauseCampaign', campaign.id)).toMatchObject({ status: 'PAUSED' });
    expect(errorCode(await c.request(act('pauseCampaign'), { id: campaign.id }))).toBe('CONFLICT');
    // While paused, a worker completes the jobs without sending: here they are simply gone.
    const queue = h.gateway.app.get(QueueProducer).queue(QUEUES.campaignDelivery);
    await Promise.all(ids.map((id) => queue.remove(id)));
    expect((await liveJobs(ids)).size).toBe(0);
    expect(await run('resumeCampaign', campaign.id)).toMatchObject({ status: 'SENDING' });
    await waitUntil(async () => (await liveJobs(ids)).size === ids.length, 5000, 'the pending deliveries queued again');
    const cancelled = await run('cancelCampaign', campaign.id);
    expect(cancelled).toMatchObject({ status: 'CANCELLED', progress: { total: 3, pending: 0, cancelled: 3, skipped: 0 } });
    expect(cancelled.finishedAt).toBeTruthy();
    for (const name of ['resumeCampaign', 'pauseCampaign', 'cancelCampaign', 'sendCampaign']) expect(errorCode(await c.request(act(name), { id: campaign.id }))).toBe('CONFLICT');
    // A cancelled campaign is sent again as a copy.
    const copy = await run('duplicateCampaign', campaign.id);
    expect(copy).toMatchObject({ status: 'DRAFT', subject: campaign.subject, progress: { total: 0 } });
    expect(await c.ok(`mutation($id: ID!) { deleteCampaign(id: $id) }`, { id: copy.id })).toEqual({ deleteCampaign: true });
    expect(errorCode(await c.request(GET, { id: copy.id }))).toBe('NOT_FOUND');
  });

  it('lists the campaigns with their progress, and counts the newsletters of the month', async () => {
    const { campaigns } = await c.ok<{ campaigns: { edges: Array<{ node: CampaignData }> } }>(`{ campaigns { edges { node { id status progress { total cancelled } } } } }`);
    expect(campaigns.edges.length).toBeGreaterThan(5);
    const cancelled = campaigns.edges.map((e) => e.node).filter((x) => x.status === 'CANCELLED');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.every((x) => x.progress.total > 0 && x.progress.total === x.progress.cancelled)).toBe(true);
    // Three newsletters started this month above (send, scheduled, pause test); an invitation does not count.
    const MONTH = `query($at: DateTime, $except: ID) { newslettersInMonth(at: $at, exceptCampaignId: $except) }`;
    const inMonth = async (variables: Record<string, unknown> = {}) => (await c.ok<{ newslettersInMonth: number }>(MONTH, variables)).newslettersInMonth;
    const before = await inMonth();
    expect(before).toBe(3);
    const invitation = await create({ purpose: 'EVENT_INVITATIONS' });
    await run('sendCampaign', invitation.id);
    await run('cancelCampaign', invitation.id);
    expect(await inMonth()).toBe(before);
    // Planned ahead counts too, in its own month (Paris time), and the campaign being sent or scheduled is not counted.
    const parisMonth = (offset: number) => {
      const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
      return new Date(Date.UTC(year, month - 1 + offset, 15, 12)).toISOString();
    };
    // Two months ahead: no other test schedules anything then.
    const later = parisMonth(2);
    expect(await inMonth({ at: later })).toBe(0);
    const planned = await create();
    await c.ok(SCHEDULE, { id: planned.id, at: later });
    expect(await inMonth({ at: later })).toBe(1);
    expect(await inMonth({ at: later, except: planned.id })).toBe(0);
    expect(await inMonth()).toBe(before);
    expect(errorCode(await c.request(MONTH, { except: 'pas-un-id' }))).toBe('BAD_USER_INPUT');
  });

  describe('with a worker and an SMTP sink', () => {
    let sink: SmtpSink;
    let worker: AppProcess;
    beforeAll(async () => {
      sink = new SmtpSink();
      const port = await sink.start();
      worker = new AppProcess('worker', { SMTP_URL: `smtp://127.0.0.1:${port}?tls=off`, RECONCILE_INTERVAL_MS: '1000', MAILING_RATE_PER_CPTS: '1000', WORKER_HTTP_PORT: '0' });
      worker.start();
    });
    afterAll(async () => {
      await worker.kill('SIGTERM');
      await sink.stop();
    });

    it('sends a test to oneself, marked [TEST], and a campaign to every recipient once', async () => {
      const campaign = await create({ subject: 'Soirée prévention' });
      expect(await c.ok(`mutation($id: ID!) { sendTestCampaign(id: $id) }`, { id: campaign.id })).toEqual({ sendTestCampaign: staffEmail });
      // The staff may also get the notice of the earlier test's campaign that reached nobody: the worker sends it as it starts.
      const tests = () => sink.to(staffEmail).filter((m) => m.subject.startsWith('[TEST]'));
      await sink.waitFor(() => tests().length === 1, 20_000).catch((err) => {
        throw new Error(`${err.message}\n${worker.output}`);
      });
      const test = tests()[0];
      expect(test.subject).toBe('[TEST] Soirée prévention');
      expect(test.html).toContain('<a href="https://cpts.test/agenda">rencontres</a>');
      expect(test.text).toContain('Expéditeur : CPTS Campagnes.');
      // The campaign is still a draft: a test changes nothing.
      expect((await c.ok<{ campaign: CampaignData }>(GET, { id: campaign.id })).campaign.status).toBe('DRAFT');

      await run('sendCampaign', campaign.id);
      await waitUntil(async () => (await c.ok<{ campaign: CampaignData }>(GET, { id: campaign.id })).campaign.status === 'SENT', 30_000, 'the campaign sent and closed');
      const done = (await c.ok<{ campaign: CampaignData }>(GET, { id: campaign.id })).campaign;
      expect(done.progress).toEqual({ total: 3, sent: 3, failed: 0, pending: 0, cancelled: 0, skipped: 0 });
      const got = sink.messages.filter((m) => m.subject === 'Soirée prévention').flatMap((m) => m.to).sort();
      expect(got).toEqual(['adam@exemple.fr', 'esteve@exemple.fr', 'hubert@exemple.fr']);
    }, 60_000);
  });

  describe('the list, page after page', () => {
    const LIST = `query($status: CampaignStatus, $first: Int, $after: String) {
      campaigns(status: $status, first: $first, after: $after) { totalCount edges { cursor node { id status } } pageInfo { hasNextPage endCursor } }
    }`;
    type Page = { totalCount: number; edges: Array<{ cursor: string; node: { id: string; status: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const page = async (variables: Record<string, unknown>) => (await c.ok<{ campaigns: Page }>(LIST, variables)).campaigns;
    /** Every page of `size`, followed through the cursors. */
    const all = async (size: number, status?: string) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (let n = 0; n < 200; n++) {
        const p: Page = await page({ first: size, after, status });
        ids.push(...p.edges.map((e) => e.node.id));
        if (!p.pageInfo.hasNextPage) return { ids, totalCount: p.totalCount };
        after = p.pageInfo.endCursor;
      }
      throw new Error('the pages never end');
    };

    it('pages latest first, each campaign once, even among campaigns of the same microsecond', async () => {
      // Three drafts last changed at the same instant, with microseconds a JavaScript date would cut.
      const twins = [await create({ subject: 'Jumelle 1' }), await create({ subject: 'Jumelle 2' }), await create({ subject: 'Jumelle 3' })].map((x) => x.id);
      await sql(`UPDATE campaigns SET updated_at = '2021-03-04 05:06:07.123456+00' WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenant.id, twins]);
      const expected = (await sql(`SELECT id FROM campaigns WHERE tenant_id = $1 ORDER BY coalesce(sending_started_at, scheduled_at, updated_at) DESC, id DESC`, [tenant.id])).rows.map((r) => r.id);
      expect(expected.length).toBeGreaterThan(10);
      for (const size of [1, 2, 7, 100]) {
        const listed = await all(size);
        expect(listed).toEqual({ ids: expected, totalCount: expected.length });
      }
      // The status filter pages too, and counts what it filters.
      const drafts = (await sql(`SELECT id FROM campaigns WHERE tenant_id = $1 AND status = 'draft' ORDER BY listed_at DESC, id DESC`, [tenant.id])).rows.map((r) => r.id);
      expect(drafts.length).toBeGreaterThan(3);
      expect(await all(2, 'DRAFT')).toEqual({ ids: drafts, totalCount: drafts.length });
      // Twenty by default.
      expect((await page({})).edges).toHaveLength(Math.min(20, expected.length));
    });

    it('refuses a page size out of bounds and a cursor it did not make, in French', async () => {
      for (const [first, message] of [
        [0, 'Au moins 1 campagne par page.'],
        [101, '100 campagnes par page au plus.'],
      ] as const) {
        const res = await c.request(LIST, { first });
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(res)).toEqual({ first: message });
      }
      const forged = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
      for (const after of ['pas-un-curseur', forged(['hier', randomUUID()]), forged(['2021-03-04 05:06:07+00', 'pas-un-id']), forged(['2021-03-04 05:06:07+00']), forged([1, 2])]) {
        const res = await c.request(LIST, { after });
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(res)).toEqual({ after: 'Curseur de pagination invalide.' });
      }
    });

    it('keeps each campaign’s counters equal to its deliveries, whatever wrote them', async () => {
      const counted = `SELECT c.id, coalesce(p.pending, 0) AS pending, coalesce(p.sent, 0) AS sent, coalesce(p.failed, 0) AS failed,
                              coalesce(p.cancelled, 0) AS cancelled, coalesce(p.skipped, 0) AS skipped
                       FROM campaigns c LEFT JOIN campaign_progress p ON p.tenant_id = c.tenant_id AND p.campaign_id = c.id
                       WHERE c.tenant_id = $1 ORDER BY c.id`;
      const actual = `SELECT c.id, ${['pending', 'sent', 'failed', 'cancelled', 'skipped'].map((s) => `count(d.id) FILTER (WHERE d.state = '${s}')::int AS ${s}`).join(', ')}
                      FROM campaigns c LEFT JOIN campaign_deliveries d ON d.tenant_id = c.tenant_id AND d.campaign_id = c.id
                      WHERE c.tenant_id = $1 GROUP BY c.id ORDER BY c.id`;
      const check = async () => expect((await sql(counted, [tenant.id])).rows).toEqual((await sql(actual, [tenant.id])).rows);
      // After the sends, the worker's deliveries, the pauses, cancels and resumes above.
      const sent = (await sql(`SELECT sum(sent)::int AS n FROM campaign_progress WHERE tenant_id = $1`, [tenant.id])).rows[0].n;
      expect(sent).toBeGreaterThan(0);
      await check();
      // One statement across campaigns and states, one that moves nothing, one that deletes.
      await sql(`UPDATE campaign_deliveries SET state = CASE state WHEN 'sent' THEN 'failed' WHEN 'failed' THEN 'sent' WHEN 'pending' THEN 'cancelled' ELSE state END WHERE tenant_id = $1`, [tenant.id]);
      await check();
      await sql(`UPDATE campaign_deliveries SET email = email WHERE tenant_id = $1`, [tenant.id]);
      await check();
      await sql(`DELETE FROM campaign_deliveries WHERE tenant_id = $1 AND state = 'failed'`, [tenant.id]);
      await check();
    });
  });

  // After the worker's tests: the 20 test emails queued here are never sent.
  it('allows 20 test sends an hour per person, then refuses with a French message', async () => {
    const campaign = await create({ subject: 'Relecture' });
    const colleague = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    const TEST = `mutation($id: ID!) { sendTestCampaign(id: $id) }`;
    for (let i = 0; i < 20; i++) await colleague.ok(TEST, { id: campaign.id });
    const refused = await colleague.request(TEST, { id: campaign.id });
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.errors?.[0].message).toMatch(/^Vous avez envoyé 20 tests dans l’heure\. Réessayez dans \d+ minutes?\.$/);
    // Per person: the first staff member still may.
    expect(await c.ok(TEST, { id: campaign.id })).toEqual({ sendTestCampaign: staffEmail });
  });
});
