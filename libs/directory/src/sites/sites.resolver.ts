import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM, scopedLoader, UuidPipe } from '@cpts/platform-core';
import { Professional } from '../professional.types';
import { ProfessionalsService } from '../professionals.service';
import { ProfessionalSite, ProfessionalSiteInput } from './site.types';
import { SitesService } from './sites.service';

@Resolver(() => Professional)
export class SitesResolver {
  constructor(
    private readonly service: SitesService,
    private readonly professionals: ProfessionalsService,
  ) {}

  @ResolveField(() => [ProfessionalSite], {
    description: 'Where the person practises: the main site first; retired ones (last) only when asked.',
  })
  sites(
    @Parent() professional: Professional,
    @Args('includeRetired', { defaultValue: false }) includeRetired: boolean,
  ): Promise<ProfessionalSite[]> {
    const key = includeRetired ? SitesResolver.prototype.sites : SitesResolver;
    return scopedLoader<string, ProfessionalSite[]>(key, async (ids) => {
      const found = await this.service.ofProfessionals(ids, includeRetired);
      return ids.map((id) => found.get(id) ?? []);
    }).load(professional.id);
  }

  @Mutation(() => Professional, { description: 'Adds a practice site typed by hand (an import never retires it).' })
  @Allow(...CPTS_TEAM)
  async addProfessionalSite(
    @Args('professionalId', { type: () => ID }, UuidPipe) professionalId: string,
    @Args('input') input: ProfessionalSiteInput,
  ): Promise<Professional> {
    await this.service.add(professionalId, input);
    return this.professionals.get(professionalId);
  }

  @Mutation(() => Professional, {
    description: "Edits a practice site. On an imported site, an edited field is the staff's: imports keep it.",
  })
  @Allow(...CPTS_TEAM)
  async updateProfessionalSite(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('input') input: ProfessionalSiteInput,
  ): Promise<Professional> {
    return this.professionals.get(await this.service.update(id, input));
  }

  @Mutation(() => Professional, { description: 'Takes a site off the current ones (kept in the history); not the main one.' })
  @Allow(...CPTS_TEAM)
  async retireProfessionalSite(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Professional> {
    return this.professionals.get(await this.service.retire(id));
  }

  @Mutation(() => Professional, {
    description: "Makes a current site the person's main one (its commune, structure and phone become the person's).",
  })
  @Allow(...CPTS_TEAM)
  async setMainProfessionalSite(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Professional> {
    return this.professionals.get(await this.service.setMain(id));
  }
}
