import { Injectable } from '@nestjs/common';
import { AppError } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { CptsSlugs } from '@cpts/platform-identity';
import { RECORD_SUPPRESSION_SQL, recordSuppressionParams } from '../bounces/suppressions';
import { CampaignLinks, UnsubscribeTarget } from '../links/campaign-links';
import { isMailedPurpose, MailedPurpose, PersonConsents, PurposeStanding } from '@cpts/platform-persons';

/** Said for a token we did not write, or altered, or whose campaign is gone: nothing is changed. */
export const INVALID_LINK = 'Ce lien de désinscription n’est pas valide. Utilisez le lien du dernier message reçu, ou écrivez à la CPTS.';

/** How an unsubscribe came: the one-click POST of List-Unsubscribe, an email to the unsubscribe mailbox, the preferences page. */
export type UnsubscribeSource = 'one_click' | 'mailto' | 'page';

const SOURCE_NOTE: Record<UnsubscribeSource, string> = {
  one_click: 'désinscription en un clic',
  mailto: 'désinscription par e-mail',
  page: 'page de préférences',
};

/** Where a link leads: its token's delivery, and the current address of that delivery's CPTS. */
export interface LinkTarget extends UnsubscribeTarget {
  cptsSlug: string;
}

/** The delivery a link was written for, with its person (the record it was merged into, if merged since). */
interface LinkedDelivery {
  email: string;
  purpose: MailedPurpose;
  subject: string;
  cptsName: string;
  cptsSlug: string;
  personId: string | null;
  erased: boolean;
  suppressed: string | null;
}

/** What the preferences page shows. */
export interface Preferences {
  /** Its name, and the current address of its public pages (the page's own address goes under it). */
  cpts: { name: string; slug: string };
  /** The address the message was sent to. */
  email: string;
  /** The purpose of the message the link came from: the one "Me désinscrire" stops. */
  purpose: MailedPurpose;
  /** Each mailed purpose and its standing; empty when the address has no person record (then only the one-click applies). */
  purposes: PurposeStanding[];
  /** The address is suppressed (hard_bounce, complaint, unsubscribed): no campaign reaches it until the person chooses to receive one again. */
  blocked: string | null;
  /** The person's data were erased: nothing is sent, nothing can be chosen. */
  erased: boolean;
}

export interface UnsubscribeResult {
  unsubscribed: true;
  purpose: MailedPurpose;
}

/**
 * The login-free side of a campaign message: the one-click unsubscribe
 * (RFC 8058) and the preferences page, both reached with the signed token of
 * List-Unsubscribe, under the CPTS's address. `locate` is the one way in:
 * the token must be ours and the address one of its CPTS's. Each action
 * then runs in the token's CPTS only, in one transaction, and records the
 * person's choice in their consents (with its proof).
 */
@Injectable()
export class PreferencesService {
  constructor(
    private readonly db: Db,
    private readonly links: CampaignLinks,
    private readonly slugs: CptsSlugs,
    private readonly consents: PersonConsents,
  ) {}

  /**
   * Where a link leads: the delivery its token names, if the address it came
   * under (`addressed`, a slug; null for the addresses of before, which had
   * none) is one its CPTS has or had. Another CPTS's address, or a token we
   * did not write: 404, nothing read. The address is resolved before any
   * tenant transaction.
   */
  async locate(token: string, addressed: string | null): Promise<LinkTarget> {
    const target = this.links.readUnsubscribe(token);
    if (!target) throw AppError.notFound(INVALID_LINK);
    const cpts = await this.slugs.resolve(addressed ?? target.tenantId);
    if (!cpts || cpts.tenantId !== target.tenantId) throw AppError.notFound(INVALID_LINK);
    return { ...target, cptsSlug: cpts.slug };
  }

  /**
   * Unsubscribes at once from the purpose of the message: a withdrawal with
   * the method unsubscribe_link (idempotent: a second one records nothing),
   * for the person the message went to and everyone of the CPTS at the same
   * address. An address with no person record is suppressed instead; an
   * erased person receives nothing already.
   */
  unsubscribe(target: LinkTarget, source: UnsubscribeSource): Promise<UnsubscribeResult> {
    return this.withDelivery(target, 'unsubscribe', async (tenantId, d) => {
      await this.withdraw(tenantId, d, d.purpose, source);
      return { unsubscribed: true, purpose: d.purpose };
    });
  }

  preferences(target: LinkTarget): Promise<Preferences> {
    return this.withDelivery(target, 'preferences', (_tenantId, d) => this.read(d));
  }

