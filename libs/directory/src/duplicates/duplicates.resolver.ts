import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM, UuidPipe } from '@cpts/platform-core';
import { Professional } from '../professional.types';
import { DuplicateCandidate } from './duplicate.types';
import { DuplicatesService } from './duplicates.service';

@Resolver(() => DuplicateCandidate)
export class DuplicatesResolver {
  constructor(private readonly service: DuplicatesService) {}

  @Query(() => [DuplicateCandidate], { description: 'Pairs of active records that may be one person, strongest reason first; dismissed pairs left out.' })
  @Allow(...CPTS_TEAM)
  duplicateCandidates(): Promise<DuplicateCandidate[]> {
    return this.service.candidates();
  }

  @Mutation(() => Boolean, { description: '"Not the same person": the pair is no longer listed as a candidate.' })
  @Allow(...CPTS_TEAM)
  dismissDuplicate(@Args('firstId', { type: () => ID }, UuidPipe) firstId: string, @Args('secondId', { type: () => ID }, UuidPipe) secondId: string): Promise<boolean> {
    return this.service.dismiss(firstId, secondId);
  }

  @Mutation(() => Professional, {
    description: 'Merges two records of one person: everything of both is kept on keptId, blank fields filled from mergedId, which is archived and leads to keptId.',
  })
  @Allow(...CPTS_TEAM)
  mergeProfessionals(@Args('keptId', { type: () => ID }, UuidPipe) keptId: string, @Args('mergedId', { type: () => ID }, UuidPipe) mergedId: string): Promise<Professional> {
    return this.service.merge(keptId, mergedId);
  }
}
