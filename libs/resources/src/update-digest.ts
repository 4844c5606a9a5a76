import { Injectable } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { requireTenantId } from '@cpts/platform-core';
import { Db, RegionUnits } from '@cpts/platform-db';
import { renderEmail } from '@cpts/platform-mail';
import { DueReminder, ReminderDecision, ReminderHandler, RemindersService } from '@cpts/platform-reminders';

export const UPDATE_DIGEST = 'resources.update_digest';
/** One pending digest per CPTS at a time (ref of its reminder). */
const DIGEST_REF = 'updates';

/**
 * When the region publishes a new version of resources a CPTS adopted, the
 * CPTS's team (coordination and staff) receive ONE email listing them (like
 * mailing's failures digest): a reminder per adopting CPTS, scheduled at
 * publication, fires in the worker and lists every copy whose region version
 * is newer than both what the CPTS has and what a digest already announced.
 * Several publications before it fires make one email. Global providers only.
 */
@Injectable()
export class ResourceUpdateDigest implements ReminderHandler {
  readonly kind = UPDATE_DIGEST;
  private readonly units: RegionUnits;

  constructor(
    private readonly db: Db,
    private readonly mail: MailEnv,
  ) {
    this.units = new RegionUnits(db);
  }

  async decide(_reminder: DueReminder): Promise<ReminderDecision> {
    const tenantId = requireTenantId();
    const copies = await this.db.tenantRows<{
      id: string;
      resourceId: string;
      regionId: string;
      title: string;
      adopted: number;
      known: number;
    }>(
      `SELECT id, resource_id AS "resourceId", region_id AS "regionId", title, adopted_version AS adopted,
              greatest(adopted_version, coalesce(notified_version, 0), coalesce(dismissed_version, 0)) AS known
       FROM resource_adoptions WHERE tenant_id = $1 ORDER BY title FOR NO KEY UPDATE`,
      [tenantId],
    );
    if (copies.length === 0) return { send: false, reason: 'aucune ressource adoptée' };
    const regionId = copies[0].regionId;
    const latest = await this.units.run(
      regionId,
      () =>
        this.db.regionRows<{ id: string; title: string; version: number; note: string }>(
          `SELECT r.id, v.title, v.version, v.note FROM resources r
           JOIN resource_versions v ON v.region_id = r.region_id AND v.resource_id = r.id AND v.version = r.current_version
           WHERE r.region_id = $1 AND r.id = ANY($2::uuid[])`,
          [regionId, copies.map((c) => c.resourceId)],
        ),
      { readOnly: true },
    );
    const updated = copies
      .map((c) => ({ copy: c, region: latest.find((l) => l.id === c.resourceId) }))
      .filter(
        (u): u is { copy: (typeof copies)[number]; region: (typeof latest)[number] } => !!u.region && u.region.version > u.copy.known,
      );
    if (updated.length === 0) return { send: false, reason: 'aucune nouvelle version à annoncer' };
    await this.db.tenantRows(
      `UPDATE resource_adoptions a SET notified_version = u.version FROM unnest($2::uuid[], $3::int[]) AS u(id, version)
       WHERE a.tenant_id = $1 AND a.id = u.id`,
      [tenantId, updated.map((u) => u.copy.id), updated.map((u) => u.region.version)],
    );
    const team = await this.db.tenantRows<{ email: string; cpts: string }>(
      `SELECT DISTINCT u.email, t.name AS cpts FROM role_assignments r JOIN users u ON u.id = r.user_id JOIN tenants t ON t.id = r.tenant_id
       WHERE r.tenant_id = $1 AND r.role IN ('COORDINATOR', 'STAFF') AND u.disabled_at IS NULL ORDER BY u.email`,
      [tenantId],
    );
    if (team.length === 0) return { send: false, reason: 'aucun membre de l’équipe à prévenir' };
    const n = updated.length;
    const email = renderEmail({
      subject:
        n === 1
          ? `Nouvelle version d’une ressource régionale : ${updated[0].copy.title}`
          : `${n} ressources régionales ont une nouvelle version`,
      preheader: 'La région a publié une nouvelle version de ressources que votre CPTS a adoptées.',
      title: n === 1 ? 'Nouvelle version disponible' : `${n} nouvelles versions disponibles`,
      paragraphs: [
        'La région a publié une nouvelle version de ressources que votre CPTS a adoptées. Votre copie n’a pas changé : voyez ce qui a changé, puis reprenez la nouvelle version ou gardez la vôtre.',
        ...updated.map((u) => `${u.copy.title} : version ${u.region.version}${u.region.note ? ` (${u.region.note})` : ''}`),
      ],
      action: { label: 'Voir mes ressources', url: `${this.mail.APP_URL}/ressources/mes-ressources` },
      footer: [`Vous recevez ce message en tant que membre de l’équipe de la ${team[0].cpts}.`],
    });
    return { send: true, emails: team.map((t) => ({ to: t.email, email })) };
  }
}

/**
 * At publication: schedules the digest in each CPTS of the region that
 * adopted the resource (one unit of work per CPTS, confined to it by RLS; a
 * CPTS that already has a digest pending gets no second one).
 */
@Injectable()
export class DigestScheduler {
  constructor(
    private readonly db: Db,
    private readonly reminders: RemindersService,
  ) {}

  async afterPublish(regionId: string, resourceId: string): Promise<void> {
    const tenants = await this.db.rows<{ id: string }>(`SELECT id FROM tenants WHERE region_id = $1 ORDER BY id`, [regionId]);
    for (const { id } of tenants) {
      await this.db.runApart({ tenantId: id, label: 'resources-digest' }, async () => {
        const [adopted] = await this.db.tenantRows(`SELECT 1 FROM resource_adoptions WHERE tenant_id = $1 AND resource_id = $2`, [
          id,
          resourceId,
        ]);
        if (!adopted) return;
        const [pending] = await this.db.tenantRows(
          `SELECT 1 FROM reminders WHERE tenant_id = $1 AND kind = $2 AND ref = $3 AND state = 'scheduled'`,
          [id, UPDATE_DIGEST, DIGEST_REF],
        );
        if (!pending) await this.reminders.schedule([{ kind: UPDATE_DIGEST, ref: DIGEST_REF, fireAt: new Date() }]);
      });
    }
  }
}
