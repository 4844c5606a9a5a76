import { Alert, Card, Group, Loader, MultiSelect, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { PeoplePicker } from '../../../components/PeoplePicker';
import { ErrorState } from '../../../components/states';
import type { CampaignAudience, CampaignPurpose, CampaignSegmentInput, ExclusionReason } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { useDebounced } from '../../../lib/useDebounced';
import { currentYear, LEVELS, STATUSES } from '../memberships/labels';
import { CurrentCptsDocument, ProfessionsDocument } from '../queries';
import { AudiencePreviewDocument, SegmentOptionsDocument } from './queries';

export type Segment = {
  professionCodes: string[];
  communeCodes: string[];
  membership: { year: number; statuses: string[] } | null;
  minInvolvementLevel: string | null;
  labelIds: string[];
  includeIds: string[];
  excludeIds: string[];
};

export const EMPTY_SEGMENT: Segment = { professionCodes: [], communeCodes: [], membership: null, minInvolvementLevel: null, labelIds: [], includeIds: [], excludeIds: [] };

/** The segment as the API takes it (field by field: query results carry __typename, which inputs refuse). */
export const segmentInput = (s: Segment): CampaignSegmentInput => ({
  professionCodes: s.professionCodes,
  communeCodes: s.communeCodes,
  membership: s.membership ? { year: s.membership.year, statuses: s.membership.statuses } : null,
  minInvolvementLevel: s.minInvolvementLevel,
  labelIds: s.labelIds,
  includeIds: s.includeIds,
  excludeIds: s.excludeIds,
});

const REASONS: ExclusionReason[] = ['NO_EMAIL', 'WITHDRAWN', 'NO_CONSENT', 'BOUNCED', 'BLOCKED'];
const REASON_KEY: Record<ExclusionReason, 'noEmail' | 'withdrawn' | 'noConsent' | 'bounced' | 'blocked'> = {
  NO_EMAIL: 'noEmail',
  WITHDRAWN: 'withdrawn',
  NO_CONSENT: 'noConsent',
  BOUNCED: 'bounced',
  BLOCKED: 'blocked',
};

/** Who the campaign goes to: filters that combine, people added or removed one by one. */
export function SegmentBuilder({ value, onChange, errors }: { value: Segment; onChange: (segment: Segment) => void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const [{ data: cpts }] = useQuery({ query: CurrentCptsDocument, requestPolicy: 'cache-first' });
  const [{ data: professions }] = useQuery({ query: ProfessionsDocument, requestPolicy: 'cache-first' });
  const [{ data: options }] = useQuery({ query: SegmentOptionsDocument, requestPolicy: 'cache-and-network' });
  const set = (patch: Partial<Segment>) => onChange({ ...value, ...patch });
  const years = [...new Set([currentYear(), currentYear() - 1, ...(options?.membershipYears ?? []).map((y) => y.year)])].sort((a, b) => b - a);
  return (
    <Stack gap="sm">
      <Text size="sm" c="gray.8">
        {t('campaigns.segment.help')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <MultiSelect
          label={t('campaigns.segment.professions')}
          placeholder={value.professionCodes.length ? undefined : t('campaigns.segment.allProfessions')}
          data={(professions?.professions ?? []).map((p) => ({ value: p.code, label: p.label }))}
          value={value.professionCodes}
          onChange={(v) => set({ professionCodes: v })}
          error={errors['segment.professionCodes']}
          searchable
          clearable
        />
        <MultiSelect
          label={t('campaigns.segment.communes')}
          placeholder={value.communeCodes.length ? undefined : t('campaigns.segment.allCommunes')}
          data={(cpts?.currentCpts.communes ?? []).map((c) => ({ value: c.inseeCode, label: c.name }))}
          value={value.communeCodes}
          onChange={(v) => set({ communeCodes: v })}
          error={errors['segment.communeCodes']}
          searchable
          clearable
        />
        <Select
          label={t('campaigns.segment.membershipYear')}
          placeholder={t('campaigns.segment.anyMembership')}
          data={years.map((y) => ({ value: String(y), label: t('campaigns.segment.membershipOf', { year: y }) }))}
          value={value.membership ? String(value.membership.year) : null}
          onChange={(v) => set({ membership: v ? { year: Number(v), statuses: value.membership?.statuses ?? ['active'] } : null })}
          error={errors['segment.membership.year']}
          clearable
        />
        <MultiSelect
          label={t('campaigns.segment.membershipStatus')}
          placeholder={value.membership?.statuses.length ? undefined : t('campaigns.segment.anyStatus')}
          data={STATUSES.map((s) => ({ value: s.toLowerCase(), label: t(`memberships.status.${s}`) }))}
          value={value.membership?.statuses ?? []}
          onChange={(v) => value.membership && set({ membership: { ...value.membership, statuses: v } })}
          disabled={!value.membership}
          description={value.membership ? undefined : t('campaigns.segment.chooseYearFirst')}
          clearable
        />
        <Select
          label={t('campaigns.segment.involvement')}
          placeholder={t('campaigns.segment.anyInvolvement')}
          data={LEVELS.map((l) => ({ value: l.toLowerCase(), label: t('campaigns.segment.atLeast', { level: t(`involvement.levels.${l}`) }) }))}
          value={value.minInvolvementLevel}
          onChange={(v) => set({ minInvolvementLevel: v })}
          clearable
        />
        <MultiSelect
          label={t('campaigns.segment.labels')}
          placeholder={value.labelIds.length ? undefined : t('campaigns.segment.anyLabel')}
          data={(options?.directoryLabels ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={value.labelIds}
          onChange={(v) => set({ labelIds: v })}
          nothingFoundMessage={t('campaigns.segment.noLabel')}
          searchable
          clearable
        />
        <PeoplePicker label={t('campaigns.segment.include')} ids={value.includeIds} onChange={(ids) => set({ includeIds: ids, excludeIds: value.excludeIds.filter((id) => !ids.includes(id)) })} />
        <PeoplePicker label={t('campaigns.segment.exclude')} ids={value.excludeIds} onChange={(ids) => set({ excludeIds: ids, includeIds: value.includeIds.filter((id) => !ids.includes(id)) })} />
      </SimpleGrid>
    </Stack>
  );
}

/**
 * The live count of the segment (debounced as the staff change filters), and
 * why the others are left out.
 */
export function AudienceCount({ audienceType, purpose, segment }: { audienceType: CampaignAudience; purpose: CampaignPurpose; segment: Segment }) {
  const { t } = useTranslation();
  const variables = useDebounced(JSON.stringify({ audienceType, purpose, segment: segmentInput(segment) }), 400);
  const [{ data, error, fetching }, refetch] = useQuery({ query: AudiencePreviewDocument, variables: JSON.parse(variables), requestPolicy: 'cache-and-network' });
  const preview = data?.audiencePreview;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="audience-count-title">
      <Stack gap="xs">
        <Group gap="xs">
          <IconUsers size={20} aria-hidden />
          <Title order={2} size="h4" id="audience-count-title">
            {t('campaigns.count.title')}
          </Title>
          {fetching && <Loader size="xs" aria-hidden />}
        </Group>
        {error && !preview && <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
        <Text size="xl" fw={700} role="status" aria-live="polite" data-testid="audience-count">
          {preview ? t('campaigns.count.recipients', { count: preview.recipients, formatted: formatNumber(preview.recipients) }) : t('common.loading')}
        </Text>
        {preview && (
          <>
            <Text size="sm" c="gray.8">
              {t('campaigns.count.matched', { count: preview.matched, formatted: formatNumber(preview.matched) })}
              {preview.sharedAddresses > 0 ? ` ${t('campaigns.count.shared', { count: preview.sharedAddresses })}` : ''}
            </Text>
            {REASONS.some((r) => preview.excluded[REASON_KEY[r]] > 0) && (
              <>
                <Text size="sm" fw={600}>
                  {t('campaigns.count.excludedTitle')}
                </Text>
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {REASONS.filter((r) => preview.excluded[REASON_KEY[r]] > 0).map((r) => (
                    <li key={r}>
                      <Text size="sm">{t(`campaigns.reason.${r}`, { count: preview.excluded[REASON_KEY[r]] })}</Text>
                    </li>
                  ))}
                </ul>
                {preview.excludedSample.length > 0 && (
                  <Table.ScrollContainer minWidth={300}>
                    <Table fz="sm" verticalSpacing={4}>
                      <Table.Caption>{t('campaigns.count.sampleCaption')}</Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">{t('campaigns.count.person')}</Table.Th>
                          <Table.Th scope="col">{t('campaigns.count.why')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {preview.excludedSample.map((p) => (
                          <Table.Tr key={p.professionalId}>
                            <Table.Td>
                              <Link to={`/annuaire/${p.professionalId}`}>{p.name}</Link>
                            </Table.Td>
                            <Table.Td>{t(`campaigns.reasonShort.${p.reason}`)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </>
            )}
            {preview.recipients === 0 && (
              <Alert color="yellow" variant="light">
                <Text size="sm">{t('campaigns.count.nobody')}</Text>
              </Alert>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
