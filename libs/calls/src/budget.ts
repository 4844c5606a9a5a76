import { amountForMinutes } from '@cpts/payments';

/**
 * The money of a project, in integer cents only (docs/calls-and-payments.md,
 * "Money"): a workshop's fee is its minutes × the hourly rate / 60, rounded
 * half-up to the cent once per workshop and speaker (the payments module's
 * `amountForMinutes`, which pays it); sums are of those rounded amounts. No
 * floating-point number ever holds an amount.
 */

export interface FeeSchedule {
  flatFeeCents: number;
  hourlyRateCents: number;
}

export interface PlannedWork {
  workshopCount: number;
  workshopMinutes: number;
  speakers: number;
}

export interface BudgetLine {
  kind: 'materials' | 'other';
  label: string;
  amountCents: number;
}

/** What the speakers will be paid: each the flat fee (set-up and debrief) and each workshop's hourly fee. */
export function speakerFees(schedule: FeeSchedule, work: PlannedWork): number {
  if (work.workshopCount === 0) return 0;
  return work.speakers * (schedule.flatFeeCents + work.workshopCount * amountForMinutes(work.workshopMinutes, schedule.hourlyRateCents));
}

/** The budget asked: the speakers' fees and the other lines. */
export function budgetOf(schedule: FeeSchedule, work: PlannedWork, lines: readonly BudgetLine[]): number {
  return lines.reduce((sum, line) => sum + line.amountCents, speakerFees(schedule, work));
}
