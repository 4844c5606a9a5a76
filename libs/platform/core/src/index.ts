export * from './errors';
export * from './roles';
export * from './principal';
export * from './request-scope';
export * from './access';
