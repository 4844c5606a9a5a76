import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { scopedLoader } from '@cpts/platform-core';
import { Cpts } from '@cpts/platform-identity';
import { DirectoryFiguresService } from './directory-figures.service';

/** Directory figures on the CPTS type (regional views, "Mes CPTS"). */
@Resolver(() => Cpts)
export class CptsDirectoryFields {
  constructor(private readonly figures: DirectoryFiguresService) {}

  @ResolveField(() => Int, { description: 'Active professionals in the directory.' })
  professionalCount(@Parent() cpts: Cpts): Promise<number> {
    return scopedLoader<string, number>(CptsDirectoryFields.prototype.professionalCount, (ids) =>
      this.figures.activeProfessionals(ids),
    ).load(cpts.id);
  }
}
