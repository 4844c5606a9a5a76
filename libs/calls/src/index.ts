export * from './calls.types';
export * from './calls.module';
export { speakerFees, budgetOf } from './budget';
export { ProposerLinks } from './project-links';
// For the tests that act as a proposer (the public routes' services) and the demo seed.
export { CallsService } from './calls.service';
export { ProjectsService } from './projects.service';
// For the tests that run the drafts' reminder as the worker does.
export { DraftReminderHandler } from './public/draft-reminder';
// The names other code stores for the calls' things (the demo seed writes rows as the services do).
export { WORKSHOP_SOURCE, DEBRIEF_SOURCE } from './call-payments';
export { PROJECT_SUBJECT, ENVELOPE_SUBJECT } from './project-bureau';
export { PROJECT_OWNER } from './workshops/project-meetings';
