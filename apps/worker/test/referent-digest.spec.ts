import { randomUUID } from 'node:crypto';
import { Role } from '@cpts/platform-core';
import { createDataSource, Db } from '@cpts/platform-db';
import { MailOutbox, SecretBox } from '@cpts/platform-mail';
import { createLogger } from '@cpts/platform-observability';
import { createRedis, QueueProducer } from '@cpts/platform-queue';
import { TestData } from '@cpts/testing';
import { isMondayMorningInFrance, ReferentDigestWorker } from '@cpts/working-groups';

/**
 * The referents' weekly digest of overdue action items, as the worker's
 * hourly pass runs it, against the real database: one email per referent
 * with an address, listing every overdue item of their group; nothing for a
 * group with none late; a second pass of the same week sends nothing.
 */
describe("the referents' weekly digest", () => {
  const data = new TestData();
  const dataSource = createDataSource({
    url: process.env.DATABASE_URL as string,
    entities: [],
    applicationName: 'digest-test',
    poolSize: 2,
  });
  const redis = createRedis(process.env.REDIS_URL as string, 'client');
  const producer = new QueueProducer(redis, process.env.REDIS_PREFIX as string);
  let worker: ReferentDigestWorker;
  let tenant: string;

  beforeAll(async () => {
    await dataSource.initialize();
    const db = new Db(dataSource);
    worker = new ReferentDigestWorker(
      db,
      new MailOutbox(db, producer, new SecretBox(process.env.LINK_SECRET as string)),
      createLogger({ service: 'test', level: 'silent' }),
    );
    tenant = (await data.cpts(await data.region(), { name: 'CPTS du Récapitulatif' })).id;
  });
  afterAll(async () => {
    // The digests written here are pending in the outbox, their jobs queued: no worker of this file sends them, and
    // the next file's worker (same database and Redis prefix) must not either.
    await data.pool.query(`DELETE FROM mail_outbox WHERE tenant_id = $1`, [tenant]);
    await dataSource.destroy();
    await producer.close();
    redis.disconnect();
    await data.close();
  });

  it('is sent on Monday mornings in France only', () => {
    expect(isMondayMorningInFrance(new Date('2026-12-07T07:30:00Z'))).toBe(true); // Monday 8:30 in Paris
    expect(isMondayMorningInFrance(new Date('2026-12-07T06:30:00Z'))).toBe(false); // Monday 7:30
    expect(isMondayMorningInFrance(new Date('2026-12-08T07:30:00Z'))).toBe(false); // Tuesday
  });

  it("sends each referent one email with the group's overdue items, once a week, and nothing for a group with none late", async () => {
    const commune = (await data.inTenant(tenant, (db) => db.query(`SELECT commune_codes[1] AS c FROM tenants WHERE id = $1`, [tenant])))
      .rows[0].c;
    const [late, calm] = [randomUUID(), randomUUID()];
    const referent = await data.professional(tenant, commune, { lastName: 'Referente', email: 'referente@exemple.fr' });
    const silent = await data.professional(tenant, commune, { lastName: 'Sansadresse' });
    const teamReferent = await data.user([{ role: Role.STAFF, tenantId: tenant }], 'equipe-referente@exemple.fr');
    const assignee = await data.professional(tenant, commune, { lastName: 'Porteur' });
    await data.inTenant(tenant, async (db) => {
      for (const [id, name] of [
        [late, 'Groupe en retard'],
        [calm, 'Groupe à jour'],
      ]) {
        await db.query(`INSERT INTO working_groups (tenant_id, id, name, missions) VALUES ($1, $2, $3, '{prevention}')`, [
          tenant,
          id,
          name,
        ]);
        await db.query(
          `INSERT INTO working_group_members (tenant_id, id, group_id, professional_id, role) VALUES ($1, gen_random_uuid(), $2, $3, 'referent')`,
          [tenant, id, referent],
        );
      }
      await db.query(
        `INSERT INTO working_group_members (tenant_id, id, group_id, professional_id, role) VALUES ($1, gen_random_uuid(), $2, $3, 'referent')`,
        [tenant, late, silent],
      );
      await db.query(
        `INSERT INTO working_group_members (tenant_id, id, group_id, user_id, role) VALUES ($1, gen_random_uuid(), $2, $3, 'referent')`,
        [tenant, late, teamReferent.id],
      );
      const item = (group: string, title: string, dueDays: number, status = 'open') =>
        db.query(
          `INSERT INTO action_items (tenant_id, id, owner_kind, owner_id, owner_name, title, professional_id, assignee_name, due_on, status, status_at)
           VALUES ($1, gen_random_uuid(), 'working_group', $2, 'G', $3, $4, 'Porteur Prénom', current_date + $5::int, $6, CASE WHEN $6 = 'open' THEN NULL ELSE now() END)`,
          [tenant, group, title, assignee, dueDays, status],
        );
      await item(late, 'Envoyer le questionnaire', -3);
      await item(late, 'Réserver la salle', -1);
      await item(late, 'Déjà fait', -5, 'done');
      await item(late, 'Pas encore dû', 10);
      await item(calm, 'À venir', 5);
    });
    const monday = new Date('2026-12-07T07:30:00Z');
    expect(await worker.runOnce(monday)).toBe(2);
    const rows = (
      await data.pool.query(
        `SELECT to_address, subject, text_body FROM mail_outbox WHERE tenant_id = $1 AND kind = 'action_items_digest' ORDER BY to_address`,
        [tenant],
      )
    ).rows;
    expect(rows.map((r) => [r.to_address, r.subject])).toEqual([
      ['equipe-referente@exemple.fr', 'Groupe en retard : 2 actions en retard'],
      ['referente@exemple.fr', 'Groupe en retard : 2 actions en retard'],
    ]);
    expect(rows[0].text_body).toContain('Envoyer le questionnaire — Porteur Prénom');
    expect(rows[0].text_body).not.toContain('Déjà fait');
    expect(rows[0].text_body).not.toContain('Pas encore dû');
    // The same week again: nothing more.
    expect(await worker.runOnce(monday)).toBe(0);
    expect(await worker.runOnce(new Date('2026-12-08T07:30:00Z'))).toBe(0);
  });
});
