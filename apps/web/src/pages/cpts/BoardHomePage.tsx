import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/me';
import { PageHeader } from '../../components/PageHeader';
import { DecisionPendingCard } from './governance/DecisionPendingCard';

/** What awaits the board: the decisions on which the person has not voted yet, each a link to its page. */
export function BoardHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const firstName = me.me.user.displayName.split(' ')[0];
  return (
    <>
      <PageHeader title={t('board.title')} subtitle={t('board.subtitle', { name: firstName, cpts: me.me.activeCpts?.name ?? '' })} />
      <Stack gap="md">
        <DecisionPendingCard />
      </Stack>
    </>
  );
}
