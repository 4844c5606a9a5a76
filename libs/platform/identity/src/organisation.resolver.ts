import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AppError, byKeys, Allow, regionsWhere, requirePrincipal, Role, scopedLoader, TENANT_ROLES, UuidPipe } from '@cpts/platform-core';
import { Commune, Departement, ReferenceService } from '@cpts/platform-reference';
import { CptsSlugs } from './cpts-slugs';
import { CptsInput } from './identity.inputs';
import { Cpts, Region, TeamMember } from './identity.types';
import { OrganisationService } from './organisation.service';

@Resolver(() => Cpts)
export class OrganisationResolver {
  constructor(
    private readonly organisation: OrganisationService,
    private readonly reference: ReferenceService,
    private readonly slugs: CptsSlugs,
  ) {}

  @Query(() => [Region], { description: 'Every region of the platform.' })
  @Allow(Role.PLATFORM_ADMIN)
  regions(): Promise<Region[]> {
    return this.organisation.regions();
  }

  @Query(() => [Cpts], { description: "The CPTS of the admin's regions." })
  @Allow(Role.REGION_ADMIN)
  regionCpts(): Promise<Cpts[]> {
    const principal = requirePrincipal();
    return this.organisation.cptsOfRegions(principal.regionRoles.filter((r) => r.role === Role.REGION_ADMIN).map((r) => r.regionId));
  }

  @Query(() => [Cpts], { description: 'The CPTS a mission officer follows ("Mes CPTS").' })
  @Allow(Role.MISSION_OFFICER)
  followedCpts(): Promise<Cpts[]> {
    return this.organisation.assignedCpts(requirePrincipal().userId);
  }

  @Query(() => Cpts, { description: 'One CPTS the caller may see (member, region admin, or mission officer following it).' })
  @Allow(Role.REGION_ADMIN, Role.MISSION_OFFICER, ...TENANT_ROLES)
  cpts(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Cpts> {
    return this.organisation.visibleCpts(requirePrincipal(), id);
  }

  @Mutation(() => Cpts)
  @Allow(Role.REGION_ADMIN)
  createCpts(@Args('input') input: CptsInput): Promise<Cpts> {
    const principal = requirePrincipal();
    return this.organisation.createCpts(principal, this.organisation.adminRegion(principal, input.regionId), input);
  }

  @Mutation(() => Cpts)
  @Allow(Role.REGION_ADMIN)
  updateCpts(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: CptsInput): Promise<Cpts> {
    return this.organisation.updateCpts(requirePrincipal(), id, input);
  }

  @Query(() => String, {
    description: 'A free address for the public pages of a CPTS, proposed from its name (for `cptsId`: its own addresses count as free).',
  })
  @Allow(Role.REGION_ADMIN)
  async cptsSlugSuggestion(
    @Args('name') name: string,
    @Args('cptsId', { type: () => ID, nullable: true }, UuidPipe) cptsId?: string | null,
  ): Promise<string> {
    if (cptsId) {
      const cpts = await this.organisation.cptsById(cptsId);
      const mine = cpts && regionsWhere(requirePrincipal(), [Role.REGION_ADMIN]).includes(cpts.regionId);
      if (!mine) throw AppError.notFound('CPTS introuvable.');
    }
    return this.slugs.suggest(name.slice(0, 120), cptsId ?? null);
  }

  @Mutation(() => TeamMember, { description: 'Sets the CPTS a mission officer of the region follows.' })
  @Allow(Role.REGION_ADMIN)
  async assignMissionOfficer(
    @Args('userId', { type: () => ID }, UuidPipe) userId: string,
    @Args('cptsIds', { type: () => [ID] }, UuidPipe) cptsIds: string[],
  ): Promise<TeamMember> {
    const principal = requirePrincipal();
    await this.organisation.assignMissionOfficer(principal, userId, cptsIds);
    const team = await this.regionTeam();
    return team.find((m) => m.user.id === userId) as TeamMember;
  }

  @Query(() => [TeamMember], { description: "People with a role in the admin's region, with the CPTS each mission officer follows." })
  @Allow(Role.REGION_ADMIN)
  async regionTeam(): Promise<TeamMember[]> {
    const principal = requirePrincipal();
    const regionIds = principal.regionRoles.filter((r) => r.role === Role.REGION_ADMIN).map((r) => r.regionId);
    return this.organisation.regionTeam(regionIds);
  }

  @Query(() => [TeamMember], { description: 'People with a role in the active CPTS.' })
  @Allow(Role.COORDINATOR, Role.STAFF)
  cptsTeam(): Promise<TeamMember[]> {
    return this.organisation.cptsTeam(requirePrincipal().tenantId as string);
  }

  @Query(() => Cpts, { description: 'The active CPTS of the session.' })
  @Allow(...TENANT_ROLES)
  currentCpts(): Promise<Cpts> {
    const principal = requirePrincipal();
    return this.organisation.visibleCpts(principal, principal.tenantId as string);
  }

  @ResolveField(() => Region)
  region(@Parent() cpts: Cpts): Promise<Region | null> {
    return scopedLoader<string, Region | null>(OrganisationResolver.prototype.region, async (ids) =>
      byKeys(ids, await this.organisation.regionsByIds(ids), (r) => r.id),
    ).load(cpts.regionId);
  }

  @ResolveField(() => [Departement])
  async departements(@Parent() cpts: Cpts): Promise<Departement[]> {
    const catalog = await this.reference.catalog();
    return cpts.departementCodes.map((code) => catalog.departement(code)).filter((d): d is Departement => d !== null);
  }

  @ResolveField(() => [Commune], { description: 'The communes of the territory, most populated first.' })
  async communes(@Parent() cpts: Cpts): Promise<Commune[]> {
    const catalog = await this.reference.catalog();
    return cpts.communeCodes
      .map((code) => catalog.commune(code))
      .filter((c): c is Commune => c !== null)
      .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name, 'fr'));
  }
}
