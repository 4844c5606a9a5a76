import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveyStatus } from '../../../gql/graphql';

const COLORS: Record<SurveyStatus, string> = { DRAFT: 'gray', SENT: 'blue', CLOSED: 'teal' };

export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`surveys.status.${status}`)}
    </Badge>
  );
}
