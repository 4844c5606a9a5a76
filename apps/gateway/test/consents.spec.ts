import { DataSource } from 'typeorm';
import { Role } from '@cpts/platform-core';
import { CONSENT_PURPOSES, ConsentsService, contactBasis, contactBasisSql, LabelsService } from '@cpts/directory';
import { Db } from '@cpts/platform-db';
import { GraphQLClient, errorCode } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const CONSENTS = `query($id: ID!) { professional(id: $id) { id emailIsWork
  consents { purpose status allowed basis reason lastEvent { action method wordingVersion note recordedByName at } }
  consentEvents { purpose action method wordingVersion note recordedByName }
  labels { id name }
  history { kind summary }
} }`;
const GIVE = `mutation($p: ID!, $purpose: ConsentPurpose!, $m: ConsentMethod!, $v: String!, $note: String) {
  giveConsent(professionalId: $p, purpose: $purpose, method: $m, wordingVersion: $v, note: $note) { id } }`;
const WITHDRAW = `mutation($p: ID!, $purpose: ConsentPurpose!, $m: ConsentMethod!) { withdrawConsent(professionalId: $p, purpose: $purpose, method: $m) { id } }`;
const CREATE = `mutation($i: ProfessionalInput!) { createProfessional(input: $i) { id emailIsWork } }`;
const LABELS = `{ directoryLabels { id name professionalCount } }`;
const CREATE_LABEL = `mutation($name: String!) { createDirectoryLabel(input: { name: $name }) { id name professionalCount } }`;
const SET_LABELS = `mutation($p: ID!, $l: [ID!]!) { setProfessionalLabels(professionalId: $p, labelIds: $l) { labels { name } } }`;
const ERASE = `mutation($id: ID!, $c: String!) { eraseProfessional(id: $id, confirmation: $c) { id lastName firstName rpps email phone structureName archivedAt erasedAt profession { code } commune { inseeCode } } }`;

type Consent = {
  purpose: string;
  status: string | null;
  allowed: boolean;
  basis: string | null;
  reason: string | null;
  lastEvent: { action: string; method: string; wordingVersion: string | null; note: string | null; recordedByName: string | null } | null;
};
type Person = {
  professional: {
    id: string;
    emailIsWork: boolean;
    consents: Consent[];
    consentEvents: Array<{ purpose: string; action: string; method: string; wordingVersion: string | null; note: string | null; recordedByName: string | null }>;
    labels: Array<{ id: string; name: string }>;
    history: Array<{ kind: string; summary: string }>;
  };
};
type PublicPage = {
  cpts: { slug: string; name: string };
  labels: string[];
  communes: Array<{ code: string; name: string; professions: Array<{ code: string; label: string; people: Array<Record<string, unknown>> }> }>;
};

const fieldsOf = (res: { errors?: Array<{ extensions?: { fields?: Array<{ field: string; message: string }> } }> }) =>
  Object.fromEntries((res.errors?.[0].extensions?.fields ?? []).map((f) => [f.field, f.message]));

