import { Module } from '@nestjs/common';
import type { DomainLibrary } from '@cpts/platform-domain';
import { surveysMigrations } from './migrations';

@Module({})
export class SurveysModule {}

export const surveysDomain: DomainLibrary = {
  name: 'surveys',
  entities: [],
  migrations: surveysMigrations,
  resolvers: [],
  gateway: SurveysModule,
};
