import { Center, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of a login-free page opened from an email: the CPTS's name over one card, a line under it; readable at 375 px. */
export function PublicFrame({ name, children, footer }: { name: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <Center mih="100vh" p="sm" component="main" style={{ alignItems: 'flex-start' }}>
      <Stack w="100%" maw={560} gap="md" py="md">
        <Group gap="xs" justify="center">
          <svg width="32" height="32" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="var(--mantine-color-brand-7)" />
            <path d="M13 7h6v6h6v6h-6v6h-6v-6H7v-6h6z" fill="white" />
          </svg>
          <Text fw={700}>{name}</Text>
        </Group>
        <Paper withBorder shadow="sm" p={{ base: 'md', xs: 'xl' }} radius="md">
          {children}
        </Paper>
        {footer && (
          <Text size="xs" c="gray.8" ta="center">
            {footer}
          </Text>
        )}
      </Stack>
    </Center>
  );
}
