export * from './person-data-part';
export * from './person-contracts';
export * from './involvement-level';
export * from './mailed-purposes';
export * from './directory-sql';
export * from './person-intake';
export * from './person-memberships';
export * from './segment';
