import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM, UuidPipe } from '@cpts/platform-core';
import { Professional } from '../professional.types';
import { GdprService } from './gdpr.service';

@Resolver()
export class GdprResolver {
  constructor(private readonly gdpr: GdprService) {}

  @Query(() => String, {
    description: 'The GDPR export of a person (the same JSON as the export file), for the readable page. Logged as an export.',
  })
  @Allow(...CPTS_TEAM)
  async personData(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<string> {
    return JSON.stringify(await this.gdpr.export(id));
  }

  @Mutation(() => Professional, {
    description:
      "Erases a person's identity and contacts everywhere (GDPR), keeping anonymous counts. `confirmation`: the person's last name.",
  })
  @Allow(...CPTS_TEAM)
  eraseProfessional(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('confirmation') confirmation: string,
  ): Promise<Professional> {
    return this.gdpr.erase(id, confirmation);
  }
}
