import { Args, Field, GraphQLISODateTime, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { Allow, AppError, CPTS_TEAM, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';

export enum SuppressionReason {
  HARD_BOUNCE = 'hard_bounce',
  COMPLAINT = 'complaint',
  UNSUBSCRIBED = 'unsubscribed',
}
registerEnumType(SuppressionReason, {
  name: 'SuppressionReason',
  description: 'HARD_BOUNCE: the address does not exist (or 5 soft bounces). COMPLAINT: the person marked a message as spam. UNSUBSCRIBED: an address without a person record used its unsubscribe link.',
});

@ObjectType({ description: "An address of the CPTS's mailings that bounced or was blocked (docs/bounces.md)." })
export class EmailSuppression {
  @Field() email: string;
  @Field(() => SuppressionReason, { nullable: true, description: 'Why campaigns skip it; none: soft bounces only, still mailed.' }) reason: SuppressionReason | null;
  @Field(() => Int) softBounces: number;
  @Field(() => GraphQLISODateTime) lastEventAt: Date;
  @Field(() => String, { nullable: true, description: "The server's or the report's words, for the last event." }) lastDetail: string | null;
}

/** The CPTS team's view of the addresses its campaigns skip, and lifting a bounce once the address is fixed. */
@Resolver(() => EmailSuppression)
export class EmailSuppressionsResolver {
  constructor(private readonly db: Db) {}

  @Query(() => [EmailSuppression], { description: 'Bounced and blocked addresses of the CPTS, most recent first (at most 200; search narrows).' })
  @Allow(...CPTS_TEAM)
  emailSuppressions(@Args('search', { type: () => String, nullable: true }) search?: string | null): Promise<EmailSuppression[]> {
    const term = search?.trim().toLowerCase() ?? '';
    return this.db.tenantRows<EmailSuppression>(
      `SELECT email, reason, soft_bounces AS "softBounces", last_event_at AS "lastEventAt", last_detail AS "lastDetail"
       FROM email_suppressions WHERE tenant_id = $1 AND ($2 = '' OR strpos(email, $2) > 0)
       ORDER BY last_event_at DESC, email LIMIT 200`,
      [requireTenantId(), term.slice(0, 200)],
    );
  }

  @Mutation(() => Boolean, {
    description:
      'Mails an address again after a bounce (the address was corrected or the mailbox restored): its hard bounce and soft-bounce count go. A complaint or an unsubscribe is the person\'s choice: only they lift it, from the preferences page.',
  })
  @Allow(...CPTS_TEAM)
  async liftEmailSuppression(@Args('email') email: string): Promise<boolean> {
    const tenantId = requireTenantId();
    const [row] = await this.db.tenantRows<{ reason: string | null }>(`SELECT reason FROM email_suppressions WHERE tenant_id = $1 AND email = lower($2) FOR UPDATE`, [tenantId, email.trim()]);
    if (!row) throw AppError.notFound('Adresse introuvable parmi les adresses bloquées de la CPTS.');
    if (row.reason === SuppressionReason.COMPLAINT || row.reason === SuppressionReason.UNSUBSCRIBED) {
      throw AppError.conflict('Cette adresse est bloquée à la demande de la personne (signalement ou désinscription) : elle seule peut la débloquer, depuis le lien de ses messages.');
    }
    await this.db.tenantRows(`DELETE FROM email_suppressions WHERE tenant_id = $1 AND email = lower($2)`, [tenantId, email.trim()]);
    return true;
  }
}

export const suppressionResolvers = [EmailSuppressionsResolver];
