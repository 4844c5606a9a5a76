import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM, scopedLoader, UuidPipe } from '@cpts/platform-core';
import { Professional } from '../professional.types';
import { ProfessionalsService } from '../professionals.service';
import { InvolvementService } from './involvement.service';
import { InvolvementLevel } from '@cpts/platform-persons';
import { InvolvementSource } from './involvement.types';

@Resolver(() => Professional)
export class InvolvementFields {
  constructor(
    private readonly involvement: InvolvementService,
    private readonly professionals: ProfessionalsService,
  ) {}

  @ResolveField(() => InvolvementLevel, { description: 'The highest level over the involvement sources (informed when none).' })
  involvementLevel(@Parent() professional: Professional): Promise<InvolvementLevel> {
    return scopedLoader<string, InvolvementLevel>(InvolvementFields.prototype.involvementLevel, async (ids) => {
      const levels = await this.involvement.levels(ids);
      return ids.map((id) => levels.get(id) ?? InvolvementLevel.INFORMED);
    }).load(professional.id);
  }

  @ResolveField(() => [InvolvementSource], { description: 'Why the person has this level: one entry per source, highest first.' })
  involvements(@Parent() professional: Professional): Promise<InvolvementSource[]> {
    return scopedLoader<string, InvolvementSource[]>(InvolvementFields.prototype.involvements, async (ids) => {
      const sources = await this.involvement.sources(ids);
      return ids.map((id) => sources.get(id) ?? []);
    }).load(professional.id);
  }

  @Mutation(() => Professional, { description: "Sets the staff's hand level of involvement of a person (informed removes it); the level kept is the highest over all sources." })
  @Allow(...CPTS_TEAM)
  async setInvolvementLevel(
    @Args('professionalId', { type: () => ID }, UuidPipe) professionalId: string,
    @Args('level', { type: () => InvolvementLevel }) level: InvolvementLevel,
  ): Promise<Professional> {
    await this.involvement.setManual(professionalId, level);
    return this.professionals.get(professionalId);
  }
}
