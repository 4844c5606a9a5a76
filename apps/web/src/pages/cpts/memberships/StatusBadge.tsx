import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MembershipStatus } from '../../../gql/graphql';
import { statusColor } from './labels';

/** A membership's status; never shortened, even in a narrow table column on a phone. */
export function StatusBadge({ status }: { status: MembershipStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} miw="max-content">
      {t(`memberships.status.${status}`)}
    </Badge>
  );
}
