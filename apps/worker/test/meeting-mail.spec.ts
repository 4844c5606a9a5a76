import { randomUUID } from 'node:crypto';
import { MeetingLinks } from '@cpts/meetings';
import { LinkSigner } from '@cpts/platform-mail';
import { createRedis, QueueProducer, QUEUES, REMINDER_JOB_OPTIONS } from '@cpts/platform-queue';
import { SmtpSink, TestData } from '@cpts/testing';
import { waitUntil, WorkerProcess, workerEnv } from './harness';

/**
 * A meeting's mail through the real worker, Redis and SMTP: the J-7/J-1
 * reminder reaches the invitees who did not decline, each with their own
 * reply link; an invitation carries the event as text/calendar and .ics.
 */
describe('meeting mail', () => {
  const data = new TestData();
  const redis = createRedis(process.env.REDIS_URL as string, 'client');
  const producer = new QueueProducer(redis, process.env.REDIS_PREFIX as string);
  const links = new MeetingLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string);
  let sink: SmtpSink;
  let env: Record<string, string>;
  let tenant: string;

  beforeAll(async () => {
    sink = new SmtpSink();
    env = workerEnv(await sink.start());
    tenant = (await data.cpts(await data.region(), { name: 'CPTS des Réunions' })).id;
  });
  afterAll(async () => {
    await producer.close();
    redis.disconnect();
    await data.close();
    await sink.stop();
  });

  it('reminds those who did not decline, each with their own reply link, and no one of a cancelled meeting', async () => {
    const [meeting, cancelled, coming, declined, silent] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const startsAt = new Date(Date.now() + 86_400_000);
    await data.inTenant(tenant, async (db) => {
      for (const [id, status] of [
        [meeting, 'scheduled'],
        [cancelled, 'cancelled'],
      ]) {
        await db.query(
          `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, frame, title, starts_at, ends_at, place, status)
           VALUES ($1, $2, 'working_group', $3, 'Parcours diabète', 'Objet : un parcours lisible', $4, $5, $6, 'Maison de santé', $7)`,
          [
            tenant,
            id,
            randomUUID(),
            status === 'cancelled' ? 'Réunion annulée' : 'Réunion de suivi',
            startsAt,
            new Date(startsAt.getTime() + 3_600_000),
            status,
          ],
        );
      }
    });
    // Invitees need a professional or a user: people of the directory here.
    const person = async (email: string) =>
      data.professional(
        tenant,
        (await data.inTenant(tenant, (db) => db.query(`SELECT commune_codes[1] AS c FROM tenants WHERE id = $1`, [tenant]))).rows[0].c,
        { email },
      );
    const add = async (id: string, meetingId: string, email: string, reply: string | null) => {
      const professionalId = await person(email);
      await data.inTenant(tenant, (db) =>
        db.query(
          `INSERT INTO meeting_invitees (tenant_id, id, meeting_id, professional_id, name, email, reply, replied_at) VALUES ($1, $2, $3, $4, $5, $5, $6, $7)`,
          [tenant, id, meetingId, professionalId, email, reply, reply ? new Date() : null],
        ),
      );
    };
    await add(coming, meeting, 'vient@exemple.fr', 'present');
    await add(declined, meeting, 'excuse@exemple.fr', 'excused');
    await add(silent, meeting, 'silence@exemple.fr', null);
    await add(randomUUID(), cancelled, 'annulee@exemple.fr', null);
    const remind = async (ref: string) => {
      const id = randomUUID();
      await data.inTenant(tenant, (db) =>
        db.query(`INSERT INTO reminders (tenant_id, id, kind, ref, fire_at) VALUES ($1, $2, 'meeting.reminder', $3, now())`, [
          tenant,
          id,
          ref,
        ]),
      );
      await producer
        .queue(QUEUES.reminder)
        .add(QUEUES.reminder, { tenantId: tenant, reminderId: id }, { ...REMINDER_JOB_OPTIONS, jobId: id });
      return id;
    };
    const [fires, skips] = [await remind(meeting), await remind(cancelled)];
    const state = async (id: string) =>
      (await data.inTenant(tenant, (db) => db.query(`SELECT state, outcome FROM reminders WHERE tenant_id = $1 AND id = $2`, [tenant, id])))
        .rows[0];
    const worker = new WorkerProcess(env);
    worker.start();
    try {
      await waitUntil(
        async () => (await state(fires)).state === 'sent' && (await state(skips)).state === 'skipped',
        30_000,
        'both reminders fired',
      );
      await sink.waitFor((messages) => messages.length >= 2, 30_000);
      expect(sink.messages.map((m) => m.to[0]).sort()).toEqual(['silence@exemple.fr', 'vient@exemple.fr']);
      expect(await state(skips)).toEqual({ state: 'skipped', outcome: 'réunion annulée' });
      const toSilent = sink.to('silence@exemple.fr')[0];
      expect(toSilent.subject).toBe('Rappel : Réunion de suivi');
      expect(toSilent.text).toContain('Le cadre du groupe : Objet : un parcours lisible');
      // Their own link, signed for them, in place of the placeholder.
      const token = /\/reunions\/([A-Za-z0-9_-]{40,})/.exec(toSilent.text)?.[1];
      expect(token && links.read(token)).toEqual({ tenantId: tenant, inviteeId: silent });
      expect(toSilent.raw).not.toContain('__CPTS_SECRET__');
    } finally {
      await worker.kill('SIGTERM');
    }
  });

  it('sends an invitation with the event for calendars: a text/calendar part (METHOD:REQUEST) and an .ics attachment', async () => {
    sink.messages.length = 0;
    const id = randomUUID();
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'METHOD:REQUEST',
      'BEGIN:VEVENT',
      `UID:${id}@meetings.cpts`,
      'SEQUENCE:0',
      'SUMMARY:Réunion',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    await data.pool.query(
      `INSERT INTO mail_outbox (id, kind, tenant_id, to_address, subject, html, text_body, calendar_method, calendar_ics) VALUES ($1, 'meeting_invitation', $2, 'agenda@exemple.fr', 'Invitation : Réunion', '<p>Invitation</p>', 'Invitation', 'REQUEST', $3)`,
      [id, tenant, ics],
    );
    await producer.add(QUEUES.mail, { outboxId: id }, id);
    const worker = new WorkerProcess(env);
    worker.start();
    try {
      await sink.waitFor(() => sink.to('agenda@exemple.fr').length === 1, 30_000);
      const raw = sink.to('agenda@exemple.fr')[0].raw;
      expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
      expect(raw).toMatch(/filename=invitation\.ics/);
    } finally {
      await worker.kill('SIGTERM');
    }
  });

  it("reminds a poll's invitees who have not answered, and only them", async () => {
    sink.messages.length = 0;
    const [poll, slot, answered, silent] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const start = new Date(Date.now() + 5 * 86_400_000);
    await data.inTenant(tenant, async (db) => {
      await db.query(
        `INSERT INTO meeting_polls (tenant_id, id, owner_kind, owner_id, owner_name, title, place) VALUES ($1, $2, 'working_group', $3, 'Parcours diabète', 'Réunion de rentrée', 'MSP')`,
        [tenant, poll, randomUUID()],
      );
      await db.query(`INSERT INTO meeting_poll_slots (tenant_id, id, poll_id, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)`, [
        tenant,
        slot,
        poll,
        start,
        new Date(start.getTime() + 3_600_000),
      ]);
    });
    const commune = (await data.inTenant(tenant, (db) => db.query(`SELECT commune_codes[1] AS c FROM tenants WHERE id = $1`, [tenant])))
      .rows[0].c;
    for (const [id, email, answeredAt] of [
      [answered, 'a-repondu@exemple.fr', new Date()],
      [silent, 'pas-repondu@exemple.fr', null],
    ] as const) {
      const professionalId = await data.professional(tenant, commune, { email });
      await data.inTenant(tenant, (db) =>
        db.query(
          `INSERT INTO meeting_poll_invitees (tenant_id, id, poll_id, professional_id, name, email, answered_at) VALUES ($1, $2, $3, $4, $5, $5, $6)`,
          [tenant, id, poll, professionalId, email, answeredAt],
        ),
      );
    }
    const reminderId = randomUUID();
    await data.inTenant(tenant, (db) =>
      db.query(`INSERT INTO reminders (tenant_id, id, kind, ref, fire_at) VALUES ($1, $2, 'meeting_poll.reminder', $3, now())`, [
        tenant,
        reminderId,
        poll,
      ]),
    );
    await producer
      .queue(QUEUES.reminder)
      .add(QUEUES.reminder, { tenantId: tenant, reminderId }, { ...REMINDER_JOB_OPTIONS, jobId: reminderId });
    const worker = new WorkerProcess(env);
    worker.start();
    try {
      await sink.waitFor(() => sink.to('pas-repondu@exemple.fr').length === 1, 30_000);
      const state = async () =>
        (
          await data.inTenant(tenant, (db) =>
            db.query(`SELECT state FROM reminders WHERE tenant_id = $1 AND id = $2`, [tenant, reminderId]),
          )
        ).rows[0].state;
      await waitUntil(async () => (await state()) === 'sent', 30_000, 'the poll reminder done');
      expect(sink.messages.map((m) => [m.to[0], m.subject])).toEqual([
        ['pas-repondu@exemple.fr', 'Relance : quelle date pour « Réunion de rentrée » ?'],
      ]);
      const token = /\/sondages\/([A-Za-z0-9_-]{40,})/.exec(sink.messages[0].text)?.[1];
      expect(token && links.readPoll(token)).toEqual({ tenantId: tenant, inviteeId: silent });
    } finally {
      await worker.kill('SIGTERM');
    }
  });

  it("reminds an action item's person with a link to mark it done, and nothing once it is done", async () => {
    sink.messages.length = 0;
    const [open, done] = [randomUUID(), randomUUID()];
    const commune = (await data.inTenant(tenant, (db) => db.query(`SELECT commune_codes[1] AS c FROM tenants WHERE id = $1`, [tenant])))
      .rows[0].c;
    const person = await data.professional(tenant, commune, { email: 'porteur@exemple.fr' });
    await data.inTenant(tenant, async (db) => {
      for (const [id, status] of [
        [open, 'open'],
        [done, 'done'],
      ]) {
        await db.query(
          `INSERT INTO action_items (tenant_id, id, owner_kind, owner_id, owner_name, title, professional_id, assignee_name, assignee_email, due_on, status, status_at)
           VALUES ($1, $2, 'working_group', $3, 'Parcours diabète', $4, $5, 'Porteur', 'porteur@exemple.fr', current_date - 1, $6, $7)`,
          [
            tenant,
            id,
            randomUUID(),
            status === 'open' ? 'Envoyer le questionnaire' : 'Déjà fait',
            person,
            status,
            status === 'open' ? null : new Date(),
          ],
        );
      }
    });
    const ids: string[] = [];
    for (const ref of [open, done]) {
      const id = randomUUID();
      ids.push(id);
      await data.inTenant(tenant, (db) =>
        db.query(`INSERT INTO reminders (tenant_id, id, kind, ref, fire_at) VALUES ($1, $2, 'action_item.overdue', $3, now())`, [
          tenant,
          id,
          ref,
        ]),
      );
      await producer
        .queue(QUEUES.reminder)
        .add(QUEUES.reminder, { tenantId: tenant, reminderId: id }, { ...REMINDER_JOB_OPTIONS, jobId: id });
    }
    const state = async (id: string) =>
      (await data.inTenant(tenant, (db) => db.query(`SELECT state, outcome FROM reminders WHERE tenant_id = $1 AND id = $2`, [tenant, id])))
        .rows[0];
    const worker = new WorkerProcess(env);
    worker.start();
    try {
      await waitUntil(
        async () => (await state(ids[0])).state === 'sent' && (await state(ids[1])).state === 'skipped',
        30_000,
        'both reminders fired',
      );
      await sink.waitFor(() => sink.to('porteur@exemple.fr').length === 1, 30_000);
      expect(sink.messages.map((m) => m.subject)).toEqual(['Action en retard : Envoyer le questionnaire']);
      expect(await state(ids[1])).toEqual({ state: 'skipped', outcome: 'action faite' });
      const token = /\/actions\/([A-Za-z0-9_-]{40,})/.exec(sink.messages[0].text)?.[1];
      expect(token && links.readAction(token)).toEqual({ tenantId: tenant, inviteeId: open });
    } finally {
      await worker.kill('SIGTERM');
    }
  });
});
