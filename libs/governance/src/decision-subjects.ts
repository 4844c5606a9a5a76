import type { MailEnv } from '@cpts/platform-config';
import type { Db } from '@cpts/platform-db';
import type { RenderedEmail } from '@cpts/platform-mail';
import type { Outcome } from './statutes';

/** What a subject learns when its decision closes. */
export interface ClosedDecision {
  id: string;
  /** The subject's own id, as given when the decision was opened. */
  subjectRef: string;
  outcome: Outcome;
  registerNumber: string;
}

/**
 * A thing of another library put to an instance as a decision (a call's
 * project, a raise of a call's envelope): the decision carries its kind and
 * id (`subject_kind`, `subject_ref`), and when the decision closes, in the
 * same transaction as the close, the subject applies the outcome (a project
 * approved, an envelope raised). Throwing rolls the close back: the
 * deadline's job retries it.
 *
 * Subjects register when their library's module file loads, because the
 * close runs in the gateway (the last vote) and in the worker's reminder
 * handlers, which are built from global providers only: the kind stored on
 * the row finds its subject in either process.
 */
export interface DecisionSubject {
  /** Stored on the decision, e.g. "call_project". */
  readonly kind: string;
  /** Runs in the decision's tenant transaction; returns emails to send with the outcome's (e.g. to the proposer, `secret`: their link's token). */
  closed(ctx: { db: Db; mail: MailEnv }, decision: ClosedDecision): Promise<Array<{ to: string; email: RenderedEmail; secret?: string }>>;
}

const subjects = new Map<string, DecisionSubject>();

export const DecisionSubjects = {
  register(subject: DecisionSubject): void {
    const known = subjects.get(subject.kind);
    if (known && known !== subject) throw new Error(`Decision subject registered twice: ${subject.kind}`);
    subjects.set(subject.kind, subject);
  },
  of(kind: string): DecisionSubject {
    const subject = subjects.get(kind);
    if (!subject) throw new Error(`No decision subject of kind ${kind} is registered in this process`);
    return subject;
  },
};
