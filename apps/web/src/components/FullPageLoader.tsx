import { Center, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" component="main">
      <Stack align="center" gap="sm">
        <Loader aria-hidden />
        <Text role="status">{t('common.loading')}</Text>
      </Stack>
    </Center>
  );
}
