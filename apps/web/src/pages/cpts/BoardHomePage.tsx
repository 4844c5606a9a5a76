import { Stack, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/me';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/states';

/** What awaits the board's validation. Nothing can be submitted to it yet: this says so honestly. */
export function BoardHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const firstName = me.me.user.displayName.split(' ')[0];
  return (
    <>
      <PageHeader title={t('board.title')} subtitle={t('board.subtitle', { name: firstName, cpts: me.me.activeCpts?.name ?? '' })} />
      <Stack gap="md">
        <EmptyState icon={<IconChecklist size={32} />} title={t('board.emptyTitle')} description={t('board.emptyText')} />
        <Text size="sm" c="gray.8">
          {t('board.howItWillWork')}
        </Text>
      </Stack>
    </>
  );
}
