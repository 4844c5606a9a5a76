import { Alert, Button, Center, EmptyState as MantineEmptyState, Group, Loader, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconSearchOff, IconWifiOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppError } from '../lib/errors';
import { PageHeader, type Crumb } from './PageHeader';

/** A spinner with words, for screen readers too. */
export function LoadingState({ label, rows = 0 }: { label?: string; rows?: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" py="md" aria-busy="true">
      <Group gap="xs" role="status">
        <Loader size="sm" aria-hidden />
        <Text size="sm">{label ?? t('common.loading')}</Text>
      </Group>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={44} radius="sm" />
      ))}
    </Stack>
  );
}

/** An error, said plainly, with a way out. */
export function ErrorState({ error, onRetry, fullPage }: { error: AppError | null; onRetry?: () => void; fullPage?: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  const notFound = error.code === 'NOT_FOUND';
  const forbidden = error.code === 'FORBIDDEN';
  const network = error.code === 'NETWORK';
  const icon = notFound ? <IconSearchOff size={32} /> : forbidden ? <IconLock size={32} /> : network ? <IconWifiOff size={32} /> : <IconAlertTriangle size={32} />;
  const title = notFound ? t('errors.notFoundTitle') : forbidden ? t('errors.forbiddenTitle') : network ? t('errors.networkTitle') : t('errors.title');
  const content = (
    <Paper withBorder p="xl" radius="md" maw={560} mx="auto" my="lg" role="alert">
      <MantineEmptyState
        icon={icon}
        title={<Title order={2} size="h3">{title}</Title>}
        description={<Text c="gray.8">{error.message}</Text>}
        withIndicatorBackground
      >
        <MantineEmptyState.Actions>
          {onRetry && !notFound && !forbidden && (
            <Button onClick={onRetry} variant="filled">
              {t('common.retry')}
            </Button>
          )}
          <Button component={Link} to="/" variant="default">
            {t('common.backHome')}
          </Button>
        </MantineEmptyState.Actions>
      </MantineEmptyState>
    </Paper>
  );
  return fullPage ? (
    <Center mih="100vh" component="main" p="md">
      {content}
    </Center>
  ) : (
    content
  );
}

/** A page whose record could not be read: its header still says where one is, then the error. */
export function PageErrorState({ title, crumbs, error, onRetry }: { title: string; crumbs: Crumb[]; error: AppError | null; onRetry: () => void }) {
  return (
    <>
      <PageHeader title={title} crumbs={crumbs} />
      <ErrorState error={error} onRetry={onRetry} />
    </>
  );
}

/** Nothing to show yet, and what to do about it. */
export function EmptyState({ icon, title, description, action }: { icon?: ReactNode; title: string; description?: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md" my="md">
      <MantineEmptyState icon={icon} title={<Title order={2} size="h4">{title}</Title>} description={description ? <Text c="gray.8">{description}</Text> : undefined} withIndicatorBackground={!!icon}>
        {action && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
      </MantineEmptyState>
    </Paper>
  );
}

/** A whole page's message (no access, no such page): an icon, a heading, what to know, and the way home. */
export function PageNotice({ icon, title, description, home = true, role }: { icon: ReactNode; title: string; description: ReactNode; home?: boolean; role?: 'alert' }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" radius="md" maw={600} mx="auto" my="lg" role={role}>
      <MantineEmptyState icon={icon} withIndicatorBackground title={<Title order={1} size="h3">{title}</Title>} description={description}>
        {home && (
          <MantineEmptyState.Actions>
            <Button component={Link} to="/">
              {t('common.backHome')}
            </Button>
          </MantineEmptyState.Actions>
        )}
      </MantineEmptyState>
    </Paper>
  );
}

/** A form-level error (the field errors sit next to their fields). */
export function FormAlert({ error }: { error: AppError | null }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert" title={undefined}>
      <Text size="sm" c="red.9">{error.message}</Text>
    </Alert>
  );
}
