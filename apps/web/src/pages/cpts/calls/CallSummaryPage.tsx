import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { CardSection } from '../../../components/CardSection';
import { Figure } from '../../../components/CptsFigures';
import { PageHeader } from '../../../components/PageHeader';
import { LoadingState, PageErrorState } from '../../../components/states';
import { TableHead } from '../../../components/TableHead';
import type { CallSummaryQuery } from '../../../gql/graphql';
import { downloadFile } from '../../../lib/download';
import { toAppError } from '../../../lib/errors';
import { formatDay, formatEuros, formatNumber } from '../../../lib/format';
import { formatMinutes } from '../payments/labels';
import { MissionBadges } from '../working-groups/labels';
import { useCallsCrumbs } from './CallsPage';
import { EnvelopeCard } from './EnvelopeFigures';
import { ProjectStatusBadge } from './labels';
import { CALL_CONTEXT, CallSummaryDocument } from './queries';
import { ScrollTable } from './ScrollTable';
import '../../../i18n/calls';

type Summary = CallSummaryQuery['callSummary'];

/**
 * A call's year at a glance, for the team and the board (the board: the
 * projects put to it): projects by status and by mission, the envelope, the
 * professionals involved, the workshops and their participants, a line per
 * project and per workshop; downloaded as an Excel workbook (the API's).
 * At /appels/<id>/synthese.
 */