describe('consents with proof, labels, GDPR rights and the public directory page', () => {
  let h: Harness;
  let staff: GraphQLClient;
  let coordB: GraphQLClient;
  let tenant: { id: string; communes: string[]; slug: string };
  let other: { id: string; communes: string[]; slug: string };
  let claire: string;
  const person = async (id: string) => (await staff.ok<Person>(CONSENTS, { id })).professional;
  const consentOf = async (id: string, purpose: string) => (await person(id)).consents.find((c) => c.purpose === purpose)!;
  /** The public page's data, at the CPTS's address (its slug). */
  const publicPage = async (slug: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${h.gateway.url}/api/public/cpts/${slug}/directory`, { headers });
    return {
      status: res.status,
      cache: res.headers.get('cache-control'),
      body: (await res.json()) as PublicPage & { errors?: Array<{ message: string }> },
    };
  };
  const publicNames = (page: PublicPage) => page.communes.flatMap((c) => c.professions.flatMap((p) => p.people.map((x) => `${x.firstName} ${x.lastName}`)));

  beforeAll(async () => {
    h = await startHarness();
    const region = await h.data.region();
    tenant = await h.data.cpts(region, { name: 'CPTS Consentements', departement: '79', communes: 3 });
    other = await h.data.cpts(region, { name: 'CPTS Voisine des consentements', departement: '86', communes: 2 });
    staff = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    coordB = await h.signedIn((await h.data.user([{ role: Role.COORDINATOR, tenantId: other.id }])).email);
    const created = await staff.ok<{ createProfessional: { id: string; emailIsWork: boolean } }>(CREATE, {
      i: { lastName: 'Martin', firstName: 'Claire', professionCode: '60', communeCode: tenant.communes[0], email: 'claire@msp.fr', phone: '05 49 12 34 56', structureName: 'MSP du Marais' },
    });
    claire = created.createProfessional.id;
    expect(created.createProfessional.emailIsWork).toBe(true);
  });
  afterAll(() => h.close());

  it('serves the immutable, versioned wordings, one current per purpose', async () => {
    const { consentWordings } = await staff.ok<{ consentWordings: Array<{ version: string; purpose: string; text: string; current: boolean }> }>(
      `{ consentWordings { version purpose text current } }`,
    );
    expect(consentWordings.find((w) => w.version === 'pro_newsletter.2026-11')).toMatchObject({ purpose: 'PRO_NEWSLETTER', current: true });
    for (const purpose of ['PRO_NEWSLETTER', 'PUBLIC_NEWSLETTER', 'EVENT_INVITATIONS', 'PUBLIC_LISTING']) {
      expect(consentWordings.filter((w) => w.purpose === purpose && w.current)).toHaveLength(1);
    }
  });

  it('applies the work-address rule without any record: professional information yes, public purposes no', async () => {
    const p = await person(claire);
    const byPurpose = Object.fromEntries(p.consents.map((c) => [c.purpose, c]));
    expect(byPurpose.PRO_NEWSLETTER).toMatchObject({ status: null, allowed: true, basis: 'WORK_ADDRESS_OPT_OUT', reason: null, lastEvent: null });
    expect(byPurpose.EVENT_INVITATIONS).toMatchObject({ allowed: true, basis: 'WORK_ADDRESS_OPT_OUT' });
    expect(byPurpose.PUBLIC_NEWSLETTER).toMatchObject({ allowed: false, basis: null, reason: 'NO_CONSENT' });
    expect(byPurpose.PUBLIC_LISTING).toMatchObject({ allowed: false, reason: 'NO_CONSENT' });
    expect(p.consentEvents).toEqual([]);
  });

  it('a personal address (not the work one) needs consent for professional information too', async () => {
    const { createProfessional } = await staff.ok<{ createProfessional: { id: string; emailIsWork: boolean } }>(CREATE, {
      i: { lastName: 'Perso', firstName: 'Anne', professionCode: '10', communeCode: tenant.communes[1], email: 'anne@gmail.com', emailIsWork: false },
    });
    expect(createProfessional.emailIsWork).toBe(false);
    expect(await consentOf(createProfessional.id, 'PRO_NEWSLETTER')).toMatchObject({ allowed: false, reason: 'NO_CONSENT' });
    const noEmail = await h.data.professional(tenant.id, tenant.communes[1], { lastName: 'SansMail' });
    expect(await consentOf(noEmail, 'PRO_NEWSLETTER')).toMatchObject({ allowed: false, reason: 'NO_EMAIL' });
  });

  it('records a consent with its proof (method, exact wording, who, note), the state and a history line, in one go', async () => {
    await staff.ok(GIVE, { p: claire, purpose: 'PUBLIC_NEWSLETTER', m: 'PAPER', v: 'public_newsletter.2026-11', note: 'Formulaire signé à la soirée du 12' });
    const p = await person(claire);
    expect(p.consents.find((c) => c.purpose === 'PUBLIC_NEWSLETTER')).toMatchObject({
      status: 'GIVEN',
      allowed: true,
      basis: 'CONSENT',
      lastEvent: { action: 'GIVEN', method: 'PAPER', wordingVersion: 'public_newsletter.2026-11', note: 'Formulaire signé à la soirée du 12' },
    });
    expect(p.consents.find((c) => c.purpose === 'PUBLIC_NEWSLETTER')?.lastEvent?.recordedByName).toBeTruthy();
    expect(p.consentEvents).toHaveLength(1);
    expect(p.history[0]).toEqual({ kind: 'consent.given', summary: 'Consentement « Lettre grand public » donné (papier, version public_newsletter.2026-11).' });
    const rows = await h.data.inTenant(tenant.id, (db) =>
      db.query(`SELECT c.status, e.action, e.method, e.wording_version FROM consents c JOIN consent_events e ON e.tenant_id = c.tenant_id AND e.id = c.event_id WHERE c.tenant_id = $1 AND c.professional_id = $2`, [
        tenant.id,
        claire,
      ]),
    );
    expect(rows.rows).toEqual([{ status: 'given', action: 'given', method: 'paper', wording_version: 'public_newsletter.2026-11' }]);
  });

  it('withdraws in one call, keeps the proof of both, and a second withdrawal changes nothing', async () => {
    await staff.ok(WITHDRAW, { p: claire, purpose: 'PUBLIC_NEWSLETTER', m: 'REQUEST' });
    await staff.ok(WITHDRAW, { p: claire, purpose: 'PUBLIC_NEWSLETTER', m: 'UNSUBSCRIBE_LINK' });
    const p = await person(claire);
    expect(p.consents.find((c) => c.purpose === 'PUBLIC_NEWSLETTER')).toMatchObject({ status: 'WITHDRAWN', allowed: false, reason: 'WITHDRAWN', lastEvent: { action: 'WITHDRAWN', method: 'REQUEST' } });
    expect(p.consentEvents.map((e) => `${e.action} ${e.method}`)).toEqual(['WITHDRAWN REQUEST', 'GIVEN PAPER']);
    expect(p.history[0]).toEqual({ kind: 'consent.withdrawn', summary: 'Consentement « Lettre grand public » retiré (demande de la personne).' });
  });

  it('an objection on a work address beats the work-address rule', async () => {
    await staff.ok(WITHDRAW, { p: claire, purpose: 'EVENT_INVITATIONS', m: 'UNSUBSCRIBE_LINK' });
    expect(await consentOf(claire, 'EVENT_INVITATIONS')).toMatchObject({ status: 'WITHDRAWN', allowed: false, basis: null, reason: 'WITHDRAWN' });
    expect((await person(claire)).history[0].summary).toBe('Opposition enregistrée pour « Invitations aux événements » (lien de désinscription).');
  });

  it('refuses a wording of another purpose, an unknown one, a giving by unsubscribe link, with French messages and no write', async () => {
    const before = (await person(claire)).consentEvents.length;
    const wrong = await staff.request(GIVE, { p: claire, purpose: 'PRO_NEWSLETTER', m: 'FORM', v: 'public_listing.2026-11' });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(wrong)).toEqual({ wordingVersion: 'Version de texte inconnue pour « Lettre professionnelle ».' });
    expect(fieldsOf(await staff.request(GIVE, { p: claire, purpose: 'PRO_NEWSLETTER', m: 'FORM', v: 'pro_newsletter.1999-01' }))).toEqual({
      wordingVersion: 'Version de texte inconnue pour « Lettre professionnelle ».',
    });
    const link = await staff.request(GIVE, { p: claire, purpose: 'PRO_NEWSLETTER', m: 'UNSUBSCRIBE_LINK', v: 'pro_newsletter.2026-11' });
    expect(fieldsOf(link)).toEqual({ method: 'Un lien de désinscription retire un consentement, il ne le donne pas.' });
    const longNote = await staff.request(GIVE, { p: claire, purpose: 'PRO_NEWSLETTER', m: 'FORM', v: 'pro_newsletter.2026-11', note: 'x'.repeat(501) });
    expect(errorCode(longNote)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(longNote)).toEqual({ note: 'La note ne peut pas dépasser 500 caractères.' });
    expect(errorCode(await staff.request(GIVE, { p: 'pas-un-id', purpose: 'PRO_NEWSLETTER', m: 'FORM', v: 'pro_newsletter.2026-11' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await staff.request(GIVE, { p: '00000000-0000-4000-8000-000000000000', purpose: 'PRO_NEWSLETTER', m: 'FORM', v: 'pro_newsletter.2026-11' }))).toBe('NOT_FOUND');
    expect((await person(claire)).consentEvents).toHaveLength(before);
  });

  it('other CPTS cannot give or withdraw consents of this one', async () => {
    expect(errorCode(await coordB.request(GIVE, { p: claire, purpose: 'PUBLIC_LISTING', m: 'FORM', v: 'public_listing.2026-11' }))).toBe('NOT_FOUND');
    expect(errorCode(await coordB.request(WITHDRAW, { p: claire, purpose: 'PRO_NEWSLETTER', m: 'FORM' }))).toBe('NOT_FOUND');
    expect((await consentOf(claire, 'PUBLIC_LISTING')).status).toBeNull();
  });

  it('gives the same answers in SQL as contactBasis() on every combination', async () => {
    const sql = contactBasisSql({ purpose: 'v.purpose', status: 'v.status', emailIsWork: 'v.work', hasEmail: 'v.has_email' });
    const combos = CONSENT_PURPOSES.flatMap((purpose) =>
      (['given', 'withdrawn', null] as const).flatMap((status) => [true, false].flatMap((work) => [true, false].map((hasEmail) => ({ purpose, status, work, hasEmail })))),
    );
    const dataSource = h.gateway.app.get(DataSource);
    const rows: Array<{ allowed: boolean; basis: string | null; reason: string | null }> = await dataSource.query(
      `SELECT ${sql.allowed} AS allowed, ${sql.basis} AS basis, ${sql.reason} AS reason
       FROM (SELECT e->>'purpose' AS purpose, e->>'status' AS status, (e->>'work')::boolean AS work, (e->>'has_email')::boolean AS has_email, n
             FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(e, n)) v ORDER BY v.n`,
      [JSON.stringify(combos.map((c) => ({ purpose: c.purpose, status: c.status, work: c.work, has_email: c.hasEmail })))],
    );
    expect(rows).toEqual(combos.map((c) => contactBasis(c.purpose, c.status, c.work, c.hasEmail)));
  });

  describe('labels and the public page', () => {
    let tnd: string;
    let pierre: string;

    beforeAll(async () => {
      pierre = (
        await staff.ok<{ createProfessional: { id: string } }>(CREATE, {
          i: { lastName: 'Durand', firstName: 'Pierre', professionCode: '10', communeCode: tenant.communes[1], email: 'pierre@perso.fr', phone: '05 49 00 00 01' },
        })
      ).createProfessional.id;
    });

    it('creates, renames and refuses a duplicate label name whatever the case', async () => {
      tnd = (await staff.ok<{ createDirectoryLabel: { id: string } }>(CREATE_LABEL, { name: '  Formé·e  aux soins TND ' })).createDirectoryLabel.id;
      const renamed = await staff.ok<{ renameDirectoryLabel: { name: string } }>(`mutation($id: ID!) { renameDirectoryLabel(id: $id, input: { name: "Formé·e à l'habituation aux soins TND" }) { name } }`, {
        id: tnd,
      });
      expect(renamed.renameDirectoryLabel.name).toBe("Formé·e à l'habituation aux soins TND");
      const dup = await staff.request(CREATE_LABEL, { name: "formé·e à l'habituation aux soins tnd" });
      expect(errorCode(dup)).toBe('CONFLICT');
      expect(fieldsOf(dup)).toEqual({ name: 'Nom déjà utilisé.' });
      expect(fieldsOf(await staff.request(CREATE_LABEL, { name: '   ' }))).toEqual({ name: "Le nom de l'étiquette est obligatoire." });
    });

    it('labels a person, with a history line, and refuses a label of another CPTS', async () => {
      const { setProfessionalLabels } = await staff.ok<{ setProfessionalLabels: { labels: Array<{ name: string }> } }>(SET_LABELS, { p: claire, l: [tnd] });
      expect(setProfessionalLabels.labels.map((l) => l.name)).toEqual(["Formé·e à l'habituation aux soins TND"]);
      expect((await person(claire)).history[0]).toEqual({ kind: 'labels.changed', summary: "Étiquettes : ajout « Formé·e à l'habituation aux soins TND »." });
      const labelB = (await coordB.ok<{ createDirectoryLabel: { id: string } }>(CREATE_LABEL, { name: 'Étiquette de B' })).createDirectoryLabel.id;
      const foreign = await staff.request(SET_LABELS, { p: claire, l: [labelB] });
      expect(errorCode(foreign)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(foreign)).toEqual({ labelIds: "Une des étiquettes n'existe pas (ou plus)." });
      expect((await staff.ok<{ directoryLabels: Array<{ name: string; professionalCount: number }> }>(LABELS)).directoryLabels).toEqual([
        { id: tnd, name: "Formé·e à l'habituation aux soins TND", professionalCount: 1 },
      ]);
    });

    it('shows, without login, only those who opted in, by commune and profession, with labels and no e-mail', async () => {
      expect(publicNames((await publicPage(tenant.slug)).body)).toEqual([]);
      await staff.ok(GIVE, { p: claire, purpose: 'PUBLIC_LISTING', m: 'FORM', v: 'public_listing.2026-11' });
      await staff.ok(GIVE, { p: pierre, purpose: 'PUBLIC_LISTING', m: 'PAPER', v: 'public_listing.2026-11' });
      const page = await publicPage(tenant.slug);
      expect(page.status).toBe(200);
      expect(page.cache).toBe('no-store');
      // No internal id in a public answer: the CPTS is named by its address.
      expect(page.body.cpts).toEqual({ slug: 'consentements', name: 'CPTS Consentements' });
      expect(page.body.labels).toEqual(["Formé·e à l'habituation aux soins TND"]);
      const claireCommune = page.body.communes.find((c) => c.code === tenant.communes[0])!;
      expect(claireCommune.professions).toEqual([
        {
          code: '60',
          label: expect.any(String),
          people: [{ lastName: 'Martin', firstName: 'Claire', structureName: 'MSP du Marais', phone: '05 49 12 34 56', labels: ["Formé·e à l'habituation aux soins TND"] }],
        },
      ]);
      expect(publicNames(page.body).sort()).toEqual(['Claire Martin', 'Pierre Durand']);
      expect(JSON.stringify(page.body)).not.toContain('@');
    });

    it('takes a person off at the next request once they withdraw', async () => {
      await staff.ok(WITHDRAW, { p: pierre, purpose: 'PUBLIC_LISTING', m: 'REQUEST' });
      expect(publicNames((await publicPage(tenant.slug)).body)).toEqual(['Claire Martin']);
    });

    it('answers 404 for an unknown or malformed CPTS, and never shows another CPTS, whoever asks', async () => {
      const unknown = await publicPage('00000000-0000-4000-8000-000000000000');
      expect(unknown.status).toBe(404);
      const malformed = await publicPage('nimporte-quoi');
      expect(malformed.status).toBe(404);
      expect(malformed.body.errors?.[0].message).toBe('Aucune CPTS n’a cette adresse. Vérifiez le lien, ou demandez-le à la CPTS.');
      const otherPro = await h.data.professional(other.id, other.communes[0], { lastName: 'Voisin' });
      await coordB.ok(GIVE, { p: otherPro, purpose: 'PUBLIC_LISTING', m: 'FORM', v: 'public_listing.2026-11' });
      // Signed in to CPTS B, reading A's page: A's people only (the session's CPTS is not used).
      const fromB = await publicPage(tenant.slug, { authorization: `Bearer ${coordB.accessToken}` });
      expect(publicNames(fromB.body)).toEqual(['Claire Martin']);
      expect(publicNames((await publicPage(other.slug)).body)).toEqual(['Prénom Voisin']);
    });
  });

  describe('GDPR export and erasure', () => {
    let erased: string;

    it('exports everything held on the person as a JSON file, staff only, and logs it', async () => {
      // A newsletter she received and clicked, and her address blocked after a complaint.
      const sent = await h.data.campaign(tenant.id, { subject: 'Lettre de novembre', bodyHtml: '<p><a href="https://cpts.test/a">a</a></p>', recipients: [{ email: 'claire@msp.fr', professionalId: claire }] });
      await h.data.inTenant(tenant.id, async (db) => {
        await db.query(`INSERT INTO campaign_clicks (tenant_id, id, campaign_id, delivery_id, link_index) VALUES ($1, gen_random_uuid(), $2, $3, 0)`, [tenant.id, sent.campaignId, sent.deliveryIds[0]]);
        await db.query(`INSERT INTO email_suppressions (tenant_id, email, reason) VALUES ($1, 'claire@msp.fr', 'complaint')`, [tenant.id]);
      });
      const url = `${h.gateway.url}/api/directory/professionals/${claire}/export.json`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: `Bearer ${coordB.accessToken}` } })).status).toBe(404);
      const res = await fetch(url, { headers: { authorization: `Bearer ${staff.accessToken}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="donnees-personnelles-${claire}.json"`);
      const data = (await res.json()) as Record<string, any>;
      expect(data.format).toBe('cpts-person-data/1');
      expect(data.cpts.name).toBe('CPTS Consentements');
      expect(data.professional).toMatchObject({ id: claire, last_name: 'Martin', first_name: 'Claire', email: 'claire@msp.fr', email_is_work: true, commune: expect.any(String) });
      expect(data.professional.tenant_id).toBeUndefined();
      expect(data.history.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['person.created', 'consent.given', 'consent.withdrawn', 'labels.changed', 'person.exported']));
      expect(data.consents.events.length).toBeGreaterThanOrEqual(3);
      expect(data.labels).toEqual(["Formé·e à l'habituation aux soins TND"]);
      expect(data.mailings).toEqual({
        messages: [expect.objectContaining({ subject: 'Lettre de novembre', email: 'claire@msp.fr', state: 'sent', clicks: 1 })],
        blockedAddresses: [expect.objectContaining({ email: 'claire@msp.fr', reason: 'complaint' })],
      });
      const readable = await staff.ok<{ personData: string }>(`query($id: ID!) { personData(id: $id) }`, { id: claire });
      expect(JSON.parse(readable.personData).professional.last_name).toBe('Martin');
      const log = await h.data.inTenant(tenant.id, (db) => db.query(`SELECT kind, by IS NOT NULL AS by FROM gdpr_requests WHERE tenant_id = $1 AND professional_id = $2`, [tenant.id, claire]));
      expect(log.rows).toEqual([
        { kind: 'export', by: true },
        { kind: 'export', by: true },
      ]);
    });

    it('refuses an erasure without the right confirmation, changing nothing', async () => {
      const bad = await staff.request(ERASE, { id: claire, c: 'Durand' });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(bad)).toEqual({ confirmation: 'Pour confirmer, tapez le nom de la personne : Martin.' });
      expect((await person(claire)).history.length).toBeGreaterThan(0);
      expect(errorCode(await coordB.request(ERASE, { id: claire, c: 'Martin' }))).toBe('NOT_FOUND');
    });

    it('erases identity, contacts and history details everywhere, keeps anonymous counts, and logs it', async () => {
      const countBefore = await h.data.inTenant(tenant.id, (db) =>
        db.query(`SELECT count(*)::int AS n FROM professionals WHERE tenant_id = $1 AND profession_code = '60' AND commune_code = $2`, [tenant.id, tenant.communes[0]]),
      );
      // An import issue holding the person's values.
      await h.data.inTenant(tenant.id, async (db) => {
        await db.query(
          `INSERT INTO directory_imports (tenant_id, id, file_name, file_bytes, status) VALUES ($1, '11111111-1111-4111-8111-111111111111', 'x.txt', 1, 'done')`,
          [tenant.id],
        );
        await db.query(
          `INSERT INTO directory_import_issues (tenant_id, import_id, seq, kind, reason, professional_id, field, current_value, imported_value)
           VALUES ($1, '11111111-1111-4111-8111-111111111111', 1, 'conflict', 'modifié', $2, 'email', 'claire@msp.fr', 'c.martin@msp.fr')`,
          [tenant.id, claire],
        );
      });
      const { eraseProfessional } = await staff.ok<{ eraseProfessional: Record<string, unknown> }>(ERASE, { id: claire, c: ' martin ' });
      expect(eraseProfessional).toMatchObject({
        lastName: 'Personne effacée',
        firstName: '—',
        rpps: null,
        email: null,
        phone: null,
        structureName: null,
        archivedAt: expect.any(String),
        erasedAt: expect.any(String),
        profession: { code: '60' },
        commune: { inseeCode: tenant.communes[0] },
      });
      erased = claire;
      const p = await person(erased);
      expect(p.history[0]).toEqual({ kind: 'person.erased', summary: 'Données personnelles effacées (droit à l’effacement).' });
      expect(p.history.slice(1).every((e) => e.summary === '')).toBe(true);
      expect(p.consentEvents.every((e) => e.note === null)).toBe(true);
      const facts = await h.data.inTenant(tenant.id, async (db) => ({
        issues: (await db.query(`SELECT count(*)::int AS n FROM directory_import_issues WHERE tenant_id = $1 AND professional_id = $2`, [tenant.id, erased])).rows[0].n,
        details: (await db.query(`SELECT count(*)::int AS n FROM person_history WHERE tenant_id = $1 AND professional_id = $2 AND details <> '{}'`, [tenant.id, erased])).rows[0].n,
        count: (await db.query(`SELECT count(*)::int AS n FROM professionals WHERE tenant_id = $1 AND profession_code = '60' AND commune_code = $2`, [tenant.id, tenant.communes[0]])).rows[0].n,
        log: (await db.query(`SELECT kind FROM gdpr_requests WHERE tenant_id = $1 AND professional_id = $2 ORDER BY at`, [tenant.id, erased])).rows.map((r: { kind: string }) => r.kind),
        row: (await db.query(`SELECT imported, search_name FROM professionals WHERE tenant_id = $1 AND id = $2`, [tenant.id, erased])).rows[0],
        deliveries: (await db.query(`SELECT email FROM campaign_deliveries WHERE tenant_id = $1 AND professional_id = $2`, [tenant.id, erased])).rows.map((r: { email: string }) => r.email),
        clicks: (await db.query(`SELECT count(*)::int AS n FROM campaign_clicks WHERE tenant_id = $1`, [tenant.id])).rows[0].n,
        blocked: (await db.query(`SELECT count(*)::int AS n FROM email_suppressions WHERE tenant_id = $1`, [tenant.id])).rows[0].n,
      }));
      expect(facts).toEqual({
        issues: 0,
        details: 0,
        count: countBefore.rows[0].n,
        log: ['export', 'export', 'erasure'],
        row: { imported: null, search_name: 'personne effacee' },
        // The campaign's counts and clicks stay, without her address.
        deliveries: [expect.stringMatching(/^erased-[0-9a-f-]{36}@invalid\.invalid$/)],
        clicks: 1,
        blocked: 0,
      });
    });

    it("keeps the block of a shared address when one of the people using it is erased", async () => {
      // A practice's mailbox, blocked after a complaint: erasing one of its two users must not mail it again for the other.
      const first = await h.data.professional(tenant.id, tenant.communes[1], { lastName: 'Partage' });
      const second = await h.data.professional(tenant.id, tenant.communes[1], { lastName: 'Commun' });
      const alone = await h.data.professional(tenant.id, tenant.communes[1], { lastName: 'Seule' });
      await h.data.inTenant(tenant.id, async (db) => {
        await db.query(`UPDATE professionals SET email = 'contact@msp-partagee.fr' WHERE tenant_id = $1 AND id = $2`, [tenant.id, first]);
        await db.query(`UPDATE professionals SET email = ' Contact@MSP-partagee.fr' WHERE tenant_id = $1 AND id = $2`, [tenant.id, second]);
        await db.query(`UPDATE professionals SET email = ' Seule@cabinet.fr ' WHERE tenant_id = $1 AND id = $2`, [tenant.id, alone]);
        await db.query(`INSERT INTO email_suppressions (tenant_id, email, reason) VALUES ($1, 'contact@msp-partagee.fr', 'complaint'), ($1, 'seule@cabinet.fr', 'hard_bounce')`, [tenant.id]);
      });
      const blocked = async () =>
        (await h.data.inTenant(tenant.id, (db) => db.query(`SELECT email FROM email_suppressions WHERE tenant_id = $1 ORDER BY email`, [tenant.id]))).rows.map((r: { email: string }) => r.email);
      await staff.ok(ERASE, { id: first, c: 'Partage' });
      expect(await blocked()).toEqual(['contact@msp-partagee.fr', 'seule@cabinet.fr']);
      // Her own address, written with spaces and capitals, is unblocked with her.
      await staff.ok(ERASE, { id: alone, c: 'Seule' });
      expect(await blocked()).toEqual(['contact@msp-partagee.fr']);
      // The last user of the shared address erased: nobody is left to protect, the address goes.
      await staff.ok(ERASE, { id: second, c: 'Commun' });
      expect(await blocked()).toEqual([]);
    });

    it('keeps erased people out of lists, the public page, exports, and refuses to change them', async () => {
      const list = await staff.ok<{ professionals: { edges: Array<{ node: { id: string } }> } }>(`{ professionals(first: 100, filter: { archived: true }) { edges { node { id } } } }`);
      expect(list.professionals.edges.map((e) => e.node.id)).not.toContain(erased);
      expect(publicNames((await publicPage(tenant.slug)).body)).toEqual([]);
      const csv = await (await fetch(`${h.gateway.url}/api/directory/professionals.csv?archives=1`, { headers: { authorization: `Bearer ${staff.accessToken}` } })).text();
      expect(csv).not.toContain('effacée');
      expect((await fetch(`${h.gateway.url}/api/directory/professionals/${erased}/export.json`, { headers: { authorization: `Bearer ${staff.accessToken}` } })).status).toBe(409);
      expect(errorCode(await staff.request(GIVE, { p: erased, purpose: 'PRO_NEWSLETTER', m: 'FORM', v: 'pro_newsletter.2026-11' }))).toBe('CONFLICT');
      expect(errorCode(await staff.request(ERASE, { id: erased, c: 'Personne effacée' }))).toBe('CONFLICT');
      const restore = await staff.request(`mutation($id: ID!) { restoreProfessional(id: $id) { archivedAt } }`, { id: erased });
      expect([errorCode(restore), restore.errors?.[0].message]).toEqual(['CONFLICT', "Les données de cette personne ont été effacées : elle ne peut pas revenir dans l'annuaire."]);
    });
  });

  describe('merging two records of one person (the PersonDataPart contract)', () => {
    it('moves both proof histories and all labels onto the kept record; per purpose, the latest event is the state', async () => {
      const kept = await h.data.professional(tenant.id, tenant.communes[2], { lastName: 'Double' });
      const merged = await h.data.professional(tenant.id, tenant.communes[2], { lastName: 'Doublon' });
      await staff.ok(GIVE, { p: kept, purpose: 'PRO_NEWSLETTER', m: 'FORM', v: 'pro_newsletter.2026-11' });
      await staff.ok(WITHDRAW, { p: merged, purpose: 'PRO_NEWSLETTER', m: 'UNSUBSCRIBE_LINK' }); // later: wins
      await staff.ok(GIVE, { p: merged, purpose: 'PUBLIC_LISTING', m: 'PAPER', v: 'public_listing.2026-11' });
      const label = async (name: string) => (await staff.ok<{ createDirectoryLabel: { id: string } }>(CREATE_LABEL, { name })).createDirectoryLabel.id;
      const [a, b] = [await label('Fusion A'), await label('Fusion B')];
      await staff.ok(SET_LABELS, { p: kept, l: [a] });
      await staff.ok(SET_LABELS, { p: merged, l: [a, b] });
      const app = h.gateway.app;
      await app.get(Db).run({ tenantId: tenant.id }, async () => {
        await app.get(ConsentsService).mergePerson(kept, merged);
        await app.get(LabelsService).mergePerson(kept, merged);
      });
      const after = await person(kept);
      expect(Object.fromEntries(after.consents.map((c) => [c.purpose, c.status]))).toEqual({ PRO_NEWSLETTER: 'WITHDRAWN', PUBLIC_NEWSLETTER: null, EVENT_INVITATIONS: null, PUBLIC_LISTING: 'GIVEN' });
      expect(after.consentEvents).toHaveLength(3);
      expect(after.labels.map((l) => l.name)).toEqual(['Fusion A', 'Fusion B']);
      const gone = await person(merged);
      expect([gone.consentEvents, gone.labels, gone.consents.map((c) => c.status)]).toEqual([[], [], [null, null, null, null]]);
    });
  });
});
