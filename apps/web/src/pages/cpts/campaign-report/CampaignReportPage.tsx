import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet, IconPhoneCheck } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Figure } from '../../../components/CptsFigures';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { graphql } from '../../../gql';
import { downloadFile } from '../../../lib/download';
import { toAppError } from '../../../lib/errors';
import { formatDateTime, formatNumber, formatPercent } from '../../../lib/format';
import { useCursorPages } from '../../../lib/useCursorPages';
import { FollowUpContacts } from './FollowUpContacts';

const CampaignReportDocument = graphql(`
  query CampaignReport($campaignId: ID!) {
    campaignReport(campaignId: $campaignId) {
      campaignId
      subject
      sendingStartedAt
      finishedAt
      sent
      failed
      pending
      cancelled
      skipped
      uniqueClickers
      totalClicks
      clickRate
      links {
        index
        url
        uniqueClickers
        totalClicks
      }
      professions {
        profession {
          code
          labelPlural
        }
        sent
        clickers
        clickRate
      }
    }
  }
`);

const CampaignFollowUpDocument = graphql(`
  query CampaignFollowUp($campaignId: ID!, $first: Int, $after: String) {
    campaignFollowUp(campaignId: $campaignId, first: $first, after: $after) {
      totalCount
      pageInfo {
        ...CursorPageInfo
      }
      edges {
        node {
          deliveryId
          professionalId
          lastName
          firstName
          profession {
            code
            label
          }
          communes {
            inseeCode
            name
          }
          phone
          email
        }
      }
    }
  }
`);

const PAGE_SIZE = 50;

/**
 * What a campaign achieved (no open rate: opens cannot be measured
 * reliably; clicks can): messages sent, unique clickers and the click rate,
 * per link and per profession; then the people who did not click, with their
 * phone numbers, to call them.
 */
