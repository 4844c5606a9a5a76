import { Module } from '@nestjs/common';
import type { DomainLibrary } from '@cpts/platform-domain';
import { resourcesMigrations } from './migrations';

@Module({})
export class ResourcesModule {}

export const resourcesDomain: DomainLibrary = {
  name: 'resources',
  entities: [],
  migrations: resourcesMigrations,
  resolvers: [],
  gateway: ResourcesModule,
};
