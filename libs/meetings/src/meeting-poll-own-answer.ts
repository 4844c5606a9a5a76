import { Field, GraphQLISODateTime, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MailEnv } from '@cpts/platform-config';
import { byKeys, cptsPagePath, requirePrincipal, requireTenantId, scopedLoader } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MeetingLinks } from './meeting-links';
import { MeetingPoll } from './meeting-poll.types';

@ObjectType({ description: "The signed-in person's own invitation to a poll (asked as a user of the team)." })
export class MyPollInvitation {
  @Field({ description: 'Their answer page, the one their email links to (a path under the CPTS address).' }) answerPath: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When they last answered; none: not yet.' }) answeredAt: Date | null;
}

/**
 * A member who signs in answers the polls they were asked to answer without
 * digging out the email: the poll names their own answer page, the very
 * link the email carries (the same signed token, for them alone), and
 * nothing for anyone else. The page itself stays the one login-free page,
 * so a poll is answered in one place whichever way one comes.
 */
@Resolver(() => MeetingPoll)
export class MeetingPollOwnAnswerResolver {
  private readonly links: MeetingLinks;

  constructor(
    private readonly db: Db,
    mail: MailEnv,
  ) {
    this.links = MeetingLinks.fromEnv(mail);
  }

  @ResolveField(() => MyPollInvitation, {
    nullable: true,
    description:
      "The caller's own invitation, when they were asked as a team user: their answer page and when they answered; none otherwise.",
  })
  myInvitation(@Parent() poll: MeetingPoll): Promise<MyPollInvitation | null> {
    // One statement for every poll of the list (resolved side by side, they would share one connection).
    return scopedLoader<string, MyPollInvitation | null>(MeetingPollOwnAnswerResolver.prototype.myInvitation, (pollIds) =>
      this.invitations(pollIds),
    ).load(poll.id);
  }

  private async invitations(pollIds: readonly string[]): Promise<Array<MyPollInvitation | null>> {
    const tenantId = requireTenantId();
    const rows = await this.db.tenantRows<{ pollId: string; id: string; slug: string; answeredAt: Date | null }>(
      `SELECT i.poll_id AS "pollId", i.id, t.slug, i.answered_at AS "answeredAt" FROM meeting_poll_invitees i JOIN tenants t ON t.id = i.tenant_id
       WHERE i.tenant_id = $1 AND i.poll_id = ANY($2::uuid[]) AND i.user_id = $3`,
      [tenantId, [...pollIds], requirePrincipal().userId],
    );
    return byKeys(pollIds, rows, (r) => r.pollId).map((row) =>
      row
        ? {
            answerPath: cptsPagePath(row.slug, 'sondages', this.links.pollToken({ tenantId, inviteeId: row.id })),
            answeredAt: row.answeredAt,
          }
        : null,
    );
  }
}
