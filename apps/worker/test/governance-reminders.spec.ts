import { randomUUID } from 'node:crypto';
import { DecisionLinks } from '@cpts/governance';
import { Role } from '@cpts/platform-core';
import { LinkSigner } from '@cpts/platform-mail';
import { createRedis, QueueProducer, QUEUES, REMINDER_JOB_OPTIONS } from '@cpts/platform-queue';
import { AppProcess, freePort, GraphQLClient, ReceivedMail, SmtpSink, TEST_PASSWORD, TestData } from '@cpts/testing';
import { waitUntil, WorkerProcess, workerEnv } from './harness';

const DECISION_FIELDS = `id status outcome closedBecause registerNumber deadline tally { for against abstain eligible participating byProxy quorumNeeded quorumMet }`;
const CREATE_DECISION = `mutation($i: DecisionInput!) { createDecision(input: $i) { id } }`;
const OPEN = `mutation($id: ID!) { openDecision(id: $id) { id status voterCount } }`;
const DECISION = `query($id: ID!) { decision(id: $id) { ${DECISION_FIELDS} audit { event data } } }`;
const VERIFY = `query($id: ID!) { verifyDecisionAudit(id: $id) { ok entries brokenAt problem } }`;
const ADD_MANDATE = `mutation($inst: ID!, $i: MandateInput!) { addMandate(instanceId: $inst, input: $i) { id } }`;

type Decision = {
  id: string;
  status: string;
  outcome: string | null;
  closedBecause: string | null;
  registerNumber: string | null;
  deadline: string;
  tally: Record<string, number | boolean> | null;
  audit: Array<{ event: string; data: string }>;
};

/** Today in Paris (YYYY-MM-DD), shifted by `days`: mandates begin and end on Paris calendar days. */
const parisDay = (days = 0) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
};

/** A failure with the end of what the worker printed (it may have stopped, or logged why it did nothing). */
const withOutput = (err: unknown, worker: WorkerProcess) =>
  Object.assign(err as Error, { message: `${(err as Error).message}\n--- worker output (end) ---\n${worker.output.slice(-3000)}` });

/** Each recipient's number of messages among `messages`. */
const perRecipient = (messages: ReceivedMail[]) => {
  const counts: Record<string, number> = {};
  for (const m of messages) for (const to of m.to) counts[to] = (counts[to] ?? 0) + 1;
  return counts;
};

/**
 * Governance's reminders through the real worker, gateway, Redis and SMTP:
 * a decision's deadline closes it (the delayed job, or the reconciler when
 * Redis lost the job) and its outcome reaches every voter and the team once;
 * the vote reminder goes only to those who have not expressed a vote, each
 * with their own link, and never once the decision is closed; a mandate's
 * end is announced to the coordinators, unless it ended early. Decisions are
 * created, opened and voted on through a gateway process (so their audit
 * chain is the real one and verifies); only the time is moved in the
 * database (a deadline, a reminder's time), as the owner.
 */
