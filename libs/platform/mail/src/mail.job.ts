/** Payload of a `mail` job (its id is the outbox row's): the row holds the message. */
export interface MailJob {
  outboxId: string;
}

declare module '@cpts/platform-queue' {
  interface JobPayloads {
    mail: MailJob;
  }
}
