import { Module } from '@nestjs/common';
import { MeetingsModule } from '@cpts/meetings';
import type { DomainLibrary } from '@cpts/platform-domain';
import { MailModule } from '@cpts/platform-mail';
import { RemindersModule } from '@cpts/platform-reminders';
import { ResourcesModule } from '@cpts/resources';
import { surveysMigrations } from './migrations';
import { SurveyAnswerController } from './public/survey-answer.controller';
import { SurveyAnswers } from './public/survey-answers';
import { SurveyAudiences } from './survey-audiences';
import { surveysEntities } from './survey.entities';
import { SurveyEvidence } from './survey-evidence';
import { SurveyExportController } from './survey-export';
import { SurveyPersonData } from './survey-person-data';
import { SurveyReminderHandler } from './survey-reminder';
import { SurveyResultsReader } from './survey-results';
import { SurveyTemplates } from './survey-templates';
import { SurveysResolver } from './surveys.resolver';
import { SurveysService } from './surveys.service';

/**
 * Surveys in the gateway: the team's builder, sending and results, the
 * public answer page's API, the export; SurveyEvidence for the dialogue de
 * gestion (libs/evaluation imports this module).
 */
@Module({
  imports: [MeetingsModule, MailModule, RemindersModule, ResourcesModule],
  providers: [
    SurveysService,
    SurveyAudiences,
    SurveyResultsReader,
    SurveyTemplates,
    SurveyAnswers,
    SurveyEvidence,
    SurveyPersonData,
    SurveysResolver,
  ],
  controllers: [SurveyAnswerController, SurveyExportController],
  exports: [SurveyEvidence],
})
export class SurveysModule {}

/** Everything the apps need of the surveys (see DomainLibrary). */
export const surveysDomain: DomainLibrary = {
  name: 'surveys',
  entities: surveysEntities,
  migrations: surveysMigrations,
  resolvers: [SurveysResolver],
  gateway: SurveysModule,
  personData: [SurveyPersonData],
  reminderHandlers: [SurveyReminderHandler],
};
