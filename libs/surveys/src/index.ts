export * from './surveys.module';
export * from './survey-evidence';
export type { SurveyListItem, SurveySummary } from './survey.types';
export { SurveyStatus } from './survey.types';
export { SurveyReminderHandler } from './survey-reminder';
export { SurveyLinks } from './survey-links';
