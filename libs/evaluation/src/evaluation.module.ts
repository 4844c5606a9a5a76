import { Module } from '@nestjs/common';
import { MeetingsModule } from '@cpts/meetings';
import { ResourcesModule } from '@cpts/resources';
import { SurveysModule } from '@cpts/surveys';
import type { DomainLibrary } from '@cpts/platform-domain';
import { EvaluationController } from './evaluation.controller';
import { evaluationEntities } from './evaluation.entities';
import { EvaluationFileService } from './evaluation-file.service';
import { EvaluationPersonData } from './evaluation.person-data';
import { FicheEvidenceService } from './fiche-evidence.service';
import { FicheMeetings } from './fiche-meetings';
import { FichesResolver } from './fiches.resolver';
import { FichesService } from './fiches.service';
import { evaluationMigrations } from './migrations';

/** The fiches action and the dialogue de gestion file (docs/evaluation.md). */
@Module({
  imports: [MeetingsModule, SurveysModule, ResourcesModule],
  providers: [FichesService, FicheEvidenceService, FicheMeetings, EvaluationFileService, FichesResolver, EvaluationPersonData],
  controllers: [EvaluationController],
})
export class EvaluationModule {}

export const evaluationDomain: DomainLibrary = {
  name: 'evaluation',
  entities: evaluationEntities,
  migrations: evaluationMigrations,
  resolvers: [FichesResolver],
  gateway: EvaluationModule,
  personData: [EvaluationPersonData],
};
