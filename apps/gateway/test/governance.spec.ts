import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { DecisionCloser, DecisionLinks } from '@cpts/governance';
import { MailEnv } from '@cpts/platform-config';
import { Db } from '@cpts/platform-db';
import { RemindersService } from '@cpts/platform-reminders';
import { MeetingLinks } from '@cpts/meetings';
import { Role } from '@cpts/platform-core';
import { LinkSigner } from '@cpts/platform-mail';
import { errorCode, GraphQLClient, GraphQLResult } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const INSTANCE_FIELDS = `id kind name seats seatsToFill currentCount endingSoon statutes { quorumShare majority abstentionsCountAsCast proxiesPerHolder noticeDays perCollege } colleges { id name membershipCollege seats filled }`;
const CREATE_INSTANCE = `mutation($i: InstanceInput!) { createGovernanceInstance(input: $i) { ${INSTANCE_FIELDS} } }`;
const UPDATE_INSTANCE = `mutation($id: ID!, $i: UpdateInstanceInput!) { updateGovernanceInstance(id: $id, input: $i) { ${INSTANCE_FIELDS} } }`;
const ADD_MANDATE = `mutation($inst: ID!, $i: MandateInput!) { addMandate(instanceId: $inst, input: $i) { id name office current daysLeft collegeName } }`;
const END_MANDATE = `mutation($id: ID!, $i: EndMandateInput!) { endMandate(id: $id, input: $i) { id endedOn current } }`;
const MANDATES = `query($id: ID!, $on: String, $all: Boolean) { governanceInstance(id: $id) { mandates(on: $on, all: $all) { name office startsOn endsOn endedOn current } } }`;
const DECISION_FIELDS = `id status outcome registerNumber voterCount votedCount deadline closedBecause reopensId reopenedById tally { for against abstain eligible participating byProxy cast quorumNeeded quorumMet }`;
const CREATE_DECISION = `mutation($i: DecisionInput!) { createDecision(input: $i) { ${DECISION_FIELDS} } }`;
const OPEN = `mutation($id: ID!) { openDecision(id: $id) { ${DECISION_FIELDS} } }`;
const DECISION = `query($id: ID!) { decision(id: $id) { ${DECISION_FIELDS} voters { id name voted choice channel changes conflict proxyToName holdsProxiesOf } } }`;
const VERIFY = `query($id: ID!) { verifyDecisionAudit(id: $id) { ok entries brokenAt problem } }`;

const DAY = 86_400_000;
/** A public route's JSON answer, loosely typed. */
const json = async (res: Response) => (await res.json()) as any;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

type Decision = {
  id: string;
  status: string;
  outcome: string | null;
  registerNumber: string | null;
  voterCount: number;
  votedCount: number;
  closedBecause: string | null;
  reopensId: string | null;
  reopenedById: string | null;
  tally: {
    for: number;
    against: number;
    abstain: number;
    eligible: number;
    participating: number;
    byProxy: number;
    quorumNeeded: number;
    quorumMet: boolean;
  } | null;
  voters: Array<{
    id: string;
    name: string;
    voted: boolean;
    choice: string | null;
    channel: string | null;
    changes: number;
    conflict: boolean;
    proxyToName: string | null;
    holdsProxiesOf: string[];
  }>;
};

/**
 * Governance through the real gateway: instances, colleges and dated
 * mandates; a written consultation opened to the instance's voters, voted on
 * from the emailed links (a GET records nothing), with changes, proxies,
 * conflicts, an early close once everyone has voted, the register and the
 * audit chain (verified, tampered with through the owner role, refused to
 * the runtime role); spending under the delegation levels; an AG convened
 * with its notice, its quorum with proxies and a vote in session per college.
 */
