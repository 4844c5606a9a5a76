export * from './identifiers';
export * from './professional.entity';
export * from './professional.types';
export * from './professionals.service';
export * from './directory.resolver';
export * from './directory.module';
export * from './migrations';
