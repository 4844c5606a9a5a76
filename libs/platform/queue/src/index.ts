export * from './queues';
export * from './redis';
export * from './producer';
export * from './queue.module';
export * from './worker-runner';
export * from './periodic';
