/** Payload of a `reminder` job (its id is the reminder's id). */
export interface ReminderJob {
  tenantId: string;
  reminderId: string;
}

declare module '@cpts/platform-queue' {
  interface JobPayloads {
    reminder: ReminderJob;
  }
}
