import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Connection, CPTS_TEAM, UuidPipe } from '@cpts/platform-core';
import { Professional, ProfessionalConnection, ProfessionalInput, ProfessionalsArgs } from './professional.types';
import { ProfessionalsService } from './professionals.service';

@Resolver(() => Professional)
export class ProfessionalsResolver {
  constructor(private readonly service: ProfessionalsService) {}

  @Query(() => ProfessionalConnection, { description: 'The professionals directory of the active CPTS, by name.' })
  @Allow(...CPTS_TEAM)
  professionals(@Args() args: ProfessionalsArgs): Promise<Connection<Professional>> {
    return this.service.list(args.filter ?? {}, args.first, args.after);
  }

  @Query(() => Professional)
  @Allow(...CPTS_TEAM)
  professional(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Professional> {
    return this.service.get(id);
  }

  @Mutation(() => Professional)
  @Allow(...CPTS_TEAM)
  createProfessional(@Args('input') input: ProfessionalInput): Promise<Professional> {
    return this.service.create(input);
  }

  @Mutation(() => Professional)
  @Allow(...CPTS_TEAM)
  updateProfessional(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: ProfessionalInput): Promise<Professional> {
    return this.service.update(id, input);
  }

  @Mutation(() => Professional, { description: 'Takes a professional out of the directory (kept, and restorable).' })
  @Allow(...CPTS_TEAM)
  archiveProfessional(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Professional> {
    return this.service.setArchived(id, true);
  }

  @Mutation(() => Professional)
  @Allow(...CPTS_TEAM)
  restoreProfessional(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Professional> {
    return this.service.setArchived(id, false);
  }
}
