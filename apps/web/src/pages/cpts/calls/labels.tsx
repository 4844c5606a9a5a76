import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallState, ProjectStatus } from '../../../gql/graphql';
import { DecisionStatusBadge, OutcomeBadge } from '../governance/DecisionLabels';
import '../../../i18n/calls';

/** A project's life, in the order it goes through it (the filter's order). */
export const PROJECT_STATUSES: ProjectStatus[] = [
  'DRAFT',
  'SUBMITTED',
  'UNDER_REVIEW',
  'CHANGES_REQUESTED',
  'READY_FOR_BUREAU',
  'APPROVED',
  'REJECTED',
  'IN_PROGRESS',
  'COMPLETED',
  'EVALUATED',
];

/** Light badges (the theme keeps their text AA); the statuses that wait on the team stand out. */
const statusColor: Record<ProjectStatus, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  UNDER_REVIEW: 'indigo',
  CHANGES_REQUESTED: 'orange',
  READY_FOR_BUREAU: 'violet',
  APPROVED: 'teal',
  REJECTED: 'red',
  IN_PROGRESS: 'cyan',
  COMPLETED: 'green',
  EVALUATED: 'dark',
};

const stateColor: Record<CallState, string> = { DRAFT: 'gray', UPCOMING: 'blue', OPEN: 'teal', CLOSED: 'dark' };

/** A project's status in French; never shortened, even in a narrow column (a span: it sits in a page's subtitle too). */
export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" color={statusColor[status]} variant="light" tt="none" miw="max-content">
      {t(`calls.status.${status}`)}
    </Badge>
  );
}

/** Brouillon, à venir, ouvert, clos. */
export function CallStateBadge({ state }: { state: CallState }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" color={stateColor[state]} tt="none" miw="max-content">
      {t(`calls.state.${state}`)}
    </Badge>
  );
}

/** Where the bureau's decision on a project stands (governance names it OPEN, CLOSED...; compared whatever the case). */
export const decisionIs = (d: { status: string } | null | undefined, status: 'open' | 'closed'): boolean =>
  d?.status.toLowerCase() === status;

/** A decision of the bureau (on a project, on a raise): its outcome once closed, else where the vote stands. */
export function BureauDecisionBadge({ decision: d }: { decision: { status: string; outcome?: string | null } }) {
  return decisionIs(d, 'closed') && d.outcome ? <OutcomeBadge outcome={d.outcome} /> : <DecisionStatusBadge status={d.status} />;
}
