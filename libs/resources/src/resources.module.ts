import { RegionUnits } from '@cpts/platform-db';
import { Module } from '@nestjs/common';
import type { DomainLibrary } from '@cpts/platform-domain';
import { IdentityModule } from '@cpts/platform-identity';
import { RemindersModule } from '@cpts/platform-reminders';
import { AdoptedResources } from './adopted-resources';
import { AdoptionsService } from './adoptions.service';
import { LibraryService } from './library.service';
import { resourcesMigrations } from './migrations';
import { ResourceFilesController } from './resource-files.controller';
import { resourcesEntities } from './resources.entities';
import { RESOURCES_RESOLVERS } from './resources.resolver';
import { DigestScheduler, ResourceUpdateDigest } from './update-digest';
import { UsageService } from './usage.service';

/**
 * The regional library in the gateway. AdoptedResources is exported for the
 * surveys and evaluation engines (a survey or a fiche from an adopted template).
 */
@Module({
  imports: [IdentityModule, RemindersModule],
  providers: [AdoptedResources, RegionUnits, LibraryService, AdoptionsService, UsageService, DigestScheduler, ...RESOURCES_RESOLVERS],
  controllers: [ResourceFilesController],
  exports: [AdoptedResources],
})
export class ResourcesModule {}

/** Everything the apps need of the regional library (see DomainLibrary). */
export const resourcesDomain: DomainLibrary = {
  name: 'resources',
  entities: resourcesEntities,
  migrations: resourcesMigrations,
  resolvers: RESOURCES_RESOLVERS,
  gateway: ResourcesModule,
  reminderHandlers: [ResourceUpdateDigest],
};
