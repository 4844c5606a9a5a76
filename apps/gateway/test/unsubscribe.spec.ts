import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '@cpts/platform-core';
import { LinkSigner } from '@cpts/platform-mail';
import { CampaignLinks, SOFT_BOUNCE_LIMIT } from '@cpts/mailing';
import { GraphQLClient } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const WEBHOOK_TOKEN = randomBytes(24).toString('hex');

const CONSENTS = `query($id: ID!) { professional(id: $id) { consents { purpose status allowed lastEvent { action method wordingVersion note recordedByName } } history { kind summary } } }`;

type Json = Record<string, any>;

/**
 * Respecting people, through the gateway: the one-click unsubscribe of
 * List-Unsubscribe (RFC 8058), the preferences page's API, and the inbound
 * mail webhook (bounces, complaints, unsubscribe emails). Campaign rows are
 * written straight in the database, as the campaign module will.
 */
describe('unsubscribe links, preferences and bounces', () => {
  let h: Harness;
  let links: CampaignLinks;
  let a: { id: string; communes: string[]; slug: string };
  let b: { id: string; communes: string[]; slug: string };
  let staffA: GraphQLClient;
  let coordB: GraphQLClient;

  beforeAll(async () => {
    process.env.MAIL_WEBHOOK_TOKEN = WEBHOOK_TOKEN;
    process.env.MAIL_BOUNCE_ADDRESS = 'bounces@cpts.test';
    h = await startHarness();
    links = new CampaignLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string, 'desinscription@cpts.test', 'bounces@cpts.test');
    const region = await h.data.region();
    a = await h.data.cpts(region, { name: 'CPTS Désinscriptions', departement: '17', communes: 2 });
    b = await h.data.cpts(region, { name: 'CPTS Voisine des désinscriptions', departement: '16', communes: 2 });
    staffA = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: a.id }])).email);
    coordB = await h.signedIn((await h.data.user([{ role: Role.COORDINATOR, tenantId: b.id }])).email);
  });
  afterAll(async () => {
    delete process.env.MAIL_WEBHOOK_TOKEN;
    delete process.env.MAIL_BOUNCE_ADDRESS;
    await h.close();
  });

  /** A professional with a (work) address. */
  const person = async (tenant: { id: string; communes: string[] }, email: string, lastName = 'Durand') => {
    const id = await h.data.professional(tenant.id, tenant.communes[0], { lastName });
    await h.data.inTenant(tenant.id, (db) => db.query(`UPDATE professionals SET email = $3 WHERE tenant_id = $1 AND id = $2`, [tenant.id, id, email]));
    return id;
  };

  /** A sent campaign and its deliveries, as the campaign module writes them. */
  const campaign = async (tenantId: string, recipients: Array<{ professionalId: string | null; email: string }>, purpose = 'pro_newsletter') => {
    const campaignId = randomUUID();
    const ids = recipients.map(() => randomUUID());
    await h.data.inTenant(tenantId, async (db) => {
      await db.query(
        `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, status, sending_started_at, finished_at)
         VALUES ($1, $2, 'professionals', $3, 'Lettre de décembre', '<p>Bonjour</p>', 'La CPTS', 'sent', now(), now())`,
        [tenantId, campaignId, purpose],
      );
      for (const [i, r] of recipients.entries()) {
        await db.query(
          `INSERT INTO campaign_deliveries (tenant_id, id, campaign_id, professional_id, email, basis, state, sent_at) VALUES ($1, $2, $3, $4, $5, 'work_address_opt_out', 'sent', now())`,
          [tenantId, ids[i], campaignId, r.professionalId, r.email],
        );
      }
    });
    const slug = [a, b].find((t) => t.id === tenantId)!.slug;
    return { campaignId, ids, tokens: ids.map((id) => links.forDelivery(tenantId, slug, id).unsubscribeUrl.split('/').pop()!) };
  };

  const consentRows = async (tenantId: string, professionalId: string) =>
    (
      await h.data.inTenant(tenantId, (db) =>
        db.query(`SELECT purpose, action, method, wording_version, note, recorded_by FROM consent_events WHERE tenant_id = $1 AND professional_id = $2 ORDER BY at, id`, [
          tenantId,
          professionalId,
        ]),
      )
    ).rows;

  const suppression = async (tenantId: string, email: string) =>
    (await h.data.inTenant(tenantId, (db) => db.query(`SELECT reason, soft_bounces FROM email_suppressions WHERE tenant_id = $1 AND email = $2`, [tenantId, email]))).rows[0] ?? null;

  const post = (path: string, body: RequestInit['body'], headers: Record<string, string> = {}) => fetch(`${h.gateway.url}${path}`, { method: 'POST', body, headers, redirect: 'manual' });

  /** The one-click POST at the address messages carry: under the CPTS's slug. */
  const oneClick = (token: string, headers: Record<string, string> = {}, cpts = a) =>
    post(`/api/public/cpts/${cpts.slug}/unsubscribe/${token}`, 'List-Unsubscribe=One-Click', {
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    });

  describe('one-click unsubscribe (RFC 8058)', () => {
    it('withdraws the purpose of the message at once, with the method unsubscribe_link, and a second POST changes nothing', async () => {
      const claire = await person(a, 'claire@msp-oleron.fr', 'Martin');
      const { tokens } = await campaign(a.id, [{ professionalId: claire, email: 'claire@msp-oleron.fr' }]);
      const started = Date.now();
      const res = await oneClick(tokens[0], { authorization: `Bearer ${coordB.accessToken}` });
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ unsubscribed: true, purpose: 'pro_newsletter' });
      const events = await consentRows(a.id, claire);
      expect(events).toEqual([
        { purpose: 'pro_newsletter', action: 'withdrawn', method: 'unsubscribe_link', wording_version: null, note: 'désinscription en un clic (campagne « Lettre de décembre »)', recorded_by: null },
      ]);

      // The staff see it on the person's page: withdrawn, by the link, and a line in the history.
      const { professional } = await staffA.ok<Json>(CONSENTS, { id: claire });
      expect(professional.consents.find((c: Json) => c.purpose === 'PRO_NEWSLETTER')).toMatchObject({
        status: 'WITHDRAWN',
        allowed: false,
        lastEvent: { action: 'WITHDRAWN', method: 'UNSUBSCRIBE_LINK', recordedByName: null },
      });
      expect(professional.history[0]).toEqual({ kind: 'consent.withdrawn', summary: 'Opposition enregistrée pour « Lettre professionnelle » (lien de désinscription).' });

      // Idempotent, whatever the body: form, multipart, JSON, none; and at the address of messages sent before slugs.
      expect((await oneClick(tokens[0])).status).toBe(200);
      const form = new FormData();
      form.set('List-Unsubscribe', 'One-Click');
      expect((await post(`/api/public/unsubscribe/${tokens[0]}`, form)).status).toBe(200);
      expect((await post(`/api/public/unsubscribe/${tokens[0]}`, '{}', { 'content-type': 'application/json' })).status).toBe(200);
      expect((await post(`/api/public/unsubscribe/${tokens[0]}`, undefined)).status).toBe(200);
      expect(await consentRows(a.id, claire)).toHaveLength(1);
    });

    it('answers a GET with the preferences page at the CPTS address (303), changing nothing, from either address', async () => {
      const paul = await person(a, 'paul@pharmacie-saintes.fr', 'Bernard');
      const { tokens } = await campaign(a.id, [{ professionalId: paul, email: 'paul@pharmacie-saintes.fr' }]);
      for (const path of [`/api/public/cpts/${a.slug}/unsubscribe/${tokens[0]}`, `/api/public/unsubscribe/${tokens[0]}`]) {
        const res = await fetch(`${h.gateway.url}${path}`, { redirect: 'manual' });
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toBe(`${process.env.APP_URL}/cpts/${a.slug}/preferences/${tokens[0]}`);
      }
      expect(await consentRows(a.id, paul)).toEqual([]);
      // Opened in a browser, a link that is not ours: a French page, not JSON.
      const bad = await fetch(`${h.gateway.url}/api/public/cpts/${a.slug}/unsubscribe/nimporte-quoi`, { redirect: 'manual' });
      expect(bad.status).toBe(404);
      expect(bad.headers.get('content-type')).toContain('text/html');
      expect(await bad.text()).toContain('Lien introuvable');
    });

    it('refuses a forged or altered token with a French 404, and changes nothing', async () => {
      const ines = await person(a, 'ines@kine-royan.fr', 'Garnier');
      const { ids, tokens } = await campaign(a.id, [{ professionalId: ines, email: 'ines@kine-royan.fr' }]);
      const token = tokens[0];
      const altered = token.slice(0, -2) + (token.endsWith('AA') ? 'AB' : 'AA');
      const click = links.forDelivery(a.id, a.slug, ids[0]).track(0).split('/').pop()!;
      const forged = new LinkSigner('une autre clé secrète de 32 caractères au moins').sign('campaign-unsubscribe-v1', Buffer.alloc(32));
      for (const bad of [altered, click, forged, 'nimporte-quoi', 'x'.repeat(90)]) {
        const res = await oneClick(bad);
        expect(res.status).toBe(404);
        const body = (await res.json()) as Json;
        expect(body.errors[0]).toMatchObject({ message: expect.stringContaining('lien de désinscription n’est pas valide'), extensions: { code: 'NOT_FOUND' } });
        expect((await fetch(`${h.gateway.url}/api/public/cpts/${a.slug}/preferences/${bad}`)).status).toBe(404);
        expect((await fetch(`${h.gateway.url}/api/public/preferences/${bad}`)).status).toBe(404);
      }
      expect(await consentRows(a.id, ines)).toEqual([]);
    });

    it('suppresses an address that has no person record; an erased person gets 200 and no new proof', async () => {
      const { tokens } = await campaign(a.id, [{ professionalId: null, email: 'Inconnu@Exemple.fr' }]);
      expect((await oneClick(tokens[0])).status).toBe(200);
      expect(await suppression(a.id, 'inconnu@exemple.fr')).toEqual({ reason: 'unsubscribed', soft_bounces: 0 });

      const erased = await person(a, 'efface@exemple.fr', 'Effacé');
      const second = await campaign(a.id, [{ professionalId: erased, email: 'efface@exemple.fr' }]);
      await h.data.inTenant(a.id, (db) => db.query(`UPDATE professionals SET erased_at = now(), email = NULL WHERE tenant_id = $1 AND id = $2`, [a.id, erased]));
      expect((await oneClick(second.tokens[0])).status).toBe(200);
      expect(await consentRows(a.id, erased)).toEqual([]);
    });

    it("withdraws everyone of the CPTS at a shared address (a practice's mailbox), not only the person the message went to", async () => {
      // One message per address: it went to the first of them; the next campaign would otherwise go to the next.
      const first = await person(a, 'contact@msp-marennes.fr', 'Aubin');
      const second = await person(a, ' Contact@MSP-Marennes.fr ', 'Blanc');
      const elsewhere = await person(a, 'dr.caron@msp-marennes.fr', 'Caron');
      const otherCpts = await person(b, 'contact@msp-marennes.fr', 'Dumas');
      const { tokens } = await campaign(a.id, [{ professionalId: first, email: 'contact@msp-marennes.fr' }]);
      expect((await oneClick(tokens[0])).status).toBe(200);
      expect(await consentRows(a.id, first)).toEqual([expect.objectContaining({ purpose: 'pro_newsletter', action: 'withdrawn', method: 'unsubscribe_link' })]);
      expect(await consentRows(a.id, second)).toEqual([
        expect.objectContaining({
          purpose: 'pro_newsletter',
          action: 'withdrawn',
          method: 'unsubscribe_link',
          note: 'désinscription en un clic (campagne « Lettre de décembre »), adresse partagée contact@msp-marennes.fr',
        }),
      ]);
      expect(await consentRows(a.id, elsewhere)).toEqual([]);
      expect(await consentRows(b.id, otherCpts)).toEqual([]);
      // Once is enough: a second click records nothing more, for either of them.
      expect((await oneClick(tokens[0])).status).toBe(200);
      expect(await consentRows(a.id, first)).toHaveLength(1);
      expect(await consentRows(a.id, second)).toHaveLength(1);
    });
  });

  describe('the preferences page', () => {
    it('shows the CPTS, the address and each mailed purpose; stops one (unsubscribe_link) and receives one again (form, current wording)', async () => {
      const luc = await person(a, 'luc@cabinet-rochefort.fr', 'Petit');
      const { tokens } = await campaign(a.id, [{ professionalId: luc, email: 'luc@cabinet-rochefort.fr' }], 'event_invitations');
      const url = `${h.gateway.url}/api/public/cpts/${a.slug}/preferences/${tokens[0]}`;
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const page = (await res.json()) as Json;
      expect(page).toMatchObject({
        cpts: { name: 'CPTS Désinscriptions', slug: a.slug },
        email: 'luc@cabinet-rochefort.fr',
        purpose: 'event_invitations',
        blocked: null,
        erased: false,
      });
      expect(page.purposes.map((p: Json) => [p.purpose, p.status, p.allowed, p.basis])).toEqual([
        ['pro_newsletter', null, true, 'work_address_opt_out'],
        ['event_invitations', null, true, 'work_address_opt_out'],
        ['public_newsletter', null, false, null],
      ]);
      expect(page.purposes[2].wording).toEqual({ version: 'public_newsletter.2026-11', text: expect.stringContaining('grand public') });

      const choose = (body: Json) =>
        post(`/api/public/cpts/${a.slug}/preferences/${tokens[0]}`, JSON.stringify(body), { 'content-type': 'application/json' });
      const stopped = await choose({ purpose: 'event_invitations', receive: false });
      expect(stopped.status).toBe(200);
      expect(((await stopped.json()) as Json).purposes[1]).toMatchObject({ purpose: 'event_invitations', status: 'withdrawn', allowed: false });
      const given = await choose({ purpose: 'public_newsletter', receive: true, wordingVersion: 'public_newsletter.2026-11' });
      expect(((await given.json()) as Json).purposes[2]).toMatchObject({ purpose: 'public_newsletter', status: 'given', allowed: true, basis: 'consent' });
      expect(await consentRows(a.id, luc)).toEqual([
        { purpose: 'event_invitations', action: 'withdrawn', method: 'unsubscribe_link', wording_version: null, note: 'page de préférences (campagne « Lettre de décembre »)', recorded_by: null },
        { purpose: 'public_newsletter', action: 'given', method: 'form', wording_version: 'public_newsletter.2026-11', note: 'page de préférences (campagne « Lettre de décembre »)', recorded_by: null },
      ]);

      // A wording the page did not show, an unknown purpose, no choice: refused, nothing recorded.
      const stale = await choose({ purpose: 'pro_newsletter', receive: true, wordingVersion: 'pro_newsletter.2020-01' });
      expect(stale.status).toBe(400);
      expect(((await stale.json()) as Json).errors[0].extensions.fields[0]).toMatchObject({ field: 'wordingVersion' });
      expect((await choose({ purpose: 'public_listing', receive: false })).status).toBe(400);
      expect((await choose({ purpose: 'pro_newsletter' })).status).toBe(400);
      const notAChoice = await post(`/api/public/cpts/${a.slug}/preferences/${tokens[0]}`, '[1, 2]', { 'content-type': 'application/json' });
      expect([notAChoice.status, ((await notAChoice.json()) as Json).errors[0].message]).toEqual([400, 'Type de message inconnu.']);
      expect(await consentRows(a.id, luc)).toHaveLength(2);
    });
  });

  describe('the team sees bounced and blocked addresses, lifts a bounce, never another CPTS\'s', () => {
    const LIST = `query($s: String) { emailSuppressions(search: $s) { email reason softBounces lastDetail } }`;
    const LIFT = `mutation($e: String!) { liftEmailSuppression(email: $e) }`;

    it('lists its own, lifts a hard bounce, refuses to lift what the person chose, and the person lifts it from the page', async () => {
      const seed = (tenantId: string, email: string, reason: string | null, soft = 0) =>
        h.data.inTenant(tenantId, (db) => db.query(`INSERT INTO email_suppressions (tenant_id, email, reason, soft_bounces, last_detail) VALUES ($1, $2, $3, $4, 'x')`, [tenantId, email, reason, soft]));
      await seed(a.id, 'rebond.liste@exemple.fr', 'hard_bounce');
      await seed(a.id, 'plainte.liste@exemple.fr', 'complaint');
      await seed(b.id, 'voisin.liste@exemple.fr', 'hard_bounce');
      const mine = await staffA.ok<Json>(LIST, { s: '.liste@' });
      expect(mine.emailSuppressions.map((x: Json) => [x.email, x.reason]).sort()).toEqual([
        ['plainte.liste@exemple.fr', 'COMPLAINT'],
        ['rebond.liste@exemple.fr', 'HARD_BOUNCE'],
      ]);
      expect((await coordB.ok<Json>(LIST, { s: '.liste@' })).emailSuppressions.map((x: Json) => x.email)).toEqual(['voisin.liste@exemple.fr']);
      expect((await h.client().request(LIST)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

      // B cannot lift A's (not found), A cannot lift B's.
      expect((await coordB.request(LIFT, { e: 'rebond.liste@exemple.fr' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await staffA.request(LIFT, { e: 'voisin.liste@exemple.fr' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await staffA.ok<Json>(LIFT, { e: 'Rebond.Liste@exemple.fr' })).toEqual({ liftEmailSuppression: true });
      expect(await suppression(a.id, 'rebond.liste@exemple.fr')).toBeNull();
      expect(await suppression(b.id, 'voisin.liste@exemple.fr')).toMatchObject({ reason: 'hard_bounce' });
      const refused = await staffA.request(LIFT, { e: 'plainte.liste@exemple.fr' });
      expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('à la demande de la personne'), extensions: { code: 'CONFLICT' } });

      // The person, from a message that reached them, chooses to receive again: the block goes.
      const who = await person(a, 'plainte.liste@exemple.fr', 'Plaignant');
      const { tokens } = await campaign(a.id, [{ professionalId: who, email: 'plainte.liste@exemple.fr' }]);
      const page = (await (await fetch(`${h.gateway.url}/api/public/preferences/${tokens[0]}`)).json()) as Json;
      expect(page.blocked).toBe('complaint');
      const res = await post(`/api/public/preferences/${tokens[0]}`, JSON.stringify({ purpose: 'pro_newsletter', receive: true, wordingVersion: 'pro_newsletter.2026-11' }), {
        'content-type': 'application/json',
      });
      expect(((await res.json()) as Json).blocked).toBeNull();
      expect(await suppression(a.id, 'plainte.liste@exemple.fr')).toBeNull();
    });
  });

  describe('a token of CPTS A only ever touches CPTS A', () => {
    it('acts on A whoever calls, and a delivery of A named under B is not found', async () => {
      const inA = await person(a, 'commun@exemple.fr', 'EnA');
      const inB = await person(b, 'commun@exemple.fr', 'EnB');
      const { ids, tokens } = await campaign(a.id, [{ professionalId: inA, email: 'commun@exemple.fr' }]);
      const campaignB = await campaign(b.id, [{ professionalId: inB, email: 'commun@exemple.fr' }]);
      // Signed in to B, using A's link: A's person, A's CPTS.
      const page = await fetch(`${h.gateway.url}/api/public/preferences/${tokens[0]}`, { headers: { authorization: `Bearer ${coordB.accessToken}` } });
      expect(((await page.json()) as Json).cpts.name).toBe('CPTS Désinscriptions');
      expect((await oneClick(tokens[0], { authorization: `Bearer ${coordB.accessToken}` })).status).toBe(200);
      expect(await consentRows(a.id, inA)).toHaveLength(1);
      expect(await consentRows(b.id, inB)).toEqual([]);
      // A validly signed token naming B with A's delivery: B's rows only (RLS), where it does not exist.
      const crossed = links.forDelivery(b.id, b.slug, ids[0]).unsubscribeUrl.split('/').pop()!;
      expect((await oneClick(crossed, {}, b)).status).toBe(404);
      const crossedB = links.forDelivery(a.id, a.slug, campaignB.ids[0]).unsubscribeUrl.split('/').pop()!;
      expect((await oneClick(crossedB)).status).toBe(404);
      expect(await consentRows(b.id, inB)).toEqual([]);
      // A bounce of A's message suppresses the address in A, not in B.
      const res = await webhook(JSON.stringify({ type: 'hard_bounce', token: links.bounceAddress(a.id, ids[0]) }), 'application/json');
      expect(res.status).toBe(200);
      expect(await suppression(a.id, 'commun@exemple.fr')).toMatchObject({ reason: 'hard_bounce' });
      expect(await suppression(b.id, 'commun@exemple.fr')).toBeNull();
    });
  });

  const webhook = (body: string, contentType: string, token: string | null = WEBHOOK_TOKEN) =>
    post('/api/mail/bounces', body, { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) });

  /** A delivery status notification (RFC 3464) as an MTA writes it back to the envelope sender. */
  const dsn = (to: string, recipient: string, action: string, status: string, diagnostic: string, originalHeaders = '') =>
    [
      'From: Mail Delivery System <MAILER-DAEMON@mx.exemple.fr>',
      `To: ${to}`,
      'Subject: Undelivered Mail Returned to Sender',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B1"',
      '',
      '--B1',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'Your message could not be delivered.',
      '',
      '--B1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.exemple.fr',
      '',
      `Final-Recipient: rfc822; ${recipient}`,
      `Action: ${action}`,
      `Status: ${status}`,
      `Diagnostic-Code: smtp; ${diagnostic}`,
      '',
      '--B1',
      'Content-Type: text/rfc822-headers',
      '',
      `To: ${recipient}`,
      'Subject: Lettre de décembre',
      originalHeaders,
      '',
      '--B1--',
      '',
    ].join('\r\n');

  /** A complaint (RFC 5965 ARF) from a mailbox provider's feedback loop. */
  const arf = (originalMailFrom: string, recipient: string, feedbackType = 'abuse', originalHeaders = '') =>
    [
      'From: <fbl@fai.example>',
      'To: <abuse@cpts.test>',
      'Subject: FW: Lettre de décembre',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="F1"',
      '',
      '--F1',
      'Content-Type: text/plain',
      '',
      'This is an email abuse report.',
      '',
      '--F1',
      'Content-Type: message/feedback-report',
      '',
      `Feedback-Type: ${feedbackType}`,
      'User-Agent: FAI-FBL/1.0',
      'Version: 1',
      `Original-Mail-From: <${originalMailFrom}>`,
      `Original-Rcpt-To: <${recipient}>`,
      '',
      '--F1',
      'Content-Type: text/rfc822-headers',
      '',
      `To: ${recipient}`,
      originalHeaders,
      '',
      '--F1--',
      '',
    ].join('\r\n');

  describe('the inbound mail webhook', () => {
    it('needs its bearer token', async () => {
      const body = JSON.stringify({ type: 'complaint', token: 'x' });
      expect((await webhook(body, 'application/json', null)).status).toBe(401);
      expect((await webhook(body, 'application/json', 'faux-jeton-faux-jeton-faux-jeton')).status).toBe(401);
      const res = await webhook(body, 'application/json', `${WEBHOOK_TOKEN}x`);
      expect(res.status).toBe(401);
      expect(((await res.json()) as Json).errors[0].message).toBe('Jeton du webhook absent ou invalide.');
    });

    it('turns a DSN hard bounce into a suppression, by the VERP address or by the List-Unsubscribe header the report quotes', async () => {
      const { ids, tokens } = await campaign(a.id, [
        { professionalId: null, email: 'nobody@exemple.fr' },
        { professionalId: null, email: 'Gone@Exemple.fr' },
      ]);
      const verp = links.bounceAddress(a.id, ids[0])!;
      expect(verp).toMatch(/^bounces\+[A-Za-z0-9_-]+@cpts\.test$/);
      const res = await webhook(dsn(verp, 'nobody@exemple.fr', 'failed', '5.1.1', '550 5.1.1 <nobody@exemple.fr>: User unknown'), 'message/rfc822');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ result: 'hard_bounce', suppression: { reason: 'hard_bounce', softBounces: 0 } });
      expect(await suppression(a.id, 'nobody@exemple.fr')).toEqual({ reason: 'hard_bounce', soft_bounces: 0 });

      // No VERP (sent from the plain address): the quoted List-Unsubscribe header names the delivery.
      const quoted = `List-Unsubscribe: <${process.env.APP_URL}/api/public/unsubscribe/${tokens[1]}>`;
      const second = await webhook(dsn('no-reply@cpts.test', 'gone@exemple.fr', 'failed', '5.1.1', '550 5.1.1 mailbox unavailable', quoted), 'text/plain');
      expect(await second.json()).toMatchObject({ result: 'hard_bounce' });
      expect(await suppression(a.id, 'gone@exemple.fr')).toMatchObject({ reason: 'hard_bounce' });
      const delivery = await h.data.inTenant(a.id, (db) => db.query(`SELECT bounce FROM campaign_deliveries WHERE tenant_id = $1 AND id = $2`, [a.id, ids[1]]));
      expect(delivery.rows[0].bounce).toBe('hard_bounce');
    });

    it('ignores what says nothing about the address: a delay, a policy refusal, a report about no message of ours', async () => {
      const { ids } = await campaign(a.id, [{ professionalId: null, email: 'lent@exemple.fr' }]);
      const verp = links.bounceAddress(a.id, ids[0])!;
      for (const report of [
        dsn(verp, 'lent@exemple.fr', 'delayed', '4.4.1', '421 try later'),
        dsn(verp, 'lent@exemple.fr', 'failed', '5.7.1', '550 5.7.1 message refused as spam'),
        dsn('bounces+inconnu@cpts.test', 'lent@exemple.fr', 'failed', '5.1.1', '550 5.1.1 unknown'),
        'From: lent@exemple.fr\r\nTo: bounces@cpts.test\r\nSubject: Absent du bureau\r\n\r\nJe suis absent jusqu’au 4.\r\n',
      ]) {
        const res = await webhook(report, 'message/rfc822');
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ result: 'ignored' });
      }
      expect(await suppression(a.id, 'lent@exemple.fr')).toBeNull();
    });

    it('blocks the address on a complaint (ARF, feedback-type abuse), and not on another feedback type', async () => {
      const { ids } = await campaign(a.id, [
        { professionalId: null, email: 'plainte@exemple.fr' },
        { professionalId: null, email: 'autre@exemple.fr' },
      ]);
      const res = await webhook(arf(links.bounceAddress(a.id, ids[0])!, 'plainte@exemple.fr'), 'message/rfc822');
      expect(await res.json()).toMatchObject({ result: 'complaint', suppression: { reason: 'complaint' } });
      expect(await suppression(a.id, 'plainte@exemple.fr')).toMatchObject({ reason: 'complaint' });
      // A later hard bounce does not lower a complaint.
      await webhook(JSON.stringify({ type: 'hard_bounce', token: links.bounceAddress(a.id, ids[0]) }), 'application/json');
      expect(await suppression(a.id, 'plainte@exemple.fr')).toMatchObject({ reason: 'complaint' });
      const other = await webhook(arf(links.bounceAddress(a.id, ids[1])!, 'autre@exemple.fr', 'not-spam'), 'message/rfc822');
      expect(await other.json()).toMatchObject({ result: 'ignored' });
      expect(await suppression(a.id, 'autre@exemple.fr')).toBeNull();
    });

    it(`counts soft bounces, one per message however often reported, and turns the ${SOFT_BOUNCE_LIMIT}th into a hard bounce`, async () => {
      const messages = await Promise.all(Array.from({ length: SOFT_BOUNCE_LIMIT }, () => campaign(a.id, [{ professionalId: null, email: 'pleine@exemple.fr' }])));
      const soft = (i: number) => webhook(JSON.stringify({ type: 'soft_bounce', token: links.bounceAddress(a.id, messages[i].ids[0]), detail: '452 4.2.2 mailbox full' }), 'application/json');
      expect(await (await soft(0)).json()).toMatchObject({ result: 'soft_bounce', suppression: { reason: null, softBounces: 1 } });
      expect(await (await soft(0)).json()).toMatchObject({ result: 'ignored' });
      // The DSN way: a failed 4.x.x (given up after retries) is soft too.
      const viaDsn = await webhook(dsn(links.bounceAddress(a.id, messages[1].ids[0])!, 'pleine@exemple.fr', 'failed', '4.2.2', '452 4.2.2 Mailbox full'), 'message/rfc822');
      expect(await viaDsn.json()).toMatchObject({ result: 'soft_bounce', suppression: { softBounces: 2 } });
      for (let i = 2; i < SOFT_BOUNCE_LIMIT - 1; i++) await soft(i);
      expect(await suppression(a.id, 'pleine@exemple.fr')).toEqual({ reason: null, soft_bounces: SOFT_BOUNCE_LIMIT - 1 });
      expect(await (await soft(SOFT_BOUNCE_LIMIT - 1)).json()).toMatchObject({ result: 'soft_bounce', suppression: { reason: 'hard_bounce', softBounces: SOFT_BOUNCE_LIMIT } });
    });

    it('refuses a malformed JSON event with 400, and unsubscribes from an email to the unsubscribe mailbox', async () => {
      expect((await webhook(JSON.stringify({ type: 'bounce', token: 'x' }), 'application/json')).status).toBe(400);
      expect((await webhook(JSON.stringify({ type: 'hard_bounce' }), 'application/json')).status).toBe(400);

      const marc = await person(a, 'marc@sage-femme.fr', 'Lefèvre');
      const { ids } = await campaign(a.id, [{ professionalId: marc, email: 'marc@sage-femme.fr' }]);
      const mailto = links.forDelivery(a.id, a.slug, ids[0]).unsubscribeMailto!;
      const subject = new URL(mailto.replace('mailto:', 'mailto://')).searchParams.get('subject');
      const mail = `From: Marc <marc@sage-femme.fr>\r\nTo: desinscription@cpts.test\r\nSubject: ${subject}\r\n\r\n\r\n`;
      const res = await webhook(mail, 'message/rfc822');
      expect(await res.json()).toEqual({ result: 'unsubscribed' });
      expect(await consentRows(a.id, marc)).toEqual([
        { purpose: 'pro_newsletter', action: 'withdrawn', method: 'unsubscribe_link', wording_version: null, note: 'désinscription par e-mail (campagne « Lettre de décembre »)', recorded_by: null },
      ]);
    });
  });
});
