import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM } from '@cpts/platform-core';
import { EmailSuppression } from './suppression.types';
import { EmailSuppressionsService } from './suppressions.service';

/** The CPTS team's view of the addresses its campaigns skip, and lifting a bounce once the address is fixed. */
@Resolver(() => EmailSuppression)
export class EmailSuppressionsResolver {
  constructor(private readonly suppressions: EmailSuppressionsService) {}

  @Query(() => [EmailSuppression], {
    description: 'Bounced and blocked addresses of the CPTS, most recent first (at most 200; search narrows).',
  })
  @Allow(...CPTS_TEAM)
  emailSuppressions(@Args('search', { type: () => String, nullable: true }) search?: string | null): Promise<EmailSuppression[]> {
    return this.suppressions.list(search);
  }

  @Mutation(() => Boolean, {
    description:
      "Mails an address again after a bounce (the address was corrected or the mailbox restored): its hard bounce and soft-bounce count go. A complaint or an unsubscribe is the person's choice: only they lift it, from the preferences page.",
  })
  @Allow(...CPTS_TEAM)
  liftEmailSuppression(@Args('email') email: string): Promise<boolean> {
    return this.suppressions.lift(email);
  }
}
