import { Center, Text } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState, PageNotice } from '../../components/states';
import type { AppError } from '../../lib/errors';

/**
 * What a login-free page shows when its link could not be read: a link
 * altered, cut or withdrawn (NOT_FOUND) is said plainly, in the API's French
 * words, with no way into the signed-in app; anything else can be retried.
 */
export function PublicLoadError({ error, onRetry }: { error: AppError; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error.code !== 'NOT_FOUND') return <ErrorState error={error} onRetry={onRetry} fullPage />;
  return (
    <Center mih="100vh" component="main" p="md">
      <PageNotice
        icon={<IconLinkOff size={32} />}
        title={t('meetingReply.invalidTitle')}
        description={<Text c="gray.8">{error.message}</Text>}
        home={false}
        role="alert"
      />
    </Center>
  );
}
