import { Button, Group, Select, Tabs } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/states';
import { graphql } from '../../../gql';
import { useFilterParams } from '../../../lib/useFilterParams';
import { toAppError } from '../../../lib/errors';
import { CurrentCptsDocument } from '../queries';
import { currentYear } from './labels';
import { LapsedList } from './LapsedMembers';
import { MEMBERSHIP_CONTEXT } from './membership-context';
import { CountsTable } from './MembershipCounts';
import { MembershipList } from './MembershipList';
import { OpenYearModal } from './OpenYearModal';

const MembershipYearsDocument = graphql(`
  query MembershipYears {
    membershipYears {
      year
      defaultFeeCents
      openedAt
      membershipCount
    }
  }
`);

/**
 * Memberships (adhésions) of the CPTS, year by year: the list, the yearly
 * figure per profession, the members who did not renew, and the renewal
 * actions (open next year, lapse the unpaid).
 */
export function MembershipsPage() {
  const { t } = useTranslation();
  const { params, setParam: set } = useFilterParams();
  const [{ data: cptsData }] = useQuery({ query: CurrentCptsDocument, requestPolicy: 'cache-first' });
  const [{ data: yearsData, error: yearsError }, refetchYears] = useQuery({ query: MembershipYearsDocument, context: MEMBERSHIP_CONTEXT });
  const now = currentYear();
  const years = yearsData?.membershipYears ?? [];
  const yearChoices = [...new Set([...years.map((y) => y.year), now])].sort((a, b) => b - a);
  const year = Number(params.get('annee')) || now;
  const tab = params.get('vue') ?? 'liste';
  // The next year to open: this one if the staff have not yet, else the next (the server refuses further).
  const opened = new Set(years.filter((y) => y.openedAt).map((y) => y.year));
  const toOpen = [now, now + 1].find((y) => !opened.has(y)) ?? null;
  const [opening, setOpening] = useState(false);

  if (yearsError && !yearsData) return <ErrorState error={toAppError(yearsError)} onRetry={() => refetchYears({ requestPolicy: 'network-only' })} />;
  return (
    <>
      <PageHeader
        title={t('memberships.title')}
        subtitle={cptsData?.currentCpts.name}
        actions={
          toOpen !== null && (
            <Button leftSection={<IconCalendarPlus size={18} />} onClick={() => setOpening(true)}>
              {t('memberships.openYear', { year: toOpen })}
            </Button>
          )
        }
      />
      <Group mb="md" align="end" wrap="wrap">
        <Select
          label={t('memberships.year')}
          data={yearChoices.map((y) => ({ value: String(y), label: String(y) }))}
          value={String(year)}
          onChange={(v) => set('annee', v)}
          allowDeselect={false}
          w={140}
        />
        {!yearsData && <LoadingState />}
      </Group>
      <Tabs value={tab} onChange={(v) => set('vue', v === 'liste' ? null : v)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="liste">{t('memberships.tabList')}</Tabs.Tab>
          <Tabs.Tab value="professions">{t('memberships.tabCounts')}</Tabs.Tab>
          <Tabs.Tab value="non-renouveles">{t('memberships.tabLapsed')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="liste">
          <MembershipList key={year} year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="professions">
          <CountsTable year={year} />
        </Tabs.Panel>
        <Tabs.Panel value="non-renouveles">
          <LapsedList year={year} />
        </Tabs.Panel>
      </Tabs>
      {toOpen !== null && (
        <OpenYearModal
          key={toOpen}
          opened={opening}
          year={toOpen}
          suggestedFeeCents={years.find((y) => y.year === toOpen - 1)?.defaultFeeCents ?? 0}
          onClose={() => setOpening(false)}
          onDone={() => {
            setOpening(false);
            set('annee', String(toOpen));
          }}
        />
      )}
    </>
  );
}
