import { Module } from '@nestjs/common';
import type { DomainLibrary } from '@cpts/platform-domain';
import { evaluationMigrations } from './migrations';

@Module({})
export class EvaluationModule {}

export const evaluationDomain: DomainLibrary = {
  name: 'evaluation',
  entities: [],
  migrations: evaluationMigrations,
  resolvers: [],
  gateway: EvaluationModule,
};
