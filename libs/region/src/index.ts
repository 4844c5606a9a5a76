export * from './region.module';
