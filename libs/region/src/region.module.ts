import { Module } from '@nestjs/common';
import type { DomainLibrary } from '@cpts/platform-domain';
import { regionMigrations } from './migrations';

@Module({})
export class RegionModule {}

export const regionDomain: DomainLibrary = {
  name: 'region',
  entities: [],
  migrations: regionMigrations,
  resolvers: [],
  gateway: RegionModule,
};
