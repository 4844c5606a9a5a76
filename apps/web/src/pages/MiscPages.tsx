import { Button, EmptyState, Paper, Text, Title } from '@mantine/core';
import { IconMapPinOff, IconUserQuestion } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

function Message({ icon, title, text, home = true }: { icon: React.ReactNode; title: string; text: string; home?: boolean }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Paper withBorder p="xl" radius="md" maw={600} mx="auto" my="lg">
      <EmptyState icon={icon} withIndicatorBackground title={<Title order={1} size="h3">{title}</Title>} description={<Text c="gray.8">{text}</Text>}>
        {home && (
          <EmptyState.Actions>
            <Button component={Link} to="/">
              {t('common.backHome')}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <Message icon={<IconMapPinOff size={32} />} title={t('notFound.title')} text={t('notFound.text')} />;
}

export function NoRolePage() {
  const { t } = useTranslation();
  return <Message icon={<IconUserQuestion size={32} />} title={t('noRole.title')} text={t('noRole.text')} home={false} />;
}
