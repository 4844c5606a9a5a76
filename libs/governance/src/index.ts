export * from './statutes';
export * from './governance.types';
export * from './governance.module';
export * from './decision-links';
export * from './audit-chain';
export { INSTANCE_OWNER } from './instance-meetings';
// The closer, for tests that run the deadline's handler; and what the demo seed (apps/migrator) writes as the
// services do: the opening emails, the reminders' kinds, the register's numbers, the default thresholds.
export { DecisionCloser, DECISION_CLOSE, DECISION_VOTE_REMINDER, registerNumber } from './decision-closing';
export { DecisionMailer } from './decision-mailer';
export { MANDATE_END_REMINDER } from './instances.service';
export { DEFAULT_DELEGATION } from './spending.service';
export { euros } from './decision-emails';
export { DecisionSubjects, type DecisionSubject, type ClosedDecision } from './decision-subjects';
export { DecisionsService } from './decisions.service';
export { InstancesService } from './instances.service';
export { Treasurer } from './treasurer';