describe('governance: instances, mandates, decisions voted from the email link, register, audit chain', () => {
  let h: Harness;
  let tenant: { id: string; communes: string[]; slug: string };
  let regionId: string;
  let coord: GraphQLClient;
  let staff: GraphQLClient;
  let links: DecisionLinks;
  let bureau: string;
  let ca: { id: string; colleges: Array<{ id: string; name: string }> };
  const pros: Record<string, string> = {};

  const outbox = async (kind: string) =>
    (
      await h.data.pool.query(
        `SELECT to_address, subject, text_body, secret IS NOT NULL AS sealed FROM mail_outbox WHERE tenant_id = $1 AND kind = $2 ORDER BY to_address`,
        [tenant.id, kind],
      )
    ).rows as Array<{ to_address: string; subject: string; text_body: string; sealed: boolean }>;
  const voterIds = async (decisionId: string) =>
    Object.fromEntries(
      (
        await h.data.inTenant(tenant.id, (db) =>
          db.query(`SELECT id, email FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2`, [tenant.id, decisionId]),
        )
      ).rows.map((r: { id: string; email: string }) => [r.email, r.id]),
    ) as Record<string, string>;
  const api = (path: string, init?: RequestInit) => fetch(`${h.gateway.url}/api/public/decisions/${path}`, init);
  const post = (token: string, action: string, body: unknown) =>
    api(`${token}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify(body),
    });
  const tokenOf = (voterId: string) => links.token({ tenantId: tenant.id, voterId });
  const sessionsOf = async (meetingId: string) =>
    (
      await coord.ok<{ meeting: { sessionDecisions: Array<{ id: string }> } }>(
        `query($id: ID!) { meeting(id: $id) { sessionDecisions { id } } }`,
        { id: meetingId },
      )
    ).meeting.sessionDecisions.map((d) => d.id);
  const get = async (id: string) => (await coord.ok<{ decision: Decision }>(DECISION, { id })).decision;
  const draft = async (instanceId: string, extra: Record<string, unknown> = {}) =>
    (
      await staff.ok<{ createDecision: Decision }>(CREATE_DECISION, {
        i: {
          instanceId,
          title: 'Achat d’un ECG connecté',
          context: 'Devis joint : 1 800 € TTC.',
          question: 'Approuvez-vous l’achat ?',
          deadline: new Date(Date.now() + 3 * DAY).toISOString(),
          ...extra,
        },
      })
    ).createDecision;

  beforeAll(async () => {
    h = await startHarness();
    regionId = await h.data.region();
    tenant = (await h.data.cpts(regionId, { name: 'CPTS Gouvernance', departement: '33', communes: 1 })) as typeof tenant;
    coord = await h.signedIn((await h.data.user([{ role: Role.COORDINATOR, tenantId: tenant.id }])).email);
    staff = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    links = new DecisionLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string);
    for (const name of ['Alice', 'Bruno', 'Chloé', 'David', 'Emma', 'Farid']) {
      pros[name] = await h.data.professional(tenant.id, tenant.communes[0], {
        lastName: name,
        firstName: 'Dr',
        email: `${name.toLowerCase()}@exemple.fr`,
      });
    }
    bureau = (await staff.ok<{ createGovernanceInstance: { id: string } }>(CREATE_INSTANCE, { i: { kind: 'BUREAU' } }))
      .createGovernanceInstance.id;
    ca = (
      await staff.ok<{ createGovernanceInstance: { id: string; colleges: Array<{ id: string; name: string }> } }>(CREATE_INSTANCE, {
        i: { kind: 'CA', seats: 8 },
      })
    ).createGovernanceInstance;
  });
  afterAll(() => h.close());

  it('sets up the instances with the usual rules: the CA in four colleges; one bureau per CPTS; rules edited by the coordinator only', async () => {
    expect(ca.colleges.map((c) => c.name)).toEqual([
      'Professionnels libéraux',
      'Équipes de soins primaires et maisons de santé',
      'Établissements sanitaires et médico-sociaux',
      'Usagers',
    ]);
    const again = await staff.request(CREATE_INSTANCE, { i: { kind: 'BUREAU' } });
    expect(errorCode(again)).toBe('CONFLICT');
    const agSeats = await staff.request(CREATE_INSTANCE, { i: { kind: 'AG', seats: 3 } });
    expect(errorCode(agSeats)).toBe('BAD_USER_INPUT');
    const statutes = {
      quorumShare: 0.5,
      majority: 'SIMPLE',
      abstentionsCountAsCast: false,
      proxiesPerHolder: 0,
      noticeDays: 0,
      perCollege: false,
    };
    expect(errorCode(await staff.request(UPDATE_INSTANCE, { id: bureau, i: { name: 'Bureau', seats: 4, statutes } }))).toBe('FORBIDDEN');
    const bad = await coord.request(UPDATE_INSTANCE, {
      id: bureau,
      i: { name: 'Bureau', seats: 4, statutes: { ...statutes, quorumShare: 1.5 } },
    });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const { updateGovernanceInstance } = await coord.ok<{ updateGovernanceInstance: { seats: number; statutes: { quorumShare: number } } }>(
      UPDATE_INSTANCE,
      {
        id: bureau,
        i: { name: 'Bureau', seats: 4, statutes },
      },
    );
    expect(updateGovernanceInstance.seats).toBe(4);
  });

  it('keeps dated mandates: the composition on a past date, overlapping offices refused, seats to fill, end reminders at 90 and 30 days', async () => {
    const mandate = (p: string, office: string, startsOn: string, endsOn: string | null, extra: Record<string, unknown> = {}) =>
      staff.request<{ addMandate: { id: string; current: boolean; daysLeft: number | null } }>(ADD_MANDATE, {
        inst: bureau,
        i: { professionalId: pros[p], office, startsOn, endsOn, obtained: 'ELECTED', obtainedNote: 'AG du 12 juin 2025', ...extra },
      });
    // A former president, then today's bureau.
    const former = (await mandate('Farid', 'PRESIDENT', '2022-06-01', '2025-06-11')).data!.addMandate;
    expect(former.current).toBe(false);
    const alice = (await mandate('Alice', 'PRESIDENT', '2025-06-12', isoDay(60))).data!.addMandate;
    expect(alice).toMatchObject({ current: true, daysLeft: 60 });
    const twoPresidents = await mandate('Bruno', 'PRESIDENT', '2025-06-12', null);
    expect(errorCode(twoPresidents)).toBe('CONFLICT');
    expect(twoPresidents.errors![0].message).toContain('déjà un·e président·e');
    await mandate('Bruno', 'TREASURER', '2025-06-12', null);
    await mandate('Chloé', 'SECRETARY', '2025-06-12', null);
    const twice = await mandate('Chloé', 'MEMBER', '2025-07-01', null);
    expect(errorCode(twice)).toBe('CONFLICT');
    // Who sat on the bureau on 3 March 2025: the former president alone.
    const then = await staff.ok<{ governanceInstance: { mandates: Array<{ name: string; office: string }> } }>(MANDATES, {
      id: bureau,
      on: '2025-03-03',
    });
    expect(then.governanceInstance.mandates).toEqual([
      { name: 'Dr Farid', office: 'PRESIDENT', startsOn: '2022-06-01', endsOn: '2025-06-11', endedOn: null, current: false },
    ]);
    const all = await staff.ok<{ governanceInstance: { mandates: unknown[] } }>(MANDATES, { id: bureau, all: true });
    expect(all.governanceInstance.mandates).toHaveLength(4);
    const { governanceInstance } = await staff.ok<{
      governanceInstance: { seatsToFill: number; currentCount: number; endingSoon: number };
    }>(`query($id: ID!) { governanceInstance(id: $id) { seatsToFill currentCount endingSoon } }`, { id: bureau });
    expect(governanceInstance).toEqual({ seatsToFill: 1, currentCount: 3, endingSoon: 1 });
    // 60 days left: the 90-day reminder has passed, the 30-day one is scheduled at 8:00 Paris time.
    const reminders = await h.data.inTenant(tenant.id, (db) =>
      db.query(
        `SELECT fire_at FROM reminders WHERE tenant_id = $1 AND kind = 'governance.mandate_end' AND ref = $2 AND state = 'scheduled'`,
        [tenant.id, alice.id],
      ),
    );
    expect(reminders.rows).toHaveLength(1);
    expect(
      new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(reminders.rows[0].fire_at),
    ).toBe('08:00');
    // The CA: a seat needs its college.
    const noCollege = await staff.request(ADD_MANDATE, {
      inst: ca.id,
      i: { professionalId: pros.Alice, office: 'MEMBER', startsOn: '2025-06-12', obtained: 'ELECTED' },
    });
    expect(errorCode(noCollege)).toBe('BAD_USER_INPUT');
  });

  it('opens a decision: every voter gets one-tap links (their token sealed), the close and the 48 h and 4 h reminders are scheduled', async () => {
    const d = await draft(bureau);
    expect(d.status).toBe('DRAFT');
    const opened = (await staff.ok<{ openDecision: Decision }>(OPEN, { id: d.id })).openDecision;
    expect(opened).toMatchObject({ status: 'OPEN', voterCount: 3, votedCount: 0 });
    const mails = (await outbox('decision_opening')).filter((m) => m.subject === 'Vote : Achat d’un ECG connecté');
    expect(mails.map((m) => m.to_address)).toEqual(['alice@exemple.fr', 'bruno@exemple.fr', 'chloé@exemple.fr']);
    expect(mails.every((m) => m.sealed)).toBe(true);
    expect(mails[0].text_body).toContain(`Pour : http://`);
    expect(mails[0].text_body).toContain(`/cpts/${tenant.slug}/decisions/__CPTS_SECRET__?choix=pour`);
    expect(mails[0].text_body).toContain('?choix=contre');
    expect(mails[0].text_body).toContain('Lire le dossier et commenter');
    const kinds = await h.data.inTenant(tenant.id, (db) =>
      db.query(`SELECT kind, fire_at FROM reminders WHERE tenant_id = $1 AND ref = $2 ORDER BY fire_at`, [tenant.id, d.id]),
    );
    expect(kinds.rows.map((r: { kind: string }) => r.kind)).toEqual([
      'governance.vote_reminder',
      'governance.vote_reminder',
      'governance.decision_close',
    ]);
    // Once opened, what was asked does not change.
    const change = await staff.request(`mutation($id: ID!, $i: DecisionInput!) { updateDecision(id: $id, input: $i) { id } }`, {
      id: d.id,
      i: { instanceId: bureau, title: 'Autre', question: 'Autre ?' },
    });
    expect(errorCode(change)).toBe('CONFLICT');
  });

  it("keeps a draft's file under the meetings' document checks, and removes its bytes with the draft", async () => {
    const d = await draft(bureau, { title: 'Devis imprimeur' });
    const upload = (name: string, bytes: Buffer) =>
      fetch(`${h.gateway.url}/api/governance/decisions/${d.id}/documents`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${staff.accessToken}`,
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent(name),
        },
        body: bytes,
      });
    const fake = await upload('devis.pdf', Buffer.from('MZ this is not a pdf'));
    expect(fake.status).toBe(400);
    expect((await json(fake)).errors[0].message).toContain("n'est pas un vrai fichier PDF");
    const ok = await upload('devis.pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'));
    expect(ok.status).toBe(201);
    const folder = path.join(process.env.UPLOAD_DIR as string, 'decision-documents', tenant.id);
    const onDisk = () => (existsSync(folder) ? readdirSync(folder) : []);
    const id = (await json(ok)).data.decisionDocument.id as string;
    expect(onDisk()).toContain(id);
    await staff.ok(`mutation($id: ID!) { deleteDecisionDraft(id: $id) }`, { id: d.id });
    // The bytes go once the transaction has committed, after the answer.
    for (let i = 0; i < 100 && onDisk().includes(id); i++) await new Promise((r) => setTimeout(r, 50));
    expect(onDisk()).not.toContain(id);
  });

  it('votes from the link: a GET records nothing, a POST records, a change is kept, the last vote closes early and numbers it', async () => {
    const d = await draft(bureau, { title: 'Adhésion à la fédération' });
    await staff.ok(OPEN, { id: d.id });
    const ids = await voterIds(d.id);
    const alice = tokenOf(ids['alice@exemple.fr']);
    const page = await api(alice);
    expect(page.status).toBe(200);
    const view = await json(page);
    expect(view).toMatchObject({
      title: 'Adhésion à la fédération',
      voter: { name: 'Dr Alice', choice: null },
      closed: null,
      participation: { voted: 0, total: 3 },
    });
    expect((await get(d.id)).votedCount).toBe(0); // the GET recorded nothing

    expect((await json(await post(alice, 'vote', { choice: 'for' }))).voter.choice).toBe('for');
    const changed = await post(alice, 'vote', { choice: 'against' });
    expect((await json(changed)).voter.choice).toBe('against');
    const bad = await post(alice, 'vote', { choice: 'peut-être' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors[0].message).toBe('Choisissez : pour, contre ou abstention.');

    await post(tokenOf(ids['bruno@exemple.fr']), 'vote', { choice: 'against' });
    let state = await get(d.id);
    expect(state.status).toBe('OPEN');
    expect(state.voters.find((v) => v.name === 'Dr Alice')).toMatchObject({ choice: 'AGAINST', channel: 'LINK', changes: 1 });

    await post(tokenOf(ids['chloé@exemple.fr']), 'vote', { choice: 'abstain' });
    state = await get(d.id);
    expect(state).toMatchObject({ status: 'CLOSED', outcome: 'REJECTED', closedBecause: 'all_voted' });
    expect(state.registerNumber).toMatch(/^\d{4}-\d{3}$/);
    expect(state.tally).toMatchObject({ for: 0, against: 2, abstain: 1, eligible: 3, participating: 3, quorumMet: true });
    // The outcome to every voter and to the team.
    const outcome = (await outbox('decision_outcome')).filter((m) => m.subject.includes('Adhésion à la fédération'));
    expect(outcome.map((m) => m.to_address)).toEqual(expect.arrayContaining(['alice@exemple.fr', 'bruno@exemple.fr', 'chloé@exemple.fr']));
    expect(outcome.length).toBeGreaterThanOrEqual(5); // and the coordinator and the staff user
    expect(outcome[0].subject).toBe(`Décision ${state.registerNumber} rejetée : Adhésion à la fédération`);
    // Closed: the link says so, nothing recorded.
    const late = await post(alice, 'vote', { choice: 'for' });
    expect(late.status).toBe(409);
    expect((await json(late)).errors[0].message).toBe('Ce vote est clos : la décision a été comptée.');
    expect((await get(d.id)).voters.find((v) => v.name === 'Dr Alice')!.choice).toBe('AGAINST');

    // The chain: opened, 4 votes (one a change), closed; it verifies.
    const audit = await coord.ok<{ decision: { audit: Array<{ event: string; channel: string | null }> } }>(
      `query($id: ID!) { decision(id: $id) { audit { event channel } } }`,
      { id: d.id },
    );
    expect(audit.decision.audit.map((e) => e.event)).toEqual(['opened', 'vote', 'vote_changed', 'vote', 'vote', 'closed']);
    expect((await coord.ok<{ verifyDecisionAudit: unknown }>(VERIFY, { id: d.id })).verifyDecisionAudit).toEqual({
      ok: true,
      entries: 6,
      brokenAt: null,
      problem: null,
    });
  });

  it('refuses, with a French page and nothing recorded: a forged or other-kind token, an ended mandate', async () => {
    const d = await draft(bureau, { title: 'Recrutement' });
    await staff.ok(OPEN, { id: d.id });
    const ids = await voterIds(d.id);
    const forged = await post(tokenOf(ids['alice@exemple.fr']).slice(0, -2) + 'xx', 'vote', { choice: 'for' });
    expect(forged.status).toBe(404);
    const otherKind = new MeetingLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string).token({
      tenantId: tenant.id,
      inviteeId: ids['alice@exemple.fr'],
    });
    expect((await post(otherKind, 'vote', { choice: 'for' })).status).toBe(404);
    // Signed in, someone who is not consulted (the coordinator sits on no instance) votes as no one.
    const notAVoter = await coord.request(`mutation($id: ID!) { voteOnDecision(id: $id, choice: FOR) { id } }`, { id: d.id });
    expect(errorCode(notAVoter)).toBe('FORBIDDEN');
    expect(notAVoter.errors![0].message).toContain("Vous n'êtes pas consulté·e sur cette décision");
    // Chloé's mandate ends yesterday: her link no longer votes.
    const chloe = (
      await staff.ok<{ governanceInstance: { mandates: Array<{ name: string }> } }>(
        `query($id: ID!) { governanceInstance(id: $id) { mandates { id name } } }`,
        { id: bureau },
      )
    ).governanceInstance.mandates as Array<{ id: string; name: string }>;
    await staff.ok(END_MANDATE, { id: chloe.find((m) => m.name === 'Dr Chloé')!.id, i: { endedOn: isoDay(-1), reason: 'Démission' } });
    const revoked = await post(tokenOf(ids['chloé@exemple.fr']), 'vote', { choice: 'for' });
    expect(revoked.status).toBe(409);
    expect((await json(revoked)).errors[0].message).toContain('Votre mandat dans cette instance a pris fin');
    expect((await get(d.id)).votedCount).toBe(0);
  });

  it('counts proxies within the statutes (one per holder at the CA) and conflicts of interest out of the quorum', async () => {
    const [lib, msp] = ca.colleges;
    for (const [name, college] of [
      ['Alice', lib.id],
      ['Bruno', lib.id],
      ['Chloé', msp.id],
      ['David', msp.id],
      ['Emma', msp.id],
    ] as const) {
      await staff.ok(ADD_MANDATE, {
        inst: ca.id,
        i: { professionalId: pros[name], office: 'MEMBER', collegeId: college, startsOn: '2025-06-12', obtained: 'ELECTED' },
      });
    }
    const d = await draft(ca.id, { title: 'Budget prévisionnel', amountCents: 4_500_000 });
    await staff.ok(OPEN, { id: d.id });
    const ids = await voterIds(d.id);
    const t = (name: string) => tokenOf(ids[`${name}@exemple.fr`]);
    const given = await post(t('bruno'), 'proxy', { holderId: ids['alice@exemple.fr'] });
    expect(given.status).toBe(200);
    const second = await post(t('chloé'), 'proxy', { holderId: ids['alice@exemple.fr'] });
    expect(second.status).toBe(409);
    expect((await json(second)).errors[0].message).toMatch(/pouvoir/);
    const passOn = await post(t('alice'), 'proxy', { holderId: ids['david@exemple.fr'] });
    expect(passOn.status).toBe(409);
    // Emma declares a conflict: out of the count.
    expect((await post(t('emma'), 'conflict', { note: 'Je suis salariée du prestataire.' })).status).toBe(200);
    expect((await post(t('emma'), 'vote', { choice: 'for' })).status).toBe(409);
    await post(t('alice'), 'vote', { choice: 'for' });
    await post(t('chloé'), 'comment', { body: 'Le poste formation me semble sous-estimé.' });
    const view = await json(await api(t('david')));
    expect(view.comments.map((c: { authorName: string; body: string }) => [c.authorName, c.body])).toEqual([
      ['Dr Chloé', 'Le poste formation me semble sous-estimé.'],
    ]);
    const state = await get(d.id);
    expect(state.status).toBe('OPEN');
    expect(state.tally).toMatchObject({ for: 2, eligible: 4, participating: 2, byProxy: 1, quorumNeeded: 2, quorumMet: true });
    expect(state.voters.find((v) => v.name === 'Dr Alice')!.holdsProxiesOf).toEqual(['Dr Bruno']);
    expect(state.voters.find((v) => v.name === 'Dr Emma')!.conflict).toBe(true);
    // Chloé and David vote: everyone counted has voted, it closes.
    await post(t('chloé'), 'vote', { choice: 'against' });
    await post(t('david'), 'vote', { choice: 'for' });
    const closed = await get(d.id);
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'ADOPTED' });
    expect(closed.tally).toMatchObject({ for: 3, against: 1, eligible: 4, participating: 4, byProxy: 1 });
    expect((await coord.ok<{ verifyDecisionAudit: { ok: boolean } }>(VERIFY, { id: d.id })).verifyDecisionAudit.ok).toBe(true);
  });

  it('lets the team re-open once a decision closed without quorum; the register lists both, paged, and exports CSV and XLSX', async () => {
    const d = await draft(bureau, { title: 'Local partagé' });
    await staff.ok(OPEN, { id: d.id });
    // The deadline passes with nobody voting: closed by the deadline's handler (the worker's job; here its effect through the owner).
    await h.data.inTenant(tenant.id, (db) =>
      db.query(`UPDATE governance_decisions SET deadline = now() - interval '1 minute' WHERE tenant_id = $1 AND id = $2`, [
        tenant.id,
        d.id,
      ]),
    );
    const late = await post(tokenOf((await voterIds(d.id))['alice@exemple.fr']), 'vote', { choice: 'for' });
    expect(late.status).toBe(409);
    expect((await json(late)).errors[0].message).toContain("L'échéance de ce vote est passée");
    // Reopening needs a closed decision without quorum.
    const early = await staff.request(`mutation($id: ID!, $d: DateTime!) { reopenDecision(id: $id, deadline: $d) { id } }`, {
      id: d.id,
      d: new Date(Date.now() + 2 * DAY).toISOString(),
    });
    expect(errorCode(early)).toBe('CONFLICT');
  });

  it('closes at the deadline without quorum, re-opens once, and numbers each in the register', async () => {
    const d = await draft(bureau, { title: 'Charte graphique' });
    await staff.ok(OPEN, { id: d.id });
    // The deadline passes with nobody voting: the close reminder's handler (as the worker runs it) closes it without quorum.
    await h.data.inTenant(tenant.id, (db) =>
      db.query(`UPDATE governance_decisions SET deadline = now() - interval '1 second' WHERE tenant_id = $1 AND id = $2`, [
        tenant.id,
        d.id,
      ]),
    );
    const app = h.gateway.app;
    const closer = new DecisionCloser(app.get(Db), app.get(MailEnv), app.get(RemindersService, { strict: false }));
    const emails = await app.get(Db).run({ tenantId: tenant.id, label: 'test-close' }, () => closer.close(d.id, 'deadline'));
    expect(emails!.length).toBeGreaterThan(0);
    expect(emails![0].email.subject).toMatch(/^Décision \d{4}-\d{3} sans quorum : Charte graphique$/);
    const closed = await get(d.id);
    expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'NO_QUORUM', closedBecause: 'deadline' });
    expect(closed.tally).toMatchObject({ participating: 0, eligible: 2, quorumNeeded: 1, quorumMet: false });
    // Closing twice does nothing (the job delivered twice, or the last vote racing the deadline).
    expect(await app.get(Db).run({ tenantId: tenant.id, label: 'test-close' }, () => closer.close(d.id, 'deadline'))).toBeNull();

    const REOPEN = `mutation($id: ID!, $d: DateTime!) { reopenDecision(id: $id, deadline: $d) { ${DECISION_FIELDS} } }`;
    const deadline = new Date(Date.now() + 2 * DAY).toISOString();
    expect(
      errorCode(
        await h
          .signedIn((await h.data.user([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }])).email)
          .then((c) => c.request(REOPEN, { id: d.id, d: deadline })),
      ),
    ).toBe('FORBIDDEN');
    const again = (await staff.ok<{ reopenDecision: Decision }>(REOPEN, { id: d.id, d: deadline })).reopenDecision;
    expect(again).toMatchObject({ status: 'OPEN', reopensId: d.id, voterCount: 2 }); // Chloé's mandate has ended since
    expect((await get(d.id)).reopenedById).toBe(again.id);
    expect(errorCode(await staff.request(REOPEN, { id: d.id, d: deadline }))).toBe('CONFLICT');
    const ids = await voterIds(again.id);
    await post(tokenOf(ids['alice@exemple.fr']), 'vote', { choice: 'for' });
    await post(tokenOf(ids['bruno@exemple.fr']), 'vote', { choice: 'for' });
    const adopted = await get(again.id);
    expect(adopted).toMatchObject({ status: 'CLOSED', outcome: 'ADOPTED' });
    const [year, first] = closed.registerNumber!.split('-').map(Number);
    expect(adopted.registerNumber).toBe(`${year}-${String(first + 1).padStart(3, '0')}`);
    // The chain of the first says it was put again.
    const audit = await coord.ok<{ decision: { audit: Array<{ event: string }> } }>(
      `query($id: ID!) { decision(id: $id) { audit { event } } }`,
      { id: d.id },
    );
    expect(audit.decision.audit.map((e) => e.event).slice(-2)).toEqual(['closed', 'reopened']);
    expect((await coord.ok<{ verifyDecisionAudit: { ok: boolean } }>(VERIFY, { id: d.id })).verifyDecisionAudit.ok).toBe(true);

    // The register, newest first, a page at a time; and its exports.
    const REGISTER = `query($after: String) { decisionRegister(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { registerNumber title outcome } } } }`;
    const page1 = (
      await coord.ok<{
        decisionRegister: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: Array<{ node: { registerNumber: string } }>;
        };
      }>(REGISTER)
    ).decisionRegister;
    expect(page1.edges.map((e) => e.node.registerNumber)).toEqual([adopted.registerNumber, closed.registerNumber]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (
      await coord.ok<{ decisionRegister: { edges: Array<{ node: { registerNumber: string } }> } }>(REGISTER, {
        after: page1.pageInfo.endCursor,
      })
    ).decisionRegister;
    expect(page2.edges.map((e) => e.node.registerNumber).every((n) => n < closed.registerNumber!)).toBe(true);
    const csv = await fetch(`${h.gateway.url}/api/governance/register.csv?annee=${year}`, {
      headers: { authorization: `Bearer ${coord.accessToken}` },
    });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text.split('\n')[0]).toContain('Numéro');
    expect(text).toContain(`${adopted.registerNumber}`);
    expect(text).toContain('sans quorum');
    const xlsx = await fetch(`${h.gateway.url}/api/governance/register.xlsx`, {
      headers: { authorization: `Bearer ${coord.accessToken}` },
    });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(
      (
        await fetch(`${h.gateway.url}/api/governance/register.csv?annee=20x6`, {
          headers: { authorization: `Bearer ${coord.accessToken}` },
        })
      ).status,
    ).toBe(400);
  });

  it('convenes the AG with its notice, counts its quorum with proxies, records a vote in session per college, approves the minutes later', async () => {
    const ag = (
      await staff.ok<{ createGovernanceInstance: { id: string; statutes: { noticeDays: number; perCollege: boolean } } }>(CREATE_INSTANCE, {
        i: { kind: 'AG' },
      })
    ).createGovernanceInstance;
    expect(ag.statutes).toMatchObject({ noticeDays: 15, perCollege: true });
    // The year's members: four active (two liberal, one MSP, one user), one lapsed.
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));
    for (const [name, college, status] of [
      ['Alice', 'liberal', 'active'],
      ['Bruno', 'liberal', 'active'],
      ['Chloé', 'msp', 'active'],
      ['David', 'user', 'active'],
      ['Emma', 'msp', 'lapsed'],
    ]) {
      await h.data.inTenant(tenant.id, (db) =>
        db.query(
          `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, gen_random_uuid(), $2, $3, $4, 0, $5)`,
          [tenant.id, pros[name], year, status, college],
        ),
      );
    }
    const SCHEDULE = `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { id invitees { id name } } }`;
    const at = (days: number) => new Date(Date.now() + days * DAY);
    const input = (days: number) => ({
      ownerKind: 'governance_instance',
      ownerId: ag.id,
      title: 'Assemblée générale ordinaire',
      startsAt: at(days).toISOString(),
      endsAt: new Date(at(days).getTime() + 2 * 3_600_000).toISOString(),
      place: 'Salle des fêtes',
      agenda: [{ title: 'Rapport moral' }, { title: 'Budget' }],
    });
    const tooSoon = await staff.request(SCHEDULE, { i: input(10) });
    expect(errorCode(tooSoon)).toBe('BAD_USER_INPUT');
    expect(tooSoon.errors![0].message).toContain('15 jours de délai de convocation');
    const meeting = (
      await staff.ok<{ scheduleMeeting: { id: string; invitees: Array<{ id: string; name: string }> } }>(SCHEDULE, { i: input(20) })
    ).scheduleMeeting;
    // The meetings module names invitees "Last First".
    expect(meeting.invitees.map((i) => i.name).sort()).toEqual(['Alice Dr', 'Bruno Dr', 'Chloé Dr', 'David Dr']);
    const inv = Object.fromEntries(meeting.invitees.map((i) => [i.name.split(' ')[0], i.id]));
    // The day of the AG (moved into the past through the owner: attendance is taken once it has started).
    await h.data.inTenant(tenant.id, (db) =>
      db.query(
        `UPDATE meetings SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE tenant_id = $1 AND id = $2`,
        [tenant.id, meeting.id],
      ),
    );
    await staff.ok(`mutation($m: ID!, $e: [AttendanceInput!]!) { recordMeetingAttendance(meetingId: $m, entries: $e) { id } }`, {
      m: meeting.id,
      e: [
        { inviteeId: inv.Alice, attendance: 'PRESENT' },
        { inviteeId: inv.Bruno, attendance: 'ABSENT' },
        { inviteeId: inv.Chloé, attendance: 'VIDEO' },
        { inviteeId: inv.David, attendance: 'EXCUSED' },
      ],
    });
    const QUORUM = `query($m: ID!) { meetingQuorum(meetingId: $m) { electorate present represented needed met proxies { giverName holderName } } }`;
    expect((await staff.ok<{ meetingQuorum: unknown }>(QUORUM, { m: meeting.id })).meetingQuorum).toMatchObject({
      electorate: 4,
      present: 2,
      represented: 0,
      needed: 1,
      met: true,
    });
    const PROXY = `mutation($m: ID!, $g: ID!, $h: ID!) { recordMeetingProxy(meetingId: $m, giverId: $g, holderId: $h) { present represented met proxies { giverName holderName } } }`;
    const given = (await staff.ok<{ recordMeetingProxy: { represented: number } }>(PROXY, { m: meeting.id, g: inv.Bruno, h: inv.Alice }))
      .recordMeetingProxy;
    expect(given.represented).toBe(1);
    await staff.ok(PROXY, { m: meeting.id, g: inv.David, h: inv.Alice });
    const third = await staff.request(PROXY, { m: meeting.id, g: inv.Chloé, h: inv.Alice });
    expect(errorCode(third)).toBe('CONFLICT');
    expect(third.errors![0].message).toContain('2 pouvoirs');
    // A vote in session, per college: the statutes ask for it.
    const SESSION = `mutation($i: SessionVoteInput!) { recordSessionVote(input: $i) { id status outcome registerNumber colleges { college outcome tally { for against } } tally { participating byProxy quorumMet eligible } } }`;
    const whole = await staff.request(SESSION, {
      i: {
        meetingId: meeting.id,
        agendaPosition: 1,
        title: 'Budget 2027',
        question: 'Approuvez-vous le budget ?',
        counts: [{ for: 3, against: 1, abstain: 0 }],
      },
    });
    expect(errorCode(whole)).toBe('BAD_USER_INPUT');
    const tooMany = await staff.request(SESSION, {
      i: {
        meetingId: meeting.id,
        title: 'Budget 2027',
        question: 'Approuvez-vous le budget ?',
        counts: [{ college: 'Professionnels libéraux', for: 5, against: 0, abstain: 0 }],
      },
    });
    expect(tooMany.errors![0].message).toContain('Plus de voix (5) que de personnes présentes ou représentées (4)');
    const voted = (
      await staff.ok<{
        recordSessionVote: {
          status: string;
          outcome: string;
          registerNumber: string;
          colleges: Array<{ college: string; outcome: string }>;
          tally: { participating: number; byProxy: number; quorumMet: boolean; eligible: number };
        };
      }>(SESSION, {
        i: {
          meetingId: meeting.id,
          agendaPosition: 1,
          title: 'Budget 2027',
          question: 'Approuvez-vous le budget ?',
          counts: [
            { college: 'Professionnels libéraux', for: 2, against: 0, abstain: 0 },
            { college: 'Équipes de soins primaires et maisons de santé', for: 0, against: 1, abstain: 0 },
            { college: 'Usagers', for: 1, against: 0, abstain: 0 },
          ],
        },
      })
    ).recordSessionVote;
    expect(voted).toMatchObject({
      status: 'CLOSED',
      outcome: 'ADOPTED',
      tally: { participating: 4, byProxy: 2, quorumMet: true, eligible: 4 },
    });
    expect(voted.colleges).toEqual(
      [
        { college: 'Professionnels libéraux', outcome: 'ADOPTED', tally: { for: 2, against: 0 } },
        { college: 'Usagers', outcome: 'ADOPTED', tally: { for: 1, against: 0 } },
        { college: 'Équipes de soins primaires et maisons de santé', outcome: 'REJECTED', tally: { for: 0, against: 1 } },
      ].sort((a, b) => (a.college < b.college ? -1 : 1)),
    );
    expect(voted.registerNumber).toMatch(/^\d{4}-\d{3}$/);
    const sessions = await staff.ok<{ meeting: { sessionDecisions: Array<{ title: string }> } }>(
      `query($id: ID!) { meeting(id: $id) { sessionDecisions { title } } }`,
      { id: meeting.id },
    );
    expect(sessionDecisionsTitles(sessions.meeting.sessionDecisions)).toEqual(['Budget 2027']);

    // Published to the members: a member reads it, and nothing else of the governance.
    const member = await h.signedIn((await h.data.user([{ role: Role.MEMBER, tenantId: tenant.id }])).email);
    const MEMBER_VIEW = `{ decisions { title } }`;
    expect((await member.ok<{ decisions: unknown[] }>(MEMBER_VIEW)).decisions).toEqual([]);
    await staff.ok(`mutation($id: ID!) { publishDecision(id: $id) { publishedAt } }`, { id: (await sessionsOf(meeting.id))[0] });
    expect((await member.ok<{ decisions: Array<{ title: string }> }>(MEMBER_VIEW)).decisions).toEqual([{ title: 'Budget 2027' }]);
    expect(errorCode(await member.request(`{ governanceInstances { id } }`))).toBe('FORBIDDEN');

    // The minutes of this AG approved at the next one.
    await staff.ok(`mutation($m: ID!, $i: MeetingMinutesInput!) { saveMeetingMinutes(meetingId: $m, input: $i) { id } }`, {
      m: meeting.id,
      i: { html: '<p>Budget adopté.</p>' },
    });
    const next = (await staff.ok<{ scheduleMeeting: { id: string } }>(SCHEDULE, { i: { ...input(40), title: 'AG extraordinaire' } }))
      .scheduleMeeting;
    const APPROVE = `mutation($m: ID!, $at: ID!) { approveMeetingMinutes(meetingId: $m, atMeetingId: $at) }`;
    expect(errorCode(await staff.request(APPROVE, { m: meeting.id, at: next.id }))).toBe('CONFLICT'); // not yet sent
    await staff.ok(`mutation($m: ID!) { publishMeetingMinutes(meetingId: $m) { id } }`, { m: meeting.id });
    expect(errorCode(await staff.request(APPROVE, { m: next.id, at: meeting.id }))).toBe('BAD_USER_INPUT'); // at an earlier meeting
    expect((await staff.ok<{ approveMeetingMinutes: boolean }>(APPROVE, { m: meeting.id, at: next.id })).approveMeetingMinutes).toBe(true);
    expect(errorCode(await staff.request(APPROVE, { m: meeting.id, at: next.id }))).toBe('CONFLICT');
  });

  it('lets a mission officer who follows the CPTS read its register, read-only', async () => {
    const officer = await h.data.user([{ role: Role.MISSION_OFFICER, regionId }]);
    await h.data.follow(officer.id, [tenant.id]);
    const client = await h.signedIn(officer.email);
    const { cpts } = await client.ok<{
      cpts: { decisionRegister: { totalCount: number; edges: Array<{ node: { registerNumber: string; outcome: string } }> } };
    }>(`query($id: ID!) { cpts(id: $id) { decisionRegister(first: 10) { totalCount edges { node { registerNumber outcome } } } } }`, {
      id: tenant.id,
    });
    expect(cpts.decisionRegister.totalCount).toBeGreaterThanOrEqual(3);
    expect(cpts.decisionRegister.edges[0].node.registerNumber).toMatch(/^\d{4}-\d{3}$/);
    expect(errorCode(await client.request(`{ decisions { id } }`))).toBe('FORBIDDEN');
  });

  it('keeps the audit chain append-only: the runtime role cannot change it, and a change through the owner is reported', async () => {
    const [{ id }] = (
      await h.data.inTenant(tenant.id, (db) =>
        db.query(`SELECT id FROM governance_decisions WHERE tenant_id = $1 AND status = 'closed' AND title = 'Budget prévisionnel'`, [
          tenant.id,
        ]),
      )
    ).rows;
    const runtime = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await runtime.connect();
    try {
      await runtime.query('BEGIN');
      await runtime.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      await expect(
        runtime.query(`UPDATE governance_audit SET data = '{}' WHERE tenant_id = $1 AND decision_id = $2`, [tenant.id, id]),
      ).rejects.toThrow(/permission denied/);
      await runtime.query('ROLLBACK');
      await runtime.query('BEGIN');
      await runtime.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant.id]);
      await expect(
        runtime.query(`DELETE FROM governance_audit WHERE tenant_id = $1 AND decision_id = $2`, [tenant.id, id]),
      ).rejects.toThrow(/permission denied/);
      await runtime.query('ROLLBACK');
    } finally {
      await runtime.end();
    }
    // The owner can: a vote rewritten in the chain breaks it at that entry.
    await h.data.inTenant(tenant.id, (db) =>
      db.query(
        `UPDATE governance_audit SET data = jsonb_set(data, '{choice}', '"against"') WHERE tenant_id = $1 AND decision_id = $2 AND event = 'vote' AND data->>'choice' = 'for' AND seq = (SELECT min(seq) FROM governance_audit WHERE tenant_id = $1 AND decision_id = $2 AND event = 'vote')`,
        [tenant.id, id],
      ),
    );
    const broken = (
      await coord.ok<{ verifyDecisionAudit: { ok: boolean; brokenAt: number | null; problem: string | null } }>(VERIFY, { id })
    ).verifyDecisionAudit;
    expect(broken.ok).toBe(false);
    expect(broken.brokenAt).toBeGreaterThan(1);
    expect(broken.problem).toContain('a été modifié après coup');
  });

  it('routes spending by the delegation thresholds: staff alone under the first (the treasurer checks), the bureau above', async () => {
    const record = (amountCents: number) =>
      staff.ok<{ recordSpending: { route: string; check: string | null; decisionId: string | null; decisionStatus: string | null } }>(
        `mutation($i: SpendingRequestInput!) { recordSpending(input: $i) { route check decisionId decisionStatus } }`,
        { i: { amountCents, purpose: 'Location de salle', mission: 'PREVENTION' } },
      );
    const small = (await record(150_000)).recordSpending;
    expect(small).toEqual({ route: 'STAFF', check: 'PENDING', decisionId: null, decisionStatus: null });
    const big = (await record(500_000)).recordSpending;
    expect(big).toMatchObject({ route: 'BUREAU', check: null, decisionStatus: 'OPEN' });
    expect((await get(big.decisionId!)).voterCount).toBeGreaterThan(0);
    // The check: by the coordinator (or the bureau's treasurer), not by the staff.
    const [{ id }] = (
      await staff.ok<{ spendingRequests: Array<{ id: string; check: string | null }> }>(`{ spendingRequests { id check } }`)
    ).spendingRequests.filter((s) => s.check === 'PENDING');
    expect(errorCode(await staff.request(`mutation($id: ID!) { checkSpending(id: $id, check: CHECKED) { id } }`, { id }))).toBe(
      'FORBIDDEN',
    );
    const queried = await coord.request(`mutation($id: ID!) { checkSpending(id: $id, check: QUERIED) { id } }`, { id });
    expect(errorCode(queried)).toBe('BAD_USER_INPUT');
    const checked = await coord.ok<{ checkSpending: { check: string } }>(
      `mutation($id: ID!) { checkSpending(id: $id, check: CHECKED) { check } }`,
      { id },
    );
    expect(checked.checkSpending.check).toBe('CHECKED');
  });
});

const sessionDecisionsTitles = (rows: Array<{ title: string }>) => rows.map((r) => r.title);

export type { GraphQLResult };