  /** Keeps or stops one purpose: stopping records a withdrawal (unsubscribe_link); receiving again, a consent (form, the wording shown). */
  choose(target: LinkTarget, input: { purpose?: unknown; receive?: unknown; wordingVersion?: unknown }): Promise<Preferences> {
    if (!isMailedPurpose(input.purpose)) throw AppError.field('purpose', 'Type de message inconnu.');
    if (typeof input.receive !== 'boolean') throw AppError.field('receive', 'Choisissez de recevoir ou non ces messages.');
    const purpose = input.purpose;
    return this.withDelivery(target, 'preferences', async (tenantId, d, deliveryId) => {
      if (input.receive) {
        if (!d.personId || d.erased) throw AppError.conflict('Cette adresse n’est liée à aucune fiche de la CPTS : écrivez-lui pour recevoir ses messages.');
        if (typeof input.wordingVersion !== 'string') throw AppError.field('wordingVersion', 'Le texte du consentement manque : rechargez la page.');
        await this.consents.give(d.personId, purpose, input.wordingVersion, `${SOURCE_NOTE.page} (campagne « ${shorten(d.subject)} »)`);
        // Their own explicit choice, from a message that reached them: the address is mailed again (bounce or complaint forgotten).
        if (d.suppressed) await this.db.tenantRows(`DELETE FROM email_suppressions WHERE tenant_id = $1 AND email = lower($2)`, [tenantId, d.email]);
      } else {
        await this.withdraw(tenantId, d, purpose, 'page');
      }
      return this.read(await this.delivery(tenantId, deliveryId));
    });
  }

  private async withdraw(tenantId: string, d: LinkedDelivery, purpose: MailedPurpose, source: UnsubscribeSource): Promise<void> {
    if (d.erased) return; // erased: no campaign reaches them, and no new proof is written about them
    if (d.personId) {
      const note = `${SOURCE_NOTE[source]} (campagne « ${shorten(d.subject)} »)`;
      await this.consents.withdraw(d.personId, purpose, note);
      // A campaign sends one message per address: a shared mailbox (a practice's contact address) that objects
      // objects for everyone of the CPTS who uses it, or the next campaign would reach it again for the next of them.
      const sharing = await this.db.tenantRows<{ id: string }>(
        `SELECT id FROM professionals
         WHERE tenant_id = $1 AND lower(btrim(email)) = lower(btrim($2)) AND id <> $3 AND erased_at IS NULL AND merged_into IS NULL ORDER BY id`,
        [tenantId, d.email, d.personId],
      );
      for (const { id } of sharing) await this.consents.withdraw(id, purpose, `${note}, adresse partagée ${d.email}`);
    } else {
      // No person to record a choice for: the address itself is not mailed again by this CPTS.
      await this.db.tenantRows(RECORD_SUPPRESSION_SQL, recordSuppressionParams(tenantId, d.email, 'unsubscribed', SOURCE_NOTE[source]));
    }
  }

  private async read(d: LinkedDelivery): Promise<Preferences> {
    const purposes = d.personId && !d.erased ? await this.consents.standing(d.personId) : [];
    return {
      cpts: { name: d.cptsName, slug: d.cptsSlug },
      email: d.email,
      purpose: d.purpose,
      purposes,
      blocked: d.suppressed,
      erased: d.erased,
    };
  }

  /** Runs `fn` in the link's CPTS with the delivery it names; 404 (nothing changed) when the delivery is gone. */
  private async withDelivery<T>(
    target: LinkTarget,
    label: string,
    fn: (tenantId: string, d: LinkedDelivery, deliveryId: string) => Promise<T>,
  ): Promise<T> {
    const { tenantId, deliveryId } = target;
    // A unit of work of its own, confined to the token's CPTS: never the caller's session or tenant.
    return this.db.runApart({ tenantId, label }, async () => fn(tenantId, await this.delivery(tenantId, deliveryId), deliveryId));
  }

  private async delivery(tenantId: string, deliveryId: string): Promise<LinkedDelivery> {
    const [row] = await this.db.tenantRows<LinkedDelivery>(
      `SELECT d.email, c.purpose, c.subject, t.name AS "cptsName", t.slug AS "cptsSlug", pp.id AS "personId", coalesce(pp.erased_at IS NOT NULL, false) AS erased, s.reason AS suppressed
       FROM campaign_deliveries d
       JOIN campaigns c ON c.tenant_id = d.tenant_id AND c.id = d.campaign_id
       JOIN tenants t ON t.id = d.tenant_id
       LEFT JOIN professionals p ON p.tenant_id = d.tenant_id AND p.id = d.professional_id
       LEFT JOIN professionals pp ON pp.tenant_id = d.tenant_id AND pp.id = coalesce(p.merged_into, p.id)
       LEFT JOIN email_suppressions s ON s.tenant_id = d.tenant_id AND s.email = lower(d.email)
       WHERE d.tenant_id = $1 AND d.id = $2`,
      [tenantId, deliveryId],
    );
    if (!row) throw AppError.notFound(INVALID_LINK);
    return row;
  }
}

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
