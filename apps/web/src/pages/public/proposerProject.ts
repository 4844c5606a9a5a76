import { eurosToCents, centsToEurosInput, feeForMinutes } from '../cpts/calls/money';
import type { IdentityChoices } from './IdentityFields';
import type { PublicCall } from './PublicCallFacts';

export interface ProjectPerson {
  id: string;
  name: string;
  professionCode: string;
}

/** The proposer's page of their project (GET /api/public/projects/<token>, and the answer of each change). */
export interface ProjectView extends IdentityChoices {
  cptsName: string;
  cptsSlug: string;
  callPage: string;
  call: PublicCall;
  project: {
    number: string;
    status: string;
    title: string;
    summary: string;
    missions: string[];
    targetPublic: string;
    coCarriers: ProjectPerson[];
    workshopCount: number;
    workshopMinutes: number;
    speakers: number;
    budgetLines: Array<{ kind: 'materials' | 'other'; label: string; amountCents: number }>;
    criteria: Array<{ criterion: string; indicator: string; target: string }>;
    speakerFeesCents: number;
    budgetCents: number;
    approvedCents: number | null;
    submittedAt: string | null;
    updatedAt: string;
    proposer: { name: string; email: string };
  };
  statusLabel: string;
  statusHelp: string;
  can: { edit: boolean; submit: boolean; reason: string | null };
  comments: Array<{ id: string; author: string; authorName: string; body: string; createdAt: string }>;
  documents: Array<{
    id: string;
    fileName: string;
    contentType: string;
    bytes: number;
    uploadedAt: string;
    byProposer: boolean;
    url: string;
  }>;
  history: Array<{ at: string; fromStatus: string | null; toStatus: string; label: string; actorName: string; note: string | null }>;
  linkExpiresAt: string;
}

export interface BudgetRow {
  key: number;
  kind: 'materials' | 'other';
  label: string;
  /** As typed, in euros. */
  amount: string;
}

export interface CriterionRow {
  key: number;
  criterion: string;
  indicator: string;
  target: string;
  /** One of the call's required criteria: its name is the call's. */
  required: boolean;
}

/** The form as the proposer edits it. */
export interface ProjectDraft {
  title: string;
  summary: string;
  missions: string[];
  targetPublic: string;
  coCarriers: ProjectPerson[];
  workshopCount: number;
  hours: number;
  minutes: number;
  speakers: number;
  budgetLines: BudgetRow[];
  criteria: CriterionRow[];
}

let keys = 0;
export const nextKey = () => ++keys;

/** The draft of a project as saved; a project without criteria yet starts with the call's required ones, to complete. */
export function draftFrom(view: ProjectView): ProjectDraft {
  const p = view.project;
  const required = new Set(view.call.requiredCriteria.map((c) => c.trim().toLowerCase()));
  const criteria =
    p.criteria.length > 0
      ? p.criteria.map((c) => ({ key: nextKey(), ...c, required: required.has(c.criterion.trim().toLowerCase()) }))
      : view.call.requiredCriteria.map((criterion) => ({ key: nextKey(), criterion, indicator: '', target: '', required: true }));
  return {
    title: p.title,
    summary: p.summary,
    missions: p.missions,
    targetPublic: p.targetPublic,
    coCarriers: p.coCarriers,
    workshopCount: p.workshopCount,
    hours: Math.floor(p.workshopMinutes / 60),
    minutes: p.workshopMinutes % 60,
    speakers: p.speakers,
    budgetLines: p.budgetLines.map((l) => ({ key: nextKey(), kind: l.kind, label: l.label, amount: centsToEurosInput(l.amountCents) })),
    criteria,
  };
}

/**
 * The body of the autosave (PUT { form }), or the amounts that are not
 * amounts (then nothing is sent). Rows left blank are not sent; `lineAt`
 * maps a sent budget line back to its row, for the API's field errors.
 */
export function formOf(
  draft: ProjectDraft,
): { form: Record<string, unknown>; lineAt: number[]; invalid: Record<string, string> } | { invalid: Record<string, string> } {
  const invalid: Record<string, string> = {};
  const lineAt: number[] = [];
  const budgetLines: Array<{ kind: string; label: string; amountCents: number }> = [];
  draft.budgetLines.forEach((line, i) => {
    if (!line.label.trim() && !line.amount.trim()) return;
    const cents = eurosToCents(line.amount);
    if (cents === null) invalid[`budgetLines.${i}.amountCents`] = 'invalid';
    lineAt.push(i);
    budgetLines.push({ kind: line.kind, label: line.label, amountCents: cents ?? 0 });
  });
  if (Object.keys(invalid).length > 0) return { invalid };
  return {
    invalid,
    lineAt,
    form: {
      title: draft.title,
      summary: draft.summary,
      missions: draft.missions,
      targetPublic: draft.targetPublic,
      coCarrierIds: draft.coCarriers.map((c) => c.id),
      workshopCount: draft.workshopCount,
      workshopMinutes: draft.hours * 60 + draft.minutes,
      speakers: draft.speakers,
      budgetLines,
      criteria: draft.criteria
        .filter((c) => c.criterion.trim() || c.indicator.trim() || c.target.trim())
        .map((c) => ({ criterion: c.criterion, indicator: c.indicator, target: c.target })),
    },
  };
}

/** The API's field names for the page's fields: without "form.", a budget line's index as shown. */
export function pageFields(fields: Record<string, string>, lineAt: number[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const name = field.replace(/^form\./, '');
    const line = /^budgetLines\.(\d+)\.(.+)$/.exec(name);
    out[line ? `budgetLines.${lineAt[Number(line[1])] ?? line[1]}.${line[2]}` : name] ??= message;
  }
  return out;
}

/*
 * The speakers' fees exactly as the server computes them (libs/calls/src/budget.ts):
 * each speaker is paid the flat fee once and every workshop's fee (feeForMinutes).
 */

export function speakerFees(
  call: Pick<PublicCall, 'flatFeeCents' | 'hourlyRateCents'>,
  draft: Pick<ProjectDraft, 'workshopCount' | 'hours' | 'minutes' | 'speakers'>,
): number {
  if (draft.workshopCount === 0) return 0;
  return draft.speakers * (call.flatFeeCents + draft.workshopCount * feeForMinutes(draft.hours * 60 + draft.minutes, call.hourlyRateCents));
}

/** The other lines' total in cents; null while an amount is not one. */
export function linesTotal(draft: Pick<ProjectDraft, 'budgetLines'>): number | null {
  let total = 0;
  for (const line of draft.budgetLines) {
    if (!line.amount.trim()) continue;
    const cents = eurosToCents(line.amount);
    if (cents === null) return null;
    total += cents;
  }
  return total;
}
