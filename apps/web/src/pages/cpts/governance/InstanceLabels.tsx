import { Anchor, Badge, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { DecisionOutcome, InstanceKind, MajorityRule, MandateObtained, MandateOffice, MembershipCollege } from '../../../gql/graphql';

export const KINDS: InstanceKind[] = ['BUREAU', 'CA', 'AG', 'COMMISSION'];
export const OFFICES: MandateOffice[] = ['PRESIDENT', 'VICE_PRESIDENT', 'TREASURER', 'SECRETARY', 'MEMBER'];
export const OBTAINED: MandateObtained[] = ['ELECTED', 'COOPTED', 'APPOINTED', 'EX_OFFICIO'];
export const MAJORITIES: MajorityRule[] = ['SIMPLE', 'ABSOLUTE_OF_SEATS', 'TWO_THIRDS'];
export const MEMBERSHIP_COLLEGES: MembershipCollege[] = ['LIBERAL', 'MSP', 'ESTABLISHMENT', 'USER'];
/** A mandate ending within this many days is flagged (as the API counts `endingSoon`). */
export const ENDING_SOON_DAYS = 90;

/** Today in Paris, YYYY-MM-DD: mandates begin and end on Paris calendar days. */
export const parisToday = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

/** A mandate's office; the president's stands out. */
export function OfficeBadge({ office }: { office: MandateOffice }) {
  const { t } = useTranslation();
  return (
    <Badge color={office === 'MEMBER' ? 'gray' : 'brand'} variant="light" tt="none" miw="max-content">
      {t(`governance.instances.office.${office}`)}
    </Badge>
  );
}

/** Days left on a current mandate, in words; a warning under 90 days (colour only helps). */
export function DaysLeftBadge({ daysLeft }: { daysLeft: number | null }) {
  const { t } = useTranslation();
  if (daysLeft === null) return null;
  const soon = daysLeft < ENDING_SOON_DAYS;
  return (
    <Badge
      color={soon ? 'orange' : 'gray'}
      tt="none"
      miw="max-content"
      leftSection={soon ? <IconAlertTriangle size={12} aria-hidden /> : undefined}
    >
      {soon
        ? t('governance.instances.mandate.endingSoon', { count: daysLeft })
        : t('governance.instances.mandate.daysLeft', { count: daysLeft })}
    </Badge>
  );
}

const outcomeColor: Record<DecisionOutcome, string> = { ADOPTED: 'teal', REJECTED: 'red', NO_QUORUM: 'yellow' };

/** A decision's outcome in French. */
export function OutcomeBadge({ outcome }: { outcome: DecisionOutcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  return (
    <Badge color={outcomeColor[outcome]} tt="none" miw="max-content">
      {t(`governance.meetings.outcome.${outcome}`)}
    </Badge>
  );
}

/**
 * The parts of governance, one link each: its pages (the instances, the
 * decisions, the register, spending) are reached from any of them.
 */
export function GovernanceNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const links = [
    { to: '/gouvernance', label: t('governance.instances.navInstances') },
    { to: '/gouvernance/decisions', label: t('governance.instances.navDecisions') },
    { to: '/gouvernance/registre', label: t('governance.instances.navRegister') },
    { to: '/gouvernance/depenses', label: t('governance.instances.navSpending') },
  ];
  return (
    <Group component="nav" aria-label={t('governance.instances.navLabel')} gap="md" mb="md" wrap="wrap">
      {links.map((l) => {
        const current = pathname === l.to;
        return (
          <Anchor key={l.to} component={Link} to={l.to} fw={current ? 700 : 500} aria-current={current ? 'page' : undefined}>
            {l.label}
          </Anchor>
        );
      })}
    </Group>
  );
}
