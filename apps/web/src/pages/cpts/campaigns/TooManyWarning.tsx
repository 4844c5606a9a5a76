import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatParisMonth } from './schedule';

/** Beyond two newsletters a month, readers drop off (the field's advice): said before a third, sent or planned. */
export function TooManyWarning({ count, at }: { count: number; at: Date }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" role="alert">
      <Text size="sm">{t('campaigns.tooMany', { count, month: formatParisMonth(at) })}</Text>
    </Alert>
  );
}
