export * from './statutes';
