import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM, requirePrincipal, Role, UuidPipe } from '@cpts/platform-core';
import { AdoptionsService } from './adoptions.service';
import { contentToOutput } from './content-mapping';
import { LibraryService } from './library.service';
import {
  AdaptResourceAdoptionInput,
  PublishResourceInput,
  PublishResourceVersionInput,
  Resource,
  ResourceAdoption,
  ResourceCategory,
  ResourceUpdateDiff,
  ResourceUsage,
  ResourceVersion,
} from './resources.types';
import { DigestScheduler } from './update-digest';
import { UsageService } from './usage.service';

/** The region's team: admins write, mission officers read. */
const REGION_READERS = [Role.REGION_ADMIN, Role.MISSION_OFFICER];
const TEAM = [...CPTS_TEAM];
/** The board reads the CPTS's adopted copies. */
const COPY_READERS = [...CPTS_TEAM, Role.BOARD_MEMBER];

@Resolver(() => Resource)
export class ResourcesResolver {
  constructor(
    private readonly library: LibraryService,
    private readonly adoptions: AdoptionsService,
    private readonly usageService: UsageService,
    private readonly digests: DigestScheduler,
  ) {}

  @Query(() => [Resource], {
    description: "The region's library, for its team: newest first, searched in title and description (accent-insensitive).",
  })
  @Allow(...REGION_READERS)
  regionResources(
    @Args('regionId', { type: () => ID, nullable: true }, UuidPipe) regionId?: string,
    @Args('search', { type: () => String, nullable: true }) search?: string,
    @Args('category', { type: () => ResourceCategory, nullable: true }) category?: ResourceCategory,
  ): Promise<Resource[]> {
    return this.library.list(this.library.readerRegion(requirePrincipal(), regionId), { search, category });
  }

  @Query(() => Resource, { description: "A resource of the caller's region(s), for its team." })
  @Allow(...REGION_READERS)
  async regionResource(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Resource> {
    const principal = requirePrincipal();
    const regionId = await this.library.regionHolding([...new Set(principal.regionRoles.map((r) => r.regionId))], id);
    return this.library.get(regionId, id);
  }

  @Query(() => ResourceUsage, {
    description:
      'Which CPTS adopted the resource, on which version, adapted or not, and downloads (region admin: the region’s CPTS; officer: those followed).',
  })
  @Allow(...REGION_READERS)
  resourceUsage(@Args('resourceId', { type: () => ID }, UuidPipe) resourceId: string): Promise<ResourceUsage> {
    return this.usageService.usage(resourceId);
  }

  @Mutation(() => Resource, { description: 'Publishes a new resource in the region’s library (version 1).' })
  @Allow(Role.REGION_ADMIN)
  publishResource(@Args('input') input: PublishResourceInput): Promise<Resource> {
    return this.library.publish(input);
  }

  @Mutation(() => Resource, {
    description:
      'Publishes a new version (the older ones stay); the adopting CPTS see « nouvelle version disponible » and get a digest email.',
  })
  @Allow(Role.REGION_ADMIN)
  async publishResourceVersion(@Args('input') input: PublishResourceVersionInput): Promise<Resource> {
    const resource = await this.library.publishVersion(input);
    await this.digests.afterPublish(resource.regionId, resource.id);
    return resource;
  }

  @Query(() => [Resource], { description: "The caller's CPTS's regional library (its own region only), searched and filtered." })
  @Allow(...TEAM)
  libraryResources(
    @Args('search', { type: () => String, nullable: true }) search?: string,
    @Args('category', { type: () => ResourceCategory, nullable: true }) category?: ResourceCategory,
  ): Promise<Resource[]> {
    return this.adoptions.browse({ search, category });
  }

  @Query(() => Resource, { description: "A resource of the caller's CPTS's regional library." })
  @Allow(...TEAM)
  libraryResource(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Resource> {
    return this.adoptions.resource(id);
  }

  @ResolveField(() => [ResourceVersion], { description: 'Every version, newest first, with its content and files.' })
  async versions(@Parent() resource: Resource): Promise<ResourceVersion[]> {
    return (await this.library.versions(resource.regionId, resource.id)).map((v) => ({ ...v, content: contentToOutput(v.content) }));
  }
}

@Resolver(() => ResourceAdoption)
export class ResourceAdoptionsResolver {
  constructor(private readonly adoptions: AdoptionsService) {}

  @Query(() => [ResourceAdoption], { description: "The CPTS's adopted copies, with their update notices." })
  @Allow(...COPY_READERS)
  resourceAdoptions(): Promise<ResourceAdoption[]> {
    return this.adoptions.list();
  }

  @Query(() => ResourceAdoption)
  @Allow(...COPY_READERS)
  resourceAdoption(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<ResourceAdoption> {
    return this.adoptions.get(id);
  }

  @Mutation(() => ResourceAdoption, { description: "Adopts a resource of the region: the CPTS's own copy of its newest version." })
  @Allow(...TEAM)
  adoptResource(@Args('resourceId', { type: () => ID }, UuidPipe) resourceId: string): Promise<ResourceAdoption> {
    return this.adoptions.adopt(resourceId);
  }

  @Mutation(() => ResourceAdoption, { description: "Edits the CPTS's copy (title, content); the region's resource is untouched." })
  @Allow(...TEAM)
  adaptResourceAdoption(@Args('input') input: AdaptResourceAdoptionInput): Promise<ResourceAdoption> {
    return this.adoptions.adapt(input);
  }

  @Query(() => ResourceUpdateDiff, { description: 'What changed between the adopted version and the region’s newest one.' })
  @Allow(...COPY_READERS)
  resourceUpdateDiff(@Args('adoptionId', { type: () => ID }, UuidPipe) adoptionId: string): Promise<ResourceUpdateDiff> {
    return this.adoptions.diff(adoptionId);
  }

  @Mutation(() => ResourceAdoption, {
    description: "Takes the region's newest version: the copy becomes it (an adapted copy's edits are replaced).",
  })
  @Allow(...TEAM)
  takeResourceUpdate(@Args('adoptionId', { type: () => ID }, UuidPipe) adoptionId: string): Promise<ResourceAdoption> {
    return this.adoptions.takeUpdate(adoptionId);
  }

  @Mutation(() => ResourceAdoption, { description: 'Keeps the copy as it is; the notice returns only with a newer version.' })
  @Allow(...TEAM)
  dismissResourceUpdate(@Args('adoptionId', { type: () => ID }, UuidPipe) adoptionId: string): Promise<ResourceAdoption> {
    return this.adoptions.dismissUpdate(adoptionId);
  }
}

export const RESOURCES_RESOLVERS = [ResourcesResolver, ResourceAdoptionsResolver];
