import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Professional } from '../professional.types';
import { PersonHistoryService } from './person-history.service';
import { PersonHistoryEvent } from './person-history.types';

@Resolver(() => Professional)
export class PersonHistoryFields {
  constructor(private readonly personHistory: PersonHistoryService) {}

  @ResolveField(() => [PersonHistoryEvent], { description: "The person's history, newest first." })
  history(@Parent() professional: Professional, @Args('first', { type: () => Int, defaultValue: 50 }) first: number): Promise<PersonHistoryEvent[]> {
    return this.personHistory.list(professional.id, Math.min(Math.max(first, 1), 200));
  }
}
