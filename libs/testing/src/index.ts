export * from './smtp-sink';
export * from './graphql-client';
export * from './world';
export * from './processes';
export * from './own-database';