export function CallSummaryPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const crumbs = useCallsCrumbs();
  const [{ data, error }, refetch] = useQuery({ query: CallSummaryDocument, variables: { callId: id }, context: CALL_CONTEXT });
  if (error && !data)
    return (
      <PageErrorState
        title={t('calls.summary.title')}
        crumbs={crumbs}
        error={toAppError(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  if (!data) return <LoadingState rows={6} />;
  return <SummaryView summary={data.callSummary} />;
}

function SummaryView({ summary: s }: { summary: Summary }) {
  const { t } = useTranslation();
  const me = useMe();
  const crumbs = useCallsCrumbs();
  const [exporting, setExporting] = useState(false);
  const exportXlsx = async () => {
    setExporting(true);
    const failure = await downloadFile(`/api/calls/${s.callId}/summary.xlsx`, `synthese-appel-a-projets-${s.year}.xlsx`);
    setExporting(false);
    if (failure) notifications.show({ color: 'red', message: failure.message });
  };
  return (
    <>
      <PageHeader
        title={t('calls.summary.titleOf', { title: s.title })}
        subtitle={me.isCptsStaff ? t('calls.summary.subtitle') : t('calls.summary.boardSubtitle')}
        crumbs={[...crumbs, { label: s.title, to: `/appels/${s.callId}` }, { label: t('calls.summary.crumb') }]}
        actions={
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            loading={exporting}
            onClick={() => void exportXlsx()}
          >
            {t('calls.summary.xlsx')}
          </Button>
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Figure label={t('calls.summary.projects')} value={formatNumber(s.projectCount)} />
          <Figure
            label={t('calls.summary.professionals')}
            value={formatNumber(s.professionalCount)}
            hint={t('calls.summary.professionalsHint')}
          />
          <Figure label={t('calls.summary.workshops')} value={formatNumber(s.workshopCount)} />
          <Figure
            label={t('calls.summary.participants')}
            value={formatNumber(s.participants)}
            hint={t('calls.summary.participantsHint', { count: s.knownParticipants })}
          />
        </SimpleGrid>
        <EnvelopeCard envelope={s.envelope} id="summary-envelope" />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <CardSection id="summary-by-status" title={t('calls.summary.byStatus')} gap="sm">
            {s.byStatus.length === 0 ? (
              <Text size="sm" c="gray.8">
                {t('calls.summary.noProject')}
              </Text>
            ) : (
              <Table verticalSpacing={6} aria-label={t('calls.summary.byStatus')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('calls.projects.status')}</Table.Th>
                    <Table.Th ta="right">{t('calls.summary.projectsCol')}</Table.Th>
                    <Table.Th ta="right">{t('calls.summary.budgets')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.byStatus.map((b) => (
                    <Table.Tr key={b.status}>
                      <Table.Td>
                        <ProjectStatusBadge status={b.status} />
                      </Table.Td>
                      <Table.Td ta="right">{b.projects}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatEuros(b.budgetCents)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </CardSection>
          <CardSection id="summary-by-mission" title={t('calls.summary.byMission')} gap="sm">
            {s.byMission.length === 0 ? (
              <Text size="sm" c="gray.8">
                {t('calls.summary.noProject')}
              </Text>
            ) : (
              <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                {s.byMission.map((m) => (
                  <Group
                    key={m.mission}
                    component="li"
                    justify="space-between"
                    align="flex-start"
                    wrap="nowrap"
                    gap="sm"
                    py={6}
                    style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
                  >
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600}>
                        {t(`workingGroups.missions.${m.mission}`)}
                      </Text>
                      <Text size="xs" c="gray.8">
                        {t('calls.summary.missionLine', { count: m.projects, approved: formatEuros(m.approvedCents) })}
                      </Text>
                    </Stack>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatEuros(m.budgetCents)}
                    </Text>
                  </Group>
                ))}
              </Stack>
            )}
          </CardSection>
        </SimpleGrid>
        <SummaryProjects summary={s} />
        <SummaryWorkshops summary={s} />
        <CardSection id="summary-professionals" title={t('calls.summary.professionalsTitle', { count: s.professionals.length })} gap="sm">
          {s.professionals.length === 0 ? (
            <Text size="sm" c="gray.8">
              {t('calls.summary.noProfessional')}
            </Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {s.professionals.map((p) => (
                <Stack key={p.id} gap={0} component="li">
                  {me.isCptsStaff ? (
                    <Anchor component={Link} to={`/annuaire/${p.id}`} size="sm" fw={600}>
                      {p.name}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={600}>
                      {p.name}
                    </Text>
                  )}
                  <Text size="xs" c="gray.8">
                    {[
                      p.professionLabel,
                      p.carrier ? t('calls.summary.carrier') : null,
                      p.coCarrier ? t('calls.summary.coCarrier') : null,
                      t('calls.projectCount', { count: p.projects }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
          )}
        </CardSection>
      </Stack>
    </>
  );
}

/** A line per project: its status, its carrier, its money and its workshops. */
function SummaryProjects({ summary: s }: { summary: Summary }) {
  const { t } = useTranslation();
  return (
    <CardSection id="summary-projects" title={t('calls.summary.projectsTitle')} gap="sm">
      {s.projects.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('calls.summary.noProject')}
        </Text>
      ) : (
        <ScrollTable minWidth={980} label={t('calls.summary.projectsTitle')}>
          <Table verticalSpacing="xs" striped aria-label={t('calls.summary.projectsTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('calls.projects.number')}</Table.Th>
                <Table.Th>{t('calls.projects.project')}</Table.Th>
                <Table.Th>{t('calls.projects.carrier')}</Table.Th>
                <Table.Th>{t('calls.projects.status')}</Table.Th>
                <Table.Th ta="right">{t('calls.summary.asked')}</Table.Th>
                <Table.Th ta="right">{t('calls.summary.approved')}</Table.Th>
                <Table.Th ta="right">{t('calls.summary.paid')}</Table.Th>
                <Table.Th ta="right">{t('calls.summary.workshopsCol')}</Table.Th>
                <Table.Th ta="right">{t('calls.summary.participantsCol')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.projects.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={600}>{p.number}</Table.Td>
                  <Table.Td miw={200}>
                    <Anchor component={Link} to={`/appels/projets/${p.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {p.title}
                    </Anchor>
                    <MissionBadges missions={p.missions} />
                  </Table.Td>
                  <Table.Td>{p.carrier}</Table.Td>
                  <Table.Td>
                    <ProjectStatusBadge status={p.status} />
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatEuros(p.budgetCents)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {p.approvedCents !== null && p.approvedCents !== undefined ? formatEuros(p.approvedCents) : '—'}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatEuros(p.paidCents)}
                  </Table.Td>
                  <Table.Td ta="right">{p.workshops}</Table.Td>
                  <Table.Td ta="right">{p.participants}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </CardSection>
  );
}

/** A line per workshop held: when, which project, how long, where, who took part and led it, the hourly fees. */
function SummaryWorkshops({ summary: s }: { summary: Summary }) {
  const { t } = useTranslation();
  return (
    <CardSection id="summary-workshops" title={t('calls.summary.workshopsTitle', { count: s.workshops.length })} gap="sm">
      {s.workshops.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('calls.summary.noWorkshop')}
        </Text>
      ) : (
        <ScrollTable minWidth={900} label={t('calls.summary.workshopsTitle', { count: s.workshops.length })}>
          <Table verticalSpacing="xs" striped aria-label={t('calls.summary.workshopsTitle', { count: s.workshops.length })}>
            <TableHead
              labels={[
                t('calls.summary.date'),
                t('calls.projects.project'),
                t('calls.summary.length'),
                t('calls.workshops.place'),
                t('calls.summary.participantsCol'),
                t('calls.workshops.speakers'),
                t('calls.summary.fees'),
              ]}
            />
            <Table.Tbody>
              {s.workshops.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(w.heldOn)}</Table.Td>
                  <Table.Td miw={180}>
                    <Anchor component={Link} to={`/appels/projets/${w.projectId}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {w.projectNumber} {w.projectTitle}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMinutes(w.minutes)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{w.place ?? '—'}</Table.Td>
                  <Table.Td>
                    {w.participants}{' '}
                    <Badge component="span" color="gray" variant="light" tt="none" size="sm">
                      {t('calls.summary.knownShort', { count: w.knownParticipants })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{w.speakers.join(', ')}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatEuros(w.feesCents)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </CardSection>
  );
}
