export * from './statutes';
export * from './governance.types';
export * from './governance.module';
export * from './decision-links';
export * from './audit-chain';
export { INSTANCE_OWNER } from './instance-meetings';
export { DecisionCloser } from './decision-closing';
