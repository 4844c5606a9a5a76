import { MailEnv } from '@cpts/platform-config';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { RenderedEmail, SECRET_PLACEHOLDER } from '@cpts/platform-mail';
import { decisionEmail, DecisionSummary } from './decision-emails';
import { DecisionLinks } from './decision-links';

/**
 * The emails that put a decision to its voters: at the opening, to every
 * voter with an address; as a reminder, to those who have not expressed a
 * vote (no vote of their own, no proxy given, no conflict declared). Each
 * carries the voter's own link, sealed in the outbox until sent.
 */
export class DecisionMailer {
  private readonly links: DecisionLinks;

  constructor(
    private readonly db: Db,
    mail: MailEnv,
  ) {
    this.links = DecisionLinks.fromEnv(mail);
  }

  async compose(decisionId: string, kind: 'opening' | 'reminder'): Promise<Array<{ to: string; email: RenderedEmail; secret: string }>> {
    const tenantId = requireTenantId();
    const [d] = await this.db.tenantRows<DecisionSummary & { slug: string; status: string }>(
      `SELECT d.title, d.question, d.context, d.amount_cents::float8 AS "amountCents", d.deadline, d.options, d.status, i.name AS "instanceName", t.name AS "cptsName", t.slug
       FROM governance_decisions d JOIN governance_instances i ON i.tenant_id = d.tenant_id AND i.id = d.instance_id JOIN tenants t ON t.id = d.tenant_id
       WHERE d.tenant_id = $1 AND d.id = $2`,
      [tenantId, decisionId],
    );
    if (!d || d.status !== 'open') return [];
    const voters = await this.db.tenantRows<{ id: string; email: string }>(
      `SELECT id, email FROM governance_voters WHERE tenant_id = $1 AND decision_id = $2 AND email IS NOT NULL
       ${kind === 'reminder' ? 'AND choice IS NULL AND proxy_to IS NULL AND conflict_at IS NULL' : ''} ORDER BY name, id`,
      [tenantId, decisionId],
    );
    const email = decisionEmail(kind, d, (choice) => this.links.voteUrl(d.slug, SECRET_PLACEHOLDER, choice));
    return voters.map((v) => ({ to: v.email, email, secret: this.links.token({ tenantId, voterId: v.id }) }));
  }
}