describe('governance reminders: the deadline closes, the reminders go to the right people', () => {
  const data = new TestData();
  const redis = createRedis(process.env.REDIS_URL as string, 'client');
  const producer = new QueueProducer(redis, process.env.REDIS_PREFIX as string);
  const links = new DecisionLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string);
  let sink: SmtpSink;
  let env: Record<string, string>;
  let gateway: AppProcess;
  let url: string;
  let tenant: { id: string; communes: string[]; slug: string };
  let coord: GraphQLClient;
  let staff: GraphQLClient;
  let bureau: string;
  const pros: Record<string, string> = {};
  const VOTERS = ['alice', 'bruno', 'chloe', 'david', 'emma'];
  const email = (name: string) => `${name}@decisions.exemple.fr`;
  const TEAM = {
    coordinator: 'coordination@cpts-decisions.fr',
    coordinator2: 'direction@cpts-decisions.fr',
    staff: 'equipe@cpts-decisions.fr',
    board: 'membre-du-bureau@cpts-decisions.fr',
  };

  const signedIn = async (address: string, ip: string) => {
    const client = new GraphQLClient(url, { 'x-forwarded-for': ip });
    const result = await client.login(address, TEST_PASSWORD);
    if (result.errors) throw new Error(`login failed for ${address}: ${JSON.stringify(result.errors)}`);
    return client;
  };
  const post = async (voterId: string, action: string, body: unknown, token = links.token({ tenantId: tenant.id, voterId })) => {
    const res = await fetch(`${url}/api/public/decisions/${token}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    expect(res.status).toBe(200);
  };
  const get = async (id: string) => (await coord.ok<{ decision: Decision }>(DECISION, { id })).decision;
  const verify = async (id: string) => (await coord.ok<{ verifyDecisionAudit: unknown }>(VERIFY, { id })).verifyDecisionAudit;
  /** Drafted and opened through the API; answers its voters' ids by name. */
  const openDecision = async (title: string, deadline: Date) => {
    const { createDecision } = await staff.ok<{ createDecision: { id: string } }>(CREATE_DECISION, {
      i: { instanceId: bureau, title, question: `${title} ?`, context: 'Le dossier est joint.', deadline: deadline.toISOString() },
    });
    const { openDecision: opened } = await staff.ok<{ openDecision: { voterCount: number } }>(OPEN, { id: createDecision.id });
    expect(opened.voterCount).toBe(VOTERS.length);
    const { rows } = await data.inTenant(tenant.id, (db) =>
      db.query(`SELECT id, email FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2`, [tenant.id, createDecision.id]),
    );
    const voters = Object.fromEntries(rows.map((r: { id: string; email: string }) => [r.email.split('@')[0], r.id])) as Record<
      string,
      string
    >;
    return { id: createDecision.id, voters };
  };
  const reminders = async (kind: string, ref: string) =>
    (
      await data.inTenant(tenant.id, (db) =>
        db.query(
          `SELECT id, state, outcome, fire_at AS "fireAt", fired_at AS "firedAt" FROM reminders WHERE tenant_id = $1 AND kind = $2 AND ref = $3 ORDER BY fire_at`,
          [tenant.id, kind, ref],
        ),
      )
    ).rows as Array<{ id: string; state: string; outcome: string | null; fireAt: Date; firedAt: Date | null }>;
  const reminder = async (id: string) =>
    (
      await data.inTenant(tenant.id, (db) =>
        db.query(`SELECT state, outcome, fired_at AS "firedAt" FROM reminders WHERE tenant_id = $1 AND id = $2`, [tenant.id, id]),
      )
    ).rows[0] as { state: string; outcome: string | null; firedAt: Date | null };
  /** A reminder written and queued straight (what a scheduling does), firing now. */
  const remindNow = async (kind: string, ref: string) => {
    const id = randomUUID();
    await data.inTenant(tenant.id, (db) =>
      db.query(`INSERT INTO reminders (tenant_id, id, kind, ref, fire_at) VALUES ($1, $2, $3, $4, now())`, [tenant.id, id, kind, ref]),
    );
    await producer
      .queue(QUEUES.reminder)
      .add(QUEUES.reminder, { tenantId: tenant.id, reminderId: id }, { ...REMINDER_JOB_OPTIONS, jobId: id });
    return id;
  };
  /** Moves a decision's deadline and its close reminder to `at` (the time has come, without waiting days). */
  const moveDeadline = async (decisionId: string, at: Date) =>
    data.inTenant(tenant.id, async (db) => {
      await db.query(`UPDATE governance_decisions SET deadline = $3 WHERE tenant_id = $1 AND id = $2`, [tenant.id, decisionId, at]);
      await db.query(
        `UPDATE reminders SET fire_at = $3 WHERE tenant_id = $1 AND kind = 'governance.decision_close' AND ref = $2 AND state = 'scheduled'`,
        [tenant.id, decisionId, at],
      );
    });
  const jobOf = (reminderId: string) => producer.queue(QUEUES.reminder).getJob(reminderId);
  /** The outcome emails of a decision, once all expected have arrived and a second more has passed (a duplicate would show). */
  const outcomeMails = async (title: string, expected: string[]) => {
    const mails = () => sink.messages.filter((m) => m.subject.startsWith('Décision ') && m.subject.endsWith(` : ${title}`));
    await sink.waitFor(() => expected.every((to) => mails().some((m) => m.to.includes(to))), 30_000);
    await new Promise((r) => setTimeout(r, 1000));
    return mails();
  };
  const everyoneToTell = () => [...VOTERS.map(email), TEAM.coordinator, TEAM.coordinator2, TEAM.staff].sort();

  beforeAll(async () => {
    sink = new SmtpSink();
    env = workerEnv(await sink.start());
    tenant = await data.cpts(await data.region(), { name: 'CPTS des Décisions', communes: 1 });
    await data.user([{ role: Role.COORDINATOR, tenantId: tenant.id }], TEAM.coordinator);
    await data.user([{ role: Role.COORDINATOR, tenantId: tenant.id }], TEAM.coordinator2);
    await data.user([{ role: Role.STAFF, tenantId: tenant.id }], TEAM.staff);
    await data.user([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }], TEAM.board);
    for (const name of [...VOTERS, 'gabriel', 'hugo']) {
      pros[name] = await data.professional(tenant.id, tenant.communes[0], {
        lastName: name[0].toUpperCase() + name.slice(1),
        firstName: 'Dr',
        email: email(name),
      });
    }
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    gateway = new AppProcess('gateway', { GATEWAY_PORT: String(port), TRUST_PROXY: 'true', SMTP_URL: env.SMTP_URL });
    gateway.start();
    const ready = async () => (await fetch(`${url}/health/ready`).catch(() => null))?.ok ?? false;
    await waitUntil(async () => gateway.output.includes('failed to start') || (await ready()), 30_000, 'the gateway');
    if (!(await ready())) throw new Error(`gateway did not start:\n${gateway.output}`);
    coord = await signedIn(TEAM.coordinator, '198.51.100.71');
    staff = await signedIn(TEAM.staff, '198.51.100.72');
    bureau = (
      await staff.ok<{ createGovernanceInstance: { id: string } }>(
        `mutation($i: InstanceInput!) { createGovernanceInstance(input: $i) { id } }`,
        { i: { kind: 'BUREAU' } },
      )
    ).createGovernanceInstance.id;
    // Five seats, one proxy per holder (the bureau's default is none): the reminder must skip whoever gave theirs.
    await coord.ok(`mutation($id: ID!, $i: UpdateInstanceInput!) { updateGovernanceInstance(id: $id, input: $i) { id } }`, {
      id: bureau,
      i: {
        name: 'Bureau',
        seats: 5,
        statutes: {
          quorumShare: 0.5,
          majority: 'SIMPLE',
          abstentionsCountAsCast: false,
          proxiesPerHolder: 1,
          noticeDays: 0,
          perCollege: false,
        },
      },
    });
    const offices = ['PRESIDENT', 'TREASURER', 'SECRETARY', 'MEMBER', 'MEMBER'];
    for (const [i, name] of VOTERS.entries()) {
      await staff.ok(ADD_MANDATE, {
        inst: bureau,
        i: { professionalId: pros[name], office: offices[i], startsOn: '2025-01-01', obtained: 'ELECTED' },
      });
    }
  }, 60_000);
  afterAll(async () => {
    await gateway?.kill('SIGTERM');
    await producer.close();
    redis.disconnect();
    await data.close();
    await sink.stop();
  });

  it('closes a decision at its deadline by its delayed job: the outcome, a register number, and the outcome to every voter and the team, once each', async () => {
    const title = 'Achat d’un défibrillateur';
    const d = await openDecision(title, new Date(Date.now() + 15 * 60_000));
    await post(d.voters.alice, 'vote', { choice: 'for' });
    await post(d.voters.bruno, 'vote', { choice: 'for' });
    await post(d.voters.chloe, 'vote', { choice: 'against' });
    // The close was queued by the gateway as a delayed job (the deadline is within the reminders' horizon).
    const [close] = await reminders('governance.decision_close', d.id);
    await waitUntil(async () => (await jobOf(close.id)) !== undefined, 10_000, 'the close job queued by the gateway');
    // Three seconds from now instead of a quarter of an hour: the job is queued again for that time, as opening then would have.
    const deadline = new Date(Date.now() + 3000);
    await moveDeadline(d.id, deadline);
    await producer.queue(QUEUES.reminder).remove(close.id);
    await producer
      .queue(QUEUES.reminder)
      .add(QUEUES.reminder, { tenantId: tenant.id, reminderId: close.id }, { ...REMINDER_JOB_OPTIONS, jobId: close.id, delay: 3000 });
    // The reconciler passes once at the start only: the delayed job does the work.
    const worker = new WorkerProcess({ ...env, RECONCILE_INTERVAL_MS: '3600000' });
    worker.start();
    try {
      expect((await get(d.id)).status).toBe('OPEN');
      await waitUntil(async () => (await reminder(close.id)).state !== 'scheduled', 30_000, 'the close job fired');
      const fired = await reminder(close.id);
      expect(fired).toMatchObject({ state: 'sent', outcome: '8 e-mail(s)' });
      expect(fired.firedAt!.getTime()).toBeGreaterThanOrEqual(deadline.getTime());
      const closed = await get(d.id);
      expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'ADOPTED', closedBecause: 'deadline' });
      expect(closed.registerNumber).toMatch(/^\d{4}-\d{3}$/);
      expect(closed.tally).toMatchObject({
        for: 2,
        against: 1,
        abstain: 0,
        eligible: 5,
        participating: 3,
        quorumNeeded: 3,
        quorumMet: true,
      });

      const mails = await outcomeMails(title, everyoneToTell());
      expect(perRecipient(mails)).toEqual(Object.fromEntries(everyoneToTell().map((to) => [to, 1])));
      expect(mails[0].subject).toBe(`Décision ${closed.registerNumber} adoptée : ${title}`);
      expect(mails[0].text).toContain('Pour : 2, contre : 1, abstentions : 0 ; 3 votant·e·s sur 5');
      expect(sink.to(TEAM.board).filter((m) => m.subject.endsWith(title))).toHaveLength(0);

      expect(closed.audit.map((e) => e.event)).toEqual(['opened', 'vote', 'vote', 'vote', 'closed']);
      expect(JSON.parse(closed.audit[4].data)).toMatchObject({
        because: 'deadline',
        outcome: 'adopted',
        registerNumber: closed.registerNumber,
      });
      expect(await verify(d.id)).toEqual({ ok: true, entries: 5, brokenAt: null, problem: null });
    } catch (err) {
      throw withOutput(err, worker);
    } finally {
      await worker.kill('SIGTERM');
    }
  }, 60_000);

  it('closes a decision whose job Redis lost: the reconciler queues it again, and the deadline is kept', async () => {
    const title = 'Charte de la communication';
    const d = await openDecision(title, new Date(Date.now() + 15 * 60_000));
    const [close] = await reminders('governance.decision_close', d.id);
    await waitUntil(async () => (await jobOf(close.id)) !== undefined, 10_000, 'the close job queued by the gateway');
    // Redis lost the job, and the deadline passed meanwhile: nobody voted.
    await producer.queue(QUEUES.reminder).remove(close.id);
    expect(await jobOf(close.id)).toBeUndefined();
    await moveDeadline(d.id, new Date(Date.now() - 60_000));
    expect((await get(d.id)).status).toBe('OPEN');
    const worker = new WorkerProcess({ ...env, RECONCILE_INTERVAL_MS: '1000' });
    worker.start();
    try {
      await waitUntil(
        async () => (await reminder(close.id)).state !== 'scheduled',
        30_000,
        'the lost close job, queued again by the reconciler',
      );
      expect(await reminder(close.id)).toMatchObject({ state: 'sent', outcome: '8 e-mail(s)' });
      const closed = await get(d.id);
      expect(closed).toMatchObject({ status: 'CLOSED', outcome: 'NO_QUORUM', closedBecause: 'deadline' });
      expect(closed.tally).toMatchObject({ participating: 0, eligible: 5, quorumNeeded: 3, quorumMet: false });
      const mails = await outcomeMails(title, everyoneToTell());
      expect(perRecipient(mails)).toEqual(Object.fromEntries(everyoneToTell().map((to) => [to, 1])));
      expect(mails[0].subject).toBe(`Décision ${closed.registerNumber} sans quorum : ${title}`);
      expect(await verify(d.id)).toEqual({ ok: true, entries: 2, brokenAt: null, problem: null });
    } catch (err) {
      throw withOutput(err, worker);
    } finally {
      await worker.kill('SIGTERM');
    }
  }, 60_000);

  it('reminds only the voters who have not expressed a vote, each with their own link, logs it in the chain, and reminds no one once closed', async () => {
    const title = 'Recrutement d’une coordinatrice';
    const d = await openDecision(title, new Date(Date.now() + 3 * 86_400_000));
    // Alice votes, Bruno gives her his proxy, Chloé declares a conflict: David and Emma have expressed nothing.
    await post(d.voters.alice, 'vote', { choice: 'for' });
    await post(d.voters.bruno, 'proxy', { holderId: d.voters.alice });
    await post(d.voters.chloe, 'conflict', { note: 'Je connais la candidate.' });
    // Opening scheduled the 48 h and the 4 h reminders: the first is due now.
    const [first, second] = await reminders('governance.vote_reminder', d.id);
    expect(second.fireAt.getTime() - first.fireAt.getTime()).toBe(44 * 3_600_000);
    await data.inTenant(tenant.id, (db) =>
      db.query(`UPDATE reminders SET fire_at = now() WHERE tenant_id = $1 AND id = $2`, [tenant.id, first.id]),
    );
    const isReminder = (m: ReceivedMail) => m.subject.startsWith('Rappel, vote avant ') && m.subject.endsWith(` : ${title}`);
    const worker = new WorkerProcess({ ...env, RECONCILE_INTERVAL_MS: '1000' });
    worker.start();
    try {
      await waitUntil(async () => (await reminder(first.id)).state !== 'scheduled', 30_000, 'the 48 h reminder fired');
      expect(await reminder(first.id)).toMatchObject({ state: 'sent', outcome: '2 e-mail(s)' });
      await sink.waitFor((all) => all.filter(isReminder).length >= 2, 30_000);
      await new Promise((r) => setTimeout(r, 1000));
      expect(perRecipient(sink.messages.filter(isReminder))).toEqual({ [email('david')]: 1, [email('emma')]: 1 });
      // Each carries their own link: every tap (pour, contre, abstention, the file) names that voter.
      const tokens: Record<string, string> = {};
      for (const name of ['david', 'emma']) {
        const [mail] = sink.to(email(name)).filter(isReminder);
        expect(mail.text).toContain(`Vous n'avez pas encore voté sur « ${title} »`);
        expect(mail.raw).not.toContain('__CPTS_SECRET__');
        const found = [...mail.text.matchAll(new RegExp(`/cpts/${tenant.slug}/decisions/([A-Za-z0-9_-]+)`, 'g'))].map((m) => m[1]);
        expect(found.length).toBeGreaterThanOrEqual(4);
        expect(new Set(found).size).toBe(1);
        expect(links.read(found[0])).toEqual({ tenantId: tenant.id, voterId: d.voters[name] });
        tokens[name] = found[0];
      }
      let state = await get(d.id);
      expect(state.audit.map((e) => e.event)).toEqual(['opened', 'vote', 'proxy_given', 'conflict', 'reminder']);
      expect(JSON.parse(state.audit[4].data)).toEqual({ recipients: 2 });

      // They vote from the reminder's links: everyone counted has voted, it closes; the 4 h reminder is cancelled.
      await post(d.voters.david, 'vote', { choice: 'against' }, tokens.david);
      await post(d.voters.emma, 'vote', { choice: 'for' }, tokens.emma);
      state = await get(d.id);
      expect(state).toMatchObject({ status: 'CLOSED', outcome: 'ADOPTED', closedBecause: 'all_voted' });
      expect(state.tally).toMatchObject({ for: 3, against: 1, eligible: 4, participating: 4, byProxy: 1 });
      expect(await reminder(second.id)).toMatchObject({ state: 'cancelled' });
      // A reminder that fires anyway (queued as it closed) finds it closed: no email, no entry.
      const late = await remindNow('governance.vote_reminder', d.id);
      await waitUntil(async () => (await reminder(late)).state !== 'scheduled', 30_000, 'the late reminder fired');
      expect(await reminder(late)).toMatchObject({ state: 'skipped', outcome: 'décision close' });
      await outcomeMails(title, everyoneToTell());
      expect(sink.messages.filter(isReminder)).toHaveLength(2);
      state = await get(d.id);
      expect(state.audit.map((e) => e.event)).toEqual(['opened', 'vote', 'proxy_given', 'conflict', 'reminder', 'vote', 'vote', 'closed']);
      expect(await verify(d.id)).toEqual({ ok: true, entries: 8, brokenAt: null, problem: null });
    } catch (err) {
      throw withOutput(err, worker);
    } finally {
      await worker.kill('SIGTERM');
    }
  }, 60_000);

  it('tells the coordinators a mandate is ending, and nothing for a mandate that ended early', async () => {
    const commission = (
      await staff.ok<{ createGovernanceInstance: { id: string } }>(
        `mutation($i: InstanceInput!) { createGovernanceInstance(input: $i) { id } }`,
        { i: { kind: 'COMMISSION', name: 'Commission parcours' } },
      )
    ).createGovernanceInstance.id;
    const mandate = async (name: string) =>
      (
        await staff.ok<{ addMandate: { id: string } }>(ADD_MANDATE, {
          inst: commission,
          i: { professionalId: pros[name], office: 'MEMBER', startsOn: '2025-01-01', endsOn: parisDay(31), obtained: 'ELECTED' },
        })
      ).addMandate.id;
    const ending = await mandate('gabriel');
    const endedEarly = await mandate('hugo');
    // 31 days left: the 30-day reminder is scheduled for tomorrow at 8:00; it is due now.
    const [toFire] = await reminders('governance.mandate_end', ending);
    expect(toFire.state).toBe('scheduled');
    await data.inTenant(tenant.id, (db) =>
      db.query(`UPDATE reminders SET fire_at = now() WHERE tenant_id = $1 AND id = $2`, [tenant.id, toFire.id]),
    );
    // Hugo resigned today: his reminder is cancelled, and one firing anyway finds the mandate ended.
    await staff.ok(`mutation($id: ID!, $i: EndMandateInput!) { endMandate(id: $id, input: $i) { id } }`, {
      id: endedEarly,
      i: { endedOn: parisDay(0), reason: 'Démission' },
    });
    expect((await reminders('governance.mandate_end', endedEarly)).map((r) => r.state)).toEqual(['cancelled']);
    const anyway = await remindNow('governance.mandate_end', endedEarly);
    const isEnd = (m: ReceivedMail) => m.subject.startsWith('Fin de mandat');
    const worker = new WorkerProcess({ ...env, RECONCILE_INTERVAL_MS: '1000' });
    worker.start();
    try {
      await waitUntil(
        async () => (await reminder(toFire.id)).state !== 'scheduled' && (await reminder(anyway)).state !== 'scheduled',
        30_000,
        'both mandate reminders fired',
      );
      expect(await reminder(toFire.id)).toMatchObject({ state: 'sent', outcome: '2 e-mail(s)' });
      expect(await reminder(anyway)).toMatchObject({ state: 'skipped', outcome: 'mandat terminé ou sans fin' });
      await sink.waitFor((all) => all.filter(isEnd).length >= 2, 30_000);
      await new Promise((r) => setTimeout(r, 1000));
      const mails = sink.messages.filter(isEnd);
      expect(perRecipient(mails)).toEqual({ [TEAM.coordinator]: 1, [TEAM.coordinator2]: 1 });
      expect(mails.map((m) => m.subject)).toEqual([
        'Fin de mandat dans 31 jours : Dr Gabriel (Commission parcours)',
        'Fin de mandat dans 31 jours : Dr Gabriel (Commission parcours)',
      ]);
      expect(mails[0].text).toContain(`/gouvernance/instances/${commission}`);
    } catch (err) {
      throw withOutput(err, worker);
    } finally {
      await worker.kill('SIGTERM');
    }
  }, 60_000);
});
