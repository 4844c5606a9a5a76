export * from './domain-library';
