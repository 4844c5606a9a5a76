import { Anchor, Center, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageHeader';

/** The frame of the pages seen before signing in: one card, centred, readable on a phone. */
export function AuthLayout({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="sm" component="main">
      <Stack w="100%" maw={440} gap="md">
        <Group gap="xs" justify="center">
          <svg width="36" height="36" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="var(--mantine-color-brand-7)" />
            <path d="M13 7h6v6h6v6h-6v6h-6v-6H7v-6h6z" fill="white" />
          </svg>
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
        </Group>
        <Paper withBorder shadow="sm" p={{ base: 'md', xs: 'xl' }} radius="md">
          <Stack gap="md">
            <PageTitle title={title} subtitle={subtitle} />
            {children}
          </Stack>
        </Paper>
        {footer}
        <Text size="xs" c="gray.8" ta="center">
          {t('app.footer')}{' '}
          <Anchor href="mailto:support@cpts.fr" size="xs">
            support@cpts.fr
          </Anchor>
        </Text>
      </Stack>
    </Center>
  );
}
