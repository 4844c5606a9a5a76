import { Anchor, Badge, Box, Button, Stack, Table, Text } from '@mantine/core';
import { IconMail, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import type { CampaignsQuery, CampaignStatus } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { CAMPAIGN_CONTEXT } from './CampaignComposerPage';
import { CampaignsDocument, NewslettersInMonthDocument } from './queries';
import { formatParis, NEWSLETTERS_PER_MONTH, statusColor } from './schedule';
import { TooManyWarning } from './TooManyWarning';

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light" tt="none">
      {t(`campaigns.status.${status}`)}
    </Badge>
  );
}

/** The campaigns of the CPTS: status, progress, when. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: CampaignsDocument, context: CAMPAIGN_CONTEXT, requestPolicy: 'cache-and-network' });
  const [{ data: month }] = useQuery({ query: NewslettersInMonthDocument, context: CAMPAIGN_CONTEXT });
  const add = (
    <Button component={Link} to="/campagnes/nouvelle" leftSection={<IconPlus size={18} />}>
      {t('campaigns.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('campaigns.title')} subtitle={t('campaigns.subtitle')} actions={add} />
      {month && month.newslettersInMonth >= NEWSLETTERS_PER_MONTH && (
        <Box mb="md">
          <TooManyWarning count={month.newslettersInMonth} at={new Date()} />
        </Box>
      )}
      {error && !data && <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && !error && <LoadingState rows={3} />}
      {data && data.campaigns.length === 0 && <EmptyState icon={<IconMail size={32} />} title={t('campaigns.empty')} description={t('campaigns.emptyHelp')} action={add} />}
      {data && data.campaigns.length > 0 && (
        <Stack gap="sm">
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('campaigns.fields.subject')}</Table.Th>
                  <Table.Th>{t('campaigns.fields.audienceType')}</Table.Th>
                  <Table.Th>{t('campaigns.statusLabel')}</Table.Th>
                  <Table.Th>{t('campaigns.progressLabel')}</Table.Th>
                  <Table.Th>{t('campaigns.when')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.campaigns.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/campagnes/${c.id}`} fw={600}>
                        {c.subject}
                      </Anchor>
                      <Text size="xs" c="gray.8">
                        {t(`campaigns.purpose.${c.purpose}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`campaigns.audience.${c.audienceType}`)}</Table.Td>
                    <Table.Td>
                      <CampaignStatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>{c.progress.total > 0 ? t('campaigns.progressShort', { sent: formatNumber(c.progress.sent), total: formatNumber(c.progress.total) }) : '—'}</Table.Td>
                    <Table.Td>{when(c, t)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </>
  );
}

function when(c: CampaignsQuery['campaigns'][number], t: (key: string, options?: Record<string, unknown>) => string): string {
  if (c.status === 'SCHEDULED' && c.scheduledAt) return t('campaigns.scheduledFor', { when: formatParis(c.scheduledAt) });
  if (c.sendingStartedAt) return t('campaigns.startedAt', { when: formatParis(c.sendingStartedAt) });
  return t('campaigns.editedAt', { when: formatParis(c.updatedAt) });
}
