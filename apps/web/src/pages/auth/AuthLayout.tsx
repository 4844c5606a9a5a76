import { Anchor, Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The frame of the pages seen before signing in: one card, centred, readable on a phone. */
export function AuthLayout({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
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
            <Box>
              <Title order={1} size="h2">
                {title}
              </Title>
              {subtitle && (
                <Text c="gray.8" mt={4}>
                  {subtitle}
                </Text>
              )}
            </Box>
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
