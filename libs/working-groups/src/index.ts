export * from './working-groups.module';
export * from './working-group.types';
export * from './working-groups.service';
export * from './working-group-members.service';
export * from './working-group-meetings';
export * from './referent-digest.worker';
export * from './join-requests';
