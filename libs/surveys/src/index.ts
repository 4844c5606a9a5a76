export * from './surveys.module';
