import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM, UuidPipe } from '@cpts/platform-core';
import { Professional } from '../professional.types';
import { ProfessionalsService } from '../professionals.service';
import { DirectoryLabel, DirectoryLabelInput, SetProfessionalLabelsArgs } from './label.types';
import { LabelsService } from './labels.service';

@Resolver(() => Professional)
export class LabelsResolver {
  constructor(
    private readonly service: LabelsService,
    private readonly professionals: ProfessionalsService,
  ) {}

  @Query(() => [DirectoryLabel], { description: "The CPTS's labels, by name." })
  @Allow(...CPTS_TEAM)
  directoryLabels(): Promise<DirectoryLabel[]> {
    return this.service.list();
  }

  @Mutation(() => DirectoryLabel)
  @Allow(...CPTS_TEAM)
  createDirectoryLabel(@Args('input') input: DirectoryLabelInput): Promise<DirectoryLabel> {
    return this.service.create(input.name);
  }

  @Mutation(() => DirectoryLabel)
  @Allow(...CPTS_TEAM)
  renameDirectoryLabel(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: DirectoryLabelInput,
  ): Promise<DirectoryLabel> {
    return this.service.rename(id, input.name);
  }

  @Mutation(() => Boolean, { description: 'Deletes a label and takes it off everyone who carried it.' })
  @Allow(...CPTS_TEAM)
  deleteDirectoryLabel(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<boolean> {
    return this.service.delete(id);
  }

  @Mutation(() => Professional, { description: "Sets a person's labels to exactly the given ones." })
  @Allow(...CPTS_TEAM)
  async setProfessionalLabels(@Args() args: SetProfessionalLabelsArgs): Promise<Professional> {
    const id = args.professionalId.toLowerCase();
    await this.service.setForPerson(
      id,
      args.labelIds.map((l) => l.toLowerCase()),
    );
    return this.professionals.get(id);
  }

  @ResolveField(() => [DirectoryLabel], { description: "The CPTS's labels this person carries." })
  async labels(@Parent() professional: Professional): Promise<DirectoryLabel[]> {
    // The count is the label's, not the person's: read from the list only when asked for.
    const mine = await this.service.forPerson(professional.id);
    if (mine.length === 0) return [];
    const all = await this.service.list();
    return all.filter((l) => mine.some((m) => m.id === l.id));
  }
}
