export * from './migrations';
export * from './reminder.entity';
export * from './reminder-handler';
export * from './reminders.service';
export * from './reminder.processor';
export * from './reminder-reconciler';
export * from './reminder-queueing';
export * from './reminders.module';
