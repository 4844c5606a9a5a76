export * from './resources.module';
export * from './resource-content';
export * from './adopted-resources';