export function CampaignReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error }, refetch] = useQuery({ query: CampaignReportDocument, variables: { campaignId: id } });
  if (error && !data) return <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={4} />;
  const r = data.campaignReport;
  return (
    <>
      <PageHeader
        title={t('campaignReport.title')}
        subtitle={r.subject}
        crumbs={[{ label: t('campaignReport.campaigns'), to: '/campagnes' }, { label: r.subject, to: `/campagnes/${id}` }, { label: t('campaignReport.crumb') }]}
      />
      <Stack gap="xl">
        <Stack gap="sm" component="section" aria-labelledby="report-figures">
          <Title order={2} size="h3" id="report-figures">
            {t('campaignReport.figures')}
          </Title>
          {r.sendingStartedAt && (
            <Text size="sm" c="gray.8">
              {r.finishedAt ? t('campaignReport.sentBetween', { start: formatDateTime(r.sendingStartedAt), end: formatDateTime(r.finishedAt) }) : t('campaignReport.sendingSince', { start: formatDateTime(r.sendingStartedAt) })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <Figure label={t('campaignReport.sent')} value={formatNumber(r.sent)} hint={r.pending > 0 ? t('campaignReport.pending', { count: r.pending, formatted: formatNumber(r.pending) }) : undefined} />
            <Figure
              label={t('campaignReport.failed')}
              value={formatNumber(r.failed)}
              hint={
                [
                  r.cancelled > 0 ? t('campaignReport.cancelled', { count: r.cancelled, formatted: formatNumber(r.cancelled) }) : null,
                  r.skipped > 0 ? t('campaignReport.skipped', { count: r.skipped, formatted: formatNumber(r.skipped) }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ') || undefined
              }
            />
            <Figure label={t('campaignReport.clickers')} value={formatNumber(r.uniqueClickers)} hint={t('campaignReport.totalClicks', { count: r.totalClicks, formatted: formatNumber(r.totalClicks) })} />
            <Figure label={t('campaignReport.clickRate')} value={formatPercent(r.clickRate)} hint={t('campaignReport.clickRateHint')} />
          </SimpleGrid>
          <Alert color="blue" variant="light">
            <Text size="sm">{t('campaignReport.method')}</Text>
          </Alert>
        </Stack>

        <FiguresTableSection
          id="report-links"
          title={t('campaignReport.linksTitle')}
          headers={[t('campaignReport.link'), t('campaignReport.uniqueClickers'), t('campaignReport.clicks')]}
          caption={t('campaignReport.linksCaption')}
          rows={r.links}
          emptyText={t('campaignReport.noLinks')}
        >
          {(l) => (
            <Table.Tr key={l.index}>
              <Table.Th scope="row" fw={500} className="break">
                <Anchor href={l.url} target="_blank" rel="noopener noreferrer" size="sm">
                  {l.url}
                </Anchor>
              </Table.Th>
              <Table.Td ta="right" fw={700}>
                {formatNumber(l.uniqueClickers)}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(l.totalClicks)}</Table.Td>
            </Table.Tr>
          )}
        </FiguresTableSection>

        <FiguresTableSection
          id="report-professions"
          title={t('campaignReport.professionsTitle')}
          headers={[t('campaignReport.profession'), t('campaignReport.sent'), t('campaignReport.clickers'), t('campaignReport.clickRate')]}
          caption={t('campaignReport.professionsCaption')}
          rows={r.professions}
          emptyText={t('campaignReport.nothingSent')}
        >
          {(p) => (
            <Table.Tr key={p.profession?.code ?? 'none'}>
              <Table.Th scope="row" fw={500}>
                {p.profession?.labelPlural ?? t('campaignReport.noProfession')}
              </Table.Th>
              <Table.Td ta="right">{formatNumber(p.sent)}</Table.Td>
              <Table.Td ta="right">{formatNumber(p.clickers)}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {formatPercent(p.clickRate)}
              </Table.Td>
            </Table.Tr>
          )}
        </FiguresTableSection>

        <FollowUpSection campaignId={id} />
      </Stack>
    </>
  );
}

/**
 * A section of figures: its heading, then a table (a caption, rows named in
 * the first column, figures aligned right in the others, scrollable by
 * keyboard on a phone), or a line saying there is nothing to count.
 */
function FiguresTableSection<Row>({
  id,
  title,
  emptyText,
  caption,
  headers: [rowHeader, ...figureHeaders],
  rows,
  children: renderRow,
}: {
  id: string;
  title: string;
  emptyText: string;
  caption: string;
  /** The rows' column, then the figures'. */
  headers: string[];
  rows: Row[];
  children: (row: Row) => ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="gray.8">{emptyText}</Text>
      ) : (
        <Table.ScrollContainer minWidth={320} scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': caption } }}>
          <Table verticalSpacing="sm" striped>
            <Table.Caption>{caption}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{rowHeader}</Table.Th>
                {figureHeaders.map((header) => (
                  <Table.Th key={header} scope="col" ta="right">
                    {header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{rows.map(renderRow)}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** The recipients who did not click, with their phone numbers (pages of 50) and the exports. */
function FollowUpSection({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const { edges, totalCount, error, fetching, retry, more } = useCursorPages(CampaignFollowUpDocument, { campaignId, first: PAGE_SIZE }, (d) => d.campaignFollowUp);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    const failure = await downloadFile(`/api/campaigns/${campaignId}/follow-up.${format}`, `relance-telephonique.${format}`);
    setExporting(null);
    if (failure) notifications.show({ color: 'red', message: failure.message });
  };
  const total = totalCount ?? edges.length;
  return (
    <Stack gap="sm" component="section" aria-labelledby="report-follow-up">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Title order={2} size="h3" id="report-follow-up">
          {t('campaignReport.followUpTitle')}
        </Title>
        {total > 0 && (
          <Group gap="sm">
            <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting === 'csv'} disabled={exporting !== null} onClick={() => exportAs('csv')}>
              {t('campaignReport.exportCsv')}
            </Button>
            <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={exporting === 'xlsx'} disabled={exporting !== null} onClick={() => exportAs('xlsx')}>
              {t('campaignReport.exportXlsx')}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="sm" c="gray.8">
        {t('campaignReport.followUpHelp')}
      </Text>
      {error && edges.length === 0 ? (
        <ErrorState error={toAppError(error)} onRetry={retry} />
      ) : totalCount === null && edges.length === 0 ? (
        <LoadingState rows={3} />
      ) : total === 0 ? (
        <EmptyState icon={<IconPhoneCheck size={32} />} title={t('campaignReport.followUpEmpty')} />
      ) : (
        <>
          <Text size="sm" role="status" aria-live="polite">
            {t('campaignReport.followUpCount', { count: total, formatted: formatNumber(total) })}
            {fetching ? ` · ${t('common.updating')}` : ''}
          </Text>
          <FollowUpContacts contacts={edges.map((e) => e.node)} caption={t('campaignReport.followUpCaption')} />
          {more && (
            <Group justify="center">
              <Button variant="default" loading={fetching} onClick={more}>
                {t('campaignReport.more')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
