import { Anchor, Badge, Box, Button, Card, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { IconMail, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { TableHead } from '../../../components/TableHead';
import type { CampaignsQuery, CampaignStatus } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { formatParis } from '../../../lib/paris';
import { useCursorPages } from '../../../lib/useCursorPages';
import { CAMPAIGN_CONTEXT } from './CampaignComposerPage';
import { CampaignsDocument, NewslettersInMonthDocument } from './queries';
import { NEWSLETTERS_PER_MONTH, statusColor } from './schedule';
import { TooManyWarning } from './TooManyWarning';

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light" tt="none">
      {t(`campaigns.status.${status}`)}
    </Badge>
  );
}

type CampaignRow = CampaignsQuery['campaigns']['edges'][number]['node'];

const PAGE_SIZE = 20;
const STATUSES: CampaignStatus[] = ['DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'SENT', 'CANCELLED'];

/** The campaigns of the CPTS, latest first, by pages: status, progress, when. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CampaignStatus | null>(null);
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
      <NativeSelect
        mb="md"
        maw={280}
        label={t('campaigns.statusLabel')}
        value={status ?? ''}
        onChange={(e) => setStatus((e.currentTarget.value || null) as CampaignStatus | null)}
        data={[{ value: '', label: t('campaigns.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`campaigns.status.${s}`) }))]}
      />
      <CampaignPages key={status ?? ''} status={status} add={add} />
    </>
  );
}

/** Pages of 20; "Voir plus" adds the next page under those already shown. */
function CampaignPages({ status, add }: { status: CampaignStatus | null; add: ReactNode }) {
  const { t } = useTranslation();
  const list = useCursorPages(CampaignsDocument, { status, first: PAGE_SIZE }, (d) => d.campaigns, {
    context: CAMPAIGN_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  if (list.error && list.edges.length === 0) return <ErrorState error={toAppError(list.error)} onRetry={list.retry} />;
  if (list.totalCount === null && list.edges.length === 0) return <LoadingState rows={3} />;
  if (list.totalCount === 0) {
    return status ? (
      <EmptyState icon={<IconMail size={32} />} title={t('campaigns.noneWithStatus', { status: t(`campaigns.status.${status}`) })} />
    ) : (
      <EmptyState icon={<IconMail size={32} />} title={t('campaigns.empty')} description={t('campaigns.emptyHelp')} action={add} />
    );
  }
  const total = list.totalCount ?? list.edges.length;
  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.8" role="status" aria-live="polite">
        {t('campaigns.count', { count: total, formatted: formatNumber(total) })}
        {list.fetching ? ` · ${t('common.updating')}` : ''}
      </Text>
      {/* A table from tablets up; on a phone, a card per campaign with what the table's columns say. */}
      <Table.ScrollContainer minWidth={640} visibleFrom="sm">
        <Table verticalSpacing="sm" striped highlightOnHover>
          <TableHead
            labels={[
              t('campaigns.fields.subject'),
              t('campaigns.fields.audienceType'),
              t('campaigns.statusLabel'),
              t('campaigns.progressLabel'),
              t('campaigns.when'),
            ]}
          />
          <Table.Tbody>
            {list.edges.map(({ node: c }) => (
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
                <Table.Td>{progress(c, t)}</Table.Td>
                <Table.Td>{when(c, t)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="xs" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {list.edges.map(({ node: c }) => (
          <Card key={c.id} withBorder padding="sm" component="li">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={`/campagnes/${c.id}`} fw={600}>
                {c.subject}
              </Anchor>
              {/* Whole, however long the subject. */}
              <Box style={{ flexShrink: 0 }}>
                <CampaignStatusBadge status={c.status} />
              </Box>
            </Group>
            <Text size="sm" c="gray.8">
              {t(`campaigns.purpose.${c.purpose}`)}
            </Text>
            <Text size="sm">{[when(c, t), c.progress.total > 0 ? progress(c, t) : null].filter(Boolean).join(' · ')}</Text>
          </Card>
        ))}
      </Stack>
      {list.more && (
        <Group justify="center">
          <Button variant="default" loading={list.fetching} onClick={list.more}>
            {t('campaigns.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function progress(c: CampaignRow, t: (key: string, options?: Record<string, unknown>) => string): string {
  return c.progress.total > 0
    ? t('campaigns.progressShort', { sent: formatNumber(c.progress.sent), total: formatNumber(c.progress.total) })
    : '—';
}

function when(c: CampaignRow, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (c.status === 'SCHEDULED' && c.scheduledAt) return t('campaigns.scheduledFor', { when: formatParis(c.scheduledAt) });
  if (c.sendingStartedAt) return t('campaigns.startedAt', { when: formatParis(c.sendingStartedAt) });
  return t('campaigns.editedAt', { when: formatParis(c.updatedAt) });
}
