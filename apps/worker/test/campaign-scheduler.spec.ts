import { randomUUID } from 'node:crypto';
import { SmtpSink } from '@cpts/testing';
import { Campaigns, waitUntil, WorkerProcess, workerEnv } from './harness';

/**
 * The worker's scheduler: a scheduled campaign whose time has come starts by
 * itself (its segment evaluated then, one delivery per address) and is sent;
 * one still in the future waits.
 */
describe('scheduled campaigns', () => {
  let sink: SmtpSink;
  let campaigns: Campaigns;
  let port: number;

  beforeAll(async () => {
    sink = new SmtpSink();
    port = await sink.start();
    campaigns = new Campaigns();
  });
  afterAll(async () => {
    await campaigns.close();
    await sink.stop();
  });

  it('starts a due scheduled campaign and sends it; leaves one in the future alone', async () => {
    const { data } = campaigns;
    const cpts = await data.cpts(await data.region(), { name: 'CPTS Programmée', departement: '24', communes: 1 });
    for (const [lastName, email] of [
      ['Aubert', 'aubert@exemple.fr'],
      ['Benoit', 'benoit@exemple.fr'],
      ['Carpentier', null],
    ] as const) {
      const id = await data.professional(cpts.id, cpts.communes[0], { lastName });
      await data.inTenant(cpts.id, (db) => db.query(`UPDATE professionals SET email = $3 WHERE tenant_id = $1 AND id = $2`, [cpts.id, id, email]));
    }
    const schedule = async (subject: string, at: string) => {
      const id = randomUUID();
      await data.inTenant(cpts.id, (db) =>
        db.query(
          `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, segment, status, scheduled_at)
           VALUES ($1, $2, 'professionals', 'pro_newsletter', $3, '<p>Bonjour</p>', 'CPTS Programmée', '{"professionCodes":["60"]}', 'scheduled', now() + $4::interval)`,
          [cpts.id, id, subject, at],
        ),
      );
      return id;
    };
    const due = await schedule('Lettre programmée', '-1 minute');
    const later = await schedule('Lettre de la semaine prochaine', '7 days');
    const worker = new WorkerProcess({ ...workerEnv(port), MAILING_RATE_PER_CPTS: '1000' });
    worker.start();
    try {
      await waitUntil(async () => (await campaigns.status(cpts.id, due)) === 'sent', 30_000, 'the due campaign sent and closed').catch((err) => {
        throw new Error(`${err.message}\n${worker.output}`);
      });
      expect(await campaigns.states(cpts.id, due)).toEqual({ sent: 2 });
      expect(sink.messages.filter((m) => m.subject === 'Lettre programmée').flatMap((m) => m.to).sort()).toEqual(['aubert@exemple.fr', 'benoit@exemple.fr']);
      expect(await campaigns.status(cpts.id, later)).toBe('scheduled');
      expect(await campaigns.states(cpts.id, later)).toEqual({});
    } finally {
      await worker.kill('SIGTERM');
    }
  }, 60_000);

  it("keeps starting other CPTS's campaigns when one cannot start, and leaves that one scheduled for the next pass", async () => {
    const { data } = campaigns;
    const region = await data.region();
    const one = await data.cpts(region, { name: 'CPTS Une', departement: '24', communes: 1 });
    const two = await data.cpts(region, { name: 'CPTS Deux', departement: '24', communes: 1 });
    // The pass visits CPTS in id order: the broken campaign goes to the first, so a pass that stopped at it would never reach the other.
    const [first, second] = [one, two].sort((a, b) => a.id.localeCompare(b.id));
    const professional = await data.professional(second.id, second.communes[0], { lastName: 'Dupuis' });
    await data.inTenant(second.id, (db) => db.query(`UPDATE professionals SET email = 'dupuis@exemple.fr' WHERE tenant_id = $1 AND id = $2`, [second.id, professional]));
    const schedule = (tenantId: string, subject: string, segment: string) => {
      const id = randomUUID();
      return data
        .inTenant(tenantId, (db) =>
          db.query(
            `INSERT INTO campaigns (tenant_id, id, audience_type, purpose, subject, body_html, sender_name, segment, status, scheduled_at)
             VALUES ($1, $2, 'professionals', 'pro_newsletter', $3, '<p>Bonjour</p>', 'CPTS', $4, 'scheduled', now() - interval '1 minute')`,
            [tenantId, id, subject, segment],
          ),
        )
        .then(() => id);
    };
    // A row no code path writes (a year that is not a number): its audience query fails every time.
    const broken = await schedule(first.id, 'Lettre illisible', '{"membership":{"year":"deux-mille","statuses":[]}}');
    const fine = await schedule(second.id, 'Lettre de la CPTS Deux', '{}');
    const worker = new WorkerProcess({ ...workerEnv(port), MAILING_RATE_PER_CPTS: '1000' });
    worker.start();
    try {
      await waitUntil(async () => (await campaigns.status(second.id, fine)) === 'sent', 30_000, "the other CPTS's campaign sent").catch((err) => {
        throw new Error(`${err.message}\n${worker.output}`);
      });
      expect(sink.messages.filter((m) => m.subject === 'Lettre de la CPTS Deux').flatMap((m) => m.to)).toEqual(['dupuis@exemple.fr']);
      expect(await campaigns.status(first.id, broken)).toBe('scheduled');
      expect(await campaigns.states(first.id, broken)).toEqual({});
      expect(worker.output).toContain('scheduled campaign could not start');
    } finally {
      await worker.kill('SIGTERM');
    }
  }, 60_000);
});
