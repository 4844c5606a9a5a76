import { Alert, Badge, Grid, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { CardSection } from '../../../components/CardSection';
import { PageHeader } from '../../../components/PageHeader';
import { LoadingState, PageErrorState } from '../../../components/states';
import type { GovernanceInstanceQuery } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { CollegesSection } from './CollegesSection';
import { InstanceMeetings } from './InstanceMeetings';
import { CompositionOnSection, MandateHistorySection, MandatesSection } from './MandatesSection';
import { GovernanceInstanceDocument, INSTANCE_CONTEXT } from './queries-governance';
import { StatutesSection } from './StatutesForm';

type Instance = GovernanceInstanceQuery['governanceInstance'];

/**
 * One instance (the bureau, the CA, the AG, a commission): its seats and who
 * sits on them today, on a chosen day and ever; its colleges, its statutes'
 * rules and its meetings. The team keeps the mandates and colleges and
 * convenes the meetings; the coordinator edits the rules; the board reads.
 * At /gouvernance/instances/<id>.
 */
export function InstancePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const [{ data, error }, refetch] = useQuery({ query: GovernanceInstanceDocument, variables: { id }, context: INSTANCE_CONTEXT });
  const crumbs = [{ label: t('governance.instances.title'), to: '/gouvernance' }];
  if (error && !data) {
    return (
      <PageErrorState
        title={t('governance.instances.notFoundTitle')}
        crumbs={crumbs}
        error={toAppError(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!data) return <LoadingState rows={5} />;
  const instance = data.governanceInstance;
  const isAg = instance.kind === 'AG';
  return (
    <>
      <PageHeader
        title={instance.name}
        subtitle={
          <Group gap="xs" component="span">
            <Badge color="gray" variant="light" tt="none">
              {t(`governance.instances.kind.${instance.kind}`)}
            </Badge>
            <span>
              {instance.seats === null
                ? t('governance.instances.agElectorate', { count: instance.currentCount, formatted: formatNumber(instance.currentCount) })
                : t('governance.instances.composition', { count: instance.seats, current: instance.currentCount })}
            </span>
          </Group>
        }
        crumbs={[...crumbs, { label: instance.name }]}
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {isAg ? <AgMembers instance={instance} /> : <Seats instance={instance} />}
            {!isAg && <MandatesSection instance={instance} canManage={me.isCptsStaff} />}
            {!isAg && <CompositionOnSection instanceId={instance.id} />}
            {!isAg && <MandateHistorySection instanceId={instance.id} />}
            <InstanceMeetings instance={instance} canManage={me.isCptsStaff} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            {/* Colleges share out a CA's or a commission's seats (the AG's are its members' colleges). */}
            {(instance.kind === 'CA' || instance.kind === 'COMMISSION') && (
              <CollegesSection instance={instance} canManage={me.isCptsStaff} />
            )}
            <StatutesSection instance={instance} canEdit={me.isCoordinator} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

/** The seats against the mandates held: those to fill, and those ending within 90 days. */
function Seats({ instance }: { instance: Instance }) {
  const { t } = useTranslation();
  return (
    <CardSection id="instance-seats" title={t('governance.instances.seatsTitle')} gap="xs">
      <Text size="sm">{t('governance.instances.composition', { count: instance.seats ?? 0, current: instance.currentCount })}</Text>
      <Text size="sm" fw={instance.seatsToFill > 0 ? 700 : undefined}>
        {instance.seatsToFill > 0
          ? t('governance.instances.seatsToFill', { count: instance.seatsToFill })
          : t('governance.instances.allSeatsFilled')}
      </Text>
      {instance.endingSoon > 0 && (
        <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={18} aria-hidden />}>
          <Text size="sm">{t('governance.instances.endingSoon', { count: instance.endingSoon })}</Text>
        </Alert>
      )}
    </CardSection>
  );
}

/** The AG sits without mandates: its members are the year's active members, in their colleges. */
function AgMembers({ instance }: { instance: Instance }) {
  const { t } = useTranslation();
  return (
    <CardSection id="instance-ag" title={t('governance.instances.agTitle')} gap="xs">
      <Text size="sm">
        {t('governance.instances.agHelp', { count: instance.currentCount, formatted: formatNumber(instance.currentCount) })}
      </Text>
      {instance.statutes.perCollege && (
        <Text size="sm" c="gray.8">
          {t('governance.instances.agPerCollege')}
        </Text>
      )}
    </CardSection>
  );
}
