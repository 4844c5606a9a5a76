import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useMe } from '../../auth/me';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/states';
import { toAppError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { CurrentCptsDocument } from './queries';

/** A member's home: their CPTS, and what will come here. */
export function MemberHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [{ data, error }, refetch] = useQuery({ query: CurrentCptsDocument });
  const firstName = me.me.user.displayName.split(' ')[0];
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={2} />;
  const cpts = data.currentCpts;
  return (
    <>
      <PageHeader title={t('member.title', { name: firstName })} subtitle={t('member.subtitle', { cpts: cpts.name })} />
      <Stack gap="md">
        <Card withBorder padding="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            {cpts.name}
          </Title>
          <Text size="sm">
            {t('member.figures', {
              professionals: formatNumber(cpts.professionalCount),
              communes: formatNumber(cpts.communeCodes.length),
              inhabitants: formatNumber(cpts.inhabitants),
            })}
          </Text>
          <Text size="sm" mt="xs">
            {t('member.contact')}{' '}
            <Anchor href={`mailto:${cpts.contactEmail}`} size="sm" className="break">
              {cpts.contactEmail}
            </Anchor>
          </Text>
        </Card>
        <Card withBorder padding="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            {t('governance.decisions.memberCardTitle')}
          </Title>
          <Text size="sm">
            {t('governance.decisions.memberCardText')}{' '}
            <Anchor component={Link} to="/gouvernance/decisions" size="sm">
              {t('governance.decisions.memberCardLink')}
            </Anchor>
          </Text>
        </Card>
        <Card withBorder padding="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            {t('member.soonTitle')}
          </Title>
          <Text size="sm" c="gray.8">
            {t('member.soonText')}
          </Text>
        </Card>
      </Stack>
    </>
  );
}
