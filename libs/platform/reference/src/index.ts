export * from './csv';
export * from './reference.entities';
export * from './reference.types';
export * from './reference.service';
export * from './reference.resolver';
export * from './reference.module';
export * from './migrations';
export * from './aci-missions';
